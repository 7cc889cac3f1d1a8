"""The page cache: whole public pages (HTML, feeds, sitemaps) in the ``pages`` cache.

Exact by construction, and only as wide as the change:
- Every stored page lists its surrogate keys (what it shows, core/surrogate.py; always
  ``site``) with the *version* each key had when it was stored, and is served only while all
  of them still have that version (a second round trip reads them). A change of content
  (see invalidation.py) gives the keys of what changed new versions once its transaction
  commits, so exactly the pages that show it are missed from then on, at once, on every
  worker and machine that shares the cache; an editor's save leaves the other pages stored.
  A key version the cache lost counts as changed (when the page is next checked, see
  below). Nothing else in the cache is touched.
- A hit reads the key versions only when something changed since the page was last found
  valid: every change ends by marking its generation *settled*, and a page checked in the
  settled generation is served on a single round trip until the next change (a feed shows
  a hundred keys; reading them all on every hit cost a third of its speed).
- Every change also starts a new *generation*. A page is stored only if no change committed
  while it rendered (the generation is the same as when its request began), so a page made
  from data older than a key's version is never stored under that version.
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
from django.db.models import Min, Q
from django.utils import timezone

from core.surrogate import SITE

GENERATION_KEY = "generation"
# The generation whose change has set all its key versions (see new_generation).
SETTLED_KEY = "settled"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads it


def pages():
    return caches["pages"]


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def generation():
    """The current content generation; a new cache starts one."""
    current = pages().get(GENERATION_KEY)
    if current is None:
        token = secrets.token_hex(8)
        if pages().add(GENERATION_KEY, token, None):
            pages().add(SETTLED_KEY, token, None)  # an empty cache: no change under way
        current = pages().get(GENERATION_KEY) or "unshared"
    return current


def new_generation(keys=None):
    """A change committed: new versions of ``keys`` (the surrogate keys of what changed;
    None: of ``site``, which every page carries, so every page). The generation first, then
    the keys: a page whose render read new versions sees the new generation and is not
    stored (see store_page)."""
    token = secrets.token_hex(8)
    pages().set(GENERATION_KEY, token, None)
    keys = keys or {SITE}
    pages().set_many({_version_key(key): token for key in keys}, None)
    # Last: until now a hit checks every key version, from now on only pages not yet found
    # valid in this generation do. (If changes overlap, the generation and the settled mark
    # differ until the next change, and every hit checks: slower, never stale.)
    pages().set(SETTLED_KEY, token, None)


def _version_key(key):
    return f"v:{key}"


def page_key(request):
    """The key of the page ``request`` asks for: host and full path with query string, and
    whether the reader takes gzip (pages are stored compressed for those who do)."""
    gzip = "gz" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "id"
    address = f"{request.method}:{gzip}:{request.get_host()}:{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"page:{digest}"


def _checked_key(key):
    return f"checked:{key}"


def lookup(request):
    """(current generation, the stored page or None): the page, the generation and whether
    the page was found valid since the last change in one round trip; if it was not, the
    versions of the page's keys in a second one."""
    key = page_key(request)
    found = pages().get_many([GENERATION_KEY, SETTLED_KEY, key, _checked_key(key)])
    current = found.get(GENERATION_KEY) or generation()
    stored = found.get(key)
    if not isinstance(stored, tuple) or not isinstance(stored[0], dict):
        return current, None  # none, or stored by an earlier version of this code
    versions, *page = stored
    settled = found.get(SETTLED_KEY) == current
    if settled and found.get(_checked_key(key)) == current:
        return current, page  # nothing changed since this page was last found valid
    now = pages().get_many([_version_key(name) for name in versions])
    if any(now.get(_version_key(name)) != version for name, version in versions.items()):
        return current, None
    if settled:
        # Valid in a generation whose change had set all its versions when they were read.
        pages().set(_checked_key(key), current, settings.PAGE_CACHE_SECONDS)
    return current, page


def store_page(request, generation, keys, status, headers, content, seconds):
    """Store the page with the versions its ``keys`` have now, unless a change committed
    since its request began (at ``generation``): then it may show older data than those
    versions stand for, and the next request makes it anew."""
    keys = set(keys) | {SITE}
    names = [_version_key(name) for name in keys]
    versions = pages().get_many(names)
    missing = {name: secrets.token_hex(8) for name in names if name not in versions}
    for name, token in missing.items():
        pages().add(name, token, None)
    if missing:
        versions = pages().get_many(names)
    if pages().get(GENERATION_KEY) != generation or len(versions) != len(names):
        return False
    by_key = {name: versions[_version_key(name)] for name in keys}
    pages().set(page_key(request), (by_key, status, headers, content), seconds)
    return True


def next_change(now):
    """The next moment a page could change without anyone saving anything: the next
    scheduled publication or depublication, the end of an embargo (an article's or a
    picture's), a live ticker's planned start or end ("Live" on teasers), or the next
    midnight in the site's time zone (licences end by the day)."""
    from articles.models import Article  # the page cache serves every app; models load late
    from images.models import Image
    from liveticker.models import Ticker

    upcoming = Article.objects.filter(status__in=Article.LIVE_STATUSES).aggregate(
        published=Min("published_at", filter=Q(published_at__gt=now)),
        depublished=Min("depublish_at", filter=Q(depublish_at__gt=now)),
        embargo=Min("embargo_until", filter=Q(embargo_until__gt=now)),
    )
    picture = Image.objects.filter(embargo_until__gt=now).aggregate(at=Min("embargo_until"))
    ticker = Ticker.objects.aggregate(
        start=Min("started_at", filter=Q(started_at__gt=now)),
        end=Min("ended_at", filter=Q(ended_at__gt=now)),
    )
    moments = [*upcoming.values(), picture["at"], *ticker.values(), _next_midnight(now)]
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
