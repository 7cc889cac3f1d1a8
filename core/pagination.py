"""Page by page: every list of the site (articles, search results, credits) pages the same
way, with ``?seite=`` and the same context for ``parts/pagination.html``."""

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

PAGE_PARAMETER = "seite"


def paginate(request, items, per_page=None, *, lenient=False):
    """The page of ``items`` that ``?seite=`` asks for.

    A page that does not exist is a 404, so crawlers do not index endless empty pages; with
    ``lenient`` (results that shift as articles come and go) the nearest page is shown.
    """
    paginator = Paginator(items, per_page or settings.NEWSROOM_ARTICLES_PER_PAGE)
    number = request.GET.get(PAGE_PARAMETER) or 1
    if lenient:
        return paginator.get_page(number)
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404 from exc


def first_page(items, per_page):
    """Page 1 of ``items``, already loaded, without counting what comes after it."""
    return Page(items, 1, Paginator(items, per_page))


def page_context(page, name="articles"):
    """What the list templates and the pagination part read: the page and its objects."""
    return {"page_obj": page, name: page.object_list, "is_paginated": page.has_other_pages()}
