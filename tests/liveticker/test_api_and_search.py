"""A ticker's entries in the API and in search."""

import functools

import pytest

from search import indexing as search_indexing
from tests.helpers.factories import AuthorFactory
from tests.helpers.liveticker import EntryFactory, running_ticker

pytestmark = pytest.mark.django_db


def test_the_article_detail_names_the_ticker_and_its_entries_list(client):
    ticker = running_ticker()
    author = AuthorFactory(name="Jana Deich")
    EntryFactory(ticker=ticker, title="Alt", body="<p>Früher</p>")
    EntryFactory(ticker=ticker, title="Deich hält", key_event=True, author=author)
    detail = client.get(f"/api/v1/articles/{ticker.pk}/").json()
    assert detail["live_ticker"]["is_running"] is True
    assert detail["live_ticker"]["ended_at"] is None
    entries = client.get(detail["live_ticker"]["entries_url"]).json()
    assert entries["count"] == 2
    newest = entries["results"][0]
    assert newest["title"] == "Deich hält" and newest["key_event"] is True
    assert newest["author"]["name"] == "Jana Deich"
    assert newest["url"].endswith(f"#eintrag-{newest['id']}")
    assert entries["results"][1]["body"] == "<p>Früher</p>"


def test_an_article_without_ticker_has_no_entries_list(client):
    article = running_ticker().article
    assert client.get(f"/api/v1/articles/{article.pk}/liveticker/").status_code == 200
    article.live_ticker.delete()
    assert client.get(f"/api/v1/articles/{article.pk}/liveticker/").status_code == 404


def test_entries_are_found_by_search(client, django_capture_on_commit_callbacks):
    search_indexing._pending.article_ids.clear()
    indexing = functools.partial(django_capture_on_commit_callbacks, execute=True)
    with indexing():
        ticker = running_ticker()
    with indexing():
        EntryFactory(ticker=ticker, body="<p>Der Sandsackwall am Elbufer hält.</p>")
    results = client.get("/suche/", {"q": "Sandsackwall"}).content.decode()
    assert "Pegel steigt weiter" in results
