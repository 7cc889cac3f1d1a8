"""The admin shows what readers see: a scheduled article whose time has come is online, even
before the job that completes its publication has run."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.helpers.article_admin import CHANGELIST_URL, change_url
from tests.helpers.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 3, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def status_cells(client):
    """{title: text of the status column} of the article list."""
    tree = lxml.html.fromstring(client.get(CHANGELIST_URL).content.decode())
    return {
        row.xpath("string(.//th[contains(@class,'field-title')])").strip(): row.xpath(
            "string(.//td[contains(@class,'field-visibility')])"
        ).strip()
        for row in tree.xpath("//table[@id='result_list']/tbody/tr")
    }


@time_machine.travel(NOW, tick=False)
def test_a_scheduled_article_whose_time_has_come_shows_online_since_in_list_and_form(
    admin_client,
):
    due = ArticleFactory(
        kicker="",
        headline="Fällig",
        status=Article.Status.SCHEDULED,
        published_at=NOW - timedelta(minutes=25),
    )
    ArticleFactory(
        kicker="",
        headline="Später",
        status=Article.Status.SCHEDULED,
        published_at=NOW + timedelta(hours=2),
    )
    ArticleFactory(kicker="", headline="Entwurf", draft=True)

    cells = status_cells(admin_client)

    assert cells == {
        "Fällig": "Online seit 03.11.2026 14.05",
        "Später": "Geplant für 03.11.2026 16.30",
        "Entwurf": "Entwurf",
    }
    form = lxml.html.fromstring(admin_client.get(change_url(due)).content.decode())
    assert "Online seit 03.11.2026 14.05" in form.xpath("string(//h2[@id='workflow-title'])")
    assert "Online seit 03.11.2026 14.05" in form.xpath(
        "string(//div[contains(@class,'field-visibility')])"
    )


@time_machine.travel(NOW, tick=False)
def test_an_article_past_its_depublication_shows_offline_since(admin_client):
    ArticleFactory(
        kicker="",
        headline="Abgelaufen",
        published_at=NOW - timedelta(days=2),
        depublish_at=NOW - timedelta(hours=1),
    )

    assert status_cells(admin_client) == {"Abgelaufen": "Offline seit 03.11.2026 13.30"}
    assert timezone.now() == NOW
