"""The ticker on the article page: entries newest first with their parts, pinned entries
and key events on top, pages of older entries, the end, and a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers.factories import AuthorFactory, ImageFactory
from tests.helpers.liveticker import EntryFactory, running_ticker

pytestmark = pytest.mark.django_db


def page(client, ticker, query=""):
    response = client.get(ticker.article.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def test_entries_are_shown_newest_first_with_their_parts(client):
    ticker = running_ticker()
    author = AuthorFactory(name="Jana Deich")
    image = ImageFactory(caption="Sandsäcke am Ufer", photographer="Kai Foto")
    EntryFactory(ticker=ticker, body="<p>Erste Meldung</p>")
    EntryFactory(
        ticker=ticker,
        title="Deich hält",
        body="<p>Zweite Meldung</p>",
        author=author,
        image=image,
        embed_url="https://www.youtube.com/watch?v=abcdefghijk",
    )
    html = page(client, ticker)
    assert html.index("Zweite Meldung") < html.index("Erste Meldung")
    assert "Deich hält" in html and "Von Jana Deich" in html
    assert "Sandsäcke am Ufer" in html and "Kai Foto" in html
    assert 'data-embed-provider="YouTube"' in html
    assert 'aria-live="polite"' in html
    assert "data-ticker-live" in html


def test_pinned_entries_and_key_events_are_on_top(client):
    ticker = running_ticker()
    EntryFactory(ticker=ticker, title="Evakuierung angeordnet", key_event=True)
    EntryFactory(ticker=ticker, body="<p>Wichtig: Notruf 112</p>", pinned=True)
    EntryFactory(ticker=ticker, body="<p>Neueste Meldung</p>")
    html = page(client, ticker)
    essentials = html.index(">Das Wichtigste<")
    assert html.index(">Wichtige Ereignisse<") < essentials < html.index("<p>Neueste Meldung")
    key = re.search(r'<a href="#eintrag-(\d+)"><time[^>]*>[^<]*</time> Evakuierung', html)
    assert key and f'id="eintrag-{key.group(1)}"' in html


def test_long_tickers_have_pages_of_older_entries(client, settings):
    settings.LIVETICKER_ENTRIES_PER_PAGE = 3
    ticker = running_ticker(entries=7)
    first = page(client, ticker)
    assert first.count('<article class="ticker-entry') == 3
    assert "Ältere Einträge" in first and "?seite=2" in first
    third = page(client, ticker, "?seite=3")
    assert third.count('<article class="ticker-entry') == 1
    assert "data-ticker-live" not in third  # only page 1 takes new entries
    assert client.get(ticker.article.get_absolute_url() + "?seite=4").status_code == 404


def test_an_ended_ticker_says_so_and_stops_asking(client):
    ticker = running_ticker(entries=1, ended_at=timezone.now() - timedelta(minutes=1))
    html = page(client, ticker)
    assert "Der Liveticker ist beendet." in html
    assert "data-ticker-live" not in html


def test_an_article_without_ticker_shows_none(client):
    ticker = running_ticker(entries=1)
    article = ticker.article
    ticker.delete()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Pegel steigt weiter" in html
    assert "liveticker" not in html and "Live" not in html


def test_json_ld_is_a_live_blog_posting(client):
    ticker = running_ticker()
    EntryFactory(ticker=ticker, title="Deich hält")
    html = page(client, ticker)
    assert '"@type":"LiveBlogPosting"' in html
    assert '"coverageStartTime"' in html and '"coverageEndTime"' not in html
    assert '"liveBlogUpdate":[{"@type":"BlogPosting","headline":"Deich hält"' in html


def count_queries(client, ticker, django_assert_max_num_queries):
    with django_assert_max_num_queries(50) as captured:
        page(client, ticker)
    return len(captured)


def test_the_page_runs_as_many_queries_for_5_entries_as_for_200(
    client, django_assert_max_num_queries
):
    small, large = running_ticker(entries=5), running_ticker(entries=200)
    for ticker in (small, large):
        EntryFactory(ticker=ticker, title="Lage", key_event=True, image=ImageFactory())
        EntryFactory(ticker=ticker, pinned=True)
        page(client, ticker)  # renditions are made on first view
    for_small = count_queries(client, small, django_assert_max_num_queries)
    for_large = count_queries(client, large, django_assert_max_num_queries)
    assert for_small == for_large
    assert for_small <= 12


def test_a_planned_ticker_says_when_it_starts_and_is_not_live_yet(client):
    ticker = running_ticker(started_at=timezone.now() + timedelta(hours=2))
    html = page(client, ticker)
    assert "Beginnt am" in html
    assert "data-ticker-live" not in html and 'badge--live">Live<' not in html
