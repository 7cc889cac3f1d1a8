"""Reading feeds and sitemaps in tests: the moment they are read at, the sitemap XML
namespaces, and parsing an answer as XML."""

from datetime import UTC, datetime

from lxml import etree

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

# A Wednesday in November: Europe/Berlin is UTC+1.
NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)


def parse_xml(response):
    """The response body as an lxml tree; fails the test if it is not well-formed XML."""
    return etree.fromstring(response.content)
