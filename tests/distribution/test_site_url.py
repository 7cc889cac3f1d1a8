"""SITE_URL: one address for the site, whichever host name a request came in on. Feed GUIDs,
feed and sitemap links, canonical links, structured data and the API name it."""

import json
import re

import pytest
from django.urls import reverse

from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory
from tests.helpers.feeds import SITEMAP_NS, parse_xml
from tests.helpers.pages import canonical

pytestmark = pytest.mark.django_db

HOSTS = ["zeitung.example", "www.zeitung.example"]
SITE = "https://www.zeitung.example"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(settings):
    settings.ALLOWED_HOSTS = [*HOSTS, "testserver"]
    settings.SITE_URL = SITE


@pytest.fixture
def article():
    article = ArticleFactory(slug="haushalt")
    BylineFactory(article=article, author=AuthorFactory(slug="mara"))
    return article


def rss_items(client, host):
    root = parse_xml(client.get(reverse("distribution:rss"), HTTP_HOST=host))
    channel = root.find("channel")
    return channel, [
        (item.findtext("guid"), item.findtext("link")) for item in channel.iter("item")
    ]


def test_feed_items_keep_their_guid_and_link_under_every_host_name(client, site, article):
    (channel, first), (_, second) = (rss_items(client, host) for host in HOSTS)

    assert first == second
    ((guid, link),) = first
    assert guid.startswith("tag:www.zeitung.example,")
    assert link == f"{SITE}{article.get_absolute_url()}"
    assert channel.findtext("link") == f"{SITE}/"
    (self_link,) = [
        element.get("href")
        for element in channel.iter(f"{ATOM}link")
        if element.get("rel") == "self"
    ]
    assert self_link == f"{SITE}/feeds/rss/"


def test_atom_entries_name_the_site(client, site, article):
    root = parse_xml(client.get(reverse("distribution:atom"), HTTP_HOST="zeitung.example"))
    (entry,) = root.iter(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"{SITE}{article.get_absolute_url()}"
    assert entry.findtext(f"{ATOM}id").startswith("tag:www.zeitung.example,")
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}uri") == f"{SITE}/autor/mara/"


def test_without_a_site_url_the_request_host_is_named(client, settings, article):
    settings.ALLOWED_HOSTS = [*HOSTS, "testserver"]
    (_, first), (_, second) = (rss_items(client, host) for host in HOSTS)
    assert first[0][0].startswith("tag:zeitung.example,")
    assert second[0][0].startswith("tag:www.zeitung.example,")


def test_sitemaps_name_the_site(client, site, article):
    index = parse_xml(client.get("/sitemap.xml", HTTP_HOST="zeitung.example"))
    locations = [element.text for element in index.iter(f"{{{SITEMAP_NS}}}loc")]
    assert locations and all(location.startswith(f"{SITE}/sitemap-") for location in locations)

    for path in ["/sitemap-artikel.xml", "/news-sitemap.xml"]:
        urlset = parse_xml(client.get(path, HTTP_HOST="zeitung.example"))
        urls = [element.text for element in urlset.iter(f"{{{SITEMAP_NS}}}loc")]
        assert f"{SITE}{article.get_absolute_url()}" in urls, path


def test_pages_and_the_api_name_the_site(client, site, article):
    page = client.get(article.get_absolute_url(), HTTP_HOST="zeitung.example")
    content = page.content.decode()
    assert canonical(content) == [f"{SITE}{article.get_absolute_url()}"]
    data = json.loads(re.search(r'"application/ld\+json">(.*?)</script>', content).group(1))
    assert data["url"] == f"{SITE}{article.get_absolute_url()}"

    api = client.get(f"/api/v1/articles/{article.pk}/", HTTP_HOST="zeitung.example").json()
    assert api["url"] == f"{SITE}{article.get_absolute_url()}"
    assert api["api_url"] == f"{SITE}/api/v1/articles/{article.pk}/"
