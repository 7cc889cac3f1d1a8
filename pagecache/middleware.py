"""Serve public pages from the page cache, and say how long proxies and CDNs may keep them.

Placed right after WhiteNoise: a hit is answered before sessions, authentication or any
view runs, and runs no SQL query. Public pages are the same for every visitor (no template
of the reader's site reads the user or the session), so one stored page serves everyone.
"""

import re

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from core import surrogate

from . import store

# Never from the cache: the admin (settings.ADMIN_PATH), previews, the API (it sends its own
# headers), health checks.
EXCLUDED_PREFIXES = ("/vorschau/", "/api/", "/healthz", "/readyz", "/media/")
# Surrogate keys: Varnish (deploy/varnish.vcl) reads xkey, Fastly-style CDNs Surrogate-Key.
KEY_HEADER = "xkey"
CDN_KEY_HEADER = "Surrogate-Key"
# How long a proxy may serve a page while it fetches a fresh one, and when the site is down.
STALE_WHILE_REVALIDATE = 30
STALE_IF_ERROR = 24 * 3600
SHARED_MAX_AGE = re.compile(r"s-maxage=(\d+)")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (store.enabled() and self._cacheable_request(request)):
            return self.get_response(request)
        generation, stored = store.lookup(request)
        if stored is not None:
            return self._answer_from_cache(request, *stored)
        with surrogate.collecting() as keys:
            response = self.get_response(request)
        if self._cacheable_response(response):
            seconds = store.lifetime(generation)
            # A view may ask for less (the live ticker's entries endpoint: a few seconds).
            asked = SHARED_MAX_AGE.search(response.get("Cache-Control", ""))
            if asked:
                seconds = min(seconds, int(asked.group(1)))
            if seconds > 0:
                self._mark_public(response, seconds)
                # What the page shows, for the proxy or CDN in front (see keys.py, purge.py)
                # and for the page cache's own invalidation (store.py).
                shown = surrogate.header_value(keys)
                response[KEY_HEADER] = response[CDN_KEY_HEADER] = shown
                # Stored as plain data in one piece (not the thousands of writes a feed
                # generator makes, each of which would be its own send() on every hit).
                store.store_page(
                    request,
                    generation,
                    shown.split(),
                    response.status_code,
                    list(response.items()),
                    response.content,
                    seconds,
                )
                response["X-Page-Cache"] = "miss"
        return response

    def _cacheable_request(self, request):
        return request.method in ("GET", "HEAD") and not request.path.startswith(
            (settings.ADMIN_PATH, *EXCLUDED_PREFIXES)
        )

    def _cacheable_response(self, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        # A page that depends on the visitor (it read the session or the user) is not shared.
        return "cookie" not in response.get("Vary", "").lower()

    def _mark_public(self, response, seconds):
        """Browsers revalidate (cheap, with the ETag); shared caches keep the page as long as
        it is valid here, and CDNs that honour them bridge a refresh or an outage."""
        directives = {
            "public": True,
            "s_maxage": seconds,
            "stale_while_revalidate": STALE_WHILE_REVALIDATE,
            "stale_if_error": STALE_IF_ERROR,
        }
        if "max-age" not in response.get("Cache-Control", ""):
            directives["max_age"] = 0
        patch_cache_control(response, **directives)

    def _answer_from_cache(self, request, status, headers, content):
        # A HEAD request gets the headers only (Content-Length as for GET, from the stored
        # headers); a WSGI server would otherwise drop the body and log a warning each time.
        body = b"" if request.method == "HEAD" else content
        response = HttpResponse(body, status=status, headers=dict(headers))
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        if conditional is not response:
            return conditional
        response["X-Page-Cache"] = "hit"
        return response
