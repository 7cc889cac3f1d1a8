"""``manage.py forget_cached_content``: end every page the page cache and a proxy in front
keep, and forget the cached site settings and navigation.

For when the database changed under the site: after ``scripts/restore`` (which runs it),
or after rows were changed with SQL or ``QuerySet.update()``, which send no signal. Only
the page cache's own keys and those two entries are touched, never the whole cache (a
Redis may hold what other sites keep there).
"""

from django.core.management.base import BaseCommand

from articles.navigation import forget_navigation
from core.surrogate import SITE
from sitecontent.models import clear_cache as forget_site_settings

from ... import invalidation, purge


class Command(BaseCommand):
    help = (
        "End every stored page (page cache and proxy) and forget the cached site settings "
        "and navigation, after a restore or a change made outside the app."
    )

    def handle(self, *args, **options):
        # Every page carries the site key: all stored pages end, and the proxy drops its
        # copies (CACHE_PURGE_URL; retried by the worker if it does not answer).
        invalidation.invalidate({SITE})
        purge.schedule({SITE})
        forget_site_settings()
        forget_navigation()
        self.stdout.write("Stored pages ended; site settings and navigation are read anew.")
