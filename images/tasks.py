"""The picture library's background work (``manage.py worker``): renditions of a new or
changed picture are made off the request. A page that needs one before the worker made it
makes that one on first use (renditions.renditions_for), so nothing waits for the worker."""

from django_tasks import task

from . import renditions
from .models import Image


@task()
def prepare_renditions(image_id):
    """Make every rendition of the picture that is missing; gone pictures are skipped."""
    image = Image.objects.filter(pk=image_id).first()
    if image is not None and image.file:
        # AVIF only in a real worker: where tasks run at once (development, the demo, the
        # tests) nobody should wait seconds per upload; prepare_renditions adds it there.
        renditions.prepare(image, slow_formats=prepare_renditions.get_backend().supports_defer)
