"""What other sites read from a page: title, description, canonical URL, Open Graph and
Twitter card tags, and an article's schema.org NewsArticle in JSON-LD."""

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib.staticfiles import finders
from PIL import Image as PILImage

from images import renditions
from sitecontent.models import SiteSettings
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.pages import canonical, get, meta

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
# 13:05 UTC is 14.05 in Berlin (CET, +01:00).
PUBLISHED_AT = datetime(2026, 11, 3, 13, 5, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


def title(page):
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1)


def full_article():
    section = SectionFactory(name="Politik", slug="politik")
    image = ImageFactory(alt_text="Der Landtag in Dresden bei Nacht")
    article = ArticleFactory(
        section=section,
        slug="haushalt-beschlossen",
        kicker="Landtag",
        headline="Haushalt beschlossen",
        lead="Der Landtag hat den Doppelhaushalt beschlossen.",
        hero_image=image,
        published_at=PUBLISHED_AT,
        updated_at=PUBLISHED_AT + timedelta(hours=2, minutes=25),
    )
    mara = AuthorFactory(name="Mara Muster", slug="mara-muster", role_title="Redakteurin")
    ben = AuthorFactory(name="Ben Beispiel", slug="ben-beispiel", role_title="")
    BylineFactory(article=article, author=ben, position=2)
    BylineFactory(article=article, author=mara, position=1)
    article.tags.add("Landtag", "Haushalt")
    return article


# --- every page --------------------------------------------------------------------------------


def test_home_page_describes_the_site(client, settings):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    ArticleFactory()
    page = get(client, "/?utm_source=newsletter")

    assert title(page) == "Leipziger Rundschau – Nachrichten"
    assert canonical(page) == ["http://testserver/"]
    assert meta(page, "og:url") == ["http://testserver/"]
    assert meta(page, "og:type") == ["website"]
    assert meta(page, "og:title") == ["Leipziger Rundschau"]
    assert meta(page, "og:site_name") == ["Leipziger Rundschau"]
    assert meta(page, "og:locale") == ["de_DE"]
    assert meta(page, "description") == meta(page, "og:description")
    assert meta(page, "description") == [
        "Nachrichten, Hintergründe und Analysen von Leipziger Rundschau."
    ]
    # No picture anywhere (no default one in the site settings): the small card.
    assert meta(page, "twitter:card") == ["summary"]
    assert meta(page, "og:image") == []


def test_the_saved_description_is_the_default_meta_description(client):
    SiteSettings.objects.create(description="Alles aus Leipzig, jeden Tag.")
    page = get(client, "/")
    assert meta(page, "description") == ["Alles aus Leipzig, jeden Tag."]
    assert meta(page, "og:description") == ["Alles aus Leipzig, jeden Tag."]


def test_canonical_keeps_only_the_page_number(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 1
    section = SectionFactory(name="Sport", slug="sport")
    ArticleFactory.create_batch(3, section=section)

    first = get(client, "/sport/?seite=1&ref=start")
    second = get(client, "/sport/?ref=start&seite=2")
    home_two = get(client, "/?seite=2&fbclid=abc")

    assert canonical(first) == ["http://testserver/sport/"]
    assert canonical(second) == ["http://testserver/sport/?seite=2"]
    assert canonical(home_two) == ["http://testserver/?seite=2"]
    assert meta(second, "og:url") == ["http://testserver/sport/?seite=2"]


def test_section_page_has_its_own_title_and_the_site_description(client):
    SectionFactory(name="Sport", slug="sport")
    page = get(client, "/sport/")
    assert title(page) == "Sport – newsroom"
    assert meta(page, "og:title") == ["Sport"]
    assert meta(page, "og:type") == ["website"]
    assert canonical(page) == ["http://testserver/sport/"]
    assert meta(page, "description") == ["Nachrichten, Hintergründe und Analysen von newsroom."]


def test_author_page_is_a_profile_described_by_the_bio(client):
    author = AuthorFactory(slug="mara", name="Mara Muster", bio="Schreibt über Stadtpolitik.")
    BylineFactory(author=author)
    page = get(client, "/autor/mara/")
    assert meta(page, "og:type") == ["profile"]
    assert meta(page, "description") == ["Schreibt über Stadtpolitik."]


def test_error_page_is_not_indexed_and_names_no_canonical(client):
    page = client.get("/gibt-es-nicht/").content.decode()
    assert meta(page, "robots") == ["noindex"]
    assert canonical(page) == []


# --- article pages -----------------------------------------------------------------------------


def test_article_page_carries_its_own_meta_and_open_graph_tags(client):
    article = full_article()
    page = get(client, article.get_absolute_url() + "?utm_medium=social")
    url = "http://testserver/politik/haushalt-beschlossen/"

    assert title(page) == "Landtag: Haushalt beschlossen – newsroom"
    assert canonical(page) == [url]
    assert meta(page, "description") == ["Der Landtag hat den Doppelhaushalt beschlossen."]
    assert meta(page, "og:type") == ["article"]
    assert meta(page, "og:title") == ["Landtag: Haushalt beschlossen"]
    assert meta(page, "og:description") == ["Der Landtag hat den Doppelhaushalt beschlossen."]
    assert meta(page, "og:url") == [url]
    # The picture other sites show is a JPEG rendition, never the original.
    shared = renditions.social(article.hero_image)
    assert meta(page, "og:image") == [f"http://testserver{shared.url}"]
    assert "/renditions/" in shared.url
    assert meta(page, "og:image:width") == [str(shared.width)]
    assert meta(page, "og:image:height") == [str(shared.height)]
    assert meta(page, "og:image:alt") == ["Der Landtag in Dresden bei Nacht"]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    assert meta(page, "article:published_time") == ["2026-11-03T14:05+01:00"]
    assert meta(page, "article:section") == ["Politik"]
    assert sorted(meta(page, "article:tag")) == ["Haushalt", "Landtag"]


def test_a_long_lead_is_shortened_for_the_description(client):
    article = ArticleFactory(lead="Wort " * 100)
    (description,) = meta(get(client, article.get_absolute_url()), "description")
    assert len(description) <= 200
    assert description.endswith("…")


def test_an_image_whose_licence_ran_out_is_not_offered_to_other_sites(client):
    image = ImageFactory(usable_until=date(2026, 11, 3))
    article = ArticleFactory(hero_image=image)
    page = get(client, article.get_absolute_url())
    assert meta(page, "og:image") == []
    assert "image" not in json_ld(page)


def test_article_json_ld_is_a_complete_news_article(client):
    article = full_article()
    data = json_ld(get(client, article.get_absolute_url()))
    url = "http://testserver/politik/haushalt-beschlossen/"

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Landtag: Haushalt beschlossen"
    assert data["description"] == "Der Landtag hat den Doppelhaushalt beschlossen."
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["image"] == [f"http://testserver{renditions.social(article.hero_image).url}"]
    # ISO 8601 with the Berlin offset; the material update is the modification.
    assert data["datePublished"] == "2026-11-03T14:05:00+01:00"
    assert data["dateModified"] == "2026-11-03T16:30:00+01:00"
    assert datetime.fromisoformat(data["datePublished"]) == PUBLISHED_AT
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Mara Muster",
            "url": "http://testserver/autor/mara-muster/",
            "jobTitle": "Redakteurin",
        },
        {"@type": "Person", "name": "Ben Beispiel", "url": "http://testserver/autor/ben-beispiel/"},
    ]
    assert data["articleSection"] == "Politik"
    assert sorted(data["keywords"]) == ["Haushalt", "Landtag"]
    assert data["inLanguage"] == "de-DE"
    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "newsroom"
    assert publisher["url"] == "http://testserver/"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": "http://testserver/static/img/publisher-logo.png",
        "width": 600,
        "height": 60,
    }
    # The logo that ships with the site exists, at the size the data claims.
    with PILImage.open(finders.find("img/publisher-logo.png")) as logo:
        assert logo.size == (600, 60)


def test_article_never_updated_has_its_publication_as_modification(client):
    article = ArticleFactory(published_at=PUBLISHED_AT, updated_at=None)
    data = json_ld(get(client, article.get_absolute_url()))
    assert data["dateModified"] == data["datePublished"] == "2026-11-03T14:05:00+01:00"
    assert data["author"] == []
    assert "image" not in data


def test_the_publisher_logo_comes_from_the_site_settings_when_set(client):
    logo = ImageFactory()
    SiteSettings.objects.create(site_name="Leipziger Rundschau", logo=logo)
    data = json_ld(get(client, ArticleFactory().get_absolute_url()))
    assert data["publisher"]["name"] == "Leipziger Rundschau"
    # An uncropped rendition of the logo (a 64×48 logo stays 64×48).
    shared = renditions.social(logo, role="whole")
    assert "/renditions/" in shared.url
    assert (shared.width, shared.height) == (64, 48)
    assert data["publisher"]["logo"] == {
        "@type": "ImageObject",
        "url": f"http://testserver{shared.url}",
        "width": 64,
        "height": 48,
    }


def test_json_ld_cannot_be_broken_out_of(client):
    hostile = '</script><script>alert("x")</script> & <!-- Kommentar'
    article = ArticleFactory(kicker="", headline=hostile, lead=hostile)
    page = get(client, article.get_absolute_url())

    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    data = json.loads(script)
    assert data["headline"] == hostile
    assert data["description"] == hostile
    assert "<script>alert" not in page


def test_a_preview_carries_no_structured_data_and_is_not_indexed(admin_client):
    article = ArticleFactory(draft=True)
    page = get(admin_client, f"/vorschau/{article.pk}/")
    assert "application/ld+json" not in page
    assert meta(page, "robots") == ["noindex, nofollow"]
    assert canonical(page) == [f"http://testserver{article.get_absolute_url()}"]
