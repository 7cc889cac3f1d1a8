"""RSS and Atom feeds for the site, a section, a topic and an author."""

import html
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.urls import reverse

from images.models import Image
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.feeds import NOW, parse_xml

ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
NS = {"media": MEDIA_NS, "dc": DC_NS}
KINDS = ["rss", "atom"]

# URL name and arguments of each scope's feeds, for the story fixture's subjects.
SCOPES = {
    "site": ("distribution:{kind}", {}),
    "section": ("distribution:section_{kind}", {"slug": "leipzig"}),
    "tag": ("distribution:tag_{kind}", {"slug": "nahverkehr"}),
    "author": ("distribution:author_{kind}", {"slug": "mara-muster"}),
}


def feed_url(scope, kind):
    name, kwargs = SCOPES[scope]
    return reverse(name.format(kind=kind), kwargs=kwargs)


def _media(element):
    content = element.find("media:content", NS)
    if content is None:
        return None
    return {
        **content.attrib,
        "credit": content.findtext("media:credit", namespaces=NS),
        "description": content.findtext("media:description", namespaces=NS),
    }


def _rss_item(item):
    enclosure = item.find("enclosure")
    return {
        "title": item.findtext("title"),
        "link": item.findtext("link"),
        "description": item.findtext("description"),
        "id": item.findtext("guid"),
        "published": parsedate_to_datetime(item.findtext("pubDate")),
        "authors": [creator.text for creator in item.findall("dc:creator", NS)],
        "categories": [category.text for category in item.findall("category")],
        "enclosure": dict(enclosure.attrib) if enclosure is not None else None,
        "media": _media(item),
    }


def _atom_entry(entry):
    enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
    return {
        "title": entry.findtext(f"{ATOM}title"),
        "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
        "description": entry.findtext(f"{ATOM}summary"),
        "id": entry.findtext(f"{ATOM}id"),
        "published": datetime.fromisoformat(entry.findtext(f"{ATOM}published")),
        "updated": datetime.fromisoformat(entry.findtext(f"{ATOM}updated")),
        "authors": [author.findtext(f"{ATOM}name") for author in entry.findall(f"{ATOM}author")],
        "author_pages": [
            author.findtext(f"{ATOM}uri") for author in entry.findall(f"{ATOM}author")
        ],
        "categories": [category.get("term") for category in entry.findall(f"{ATOM}category")],
        "enclosure": (
            {
                key: enclosure.get(attr)
                for key, attr in [("url", "href"), ("length", "length"), ("type", "type")]
            }
            if enclosure is not None
            else None
        ),
        "media": _media(entry),
    }


def feed_items(response, kind):
    """The feed's items as dicts with the same keys for RSS and Atom."""
    root = parse_xml(response)
    if kind == "rss":
        return [_rss_item(item) for item in root.findall("channel/item")]
    return [_atom_entry(entry) for entry in root.findall(f"{ATOM}entry")]


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


# --- what every feed carries ------------------------------------------------------------------


def test_feed_paths_follow_the_sites_german_addresses():
    assert reverse("distribution:rss") == "/feeds/rss/"
    assert reverse("distribution:atom") == "/feeds/atom/"
    assert feed_url("section", "rss") == "/feeds/ressort/leipzig/rss/"
    assert feed_url("section", "atom") == "/feeds/ressort/leipzig/atom/"
    assert feed_url("tag", "rss") == "/feeds/thema/nahverkehr/rss/"
    assert feed_url("tag", "atom") == "/feeds/thema/nahverkehr/atom/"
    assert feed_url("author", "rss") == "/feeds/autor/mara-muster/rss/"
    assert feed_url("author", "atom") == "/feeds/autor/mara-muster/atom/"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_feed_lists_only_the_public_article_with_all_its_metadata(client, story, scope, kind):
    (item,) = feed_items(get_feed(client, feed_url(scope, kind)), kind)

    article = story.article
    assert item["title"] == "Stadtrat Leipzig: Straßenbahn kommt früher"
    assert item["link"] == f"http://testserver{article.get_absolute_url()}"
    assert item["published"] == article.published_at
    assert item["authors"] == ["Mara Muster", "Ben Beispiel"]
    assert item["categories"] == ["Leipzig", "Nahverkehr", "Stadtrat"]
    # A JPEG rendition, never the original (a 64×48 original gives one 64×36 crop).
    rendition = story.image.renditions.get(spec__startswith="wide-64-jpeg")
    image_url = f"http://testserver{rendition.url}"
    assert story.image.file.url not in image_url
    assert item["enclosure"] == {
        "url": image_url,
        "length": str(rendition.file_size),
        "type": "image/jpeg",
    }
    assert rendition.file_size > 0
    assert item["media"] == {
        "url": image_url,
        "type": "image/jpeg",
        "medium": "image",
        "width": "64",
        "height": "36",
        "credit": "picture alliance/dpa | Jana Beispiel",
        "description": "Die Linie 16 am Hauptbahnhof.",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_description_is_the_lead_escaped_as_html(client, story, kind):
    (item,) = feed_items(get_feed(client, feed_url("site", kind)), kind)
    # RSS descriptions and Atom summaries (type="html") are HTML; the lead is plain text.
    assert "<bald>" not in item["description"]
    assert html.unescape(item["description"]) == story.article.lead


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_feeds_declare_the_media_rss_namespace(client, story, kind):
    root = parse_xml(get_feed(client, feed_url("site", kind)))
    assert root.nsmap["media"] == MEDIA_NS
    if kind == "rss":
        assert root.tag == "rss"
        assert root.get("version") == "2.0"
        assert root.nsmap["dc"] == DC_NS
    else:
        assert root.tag == f"{ATOM}feed"


@pytest.mark.django_db
def test_rss_names_every_author_as_dc_creator_and_no_author_element(client, story):
    root = parse_xml(get_feed(client, feed_url("site", "rss")))
    (item,) = root.findall("channel/item")
    assert [creator.text for creator in item.findall("dc:creator", NS)] == [
        "Mara Muster",
        "Ben Beispiel",
    ]
    # RSS <author> must be an e-mail address; the newsroom publishes none.
    assert item.find("author") is None


@pytest.mark.django_db
def test_atom_has_one_author_element_per_author_with_their_page(client, story, settings):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    response = get_feed(client, feed_url("site", "atom"))
    (entry,) = feed_items(response, "atom")
    assert entry["authors"] == ["Mara Muster", "Ben Beispiel"]
    assert entry["author_pages"] == [
        "http://testserver/autor/mara-muster/",
        "http://testserver/autor/ben-beispiel/",
    ]
    # The feed itself names the publication, for entries without a byline.
    assert parse_xml(response).findtext(f"{ATOM}author/{ATOM}name") == "Leipziger Rundschau"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_feeds_are_sent_with_their_content_type_and_five_minutes_cache(client, story, kind):
    response = get_feed(client, feed_url("section", kind))
    expected = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"] == f"{expected}; charset=utf-8"
    assert response["Cache-Control"] == "max-age=300"


# --- the channel ------------------------------------------------------------------------------

CHANNELS = {
    "site": ("Leipziger Rundschau", "/", "Die neuesten Artikel von Leipziger Rundschau"),
    "section": (
        "Leipziger Rundschau – Leipzig",
        "/leipzig/",
        "Die neuesten Artikel im Ressort Leipzig",
    ),
    "tag": (
        "Leipziger Rundschau – Thema: Nahverkehr",
        "/thema/nahverkehr/",
        "Die neuesten Artikel zum Thema Nahverkehr",
    ),
    "author": (
        "Leipziger Rundschau – Mara Muster",
        "/autor/mara-muster/",
        "Die neuesten Artikel von Mara Muster",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("scope", SCOPES)
def test_rss_channel_names_the_scope_in_german(client, story, settings, scope):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    title, path, description = CHANNELS[scope]
    channel = parse_xml(get_feed(client, feed_url(scope, "rss"))).find("channel")
    assert channel.findtext("title") == title
    assert channel.findtext("link") == f"http://testserver{path}"
    assert channel.findtext("description") == description
    assert channel.findtext("language") == "de"


@pytest.mark.django_db
@pytest.mark.parametrize("scope", SCOPES)
def test_atom_feed_names_the_scope_in_german(client, story, settings, scope):
    settings.NEWSROOM_SITE_NAME = "Leipziger Rundschau"
    title, path, description = CHANNELS[scope]
    feed = parse_xml(get_feed(client, feed_url(scope, "atom")))
    assert feed.findtext(f"{ATOM}title") == title
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"http://testserver{path}"
    assert feed.findtext(f"{ATOM}subtitle") == description
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


# --- which articles, in which order -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_feed_carries_the_30_newest_articlesnewest_first(client, frozen_clock, kind):
    for hours in range(31):
        ArticleFactory(
            kicker="", headline=f"Vor {hours} Stunden", published_at=NOW - timedelta(hours=hours)
        )
    titles = [item["title"] for item in feed_items(get_feed(client, feed_url("site", kind)), kind)]
    assert titles == [f"Vor {hours} Stunden" for hours in range(30)]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_section_feed_leaves_out_other_sections(client, story, kind):
    ArticleFactory(section=SectionFactory(slug="sport"), headline="Tor in der Nachspielzeit")
    titles = [
        item["title"] for item in feed_items(get_feed(client, feed_url("section", kind)), kind)
    ]
    assert titles == [story.article.title]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_author_feed_has_the_articles_they_co_wrote(client, story, kind):
    url = reverse(f"distribution:author_{kind}", kwargs={"slug": "ben-beispiel"})
    items = feed_items(get_feed(client, url), kind)
    assert [item["title"] for item in items] == [story.article.title]
    assert items[0]["authors"] == ["Mara Muster", "Ben Beispiel"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_topic_feed_takes_tags_with_umlauts(client, story, kind):
    story.article.tags.add("Lärmschutz")
    url = reverse(f"distribution:tag_{kind}", kwargs={"slug": "lärmschutz"})
    items = feed_items(get_feed(client, url), kind)
    assert [item["title"] for item in items] == [story.article.title]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", ["section", "tag", "author"])
def test_unknown_subject_answers_404(client, story, scope, kind):
    name, _kwargs = SCOPES[scope]
    url = reverse(name.format(kind=kind), kwargs={"slug": "gibt-es-nicht"})
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("scope", SCOPES)
def test_feed_needs_the_same_queries_for_one_article_or_many(
    client, story, django_assert_max_num_queries, django_assert_num_queries, scope, kind
):
    url = feed_url(scope, kind)
    get_feed(client, url)  # Warms the content type cache taggit's tag queries use.
    # The subject (not for the site), the articles with section and image, their bylines
    # with authors, their tags, and what the articles app prefetches for teaser images; for
    # an author or topic the count of their rows that picks how to read them
    # (selectors.newest_first).
    most = {"site": 4, "section": 5}.get(scope, 6)
    with django_assert_max_num_queries(most) as for_one:
        get_feed(client, url)
    queries_for_one = len(for_one)

    for number in range(4):
        article = ArticleFactory(
            section=story.section, hero_image=ImageFactory(), headline=f"Noch einer {number}"
        )
        BylineFactory(article=article, author=story.authors[0])
        BylineFactory(article=article, author=AuthorFactory())
        article.tags.add("Nahverkehr", f"Thema {number}")
    get_feed(client, url)  # Makes the new pictures' renditions, once.
    with django_assert_num_queries(queries_for_one):
        response = get_feed(client, url)
    assert len(feed_items(response, kind)) == 5


# --- dates, identity, pictures ----------------------------------------------------------------


@pytest.mark.django_db
def test_material_update_is_the_atom_updated_time_and_a_typo_fix_is_not(client, story):
    article = story.article
    article.headline = "Straßenbahn kommt früher – Korrektur eines Tippfehlers"
    article.save()  # modified_at moves; updated_at stays empty.
    (entry,) = feed_items(get_feed(client, feed_url("site", "atom")), "atom")
    assert entry["published"] == article.published_at
    assert entry["updated"] == article.published_at

    article.updated_at = NOW - timedelta(minutes=30)
    article.save()
    (entry,) = feed_items(get_feed(client, feed_url("site", "atom")), "atom")
    assert entry["published"] == article.published_at
    assert entry["updated"] == NOW - timedelta(minutes=30)

    (item,) = feed_items(get_feed(client, feed_url("site", "rss")), "rss")
    assert item["published"] == article.published_at


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_item_id_survives_a_move_to_another_section(client, story, kind):
    (before,) = feed_items(get_feed(client, feed_url("site", kind)), kind)
    article = story.article
    article.section = SectionFactory(slug="sachsen")
    article.save()
    (after,) = feed_items(get_feed(client, feed_url("site", kind)), kind)

    assert after["link"] != before["link"]
    assert after["id"] == before["id"]
    assert before["id"] == f"tag:testserver,{article.created_at:%Y-%m-%d}:article:{article.pk}"


@pytest.mark.django_db
def test_rss_guid_is_marked_as_no_permalink(client, story):
    guid = parse_xml(get_feed(client, feed_url("site", "rss"))).find("channel/item/guid")
    assert guid.get("isPermaLink") == "false"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_article_without_hero_image_has_no_enclosure(client, frozen_clock, kind):
    ArticleFactory(hero_image=None)
    (item,) = feed_items(get_feed(client, feed_url("site", kind)), kind)
    assert item["enclosure"] is None
    assert item["media"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_image_that_is_not_usable_is_left_out(client, story, monkeypatch, kind):
    monkeypatch.setattr(Image, "is_usable", False, raising=False)
    (item,) = feed_items(get_feed(client, feed_url("site", kind)), kind)
    assert item["enclosure"] is None
    assert item["media"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_article_caption_overrides_the_library_caption_and_a_missing_credit_is_left_out(
    client, frozen_clock, kind
):
    image = ImageFactory(caption="Aus der Bibliothek", credit_line="", photographer="")
    ArticleFactory(hero_image=image, hero_caption="Für diesen Artikel")
    (item,) = feed_items(get_feed(client, feed_url("site", kind)), kind)
    assert item["media"]["description"] == "Für diesen Artikel"
    assert item["media"]["credit"] is None
