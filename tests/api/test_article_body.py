"""The API's body: pictures in the text as <img> of a JPEG rendition with caption and credit,
embeds as plain links, never a script or an iframe."""

import pytest

from tests.helpers.blocks import YOUTUBE_URL, article_with_blocks
from tests.helpers.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_the_body_shows_pictures_as_img_and_embeds_as_links(client):
    image = ImageFactory(credit_line="dpa", photographer="Jana B.")
    article = article_with_blocks(image)

    body = client.get(f"/api/v1/articles/{article.pk}/").json()["body"]

    assert body.startswith('<p>Erster Absatz.</p><figure><img src="http://testserver/media/')
    assert "Bild: dpa | Jana B.</figcaption>" in body
    assert f'<p><a href="{YOUTUBE_URL}">YouTube: {YOUTUBE_URL}</a></p>' in body
    assert "<iframe" not in body and "data-image" not in body and "data-embed" not in body
