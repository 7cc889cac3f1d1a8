"""The ticker's settings, with their defaults (override them in the Django settings)."""

from django.conf import settings


def entries_per_page():
    return getattr(settings, "LIVETICKER_ENTRIES_PER_PAGE", 20)


def poll_seconds():
    """How often a reader's open page asks for new entries."""
    return getattr(settings, "LIVETICKER_POLL_SECONDS", 15)


def shared_max_age():
    """How long proxies and CDNs may keep the entries endpoint (``s-maxage``)."""
    return getattr(settings, "LIVETICKER_SHARED_MAX_AGE", 5)
