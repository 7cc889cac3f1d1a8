"""Uploads that never got past the review step are cleaned up, and nothing else is."""

import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from images import renditions
from tests.helpers.factories import ImageFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


def age(name, hours):
    past = time.time() - hours * 3600
    os.utime(default_storage.path(name), (past, past))


def test_old_unreferenced_uploads_go_and_everything_in_use_stays():
    image = ImageFactory()
    rendition = renditions.renditions_for(image, "wide")["jpeg"][0]
    orphan = default_storage.save("images/2026/11/verwaist.jpg", ContentFile(jpeg_bytes()))
    fresh = default_storage.save("images/2026/11/in-pruefung.jpg", ContentFile(jpeg_bytes()))
    for name in (image.file.name, rendition.file.name, orphan):
        age(name, 72)

    out = StringIO()
    call_command("clean_orphan_images", "--dry-run", stdout=out)
    assert "1 orphaned file(s) would be deleted" in out.getvalue()
    assert default_storage.exists(orphan)

    call_command("clean_orphan_images", stdout=StringIO())
    assert not default_storage.exists(orphan)
    assert default_storage.exists(fresh)  # younger than 48 hours: maybe still in review
    assert default_storage.exists(image.file.name)
    assert default_storage.exists(rendition.file.name)
