"""Moving a live article's publication time into the past needs a confirmation, keeps what
was typed while asking, and is recorded in the article's audit trail."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from articles.models import ArticleEvent
from tests.helpers.article_admin import change_url
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory
from tests.helpers.forms import open_form
from tests.helpers.html import start_tags

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 3, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def live_article(**values):
    article = ArticleFactory(published_at=NOW - timedelta(minutes=25), **values)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    return article


def confirmation_box(page):
    return [a for a in start_tags(page, "input") if a.get("name") == "confirm_backdating"]


@time_machine.travel(NOW, tick=False)
def test_backdating_a_live_article_asks_first_keeping_the_typing(admin_client):
    article = live_article()
    form = open_form(admin_client, change_url(article)).fill(
        published_at_0="01.11.2026", published_at_1="09:00", lead="Neu getippter Vorspann"
    )

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Dieser Artikel ist seit 03.11.2026 14.05 online" in page
    assert "auf 01.11.2026 09.00 zurückdatiert" in page
    assert confirmation_box(page)[0]["type"] == "checkbox"
    assert "Neu getippter Vorspann" in page
    article.refresh_from_db()
    assert article.published_at == NOW - timedelta(minutes=25)

    confirmed = open_form(admin_client, change_url(article)).fill(
        published_at_0="01.11.2026",
        published_at_1="09:00",
        lead="Neu getippter Vorspann",
        confirm_backdating="on",
    )
    assert confirmed.submit(admin_client, change_url(article)).status_code == 302

    article.refresh_from_db()
    assert article.published_at == datetime(2026, 11, 1, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert article.lead == "Neu getippter Vorspann"
    event = article.events.get(action=ArticleEvent.Action.SCHEDULE_CHANGED)
    assert event.comment == "Zurückdatierung bestätigt"
    assert event.new_value.startswith("published_at: 01.11.2026 09.00")


@time_machine.travel(NOW, tick=False)
def test_the_confirmation_is_hidden_until_needed_and_other_changes_save_at_once(admin_client):
    article = live_article()
    form = open_form(admin_client, change_url(article))
    assert (
        confirmation_box(admin_client.get(change_url(article)).content.decode())[0]["type"]
        == "hidden"
    )

    response = form.fill(headline="Nur die Überschrift").submit(admin_client, change_url(article))

    assert response.status_code == 302


@time_machine.travel(NOW, tick=False)
def test_a_draft_gets_any_past_time_without_a_question(admin_client):
    article = ArticleFactory(draft=True)
    form = open_form(admin_client, change_url(article)).fill(
        published_at_0="01.11.2026", published_at_1="09:00"
    )

    assert form.submit(admin_client, change_url(article)).status_code == 302
