"""Editors post, correct and remove entries from the ticker's admin page: in one step,
online at once, audited, and only if they may change the article (else 403)."""

import pytest
from django.urls import reverse

from articles.models import ArticleEvent
from liveticker.models import Entry, Ticker
from tests.helpers.accounts import DESK, REPORTER, login, make_user
from tests.helpers.factories import ArticleFactory, AuthorFactory
from tests.helpers.liveticker import (
    EntryFactory,
    change_url,
    post_entry,
    running_ticker,
)

pytestmark = pytest.mark.django_db

Action = ArticleEvent.Action


@pytest.fixture
def desk(client):
    return login(client, make_user(DESK, "cvd"))


def actions(article):
    return list(article.events.order_by("pk").values_list("action", flat=True))


def test_the_ticker_page_has_the_compact_form(desk):
    ticker = running_ticker()
    html = desk.get(change_url(ticker)).content.decode()
    assert reverse("admin:liveticker_ticker_post_entry", args=[ticker.pk]) in html
    assert 'name="body"' in html and "Eintrag veröffentlichen" in html


def test_an_entry_is_posted_in_one_step_and_online_at_once(desk, client):
    ticker = running_ticker()
    author = AuthorFactory(name="Jana Deich", user=desk.user)
    response = post_entry(desk, ticker, title="Deich bricht", body="<p>Wasser läuft über.</p>")
    assert response.status_code == 302
    entry = Entry.objects.get(ticker=ticker)
    assert entry.author == author  # the poster's own byline
    assert entry.created_by == desk.user
    page = client.get(ticker.article.get_absolute_url()).content.decode()
    assert "Deich bricht" in page and "Wasser läuft über." in page
    assert actions(ticker.article)[-1] == Action.ENTRY_ADDED
    assert "Deich bricht" in ticker.article.events.last().new_value


def test_the_body_is_cleaned_like_the_article_body(desk):
    ticker = running_ticker()
    post_entry(desk, ticker, body='<p onclick="x()">Text<script>alert(1)</script></p>')
    assert Entry.objects.get().body == "<p>Text</p>"


def test_a_form_with_errors_keeps_what_was_typed(desk):
    ticker = running_ticker()
    response = post_entry(desk, ticker, title="Lage", embed_url="https://example.org/video")
    assert response.status_code == 200
    html = response.content.decode()
    assert "kann nicht eingebettet werden" in html
    assert 'value="Lage"' in html
    assert not Entry.objects.exists()


def test_an_empty_entry_and_a_key_event_without_title_are_refused(desk):
    ticker = running_ticker()
    assert "Ein Eintrag braucht" in post_entry(desk, ticker).content.decode()
    refused = post_entry(desk, ticker, body="<p>Text</p>", key_event="on")
    assert "braucht einen kurzen Titel" in refused.content.decode()
    assert not Entry.objects.exists()


def test_editors_posting_at_the_same_time_lose_no_entry(client, django_user_model):
    ticker = running_ticker()
    first = login(client.__class__(), make_user(DESK, "cvd-eins"))
    second = login(client.__class__(), make_user(DESK, "cvd-zwei"))
    # Both opened the page before either posted.
    first.get(change_url(ticker))
    second.get(change_url(ticker))
    post_entry(first, ticker, body="<p>Von eins</p>")
    post_entry(second, ticker, body="<p>Von zwei</p>")
    assert sorted(Entry.objects.values_list("body", flat=True)) == [
        "<p>Von eins</p>",
        "<p>Von zwei</p>",
    ]


def test_an_entry_is_corrected_and_removed_with_the_audit(desk, client):
    ticker = running_ticker()
    entry = EntryFactory(ticker=ticker, title="Pegel 7 Meter")
    change = reverse("admin:liveticker_entry_change", args=[entry.pk])
    form = desk.get(change)
    assert form.status_code == 200
    local = entry.published_at.astimezone()
    response = desk.post(
        change,
        {
            "published_at_0": local.strftime("%d.%m.%Y"),
            "published_at_1": local.strftime("%H:%M:%S"),
            "title": "Pegel 7,20 Meter",
            "body": entry.body,
            "image": "",
            "embed_url": "",
            "author": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(ticker.article.get_absolute_url()).content.decode()
    assert '<h3 class="ticker-entry__title">Pegel 7,20 Meter</h3>' in page
    event = ticker.article.events.last()
    assert event.action == Action.ENTRY_CHANGED
    assert "Pegel 7 Meter" in event.old_value and "7,20 Meter" in event.new_value

    delete = reverse("admin:liveticker_entry_delete", args=[entry.pk])
    assert desk.post(delete, {"post": "yes"}).status_code == 302
    assert not Entry.objects.exists()
    assert actions(ticker.article)[-1] == Action.ENTRY_REMOVED
    assert "7,20 Meter" not in client.get(ticker.article.get_absolute_url()).content.decode()


def test_starting_and_ending_are_audited(desk, client):
    article = ArticleFactory()
    add = reverse("admin:liveticker_ticker_add")
    now = article.published_at.astimezone()
    response = desk.post(
        add,
        {
            "article": article.pk,
            "started_at_0": now.strftime("%d.%m.%Y"),
            "started_at_1": now.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    ticker = Ticker.objects.get(article=article)
    assert actions(article)[-1] == Action.TICKER_STARTED
    assert "Live" in client.get("/").content.decode()
    response = desk.post(reverse("admin:liveticker_ticker_end", args=[ticker.pk]))
    assert response.status_code == 302
    ticker.refresh_from_db()
    assert ticker.ended_at is not None
    assert actions(article)[-1] == Action.TICKER_ENDED
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Der Liveticker ist beendet." in page


def test_someone_who_may_not_change_the_article_gets_403(client):
    ticker = running_ticker()  # a published article: the desk's
    entry = EntryFactory(ticker=ticker)
    reporter = login(client, make_user(REPORTER, "reporterin"))
    assert post_entry(reporter, ticker, body="<p>Nein</p>").status_code == 403
    end = reverse("admin:liveticker_ticker_end", args=[ticker.pk])
    assert reporter.post(end).status_code == 403
    delete = reverse("admin:liveticker_entry_delete", args=[entry.pk])
    assert reporter.post(delete, {"post": "yes"}).status_code == 403
    assert Entry.objects.count() == 1
    html = reporter.get(change_url(ticker)).content.decode()
    assert "Eintrag veröffentlichen" not in html


def test_deleting_a_ticker_keeps_the_article_and_says_so_in_its_audit(desk, client):
    ticker = running_ticker(entries=2)
    article = ticker.article
    delete = reverse("admin:liveticker_ticker_delete", args=[ticker.pk])
    assert desk.post(delete, {"post": "yes"}).status_code == 302
    assert not Ticker.objects.exists() and not Entry.objects.exists()
    event = article.events.last()
    assert event.action == Action.TICKER_ENDED and "2 Einträgen gelöscht" in event.comment
    assert "Liveticker" not in client.get(article.get_absolute_url()).content.decode()


def test_the_article_form_leads_to_its_ticker(desk):
    ticker = running_ticker()
    ticker_page = change_url(ticker)
    article_form = reverse("admin:articles_article_change", args=[ticker.article.pk])
    html = desk.get(article_form).content.decode()
    assert "läuft als Liveticker" in html and f'href="{ticker_page}"' in html
    other = ArticleFactory()
    html = desk.get(reverse("admin:articles_article_change", args=[other.pk])).content.decode()
    assert "läuft als Liveticker" not in html
    assert ticker_page not in html
