"""distribution/feed_links.html: the <link rel="alternate"> tags for a page's <head>."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from taggit.models import Tag

from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, SectionFactory
from tests.helpers.html import start_tags

RSS = "application/rss+xml"
ATOM = "application/atom+xml"


def feed_links(**context):
    """(type, title, href) of each alternate link the partial renders for this context."""
    markup = render_to_string(
        "distribution/feed_links.html", context, request=RequestFactory().get("/")
    )
    links = start_tags(markup, "link")
    assert all(link["rel"] == "alternate" for link in links)
    return [(link["type"], link["title"], link["href"]) for link in links]


@pytest.fixture
def site_name(settings):
    """The name the site's pages show, as the partial gets it from the context processors."""
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    markup = render_to_string("distribution/feed_links.html", request=RequestFactory().get("/"))
    assert "Leipziger Rundschau (RSS)" in markup
    return "Leipziger Rundschau"


SITE_LINKS = [
    (RSS, "{site} (RSS)", "/feeds/rss/"),
    (ATOM, "{site} (Atom)", "/feeds/atom/"),
]


def site_links(site):
    return [(kind, title.format(site=site), href) for kind, title, href in SITE_LINKS]


@pytest.mark.django_db
def test_every_page_links_the_site_feeds(site_name):
    assert feed_links() == site_links(site_name)


@pytest.mark.django_db
def test_section_page_links_its_section_feeds_too(site_name):
    section = SectionFactory(name="Leipzig", slug="leipzig")
    assert feed_links(section=section) == [
        *site_links(site_name),
        (RSS, f"{site_name} – Leipzig (RSS)", "/feeds/ressort/leipzig/rss/"),
        (ATOM, f"{site_name} – Leipzig (Atom)", "/feeds/ressort/leipzig/atom/"),
    ]


@pytest.mark.django_db
def test_topic_page_links_its_topic_feeds_too_umlauts_included(site_name):
    article = ArticleFactory()
    article.tags.add("Lärmschutz")
    tag = Tag.objects.get(name="Lärmschutz")
    assert feed_links(tag=tag) == [
        *site_links(site_name),
        (RSS, f"{site_name} – Thema: Lärmschutz (RSS)", "/feeds/thema/l%C3%A4rmschutz/rss/"),
        (ATOM, f"{site_name} – Thema: Lärmschutz (Atom)", "/feeds/thema/l%C3%A4rmschutz/atom/"),
    ]


@pytest.mark.django_db
def test_author_page_links_the_authors_feeds_too(site_name):
    author = AuthorFactory(name="Mara Muster", slug="mara-muster")
    assert feed_links(author=author) == [
        *site_links(site_name),
        (RSS, f"{site_name} – Mara Muster (RSS)", "/feeds/autor/mara-muster/rss/"),
        (ATOM, f"{site_name} – Mara Muster (Atom)", "/feeds/autor/mara-muster/atom/"),
    ]


@pytest.mark.django_db
def test_names_are_escaped_in_the_titles(site_name):
    section = SectionFactory(name='"Kultur" & <Medien>', slug="kultur")
    ArticleFactory(section=section).tags.add('"Rock" & <Pop>')
    tag = Tag.objects.get(name='"Rock" & <Pop>')
    titles = [title for _type, title, _href in feed_links(section=section, tag=tag)]
    assert titles[2] == f'{site_name} – "Kultur" & <Medien> (RSS)'
    assert titles[4] == f'{site_name} – Thema: "Rock" & <Pop> (RSS)'


@pytest.mark.django_db
def test_a_context_value_that_is_no_subject_adds_no_links(site_name):
    # Other templates may use these names for something else; that must not break the head.
    assert feed_links(section="Politik", tag=None, author="") == site_links(site_name)


@pytest.mark.django_db
def test_every_linked_feed_answers_with_its_type(client, site_name):
    article = ArticleFactory(section=SectionFactory(slug="leipzig"))
    article.tags.add("Lärmschutz")
    author = AuthorFactory(slug="mara-muster")
    BylineFactory(article=article, author=author)  # an author's feed needs a public article
    links = feed_links(
        section=article.section,
        tag=Tag.objects.get(name="Lärmschutz"),
        author=author,
    )
    assert len(links) == 8
    for kind, _title, href in links:
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"] == f"{kind}; charset=utf-8"
