"""The reader's side of a ticker besides the article page: the entries endpoint the page
polls (static/js/liveticker.js)."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from core import surrogate

from . import conf, selectors


@require_GET
def entries(request, pk):
    """The entries of article ``pk``'s ticker newer than entry ``?nach=``, oldest first, as
    JSON with their HTML: one query, and the same answer for every reader, so the page
    cache and proxies keep it (a new entry ends it at once; ``s-maxage`` stays short for
    caches that cannot be purged). An unknown or private ticker has no entries."""
    try:
        after = int(request.GET.get("nach") or 0)
    except ValueError:
        return HttpResponseBadRequest("nach")
    if not 0 <= after < 2**63:
        return HttpResponseBadRequest("nach")
    surrogate.add(f"tk{pk}")
    found = selectors.entries_after(pk, after)
    response = JsonResponse(
        {
            "entries": [
                {
                    "id": entry.pk,
                    "html": render_to_string("liveticker/entry.html", {"entry": entry}, request),
                }
                for entry in found
            ]
        }
    )
    patch_cache_control(response, s_maxage=conf.shared_max_age())
    return response
