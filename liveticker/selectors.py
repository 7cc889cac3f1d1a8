"""What readers see of a ticker: its entries page by page, the pinned ones and the key
events, in a fixed number of queries however many entries it has."""

from dataclasses import dataclass, field

from articles import blocks
from core.pagination import paginate
from images.renditions import load_renditions

from . import conf
from .models import Entry


@dataclass
class TickerPage:
    ticker: object
    page: object
    entries: list
    pinned: list = field(default_factory=list)
    # The key events, newest first: {"pk", "title", "time", "page"} (linked to their page).
    key_events: list = field(default_factory=list)
    # The newest entry's key: the page asks for entries after it (static/js/liveticker.js).
    newest_id: int = 0


def with_parts(entries):
    """Entries with what they show: author, picture (and its 16:9 renditions), the pictures
    in their text; a fixed number of queries for any number of entries."""
    entries = list(entries)
    load_renditions([entry.image for entry in entries], "wide")
    blocks.load_pictures(entries)
    for entry in entries:
        entry.body_blocks = blocks.blocks(entry)
    return entries


def loaded():
    return Entry.objects.select_related("author", "image")


def ticker_page(request, ticker):
    """The entries of ``ticker`` on the page ``?seite=`` asks for (404 past the last)."""
    # One narrow read of every entry's key (newest first) gives the pages, the key events'
    # pages and the pinned entries; then only the entries shown are loaded.
    rows = list(
        Entry.objects.filter(ticker=ticker).values_list(
            "pk", "pinned", "key_event", "title", "published_at"
        )
    )
    per_page = conf.entries_per_page()
    page = paginate(request, [row[0] for row in rows], per_page)
    pinned_ids = [row[0] for row in rows if row[1]] if page.number == 1 else []
    wanted = {*page.object_list, *pinned_ids}
    found = {entry.pk: entry for entry in with_parts(loaded().filter(pk__in=wanted))}
    key_events = [
        {"pk": pk, "title": title, "time": time, "page": index // per_page + 1}
        for index, (pk, _pinned, key_event, title, time) in enumerate(rows)
        if key_event
    ]
    return TickerPage(
        ticker=ticker,
        page=page,
        entries=[found[pk] for pk in page.object_list if pk in found],
        pinned=[found[pk] for pk in pinned_ids if pk in found],
        key_events=key_events,
        newest_id=max((row[0] for row in rows), default=0),
    )


def entries_after(article_id, after):
    """Entries of the public article's ticker newer than entry ``after``, oldest first:
    one query (plus the renditions of pictures, when an entry has one)."""
    from articles.models import public_filter

    return with_parts(
        loaded()
        .filter(public_filter("ticker__article__"), ticker_id=article_id, pk__gt=after)
        .order_by("pk")[:50]
    )
