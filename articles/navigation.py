"""The sections in the site's navigation, cached, and forgotten when a section changes."""

from django.core.cache import cache
from django.db import transaction
from django.utils.functional import SimpleLazyObject

from .models import Section

NAV_SECTIONS_CACHE_KEY = "articles:nav-sections"
# Saving or deleting a section forgets the list in the shared cache at once; this bounds
# only a change made outside the app (SQL; `manage.py forget_cached_content` is at once).
NAV_CACHE_SECONDS = 300


def nav_sections():
    sections = cache.get(NAV_SECTIONS_CACHE_KEY)
    if sections is None:
        sections = list(Section.objects.all())
        cache.set(NAV_SECTIONS_CACHE_KEY, sections, NAV_CACHE_SECONDS)
    return sections


def forget_navigation(**kwargs):
    """Connected to Section's post_save and post_delete (see apps.py). Now, and again after
    the commit, so no request in between keeps the old list."""
    cache.delete(NAV_SECTIONS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(NAV_SECTIONS_CACHE_KEY))


def navigation(request):
    """Context processor: the sections, looked up only when a template shows them."""
    return {"nav_sections": SimpleLazyObject(nav_sections)}
