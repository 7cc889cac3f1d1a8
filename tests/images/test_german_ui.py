"""The library speaks German to editors and readers, like the rest of the newsroom."""

import datetime

import pytest

from tests.factories import ArticleFactory, ImageFactory
from tests.images import imagefiles
from tests.images.conftest import UPLOAD_URL, html, post_upload, refused

pytestmark = pytest.mark.django_db


def test_the_upload_page_is_german(admin_client):
    response = admin_client.get(UPLOAD_URL)

    (title,) = html(response).xpath("//h1")
    assert title.text_content().strip() != "Upload images"


def test_refusals_are_german(admin_client):
    response = post_upload(admin_client, imagefiles.upload("logo.png", imagefiles.SVG))

    (message,) = refused(response)
    assert "is an SVG drawing" not in message


def test_the_review_form_is_german(admin_client):
    response = post_upload(admin_client, imagefiles.upload("foto.jpg", imagefiles.jpeg()))

    labels = [label.text_content() for label in html(response).xpath("//label")]
    assert not {"Copyright notice:", "Own picture:", "Usage notes:"} & set(labels)


def test_the_placeholder_is_labelled_in_german(client):
    image = ImageFactory(usable_until=datetime.date(2000, 1, 1))
    article = ArticleFactory(hero_image=image)

    response = client.get(article.get_absolute_url())

    (placeholder,) = html(response).xpath('//*[contains(@class, "image-placeholder")]')
    assert placeholder.get("aria-label") != "Image not available"
