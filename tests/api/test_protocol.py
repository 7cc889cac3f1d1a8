"""How the API behaves as HTTP: read-only, anonymous, JSON, cacheable, calm under bad input."""

import pytest

from tests.helpers.api import ARTICLES, AUTHORS, SECTIONS, get_json
from tests.helpers.factories import ArticleFactory, BylineFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(section=SectionFactory(slug="politik"))
    BylineFactory(article=article, author__slug="mara-muster")
    return article


def every_address(article):
    return [
        "/api/v1/",
        ARTICLES,
        f"{ARTICLES}{article.pk}/",
        SECTIONS,
        f"{SECTIONS}politik/",
        AUTHORS,
        f"{AUTHORS}mara-muster/",
    ]


# --- the entry point and unknown addresses --------------------------------------------------


def test_entry_point_links_to_every_list(client):
    assert get_json(client, "/api/v1/") == {
        "articles": "http://testserver/api/v1/articles/",
        "sections": "http://testserver/api/v1/sections/",
        "authors": "http://testserver/api/v1/authors/",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/",
        "/api/v2/",
        "/api/v1/articles/abc/",
        "/api/v1/articles/1.json/",
        "/api/v1/articles/-1/",
        "/api/v1/nichts/",
        "/api/v1/articles/1/extra/",
    ],
)
def test_unknown_addresses_under_api_answer_a_json_404(client, path):
    ArticleFactory()
    assert get_json(client, path, status=404) == {"detail": "Nicht gefunden."}


def test_a_missing_slash_is_added_by_redirect(client):
    response = client.get("/api/v1/articles")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/articles/"


@pytest.mark.parametrize("pk", ["0", "99999999999999999999999999", "9" * 5000, "0" * 30 + "424242"])
def test_article_ids_out_of_any_range_are_not_found(client, pk):
    ArticleFactory()
    assert get_json(client, f"{ARTICLES}{pk}/", status=404) == {"detail": "Nicht gefunden."}


# --- read-only -------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_not_allowed_anywhere(client, article, method):
    for url in every_address(article):
        response = getattr(client, method)(url, data={}, content_type="application/json")
        assert response.status_code == 405, url
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()
        assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_writing_is_refused_with_405_even_for_a_logged_in_superuser(client, article):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(ARTICLES, data={"headline": "Neu"})
    assert response.status_code == 405


def test_head_answers_like_get_without_a_body(client, article):
    response = client.head(ARTICLES)
    assert response.status_code == 200
    assert response.content == b""
    assert response["Cache-Control"] == "public, max-age=60"


# --- anonymous: no authentication, no session, no CSRF ---------------------------------------


def test_a_post_without_a_csrf_token_is_a_405_not_a_403(article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert client.post(ARTICLES).status_code == 405


@pytest.mark.parametrize(
    "authorization", ["Basic bm9ib2R5Om5vdGhpbmc=", "Bearer abc", "Token x", "Basic %%%"]
)
def test_credentials_are_ignored_not_checked(client, article, authorization):
    response = client.get(ARTICLES, headers={"Authorization": authorization})
    assert response.status_code == 200


def test_a_logged_in_editor_sees_exactly_what_everyone_sees(client, article):
    ArticleFactory(draft=True)
    anonymous = client.get(ARTICLES).json()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(ARTICLES).json() == anonymous


def test_answers_set_no_cookie_and_do_not_vary_by_cookie(client, article):
    client.force_login(UserFactory(is_staff=True))
    for url in every_address(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


# --- caching ---------------------------------------------------------------------------------


def test_successful_answers_may_be_cached_by_anyone_for_a_minute(client, article):
    for url in every_address(article):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=60", url


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (f"{ARTICLES}424242/", 404),
        ("/api/v1/nichts/", 404),
        (f"{ARTICLES}?page=99", 404),
        (f"{ARTICLES}?published_after=gestern", 400),
    ],
)
def test_errors_are_never_cached(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "public" not in cache_control


def test_a_refused_write_is_never_cached(client):
    response = client.delete(ARTICLES)
    assert response.status_code == 405
    assert "no-store" in response["Cache-Control"]


# --- JSON only -------------------------------------------------------------------------------


def test_a_browser_gets_json_too(client, article):
    response = client.get(ARTICLES, headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_a_client_that_accepts_no_json_is_told_so(client, article):
    response = client.get(ARTICLES, headers={"Accept": "application/xml"})
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("format_", ["api", "xml", "html"])
def test_other_formats_are_not_found(client, article, format_):
    assert get_json(client, ARTICLES, status=404, format=format_) == {"detail": "Nicht gefunden."}


# --- hostile input ---------------------------------------------------------------------------

HOSTILE_QUERIES = [
    {"page": "abc"},
    {"page": "0"},
    {"page": "-1"},
    {"page": "1" * 5000},
    {"page": "99999999999999999999"},
    {"page": "\x00"},
    {"page": "1", "page_size": "100000"},
    {"page_size": "9" * 5000},
    {"page_size": "-5"},
    {"page_size": "1e9"},
    {"section": "x" * 10000},
    {"section": "\x00"},
    {"tag": "ß" * 3000},
    {"tag": "\x00"},
    {"author": "'; DROP TABLE articles_article; --"},
    {"published_after": "9" * 10000},
    {"published_after": "2026-11-03T12:00:00+23:59"},
    {"published_before": "9999-12-31"},
    {"published_before": "0001-01-02T00:00:00Z"},
    {"published_after": "2026-W45-2"},
    {"published_after": ["2026-11-01", "gestern"]},
    {"format": "\x00"},
]


@pytest.mark.parametrize("params", HOSTILE_QUERIES, ids=lambda params: repr(params)[:40])
@pytest.mark.parametrize("url", [ARTICLES, SECTIONS, AUTHORS])
def test_hostile_query_strings_never_cause_a_server_error(client, article, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 400, 404), response.content
    assert response["Content-Type"] == "application/json"
    response.json()


@pytest.mark.parametrize("query", ["tag=%ED%A0%80", "section=%FF%FE", "page=%C2%B2", "%00=%00"])
def test_query_strings_that_are_no_utf_8_never_cause_a_server_error(client, article, query):
    response = client.get(f"{ARTICLES}?{query}")
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    [
        f"{ARTICLES}%00/",
        f"{SECTIONS}%00/",
        f"{AUTHORS}%00/",
        f"{AUTHORS}{'x' * 5000}/",
        f"{SECTIONS}stra%C3%9Fe/",
        "/api/v1/%FF/",
        "/api/v1/articles/1%0A/",
    ],
)
def test_hostile_paths_are_not_found(client, path):
    ArticleFactory()
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
