"""A page's cost does not grow with the archive: the home page and the sitemap index ask the
database the same bounded questions for a handful of articles or for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def test_the_section_blocks_take_a_limited_number_of_rows_per_section(client):
    for section in [SectionFactory() for _ in range(3)]:
        ArticleFactory.create_batch(8, section=section)
    sql = queries_for(client, "/")
    blocks = [query for query in sql if "UNION ALL" in query and "LIMIT 4" in query]
    assert len(blocks) == 1, "one query for every section block"
    # Each section's candidates come from a LIMITed subquery, not a ranking of all articles.
    assert blocks[0].count("LIMIT 4") == 3
    assert "ROW_NUMBER" not in blocks[0]
