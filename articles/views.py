"""The reader's pages: home, article, the lists by section, tag, author and day, and the
corrections."""

import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core import dates, security, surrogate
from core.pagination import page_context, paginate

from . import blocks, page_parts, selectors
from .models import Section


def render_list(request, queryset, template="articles/list.html", allow_empty=True, **context):
    page = paginate(request, queryset)
    if not allow_empty and not page.object_list:
        raise Http404
    return render(request, template, {**context, **page_context(page)})


def home(request):
    if (request.GET.get("seite") or "1") != "1":
        # Page 2 on is the plain list of what came before, newest first.
        surrogate.add("home")
        return render_list(
            request, selectors.teasers(), template="articles/home_more.html", is_home=True
        )
    surrogate.add("home")
    front = selectors.front_page(settings.NEWSROOM_ARTICLES_PER_PAGE)
    return render(
        request, "articles/home.html", {"front": front, "page_obj": front.page, "is_home": True}
    )


def section(request, section):
    section = get_object_or_404(Section.objects.select_related("social_image"), slug=section)
    surrogate.add(f"ls{section.pk}")
    return render_list(
        request,
        selectors.teasers().filter(section=section),
        heading=section.name,
        section=section,
        current_section=section,
    )


def tag(request, slug):
    tag = get_object_or_404(selectors.public_tags(), slug=slug)
    surrogate.add(f"lt{tag.pk}")
    page = paginate(request, selectors.by_tag(tag))
    context = {
        "heading": _("Topic: %(tag)s") % {"tag": tag.name},
        "tag": tag,
        # A topic with a story or two is a thin page: readers may follow it, search engines
        # are asked not to index it (and the sitemap leaves it out).
        "noindex": page.paginator.count < settings.NEWSROOM_TAG_INDEX_MIN_ARTICLES,
    }
    return render(request, "articles/list.html", {**context, **page_context(page)})


def author(request, slug):
    # The photo's renditions once, for its picture and for the social preview.
    authors = selectors.public_authors().select_related("photo")
    author = get_object_or_404(authors.prefetch_related("photo__renditions"), slug=slug)
    surrogate.add(f"lp{author.pk}")
    return render_list(
        request,
        selectors.by_author(author),
        template="articles/author.html",
        heading=author.name,
        author=author,
    )


def day(request, year, month, day):
    surrogate.add("lists")
    try:
        date = datetime.date(year, month, day)
        if not 1900 <= date.year <= 2999:
            raise ValueError("outside the archive")
        articles, previous_day, next_day = selectors.on_day(date)
    except (ValueError, OverflowError) as exc:
        raise Http404 from exc
    page = paginate(request, articles)
    if not page.object_list:
        raise Http404
    return render(
        request,
        "articles/day.html",
        {
            **page_context(page),
            "heading": _("Articles from %(date)s") % {"date": dates.long_date(date)},
            "weekday": dates.weekday(date),
            "date": date,
            "previous_day": previous_day,
            "next_day": next_day,
        },
    )


def corrections(request):
    """ "Korrekturen": every correction of a public article, newest first."""
    surrogate.add("corrections")
    page = paginate(request, selectors.public_corrections())
    return render(request, "articles/corrections.html", page_context(page, name="corrections"))


def article_detail(request, section, slug):
    article = selectors.public_article(slug)
    if article is None:
        # An address the article had before its slug changed.
        return redirect(get_object_or_404(selectors.moved_articles(slug)), permanent=True)
    if article.section.slug != section:
        # The article moved to another section: send readers to its current address.
        return redirect(article, permanent=True)
    return render_article(
        request,
        article,
        {"current_section": article.section, "related": selectors.related_articles(article)},
    )


def render_article(request, article, context=None):
    """The article page (the public one and the preview): the pictures in its text loaded
    at once, the parts other apps add (page_parts.py), and the frames its embeds may load
    after a click allowed."""
    body_blocks = blocks.blocks(blocks.load_pictures([article])[0])
    parts = page_parts.for_article(request, article)
    extra = {name: value for part in parts for name, value in part.context.items()}
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "body_blocks": body_blocks,
            "page_parts": parts,
            "structured_data": next((p.structured_data for p in parts if p.structured_data), ""),
            **extra,
            **(context or {}),
        },
    )
    origins = {*blocks.frame_origins(body_blocks), *(o for p in parts for o in p.frame_origins)}
    return security.allow_frames(response, sorted(origins))
