"""What an operator relies on: health checks for the load balancer, a cache that is only an
accelerator (Redis down means slower, never broken), and pictures served with long-lived
cache headers when no web server does it."""

import os
import socket

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.helpers.factories import ArticleFactory, BylineFactory, ImageFactory, TeaserBulletFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# Nothing listens on port 1: every Redis call fails at once.
DEAD_REDIS = {
    "BACKEND": "core.cache.ResilientRedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
}


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_reachable() and os.environ.get("CI") != "true",
    reason="no Redis on 127.0.0.1:6379 (CI has one)",
)


def public_article(**fields):
    article = ArticleFactory(**fields)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    return article


def test_healthz_says_the_process_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]


def test_readyz_checks_database_and_cache(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_readyz_answers_503_when_the_cache_is_gone(client):
    with override_settings(CACHES={"default": DEAD_REDIS, "pages": DEAD_REDIS}):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.content == b"unavailable: cache\n"


def test_health_checks_take_no_post(client):
    assert client.post("/readyz").status_code == 405


def test_pages_render_from_the_database_when_redis_is_down(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = public_article(headline="Trotz Ausfall lesbar")

    with override_settings(CACHES={"default": DEAD_REDIS, "pages": DEAD_REDIS}):
        home = client.get("/")
        page = client.get(article.get_absolute_url())
        feed = client.get("/feeds/rss/")

    assert (home.status_code, page.status_code, feed.status_code) == (200, 200, 200)
    assert "Trotz Ausfall lesbar" in page.content.decode()


@needs_redis
@pytest.mark.django_db(transaction=True)  # invalidation happens once the save commits
def test_with_redis_a_stored_page_is_shared_and_a_hit_runs_no_query(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    redis = {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": REDIS_URL}
    caches_setting = {
        "default": {**redis, "KEY_PREFIX": "test"},
        "pages": {**redis, "KEY_PREFIX": "test:pages"},
    }
    public_article()
    with override_settings(CACHES=caches_setting):
        caches["pages"].clear()
        caches["default"].set("not-a-page", "bleibt")
        assert client.get("/")["X-Page-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert client.get("/")["X-Page-Cache"] == "hit"
        ArticleFactory(headline="Noch einer").save()
        assert client.get("/")["X-Page-Cache"] == "miss"
        assert caches["default"].get("not-a-page") == "bleibt"
        caches["default"].clear()


@needs_redis
def test_the_redis_cache_reuses_one_client_and_still_works_after_a_fork():
    """Django makes a new redis.Redis per operation (about 90 microseconds each, more than a
    local round trip); ours keeps one per connection pool, also in a forked worker."""
    redis = {"BACKEND": "core.cache.ResilientRedisCache", "LOCATION": REDIS_URL}
    with override_settings(CACHES={"default": redis, "pages": {**redis, "KEY_PREFIX": "p"}}):
        cache = caches["default"]
        cache.set("reused", "ja")
        client = cache._cache.get_client()

        assert cache._cache.get_client() is client
        assert cache._cache.get_client(write=True) is client
        assert cache.get("reused") == "ja"
        pid = os.fork()
        if pid == 0:  # a gunicorn worker forked from a master that used the cache
            try:
                cache.set("from-the-child", cache.get("reused") + "!")
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        assert cache.get("from-the-child") == "ja!"
        cache.delete_many(["reused", "from-the-child"])


def test_pictures_are_served_with_a_one_year_cache_header(client):
    image = ImageFactory()

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(response.streaming_content) == image.file.open("rb").read()


@pytest.mark.parametrize(
    "path", ["/media/../manage.py", "/media/%2e%2e/manage.py", "/media/nichts-da.jpg"]
)
def test_nothing_outside_the_media_folder_is_served(client, path):
    assert client.get(path).status_code == 404


def test_a_crafted_media_address_is_a_404_not_an_error(client):
    assert client.get("/media/bild%00.jpg").status_code == 404
