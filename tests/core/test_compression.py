"""Text is sent gzipped to readers who accept it (and stored so by the page cache); pictures
and readers who do not accept gzip get the bytes as they are."""

import gzip

import pytest
from django.core.cache import caches

from tests.helpers.factories import ArticleFactory, BylineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_pages_and_feeds_are_gzipped_for_readers_who_accept_it(client):
    article = ArticleFactory(headline="Komprimiert und lesbar")
    BylineFactory(article=article)
    # (Tiny responses may stay plain: Django keeps them when gzip would not be shorter.)
    for url in (article.get_absolute_url(), "/", "/feeds/rss/"):
        response = client.get(url, headers={"accept-encoding": "gzip, br"})
        assert response.get("Content-Encoding") == "gzip", (url, response.get("Content-Type"))
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content)
    plain = client.get(article.get_absolute_url())
    assert "Content-Encoding" not in plain
    assert "Komprimiert und lesbar" in plain.content.decode()


def test_the_page_cache_keeps_the_compressed_and_the_plain_page_apart(client, page_cache_on):
    article = ArticleFactory(headline="Zweimal gespeichert")
    BylineFactory(article=article)
    url = article.get_absolute_url()
    client.get(url, headers={"accept-encoding": "gzip"})
    zipped = client.get(url, headers={"accept-encoding": "gzip"})
    assert zipped["X-Page-Cache"] == "hit"
    assert zipped["Content-Encoding"] == "gzip"
    assert "Zweimal gespeichert" in gzip.decompress(zipped.content).decode()
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "miss"
    assert "Zweimal gespeichert" in plain.content.decode()


def test_pictures_are_not_compressed_again(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "bild.jpg").write_bytes(b"\xff\xd8" + b"x" * 5000)
    response = client.get("/media/bild.jpg", headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert "Content-Encoding" not in response
