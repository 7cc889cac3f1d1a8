"""What readers, search engines and social networks get beyond the article itself: a
picture for every shared link, the editors' own title and description, the publisher and
website in structured data, genres, thin topic pages kept out of the index, and "Mehr zum
Thema" below an article."""

from datetime import UTC, datetime, timedelta

import lxml.html
import pytest
import time_machine
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from articles.models import Article
from sitecontent.models import SiteSettings
from tests.distribution.test_meta import json_ld, title
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CrossLinkFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.feeds import parse_xml
from tests.helpers.pages import get, meta

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def default_picture():
    picture = ImageFactory(alt_text="Die Redaktion am Markt", credit_line="Zeitung")
    SiteSettings.objects.create(social_image=picture)
    return picture


def html(page):
    return lxml.html.fromstring(page)


# --- a picture for every shared link ----------------------------------------------------------


def test_pages_without_a_picture_share_the_default_one(client, default_picture):
    section = SectionFactory(slug="kultur")
    article = ArticleFactory(section=section, hero_image=None)
    author = AuthorFactory(slug="mara")
    BylineFactory(author=author, article=article)
    article.tags.add("Theater")

    for url in ["/", "/kultur/", "/thema/theater/", "/autor/mara/", "/suche/?q=Theater",
                article.get_absolute_url()]:  # fmt: skip
        page = get(client, url)
        (image,) = meta(page, "og:image")
        assert image.startswith("http://testserver/media/"), url
        assert meta(page, "twitter:image") == [image], url
        assert meta(page, "og:image:alt") == ["Die Redaktion am Markt"], url
        assert meta(page, "twitter:card") == ["summary_large_image"], url


def test_an_article_shares_its_hero_before_the_default(client, default_picture):
    hero = ImageFactory(alt_text="Das Rathaus")
    article = ArticleFactory(hero_image=hero)

    page = get(client, article.get_absolute_url())

    assert meta(page, "og:image:alt") == ["Das Rathaus"]


def test_an_expired_default_picture_is_not_shared(client):
    SiteSettings.objects.create(
        social_image=ImageFactory(usable_until=(NOW - timedelta(days=2)).date())
    )
    page = get(client, "/")
    assert meta(page, "og:image") == []
    assert meta(page, "twitter:card") == ["summary"]


def test_the_default_picture_is_read_with_the_settings_not_on_every_page(
    client, default_picture, django_assert_max_num_queries
):
    ArticleFactory.create_batch(2, hero_image=None)
    get(client, "/")  # warms the cached settings and navigation
    with django_assert_max_num_queries(4):  # as without a default picture
        page = get(client, "/")
    assert meta(page, "og:image")


# --- the editors' own title, description and picture -------------------------------------------


def test_an_article_can_name_what_search_engines_and_social_networks_show(client):
    social = ImageFactory(alt_text="Grafik zum Haushalt")
    article = ArticleFactory(
        kicker="Landtag",
        headline="Haushalt beschlossen",
        lead="Der Landtag hat den Doppelhaushalt beschlossen.",
        hero_image=ImageFactory(alt_text="Der Plenarsaal"),
        seo_title="Sachsen: Landtag beschließt Doppelhaushalt 2027/28",
        meta_description="Was im neuen Haushalt steht und wer dagegen stimmte.",
        social_image=social,
    )

    page = get(client, article.get_absolute_url())

    assert title(page) == "Sachsen: Landtag beschließt Doppelhaushalt 2027/28 – newsroom"
    assert meta(page, "og:title") == ["Sachsen: Landtag beschließt Doppelhaushalt 2027/28"]
    assert meta(page, "description") == ["Was im neuen Haushalt steht und wer dagegen stimmte."]
    assert meta(page, "og:image:alt") == ["Grafik zum Haushalt"]
    # Readers still see the headline and the hero.
    assert html(page).xpath("string(//h1)").strip() == "Landtag: Haushalt beschlossen"
    assert "Der Plenarsaal" in page


def test_a_section_can_name_its_title_description_and_picture(client):
    SectionFactory(
        name="Sport",
        slug="sport",
        seo_title="Sport aus Leipzig und der Region",
        meta_description="Fußball, Handball und alles vom Breitensport.",
        social_image=ImageFactory(alt_text="Das Stadion"),
    )

    page = get(client, "/sport/")

    assert title(page) == "Sport aus Leipzig und der Region – newsroom"
    assert meta(page, "description") == ["Fußball, Handball und alles vom Breitensport."]
    assert meta(page, "og:image:alt") == ["Das Stadion"]
    assert html(page).xpath("string(//h1)").strip() == "Sport"


def test_the_admin_shows_the_lengths_search_engines_display(admin_client):
    article = ArticleFactory()
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    content = response.content.decode()
    assert "Suchmaschinen zeigen etwa 60 Zeichen" in content
    assert "Suchmaschinen zeigen etwa 155 Zeichen" in content
    assert 'maxlength="70"' in content
    # Live counts (char-count.js) against what search engines show, for sections too.
    section = SectionFactory()
    for url in (
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_section_change", args=[section.pk]),
    ):
        form = html(admin_client.get(url).content.decode())
        (title,) = form.xpath('//input[@name="seo_title"]')
        (description,) = form.xpath('//input[@name="meta_description"]')
        assert title.get("data-title-limit") == "60", url
        assert description.get("data-title-limit") == "155", url
        assert description.get("data-title-count") == "Suchmaschinen zeigen etwa {limit} Zeichen."


# --- structured data ---------------------------------------------------------------------------


def test_the_home_page_names_the_publisher_and_the_websites_search(client):
    ArticleFactory()
    data = json_ld(get(client, "/"))

    organization, website = data["@graph"]
    assert organization["@type"] == "NewsMediaOrganization"
    assert organization["url"] == "http://testserver/"
    assert organization["logo"]["url"].startswith("http://testserver/")
    assert website["@type"] == "WebSite"
    assert website["publisher"] == {"@id": organization["@id"]}
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/suche/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    # The template leads to the search page.
    assert get(client, "/suche/?q=Test").count("<h1") == 1


@pytest.mark.parametrize(
    ("genre", "schema_type", "label"),
    [
        ("news", "NewsArticle", None),
        ("opinion", "OpinionNewsArticle", "Kommentar"),
        ("analysis", "AnalysisNewsArticle", "Analyse"),
    ],
)
def test_a_commentary_is_labelled_and_typed_as_opinion(client, genre, schema_type, label):
    article = ArticleFactory(genre=genre, headline="Ein Text")
    neighbour = ArticleFactory(section=article.section, published_at=NOW - timedelta(days=1))

    page = get(client, article.get_absolute_url())
    home = get(client, "/")
    # Its line in "Mehr zum Thema" below another article.
    related = get(client, neighbour.get_absolute_url())

    assert json_ld(page)["@type"] == schema_type
    labels = html(page).xpath('//*[contains(@class, "article__genre")]/text()')
    assert labels == ([label] if label else [])
    # In teasers and in the lines of lists alike.
    assert (f'<span class="genre">{label}</span>' in home) is bool(label)
    assert (f'<span class="genre">{label}</span>' in related) is bool(label)


def test_feed_credits_say_they_are_the_photographers(client):
    ArticleFactory(hero_image=ImageFactory(credit_line="dpa", photographer="Jana Beispiel"))
    root = parse_xml(client.get(reverse("distribution:rss")))
    (credit,) = root.iter("{http://search.yahoo.com/mrss/}credit")
    assert credit.get("role") == "photographer"
    assert credit.text == "dpa | Jana Beispiel"


# --- thin topic pages --------------------------------------------------------------------------


def test_topic_pages_with_few_articles_are_not_indexed_nor_in_the_sitemap(client, settings):
    settings.NEWSROOM_TAG_INDEX_MIN_ARTICLES = 3
    for _ in range(2):
        ArticleFactory().tags.add("Selten")
    for _ in range(3):
        ArticleFactory().tags.add("Oft")

    thin, full = get(client, "/thema/selten/"), get(client, "/thema/oft/")
    sitemap = client.get("/sitemap-themen.xml").content.decode()

    assert meta(thin, "robots") == ["noindex, follow"]
    assert meta(full, "robots") == []
    assert "/thema/selten/" not in sitemap
    assert "/thema/oft/" in sitemap
    # Readers still get both pages with their articles.
    assert thin.count('class="teaser"') == 2


def test_the_threshold_is_a_setting(client, settings):
    settings.NEWSROOM_TAG_INDEX_MIN_ARTICLES = 1
    ArticleFactory().tags.add("Selten")
    assert meta(get(client, "/thema/selten/"), "robots") == []
    assert "/thema/selten/" in client.get("/sitemap-themen.xml").content.decode()


# --- "Mehr zum Thema" --------------------------------------------------------------------------


def related_titles(page):
    return [
        link.text_content().strip()
        for link in html(page).xpath('//aside[contains(@class, "article__related")]//h3/a')
    ]


def test_related_stories_share_a_tag_first_then_the_section_newest_first(client):
    politik, sport = SectionFactory(slug="politik"), SectionFactory(slug="sport")
    article = ArticleFactory(section=politik, kicker="", headline="Haushalt")
    article.tags.add("Landtag")

    def story(headline, hours_ago, section, tag=None):
        story = ArticleFactory(
            section=section,
            kicker="",
            headline=headline,
            published_at=NOW - timedelta(hours=hours_ago),
        )
        if tag:
            story.tags.add(tag)
        return story

    story("Landtag alt", 30, sport, "Landtag")
    story("Landtag neu", 2, sport, "Landtag")
    linked = story("Landtag verlinkt", 1, sport, "Landtag")
    story("Politik neu", 3, politik)
    story("Politik mittel", 5, politik)
    story("Politik alt", 40, politik)
    story("Sport ohne Bezug", 1, sport)
    ArticleFactory(section=politik, headline="Entwurf", status=Article.Status.DRAFT).tags.add(
        "Landtag"
    )
    CrossLinkFactory(article=article, target=linked)

    page = get(client, article.get_absolute_url())

    # The two tag matches not linked above, filled up with the section's newest; newest first.
    assert related_titles(page) == ["Landtag neu", "Politik neu", "Politik mittel", "Landtag alt"]
    assert "Mehr zum Thema" in page


def test_related_stories_cost_one_query_however_many_tags(client, django_assert_num_queries):
    article = ArticleFactory(hero_image=None)
    for number in range(6):
        article.tags.add(f"Thema {number}")
        ArticleFactory(section=article.section).tags.add(f"Thema {number}")
    url = article.get_absolute_url()
    client.get(url)
    # Article, bylines, bullets, cross-links, tags, corrections, related: seven (no hero, no
    # renditions).
    with django_assert_num_queries(7):
        page = get(client, url)
    assert len(related_titles(page)) == 4


def test_an_article_alone_in_its_section_has_no_related_block(client):
    article = ArticleFactory()
    assert 'class="article__related"' not in get(client, article.get_absolute_url())


# --- icons and the web app manifest ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/favicon.ico", "image/"), ("/apple-touch-icon.png", "image/png")],
)
def test_browsers_find_the_icons_at_the_top_of_the_site(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body[:4] in (b"\x00\x00\x01\x00", b"\x89PNG")


def test_the_manifest_names_the_site_and_its_icons(client):
    SiteSettings.objects.create(site_name="Leipziger Rundschau")
    page = get(client, "/")
    (manifest_link,) = [link.get("href") for link in html(page).xpath('//link[@rel="manifest"]')]

    response = client.get(manifest_link)

    assert response["Content-Type"] == "application/manifest+json"
    data = response.json()
    assert data["name"] == "Leipziger Rundschau"
    assert data["lang"] == "de"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon
    assert html(page).xpath('//link[@rel="apple-touch-icon"]/@href') == ["/apple-touch-icon.png"]
