from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from images import renditions
from images.models import Image, Rendition


def walk(storage, folder):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from walk(storage, f"{folder}/{directory}")


class Command(BaseCommand):
    help = (
        "Delete renditions of an earlier file or focal point of a picture left alone for "
        "--hours, and media files no image or rendition refers to (uploads never saved after "
        "the review step, leftovers of interrupted work) older than --hours, so an upload "
        "being reviewed right now is safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48)
        parser.add_argument("--dry-run", action="store_true", help="Only list the files.")

    def handle(self, *args, hours, dry_run, **options):
        cutoff = timezone.now() - timedelta(hours=hours)
        stale = 0
        # Renditions of an earlier file or focal point, once the picture was left alone for
        # the grace period (feeds and social networks may still show their addresses).
        settled = Image.objects.filter(modified_at__lt=cutoff).prefetch_related("renditions")
        for image in settled.iterator(chunk_size=100):
            for rendition in renditions.stale_renditions(image):
                self.stdout.write(
                    f"{'would drop' if dry_run else 'dropping'} {rendition.file.name}"
                )
                if not dry_run:
                    rendition.delete()  # its file goes with it (images.signals)
                stale += 1
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
        self.stdout.write(self.style.SUCCESS(f"{stale} outdated rendition(s) {verb}."))
        self.stdout.write(self.style.SUCCESS(f"{deleted} orphaned file(s) {verb}."))
