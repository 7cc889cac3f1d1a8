from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from images.models import Image, Rendition


def walk(storage, folder):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}")


class Command(BaseCommand):
    help = (
        "Delete media files no image or rendition refers to: uploads that were never saved "
        "after the review step, and leftovers of interrupted work. Only files older than "
        "--hours are touched, so an upload being reviewed right now is safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48)
        parser.add_argument("--dry-run", action="store_true", help="Only list the files.")

    def handle(self, *args, hours, dry_run, **options):
        cutoff = timezone.now() - timedelta(hours=hours)
        known = set(Image.objects.values_list("file", flat=True))
        known |= set(Rendition.objects.values_list("file", flat=True))
        deleted = 0
        for folder in ("images", "renditions"):
            if not default_storage.exists(folder):
                continue
            for name in walk(default_storage, folder):
                if name in known or default_storage.get_modified_time(name) > cutoff:
                    continue
                self.stdout.write(f"{'would delete' if dry_run else 'deleting'} {name}")
                if not dry_run:
                    default_storage.delete(name)
                deleted += 1
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(self.style.SUCCESS(f"{deleted} orphaned file(s) {verb}."))
