"""The ticker on the article page (through articles.page_parts: the articles app does not
know the ticker), its "Live" badge on teasers, and its text for search."""

from django.utils.translation import gettext as _

from articles import page_parts
from core import surrogate
from search.text import plain_text

from . import conf, structured_data
from .models import Entry, Ticker


def ticker_of(article):
    """The article's ticker if it has one: loaded with the article (select_related), else
    one query."""
    try:
        return article.live_ticker
    except Ticker.DoesNotExist:
        return None


def ticker_part(request, article):
    from .selectors import ticker_page

    ticker = ticker_of(article)
    if ticker is None:
        return None
    # Pages that show the ticker's entries: a new entry ends them, and only them.
    surrogate.add(f"tk{ticker.pk}")
    shown = ticker_page(request, ticker)
    frames = {
        block.embed.origin
        for entry in (*shown.entries, *shown.pinned)
        for block in entry.body_blocks
        if block.kind == "embed"
    }
    frames |= {entry.embed.origin for entry in (*shown.entries, *shown.pinned) if entry.embed}
    return page_parts.PagePart(
        template="liveticker/ticker.html",
        context={
            "ticker": ticker,
            "ticker_page": shown,
            "page_obj": shown.page,
            "is_paginated": shown.page.has_other_pages(),
            "poll_seconds": conf.poll_seconds(),
            # Entries that arrive later may load only these frames (the page's CSP).
            "ticker_frame_origins": " ".join(sorted(frames)),
        },
        frame_origins=tuple(sorted(frames)),
        structured_data=structured_data.live_blog_posting(request, article, ticker, shown),
    )


def badge(article):
    """ "Live" on the teasers of an article whose ticker runs (loaded with the teaser: no
    query; an article loaded without it shows no badge rather than asking)."""
    if not type(article).live_ticker.is_cached(article):
        return None
    ticker = ticker_of(article)
    if ticker is not None and ticker.is_running():
        return page_parts.Badge(_("Live"), "badge--live")
    return None


def search_text(article_ids):
    """{article id: the text of its ticker's entries} for the search documents."""
    texts = {}
    for ticker_id, title, body in Entry.objects.filter(ticker_id__in=article_ids).values_list(
        "ticker_id", "title", "body"
    ):
        texts.setdefault(ticker_id, []).extend(part for part in (title, plain_text(body)) if part)
    return {pk: " ".join(parts) for pk, parts in texts.items()}
