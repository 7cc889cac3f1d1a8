"""The article list in the admin at archive scale: the date drill-down and the author filter
cost a query down an index each, not a pass over every article or byline."""

from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers.article_admin import CHANGELIST_URL
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def page(client, query=""):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST_URL + query)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode()), [q["sql"] for q in queries]


def drill_down(tree):
    """(title, link) of the date hierarchy's choices (without its "back" link)."""
    return [
        (link.text_content().strip(), link.get("href"))
        for link in tree.xpath("//nav[@class='toplinks']/a[not(@class='date-back')]")
    ]


def test_the_years_run_from_the_first_to_the_last_publication_without_a_distinct(admin_client):
    for year in (2019, 2021, 2026):
        ArticleFactory(published_at=datetime(year, 5, 1, 12, tzinfo=BERLIN))

    tree, queries = page(admin_client)

    years = [title for title, _link in drill_down(tree)]
    # 2020 and the years between too: they come from the range, not from the articles.
    assert years == ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]
    assert not any("DISTINCT" in sql and "published_at" in sql for sql in queries)
    link = dict(drill_down(tree))["2021"]
    assert "published_at__year=2021" in link


def test_within_a_year_the_months_come_from_djangos_own_drill_down(admin_client):
    ArticleFactory(headline="März", published_at=datetime(2026, 3, 4, 12, tzinfo=BERLIN))
    ArticleFactory(headline="Mai", published_at=datetime(2026, 5, 4, 12, tzinfo=BERLIN))
    ArticleFactory(headline="Früher", published_at=datetime(2024, 5, 4, 12, tzinfo=BERLIN))

    tree, _queries = page(admin_client, "?published_at__year=2026")

    titles = [title for title, _link in drill_down(tree)]
    assert any("März" in title for title in titles) and any("Mai" in title for title in titles)
    assert not any("April" in title for title in titles)
    rows = tree.xpath("string(//table[@id='result_list'])")
    assert "März" in rows and "Früher" not in rows


def test_a_search_within_one_year_drills_down_to_its_months(admin_client):
    ArticleFactory(
        headline="Hochwasser an der Elbe", published_at=datetime(2026, 3, 4, 12, tzinfo=BERLIN)
    )
    ArticleFactory(headline="Schulbau", published_at=datetime(2022, 3, 4, 12, tzinfo=BERLIN))

    tree, _queries = page(admin_client, "?q=Hochwasser")

    # One match: Django's own drill-down starts at its month's days, below its year.
    assert [title for title, _link in drill_down(tree)] == ["4. März"]
    assert tree.xpath("string(//nav[@class='toplinks']/a[@class='date-back'])").endswith("2026")


def test_the_author_filter_offers_the_authors_with_a_byline(admin_client):
    writes = AuthorFactory(name="Hat Texte")
    BylineFactory(article=ArticleFactory(), author=AuthorFactory(name="Schreibt auch"))
    AuthorFactory(name="Ohne Texte")
    BylineFactory(article=ArticleFactory(), author=writes)

    tree, queries = page(admin_client)

    filters = tree.xpath("string(//*[@id='changelist-filter'])")
    assert "Hat Texte" in filters and "Schreibt auch" in filters
    assert "Ohne Texte" not in filters
    assert not any("DISTINCT" in sql and "articles_byline" in sql for sql in queries)
    # Choosing one filters the list.
    other = ArticleFactory(headline="Fremder Text")
    tree, _queries = page(admin_client, f"?bylines__author__id__exact={writes.pk}")
    assert "Fremder Text" not in tree.xpath("string(//table[@id='result_list'])")
    assert other.headline not in tree.xpath("string(//table[@id='result_list'])")
