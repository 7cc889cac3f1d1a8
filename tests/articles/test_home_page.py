"""The home page (teasers, pagination) and the site's error pages."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

from tests.helpers.factories import ArticleFactory, BylineFactory, ImageFactory
from tests.helpers.html import start_tags

NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)

# The curated home page needs the desk's chosen articles, the newest articles and the newest
# per section (each with section and hero image joined), and the pictures' renditions for
# each of the three: six queries, however many articles and sections.
MAX_HOME_PAGE_QUERIES = 6


def _boom(request):
    raise RuntimeError("Testfehler für die 500-Seite")


# Used as ROOT_URLCONF by the 500 test: the site's URLs plus one view that fails.
urlpatterns = [
    path("kaputt/", _boom),
    path("", include("newsroom.urls")),
]


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def teaser_titles(page):
    """The text of each teaser's title link (big or one-line teasers), in page order."""
    titles = re.findall(
        r'<h[23] class="teaser(?:-line)?__title">\s*<a href="[^"]+">(.*?)</a>', page, re.S
    )
    return [" ".join(re.sub(r"<[^>]+>", "", title).split()) for title in titles]


def get_home(client, query=""):
    response = client.get("/" + query)
    assert response.status_code == 200
    return response.content.decode()


def hours_ago(hours):
    return NOW - timedelta(hours=hours)


# --- the list ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_home_lists_public_articles_newest_first(client):
    ArticleFactory(kicker="", headline="Mittel", published_at=hours_ago(2))
    ArticleFactory(kicker="", headline="Neueste", published_at=hours_ago(1))
    ArticleFactory(kicker="", headline="Älteste", published_at=hours_ago(3))
    assert teaser_titles(get_home(client)) == ["Neueste", "Mittel", "Älteste"]


@pytest.mark.django_db
def test_home_teaser_shows_kicker_headline_lead_and_image(client):
    image = ImageFactory(alt_text="Eine Straßenbahn im Schnee")
    article = ArticleFactory(
        kicker="Stadtrat Leipzig",
        headline="Straßenbahn-Ausbau kommt früher",
        lead="Leipzig bekommt seine neue Linie früher als erwartet.",
        hero_image=image,
    )
    page = get_home(client)

    assert teaser_titles(page) == ["Stadtrat Leipzig: Straßenbahn-Ausbau kommt früher"]
    assert f'<a href="{article.get_absolute_url()}">' in page
    assert '<p class="teaser__lead">Leipzig bekommt seine neue Linie früher als erwartet.</p>' in (
        page
    )
    (img,) = start_tags(page, "img")
    assert img["src"] != image.file.url  # a rendition, never the original
    assert "/renditions/" in img["src"]
    assert img["alt"] == "Eine Straßenbahn im Schnee"
    assert (img["width"], img["height"]) == ("64", "36")  # the 16:9 crop


@pytest.mark.django_db
def test_home_leaves_out_drafts_and_future_articles(client):
    ArticleFactory(headline="Öffentlich")
    ArticleFactory(draft=True, headline="Noch ein Entwurf")
    ArticleFactory(scheduled=True, headline="Erscheint morgen")
    page = get_home(client)
    assert "Öffentlich" in page
    assert "Noch ein Entwurf" not in page
    assert "Erscheint morgen" not in page


@pytest.mark.django_db
def test_home_without_public_articles_says_so(client):
    ArticleFactory(draft=True)
    page = get_home(client)
    assert "Noch keine Artikel veröffentlicht." in page
    assert teaser_titles(page) == []


@pytest.mark.django_db
def test_home_is_german_with_one_h1_and_a_main_landmark(client):
    ArticleFactory(hero_image=ImageFactory())
    page = get_home(client)
    assert [tag["lang"] for tag in start_tags(page, "html")] == ["de"]
    assert len(start_tags(page, "h1")) == 1
    assert len(start_tags(page, "main")) == 1
    assert all(img.get("alt", "").strip() for img in start_tags(page, "img"))


# --- pagination -------------------------------------------------------------------------------


@pytest.fixture
def five_articles(settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 2
    for number in range(1, 6):
        ArticleFactory(kicker="", headline=f"Artikel {number}", published_at=hours_ago(number))


@pytest.mark.django_db
@pytest.mark.usefixtures("five_articles")
def test_home_paginates_by_the_articles_per_page_setting(client):
    first = get_home(client)
    # Page 1 covers the newest page of articles at the top; older ones follow in the blocks
    # per section, and a link leads on to page 2.
    assert teaser_titles(first)[:2] == ["Artikel 1", "Artikel 2"]
    assert 'href="?seite=2"' in first

    assert teaser_titles(get_home(client, "?seite=2")) == ["Artikel 3", "Artikel 4"]
    last = get_home(client, "?seite=3")
    assert teaser_titles(last) == ["Artikel 5"]
    assert 'rel="next"' not in last
    assert 'href="?seite=2"' in last


@pytest.mark.django_db
@pytest.mark.parametrize("seite", ["999", "0", "-1", "abc", "1.5"])
@pytest.mark.usefixtures("five_articles")
def test_home_page_number_out_of_range_or_not_a_number_answers_404(client, seite):
    response = client.get("/", {"seite": seite})
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht (mehr)" in response.content.decode()


@pytest.mark.django_db
def test_home_with_one_page_shows_no_pagination(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 12
    ArticleFactory.create_batch(3)
    page = get_home(client)
    assert 'class="pagination"' not in page
    assert len(teaser_titles(page)) == 3


# --- performance ------------------------------------------------------------------------------


def make_articles(count):
    for _ in range(count):
        article = ArticleFactory(hero_image=ImageFactory())
        for position in range(3):
            BylineFactory(article=article, position=position)
        article.tags.add("Politik", "Leipzig", f"Thema {article.pk}")


def count_home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
def test_home_runs_the_same_number_of_queries_for_3_and_12_articles(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 12
    make_articles(3)
    client.get("/")  # warm per-process caches
    few, few_page = count_home_queries(client)

    make_articles(9)
    client.get("/")  # the new pictures' renditions are made once, on first view
    many, many_page = count_home_queries(client)

    assert (len(teaser_titles(few_page)), len(teaser_titles(many_page))) == (3, 12)
    assert few == many


@pytest.mark.django_db
def test_home_query_count_has_an_upper_bound(client, settings, django_assert_max_num_queries):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 12
    make_articles(12)
    client.get("/")
    with django_assert_max_num_queries(MAX_HOME_PAGE_QUERIES):
        response = client.get("/")
    assert response.status_code == 200


# --- error pages ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_unknown_url_uses_the_custom_german_404_page(client, settings):
    assert settings.DEBUG is False
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    page = response.content.decode()
    assert "Diese Seite gibt es nicht (mehr)" in page
    assert '<html lang="de">' in page
    assert 'href="/"' in page


def test_500_template_renders_standalone_in_german_without_a_database():
    # No django_db mark: any database access here would fail the test.
    page = render_to_string("500.html")
    assert '<html lang="de">' in page
    assert "Da ist etwas schiefgegangen" in page
    assert "Ein technischer Fehler ist aufgetreten." in page
    # The same stylesheet, icons and manifest as every page (parts/head_links.html).
    for link in ('rel="stylesheet"', 'rel="icon"', 'rel="apple-touch-icon"', 'rel="manifest"'):
        assert link in page


def test_server_error_answers_500_with_the_german_page(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    response = client.get("/kaputt/")
    assert response.status_code == 500
    assert "Da ist etwas schiefgegangen" in response.content.decode()
