"""The page cache: whole public pages (HTML, feeds, sitemaps) in the ``pages`` cache.

Exact by construction:
- Every stored page belongs to the content *generation* that was current when its request
  began, and is served only while that generation is current (one cache round trip reads
  both). Any change of content (see invalidation.py) starts a new generation after its
  transaction commits, so every page showing old content is missed from then on, at once,
  on every worker and machine that shares the cache. Nothing else in the cache is touched.
- Visibility is decided at query time (a scheduled article is public once its time has
  come, with no job running), so a page never lives past the next moment that could change
  it: the next scheduled publication or depublication, and the next midnight in Berlin (day
  headings, "today" times and picture licences change then). A page stored a second before
  an article goes live expires a second later.

``PAGE_CACHE_SECONDS`` caps the lifetime (``0`` turns the page cache off).
"""

import hashlib
import re
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min
from django.utils import timezone

GENERATION_KEY = "generation"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads it


def pages():
    return caches["pages"]


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def generation():
    """The current content generation; a new cache starts one."""
    current = pages().get(GENERATION_KEY)
    if current is None:
        pages().add(GENERATION_KEY, secrets.token_hex(8), None)
        current = pages().get(GENERATION_KEY) or "unshared"
    return current


def new_generation():
    """Make every stored page a miss (the keys of the page cache only)."""
    pages().set(GENERATION_KEY, secrets.token_hex(8), None)


def page_key(request):
    """The key of the page ``request`` asks for: host and full path with query string, and
    whether the reader takes gzip (pages are stored compressed for those who do)."""
    gzip = "gz" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "id"
    address = f"{request.method}:{gzip}:{request.get_host()}:{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"page:{digest}"


def lookup(request):
    """(current generation, the stored page or None), in one round trip to the cache: a
    page is stored with the generation it was made in and counts only in that one."""
    key = page_key(request)
    found = pages().get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY) or generation()
    stored = found.get(key)
    if stored is None or stored[0] != current:
        return current, None
    return current, stored[1:]


def store_page(request, generation, status, headers, content, seconds):
    pages().set(page_key(request), (generation, status, headers, content), seconds)


def next_change(now):
    """The next moment a page could change without anyone saving anything: the next
    scheduled publication or depublication, or the next midnight in the site's time zone."""
    from articles.models import Article  # the page cache serves every app; models load late

    upcoming = Article.objects.filter(status__in=Article.LIVE_STATUSES)
    moments = [
        upcoming.filter(published_at__gt=now).aggregate(at=Min("published_at"))["at"],
        upcoming.filter(depublish_at__gt=now).aggregate(at=Min("depublish_at"))["at"],
        _next_midnight(now),
    ]
    return min(moment for moment in moments if moment is not None)


def _next_midnight(now):
    zone = timezone.get_current_timezone()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time.min, tzinfo=zone)


def lifetime(generation, now=None):
    """Seconds a page stored now may be served: ``PAGE_CACHE_SECONDS`` at most, never past
    the next change. Remembered per generation until that change, so a miss costs its two
    small queries only once."""
    now = now or timezone.now()
    key = f"next-change:{generation}"
    moment = pages().get(key)
    if moment is None or moment <= now:
        moment = next_change(now)
        pages().set(key, moment, max(1, int((moment - now).total_seconds())))
    return min(settings.PAGE_CACHE_SECONDS, int((moment - now).total_seconds()))
