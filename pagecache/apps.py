from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Whole public pages in the shared cache, invalidated exactly when content changes.
    No models; see pagecache/store.py."""

    name = "pagecache"

    def ready(self):
        from . import invalidation

        invalidation.connect()
