"""Media go through Django's storage API: S3-compatible object storage is a matter of
environment variables, and nothing in the library assumes files on a local disk."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage

from images.models import Image, Rendition
from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory
from tests.helpers.html import html
from tests.helpers.images import UPLOAD_URL, post_upload, review_payload

BASE_DIR = Path(settings.BASE_DIR)
SHOW_STORAGE = (
    "import json; from newsroom import settings as s; "
    "print(json.dumps(s.STORAGES['default'], default=str))"
)


def load_settings(**variables):
    """Import newsroom.settings in a fresh interpreter with these environment variables
    (None: not set at all)."""
    env = {**os.environ, "SECRET_KEY": "test-only-secret", "DEBUG": "true", **variables}
    env = {name: value for name, value in env.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-c", SHOW_STORAGE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_media_storage_s3_selects_django_storages_without_overwriting():
    result = load_settings(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="x")

    assert result.returncode == 0, result.stderr
    storage = json.loads(result.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "x"
    assert storage["OPTIONS"]["file_overwrite"] is False


def test_s3_options_come_from_the_environment():
    result = load_settings(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.example.de",
    )

    options = json.loads(result.stdout)["OPTIONS"]
    assert options["endpoint_url"] == "https://s3.example.net"
    assert options["custom_domain"] == "media.example.de"


def test_s3_without_a_bucket_refuses_to_start():
    result = load_settings(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME=None)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_the_filesystem_is_the_default():
    result = load_settings(MEDIA_STORAGE="filesystem")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_an_unknown_media_storage_refuses_to_start():
    result = load_settings(MEDIA_STORAGE="bogus")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "bogus" in result.stderr


def storage_variables():
    """The variables the media storage settings read."""
    source = (BASE_DIR / "newsroom" / "settings.py").read_text()
    return sorted(set(re.findall(r'env(?:\.\w+)?\(\s*"((?:MEDIA_STORAGE|AWS_)\w*)"', source)))


def test_every_storage_variable_is_documented():
    documented = (BASE_DIR / ".env.example").read_text() + (BASE_DIR / "README.md").read_text()

    variables = storage_variables()

    assert "AWS_STORAGE_BUCKET_NAME" in variables
    assert [name for name in variables if name not in documented] == []


@pytest.mark.django_db
def test_upload_and_pages_work_on_a_storage_without_local_files(
    admin_client, client, settings, tmp_path, django_capture_on_commit_callbacks
):
    """With an in-memory storage (as with S3), nothing may need a local path."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    review = post_upload(admin_client, imagefiles.upload("wolke.jpg", imagefiles.jpeg(1600, 900)))
    with django_capture_on_commit_callbacks(execute=True):
        saved = admin_client.post(
            UPLOAD_URL, review_payload(review, {"alt_text": "Wolken", "credit_line": "dpa"})
        )
    assert saved.status_code == 302
    image = Image.objects.get()
    assert default_storage.exists(image.file.name)
    assert (image.width, image.height) == (1600, 900)
    assert Rendition.objects.filter(image=image).exists(), "renditions made after the upload"
    article = ArticleFactory(hero_image=image)

    response = client.get(article.get_absolute_url())

    (img,) = html(response).xpath('//figure[contains(@class, "article__hero")]//img')
    assert default_storage.exists(img.get("src").removeprefix(settings.MEDIA_URL))
    assert admin_client.get("/admin/images/image/").status_code == 200
    assert not (tmp_path / "media").exists(), "something wrote to the local disk"
