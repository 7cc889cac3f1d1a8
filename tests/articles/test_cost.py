"""A page's cost does not grow with the archive: the home page and the sitemap index ask the
database the same bounded questions for a handful of articles or for many."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import selectors
from tests.helpers.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm the caches (navigation, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("url", ["/", "/sitemap.xml", "/sitemap-ressorts.xml"])
def test_the_same_queries_for_few_articles_or_many(client, url):
    sections = [SectionFactory() for _ in range(3)]
    for section in sections:
        ArticleFactory.create_batch(2, section=section)
    few = queries_for(client, url)
    for section in sections:
        ArticleFactory.create_batch(25, section=section)
    many = queries_for(client, url)
    assert len(many) == len(few)


def test_the_home_page_reads_a_bounded_window_and_asks_only_for_quiet_sections(client):
    """Page 1 and the section blocks come from one read of the newest articles' keys (LIMIT
    NEWEST_WINDOW); a section with too few articles among them gets a LIMITed subquery, all
    such sections in one query. Nothing ranks the whole archive."""
    busy, quiet = SectionFactory(), SectionFactory()
    old = timezone.now() - timedelta(days=400)
    ArticleFactory.create_batch(3, section=quiet, published_at=old, headline="Stille Meldung")
    ArticleFactory.create_batch(selectors.NEWEST_WINDOW + 5, section=busy)

    sql = queries_for(client, "/")
    page = client.get("/").content.decode()

    window = [query for query in sql if f"LIMIT {selectors.NEWEST_WINDOW}" in query]
    blocks = [query for query in sql if "LIMIT 4" in query]
    assert len(window) == 1
    assert len(blocks) == 1 and blocks[0].count("LIMIT 4") == 1, "only the quiet section"
    assert not any("ROW_NUMBER" in query or "COUNT(" in query for query in sql)
    assert page.count("Stille Meldung") == 3, "the quiet section still has its block"


def test_when_the_window_holds_every_article_nothing_more_is_asked(client):
    for section in [SectionFactory() for _ in range(3)]:
        ArticleFactory.create_batch(8, section=section)

    sql = queries_for(client, "/")

    assert not [query for query in sql if "LIMIT 4" in query]
