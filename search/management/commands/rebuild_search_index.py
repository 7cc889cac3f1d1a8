"""``manage.py rebuild_search_index``: rewrite the search documents of all articles."""

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rewrites the search documents of all articles from the articles as they are now. "
        "Safe to run at any time and as often as you like; run it after importing articles "
        "without the admin or after restoring a database."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"{count} article(s) indexed for search.")
