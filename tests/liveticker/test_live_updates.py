"""What a reader's open page asks for: the entries after the newest it shows, in one query,
cached for a few seconds and ended by a new entry at once; and the ticker's feed."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone

from pagecache import store
from tests.helpers.factories import ArticleFactory
from tests.helpers.liveticker import EntryFactory, entries_url, running_ticker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_the_endpoint_sends_only_newer_entries_oldest_first(client, django_assert_num_queries):
    ticker = running_ticker()
    first, second, third = (EntryFactory(ticker=ticker) for _ in range(3))
    client.get(entries_url(ticker, after=third.pk))  # the page cache's lifetime, once
    with django_assert_num_queries(1):
        data = client.get(entries_url(ticker, after=first.pk)).json()
    assert [entry["id"] for entry in data["entries"]] == [second.pk, third.pk]
    assert f'id="eintrag-{third.pk}"' in data["entries"][1]["html"]


def test_the_endpoint_is_cached_briefly_and_a_new_entry_ends_it(client):
    ticker = running_ticker()
    first = EntryFactory(ticker=ticker)
    url = entries_url(ticker, after=first.pk)
    response = client.get(url)
    assert "s-maxage=5" in response["Cache-Control"]
    assert response["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    other = running_ticker()
    other_url = entries_url(other)
    client.get(other_url)

    new = EntryFactory(ticker=ticker, body="<p>Brandneu</p>")

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert [entry["id"] for entry in response.json()["entries"]] == [new.pk]
    assert client.get(other_url)["X-Page-Cache"] == "hit"  # another ticker stays stored


def test_a_new_entry_ends_the_article_page_but_not_the_home_page(client):
    ticker = running_ticker()
    client.get("/")
    client.get(ticker.article.get_absolute_url())
    EntryFactory(ticker=ticker, body="<p>Neu am Deich</p>")
    page = client.get(ticker.article.get_absolute_url())
    assert page["X-Page-Cache"] == "miss" and "Neu am Deich" in page.content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_the_home_page_marks_a_running_ticker_until_its_planned_end(client, time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    ticker = running_ticker(ended_at=now + timedelta(minutes=10))
    assert 'badge--live">Live<' in client.get("/").content.decode()
    assert store.next_change(now) == ticker.ended_at
    time_machine.move_to(now + timedelta(minutes=11), tick=False)
    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert 'badge--live">Live<' not in home.content.decode()


def test_a_private_or_unknown_ticker_has_no_entries(client):
    ticker = running_ticker(article=ArticleFactory(draft=True))
    EntryFactory(ticker=ticker)
    assert client.get(entries_url(ticker)).json() == {"entries": []}
    assert client.get(entries_url(ticker).replace("nach=0", "nach=abc")).status_code == 400
    assert client.get(f"/liveticker/{ticker.pk}/rss/").status_code == 404


def test_the_ticker_has_its_own_feed(client):
    ticker = running_ticker()
    EntryFactory(ticker=ticker, title="Deich hält", body="<p>Entwarnung im Norden.</p>")
    response = client.get(f"/liveticker/{ticker.pk}/rss/")
    assert response.status_code == 200
    feed = response.content.decode()
    assert "<title>Deich hält</title>" in feed
    # Plain text as the description, the entry's HTML as content:encoded (as the article feeds).
    assert "<description>Entwarnung im Norden.</description>" in feed
    assert "<content:encoded>&lt;p&gt;Entwarnung im Norden.&lt;/p&gt;</content:encoded>" in feed
    assert f"{ticker.article.get_absolute_url()}#eintrag-" in feed
    EntryFactory(ticker=ticker, title="Neue Lage")
    assert "Neue Lage" in client.get(f"/liveticker/{ticker.pk}/rss/").content.decode()
