from django.core.management.base import BaseCommand

from images import renditions
from images.models import Image


class Command(BaseCommand):
    help = (
        "Make the renditions pages need for every library image (or the given ids) and drop "
        "stale ones. Pages make missing renditions on first use; this does it ahead of time, "
        "e.g. after restoring media or changing the rendition widths."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Only these image ids.")

    def handle(self, *args, ids, **options):
        images = Image.objects.order_by("pk").prefetch_related("renditions")
        if ids:
            images = images.filter(pk__in=ids)
        count = 0
        for image in images.iterator(chunk_size=50):
            renditions.delete_stale_renditions(image)
            for role in renditions.ROLES:
                renditions.renditions_for(image, role, background=True)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"Renditions ready for {count} image(s)."))
