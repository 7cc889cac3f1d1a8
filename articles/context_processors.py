"""What every public page's header and footer need from the articles app."""

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from .models import NAV_SECTIONS_CACHE_KEY, Section

# Saving or deleting a section clears the cache of the process that did it (see models);
# with a per-process cache, other processes follow within this many seconds.
NAV_CACHE_SECONDS = 300


def nav_sections():
    sections = cache.get(NAV_SECTIONS_CACHE_KEY)
    if sections is None:
        sections = list(Section.objects.all())
        cache.set(NAV_SECTIONS_CACHE_KEY, sections, NAV_CACHE_SECONDS)
    return sections


def navigation(request):
    """The sections for the site navigation, looked up only when a template shows them."""
    return {"nav_sections": SimpleLazyObject(nav_sections)}
