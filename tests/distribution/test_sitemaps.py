"""/sitemap.xml: an index of the article, section, topic and author sitemaps."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from taggit.models import Tag

from distribution.sitemaps import ArticleSitemap
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, SectionFactory
from tests.helpers.feeds import NOW, SITEMAP_NS, parse_xml

NS = {"sm": SITEMAP_NS}
SITEMAP_PATHS = [
    "/sitemap-artikel.xml",
    "/sitemap-ressorts.xml",
    "/sitemap-themen.xml",
    "/sitemap-autoren.xml",
]


@pytest.fixture(autouse=True)
def every_topic_counts(settings):
    """These tests are about listing; thin topic pages have their own tests
    (tests/distribution/test_reader_metadata.py)."""
    settings.NEWSROOM_TAG_INDEX_MIN_ARTICLES = 1


def get_xml(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return response


def index_entries(response):
    """(loc, lastmod) of each sitemap the index lists."""
    root = parse_xml(response)
    assert root.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    return [
        (entry.findtext("sm:loc", namespaces=NS), entry.findtext("sm:lastmod", namespaces=NS))
        for entry in root.findall("sm:sitemap", NS)
    ]


def urlset(response):
    """{loc: lastmod} of a sitemap's URLs."""
    root = parse_xml(response)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    return {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in root.findall("sm:url", NS)
    }


# --- the index --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_index_lists_the_four_sitemaps_with_the_requests_scheme_and_host(
    client, story, settings, siteindex_schema
):
    settings.ALLOWED_HOSTS = ["zeitung.example"]
    response = get_xml(client, "/sitemap.xml", HTTP_HOST="zeitung.example", secure=True)
    siteindex_schema.validate(response.content.decode())
    # The newest change among public articles: published two hours before NOW, in Berlin time.
    assert index_entries(response) == [
        (f"https://zeitung.example{path}", "2026-11-04T08:00:00+01:00") for path in SITEMAP_PATHS
    ]
    assert response["Cache-Control"] == "max-age=300"


@pytest.mark.django_db
def test_index_pages_the_article_sitemap(client, frozen_clock, monkeypatch, sitemap_schema):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [
        ArticleFactory(published_at=NOW - timedelta(hours=hours)) for hours in (5, 4, 3, 2, 1)
    ]
    locs = [loc for loc, _lastmod in index_entries(get_xml(client, "/sitemap.xml"))]
    assert locs[:3] == [
        "http://testserver/sitemap-artikel.xml",
        "http://testserver/sitemap-artikel.xml?p=2",
        "http://testserver/sitemap-artikel.xml?p=3",
    ]

    # Oldest first, so earlier pages stay as they are when new articles appear.
    pages = []
    for page in (1, 2, 3):
        response = get_xml(client, f"/sitemap-artikel.xml?p={page}")
        sitemap_schema.validate(response.content.decode())
        pages.append(list(urlset(response)))
    assert pages == [
        [f"http://testserver{article.get_absolute_url()}" for article in articles[0:2]],
        [f"http://testserver{article.get_absolute_url()}" for article in articles[2:4]],
        [f"http://testserver{articles[4].get_absolute_url()}"],
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?p=4", "?p=0", "?p=zwei"])
def test_page_that_does_not_exist_answers_404(client, frozen_clock, monkeypatch, query):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for hours in (3, 2, 1):
        ArticleFactory(published_at=NOW - timedelta(hours=hours))
    assert client.get(f"/sitemap-artikel.xml{query}").status_code == 404


@pytest.mark.django_db
def test_unknown_sitemap_answers_404(client):
    assert client.get("/sitemap-bilder.xml").status_code == 404


# --- what each sitemap lists ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", SITEMAP_PATHS)
def test_sitemaps_validate_against_the_sitemaps_org_schema(client, story, sitemap_schema, path):
    response = get_xml(client, path)
    sitemap_schema.validate(response.content.decode())
    assert urlset(response)
    assert response["Cache-Control"] == "max-age=300"


@pytest.mark.django_db
def test_article_sitemap_lists_public_articles_only(client, story):
    assert urlset(get_xml(client, "/sitemap-artikel.xml")) == {
        f"http://testserver{story.article.get_absolute_url()}": "2026-11-04T08:00:00+01:00"
    }


@pytest.mark.django_db
def test_article_lastmod_is_the_material_update_not_a_typo_fix(client, story):
    article = story.article
    url = f"http://testserver{article.get_absolute_url()}"
    article.lead = "Mit korrigiertem Tippfehler."
    article.save()  # modified_at moves; this is not a material update.
    assert urlset(get_xml(client, "/sitemap-artikel.xml"))[url] == "2026-11-04T08:00:00+01:00"

    article.updated_at = datetime(2026, 11, 4, 8, 30, 15, 123456, tzinfo=UTC)
    article.save()
    assert urlset(get_xml(client, "/sitemap-artikel.xml"))[url] == "2026-11-04T09:30:15+01:00"
    assert index_entries(get_xml(client, "/sitemap.xml"))[0] == (
        "http://testserver/sitemap-artikel.xml",
        "2026-11-04T09:30:15+01:00",
    )


@pytest.mark.django_db
def test_list_pages_are_listed_only_with_a_public_article(client, story):
    # Subjects with nothing public: an empty section, an author and a tag of drafts only.
    SectionFactory(name="Leer", slug="leer")
    draft = ArticleFactory(section=story.section, draft=True)
    BylineFactory(article=draft, author=AuthorFactory(slug="nur-entwuerfe"))
    draft.tags.add("Geheimprojekt")

    assert set(urlset(get_xml(client, "/sitemap-ressorts.xml"))) == {"http://testserver/leipzig/"}
    assert set(urlset(get_xml(client, "/sitemap-themen.xml"))) == {
        "http://testserver/thema/nahverkehr/",
        "http://testserver/thema/stadtrat/",
    }
    assert set(urlset(get_xml(client, "/sitemap-autoren.xml"))) == {
        "http://testserver/autor/mara-muster/",
        "http://testserver/autor/ben-beispiel/",
    }


@pytest.mark.django_db
def test_list_page_lastmod_is_its_newest_public_change(client, story):
    newer = ArticleFactory(section=story.section, published_at=NOW - timedelta(minutes=30))
    newer.tags.add("Stadtrat")
    BylineFactory(article=newer, author=story.authors[1])
    # Hidden articles in the same scope are newer still (the scheduled one) but do not count.

    assert urlset(get_xml(client, "/sitemap-ressorts.xml")) == {
        "http://testserver/leipzig/": "2026-11-04T09:30:00+01:00"
    }
    assert urlset(get_xml(client, "/sitemap-themen.xml")) == {
        "http://testserver/thema/nahverkehr/": "2026-11-04T08:00:00+01:00",
        "http://testserver/thema/stadtrat/": "2026-11-04T09:30:00+01:00",
    }
    assert urlset(get_xml(client, "/sitemap-autoren.xml")) == {
        "http://testserver/autor/mara-muster/": "2026-11-04T08:00:00+01:00",
        "http://testserver/autor/ben-beispiel/": "2026-11-04T09:30:00+01:00",
    }


@pytest.mark.django_db
def test_every_listed_address_answers_200(client, story, sitemap_schema):
    story.article.tags.add("Lärmschutz")
    assert "http://testserver/thema/l%C3%A4rmschutz/" in urlset(
        get_xml(client, "/sitemap-themen.xml")
    )
    for path in SITEMAP_PATHS:
        response = get_xml(client, path)
        sitemap_schema.validate(response.content.decode())
        for loc in urlset(response):
            address = urlsplit(loc)
            assert client.get(address.path).status_code == 200, loc


def _add_articles_with_new_subjects():
    for number in range(5):
        article = ArticleFactory(section=SectionFactory(), published_at=NOW - timedelta(hours=1))
        BylineFactory(article=article, author=AuthorFactory())
        article.tags.add(f"Thema {number}")


@pytest.mark.django_db
def test_topic_without_an_address_is_left_out(client, story):
    # taggit gives a name without letters or digits an empty slug; no page can have that.
    ArticleFactory(section=story.section).tags.add("???")
    assert Tag.objects.get(name="???").slug == ""
    assert set(urlset(get_xml(client, "/sitemap-themen.xml"))) == {
        "http://testserver/thema/nahverkehr/",
        "http://testserver/thema/stadtrat/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", SITEMAP_PATHS)
def test_sitemaps_need_the_same_queries_for_few_entries_or_many(
    client, story, django_assert_max_num_queries, django_assert_num_queries, path
):
    get_xml(client, path)  # Warms the content type cache taggit's tag queries use.
    # A count for the paginator and the entries themselves.
    with django_assert_max_num_queries(2) as for_few:
        get_xml(client, path)
    _add_articles_with_new_subjects()
    with django_assert_num_queries(len(for_few)):
        response = get_xml(client, path)
    assert len(urlset(response)) > 2


@pytest.mark.django_db
def test_index_needs_the_same_queries_for_few_entries_or_many(
    client, story, django_assert_max_num_queries, django_assert_num_queries
):
    get_xml(client, "/sitemap.xml")
    # Per sitemap: its newest change and the number of its pages (the corrections' sitemap:
    # its newest correction only).
    with django_assert_max_num_queries(9) as for_few:
        get_xml(client, "/sitemap.xml")
    _add_articles_with_new_subjects()
    with django_assert_num_queries(len(for_few)):
        get_xml(client, "/sitemap.xml")
