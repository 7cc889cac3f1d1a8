"""The reader's search page: /suche/?q=…&seite=…"""

from django.shortcuts import render

from core.pagination import paginate

from . import query as search
from .text import MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, clean_query


def results(request):
    """The form; with a query, the matching public articles, best first, page by page.

    Whatever arrives in ``q`` is answered calmly: it is cleaned (NUL bytes and invisible
    characters out, look-alike forms folded) and cut to a sane length first.
    """
    query, truncated = clean_query(request.GET.get("q", ""))
    context = {
        "search_query": query,
        "truncated": truncated,
        "too_short": False,
        "max_query_length": MAX_QUERY_LENGTH,
        "min_query_length": MIN_QUERY_LENGTH,
    }
    if query and len(query) < MIN_QUERY_LENGTH:
        context["too_short"] = True
    elif query:
        # Results shift as articles come and go: a page that no longer exists shows the
        # nearest one instead of an error.
        page = paginate(request, search.find(query), lenient=True)
        results = list(page.object_list)
        for article in results:
            article.snippet = search.snippet(article, query)
        context.update(searched=True, page_obj=page, results=results)
    return render(request, "search/results.html", context)
