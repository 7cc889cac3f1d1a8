"""Crafted addresses answer 404, never 500, on SQLite and on PostgreSQL."""

import pytest

from tests.helpers.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/thema/%00/",
        "/thema/x%00y/",
        "/feeds/thema/%00/rss/",
        "/thema/%E2%80%AE/",  # a right-to-left override alone
        "/archiv/9999/12/31/",
        "/archiv/1/1/1/",
        "/archiv/2026/2/30/",
        "/archiv/2026/13/1/",
        "/archiv/99999999999999999999/1/1/",
    ],
)
def test_crafted_addresses_are_not_found(client, path):
    ArticleFactory().tags.add("Verkehr")
    assert client.get(path).status_code == 404
