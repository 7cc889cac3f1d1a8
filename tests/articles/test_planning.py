"""The admin's planning view ("Planung"): what goes live in the coming days, by day."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from articles.models import Article
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, SectionFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_planning")
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 10:00 in Berlin


def scheduled(hours, **kwargs):
    return ArticleFactory(
        status=Article.Status.SCHEDULED, published_at=NOW + timedelta(hours=hours), **kwargs
    )


@time_machine.travel(NOW, tick=False)
def test_planning_lists_scheduled_articles_by_day_and_time_with_section_and_authors(admin_client):
    sport = SectionFactory(name="Sport", slug="sport")
    tomorrow = scheduled(24, headline="Derby am Samstag", section=sport)
    BylineFactory(article=tomorrow, author=AuthorFactory(name="Paul Seidel"))
    later_today = scheduled(3, headline="Stadtrat tagt")

    response = admin_client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Donnerstag, 26.11.2026" in html
    assert "Freitag, 27.11.2026" in html
    assert html.index("Stadtrat tagt") < html.index("Freitag, 27.11.2026") < html.index("Derby")
    assert ">13:00<" in html  # 12:00 UTC shown in Berlin time
    assert "Paul Seidel" in html and "Sport" in html
    assert reverse("admin:articles_article_change", args=[later_today.pk]) in html


@time_machine.travel(NOW, tick=False)
def test_planning_leaves_out_drafts_past_and_far_future_articles(admin_client):
    scheduled(24 * 10, headline="Weit in der Zukunft")
    ArticleFactory(draft=True, headline="Nur ein Entwurf")
    ArticleFactory(published_at=NOW - timedelta(hours=2), headline="Schon erschienen")

    html = admin_client.get(URL).content.decode()

    assert "Weit in der Zukunft" not in html
    assert "Nur ein Entwurf" not in html
    # Already published articles appear only under "last published".
    assert html.index("Schon erschienen") > html.index("Zuletzt veröffentlicht")


@time_machine.travel(NOW, tick=False)
def test_planning_runs_a_fixed_number_of_queries(admin_client, django_assert_max_num_queries):
    for hours in range(1, 30, 3):
        article = scheduled(hours)
        BylineFactory(article=article)
        BylineFactory(article=article)
    with django_assert_max_num_queries(12):
        assert admin_client.get(URL).status_code == 200


def test_planning_needs_a_staff_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
