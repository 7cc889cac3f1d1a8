"""The library speaks German to editors and readers, like the rest of the newsroom."""

import datetime

import pytest

from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, ImageFactory
from tests.helpers.html import html
from tests.helpers.images import UPLOAD_URL, post_upload, refused

pytestmark = pytest.mark.django_db


def test_the_upload_page_is_german(admin_client):
    response = admin_client.get(UPLOAD_URL)

    (title,) = html(response).xpath("//h1")
    assert title.text_content().strip() == "Bilder hochladen"


def test_refusals_are_german(admin_client):
    response = post_upload(admin_client, imagefiles.upload("logo.png", imagefiles.SVG))

    (message,) = refused(response)
    assert message == (
        "„logo.png“ ist eine SVG-Grafik. SVG-Dateien können Skripte enthalten und werden "
        "nicht angenommen; exportieren Sie sie als PNG oder JPEG."
    )


def test_the_review_form_is_german(admin_client):
    response = post_upload(admin_client, imagefiles.upload("foto.jpg", imagefiles.jpeg()))

    labels = [label.text_content() for label in html(response).xpath("//label")]
    assert {"Copyright-Vermerk:", "Eigenes Bild:", "Nutzungshinweise:"} <= set(labels)
    assert not {"Copyright notice:", "Own picture:", "Usage notes:"} & set(labels)


def test_the_placeholder_is_labelled_in_german(admin_client):
    image = ImageFactory(usable_until=datetime.date(2000, 1, 1))
    article = ArticleFactory(hero_image=image)

    # Readers get no placeholder; the desk sees it in the preview.
    response = admin_client.get(f"/vorschau/{article.pk}/")

    (placeholder,) = html(response).xpath('//*[contains(@class, "image-placeholder")]')
    assert placeholder.get("aria-label") == "Bild nicht verfügbar"
    assert placeholder.text_content().strip() == "Bild nicht verfügbar"
