"""/news-sitemap.xml: Google News, the public articles of the last 48 hours."""

from datetime import timedelta

import pytest

from articles.models import Article
from distribution.sitemaps import NewsSitemap
from tests.helpers.factories import ArticleFactory
from tests.helpers.feeds import NEWS_NS, NOW, SITEMAP_NS, parse_xml

NS = {"sm": SITEMAP_NS, "news": NEWS_NS}


def get_news_sitemap(client, **extra):
    response = client.get("/news-sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return response


def news_entries(response):
    root = parse_xml(response)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    return [
        {
            "loc": url.findtext("sm:loc", namespaces=NS),
            "name": url.findtext("news:news/news:publication/news:name", namespaces=NS),
            "language": url.findtext("news:news/news:publication/news:language", namespaces=NS),
            "date": url.findtext("news:news/news:publication_date", namespaces=NS),
            "title": url.findtext("news:news/news:title", namespaces=NS),
        }
        for url in root.findall("sm:url", NS)
    ]


@pytest.mark.django_db
def test_news_sitemap_validates_against_sitemap_and_news_schemas(client, story, sitemap_schema):
    response = get_news_sitemap(client)
    sitemap_schema.validate(response.content.decode())
    root = parse_xml(response)
    assert root.nsmap == {None: SITEMAP_NS, "news": NEWS_NS}
    assert response["Cache-Control"] == "max-age=300"


@pytest.mark.django_db
def test_news_entry_names_publication_language_date_and_title(client, story, settings):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    settings.ALLOWED_HOSTS = ["zeitung.example"]
    response = get_news_sitemap(client, HTTP_HOST="zeitung.example", secure=True)
    assert news_entries(response) == [
        {
            "loc": f"https://zeitung.example{story.article.get_absolute_url()}",
            "name": "Leipziger Rundschau",
            "language": "de",
            # W3C format with the Berlin offset, whole seconds.
            "date": "2026-11-04T08:00:00+01:00",
            "title": "Stadtrat Leipzig: Straßenbahn kommt früher",
        }
    ]


@pytest.mark.django_db
def test_news_sitemap_covers_exactly_the_last_48_hours_newest_first(client, frozen_clock):
    for label, age in [
        ("gerade eben", timedelta(0)),
        ("vor 47 Stunden", timedelta(hours=47)),
        ("vor genau 48 Stunden", timedelta(hours=48)),
        ("eine Sekunde zu alt", timedelta(hours=48, seconds=1)),
        ("vor drei Tagen", timedelta(days=3)),
    ]:
        ArticleFactory(kicker="", headline=label, published_at=NOW - age)
    titles = [entry["title"] for entry in news_entries(get_news_sitemap(client))]
    assert titles == ["gerade eben", "vor 47 Stunden", "vor genau 48 Stunden"]

    # An hour later the oldest one has dropped out.
    frozen_clock.shift(timedelta(hours=1))
    titles = [entry["title"] for entry in news_entries(get_news_sitemap(client))]
    assert titles == ["gerade eben", "vor 47 Stunden"]


@pytest.mark.django_db
def test_news_sitemap_leaves_out_what_readers_may_not_see(client, story):
    ArticleFactory(
        headline="Zurückgezogen",
        status=Article.Status.WITHDRAWN,
        published_at=NOW - timedelta(hours=1),
    )
    ArticleFactory(
        headline="Abgelaufen",
        published_at=NOW - timedelta(hours=5),
        depublish_at=NOW - timedelta(minutes=1),
    )
    titles = [entry["title"] for entry in news_entries(get_news_sitemap(client))]
    assert titles == [story.article.title]


@pytest.mark.django_db
def test_scheduled_article_appears_when_its_time_has_come(client, frozen_clock):
    ArticleFactory(kicker="", headline="Geplant", scheduled=True)
    assert news_entries(get_news_sitemap(client)) == []
    frozen_clock.shift(timedelta(days=1, seconds=1))
    assert [entry["title"] for entry in news_entries(get_news_sitemap(client))] == ["Geplant"]


@pytest.mark.django_db
def test_news_sitemap_stops_at_its_limit_keeping_the_newest(client, frozen_clock, monkeypatch):
    # Google takes at most 1,000 URLs; a smaller limit shows the cut without 1,001 articles.
    assert NewsSitemap.limit == 1000
    monkeypatch.setattr(NewsSitemap, "limit", 2)
    for hours in (3, 1, 2):
        ArticleFactory(
            kicker="", headline=f"vor {hours} Stunden", published_at=NOW - timedelta(hours=hours)
        )
    titles = [entry["title"] for entry in news_entries(get_news_sitemap(client))]
    assert titles == ["vor 1 Stunden", "vor 2 Stunden"]


@pytest.mark.django_db
def test_title_with_markup_characters_is_escaped(client, frozen_clock, sitemap_schema):
    ArticleFactory(kicker="Bund & Länder", headline="<Einigung> bei „Deutschlandticket“")
    response = get_news_sitemap(client)
    sitemap_schema.validate(response.content.decode())
    (entry,) = news_entries(response)
    assert entry["title"] == "Bund & Länder: <Einigung> bei „Deutschlandticket“"


@pytest.mark.django_db
def test_news_sitemap_needs_the_same_queries_for_one_article_or_many(
    client, frozen_clock, django_assert_num_queries
):
    ArticleFactory()
    get_news_sitemap(client)  # Warms the cache of the site settings (the publication's name).
    # A count for the paginator and the articles with their sections.
    with django_assert_num_queries(2):
        get_news_sitemap(client)
    for _number in range(5):
        ArticleFactory()
    with django_assert_num_queries(2):
        assert len(news_entries(get_news_sitemap(client))) == 6
