"""Names editors type reach feed readers as text, never as markup.

RSS leaves open whether its texts are HTML; many readers render channel and item titles as
HTML. So RSS carries them HTML-escaped, and Atom marks them as plain text.
"""

import lxml.html
import pytest
from django.urls import reverse

from sitecontent.models import SiteSettings
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.feeds import parse_xml

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
PAYLOAD = "<img src=x onerror=alert(1)>"


@pytest.fixture
def hostile():
    """A public article whose section, topic, author and headline carry markup."""
    section = SectionFactory(name=f"Ressort {PAYLOAD}", slug="ressort")
    author = AuthorFactory(name=f"O'Brien {PAYLOAD}", slug="obrien")
    article = ArticleFactory(section=section, kicker="Bund & Länder", headline=PAYLOAD)
    BylineFactory(article=article, author=author)
    article.tags.add(PAYLOAD)
    site = SiteSettings.current()
    site.site_name = f"Rundschau {PAYLOAD}"
    site.save()
    return article


def feeds(kind):
    tag_slug = "img-srcx-onerroralert1"
    return [
        reverse(f"distribution:{kind}"),
        reverse(f"distribution:section_{kind}", kwargs={"slug": "ressort"}),
        reverse(f"distribution:tag_{kind}", kwargs={"slug": tag_slug}),
        reverse(f"distribution:author_{kind}", kwargs={"slug": "obrien"}),
    ]


def as_html(text):
    """What a reader that renders the text as HTML makes of it: its elements and its text."""
    fragment = lxml.html.fragment_fromstring(text or "", create_parent="div")
    return [element.tag for element in fragment.iterdescendants()], fragment.text_content()


def rss_texts(root):
    channel = root.find("channel")
    yield channel.findtext("title")
    yield channel.findtext("description")
    for item in channel.findall("item"):
        yield item.findtext("title")
        yield item.findtext("description")
        yield from (category.text for category in item.findall("category"))
        yield from (creator.text for creator in item.findall(f"{DC}creator"))


def test_rss_texts_rendered_as_html_show_the_names_and_run_nothing(client, hostile):
    for url in feeds("rss"):
        response = client.get(url)
        assert response.status_code == 200, url
        texts = list(rss_texts(parse_xml(response)))
        assert len(texts) >= 6, url
        for text in texts:
            elements, shown = as_html(text)
            assert elements == [], (url, text)
        shown = [as_html(text)[1] for text in texts]
        assert any(PAYLOAD in text for text in shown), url
    item_title = as_html(parse_xml(client.get(feeds("rss")[0])).findtext("channel/item/title"))
    assert item_title == ([], f"Bund & Länder: {PAYLOAD}")


def test_an_apostrophe_in_a_name_stays_legible_in_rss(client, hostile):
    root = parse_xml(client.get(feeds("rss")[3]))
    assert root.find(f"channel/item/{DC}creator").text.startswith("O'Brien ")


def test_atom_declares_its_texts_plain_and_carries_them_as_written(client, hostile):
    for url in feeds("atom"):
        root = parse_xml(client.get(url))
        title = root.find(f"{ATOM}title")
        assert title.get("type", "text") == "text", url
        assert PAYLOAD in title.text, url
        entry_title = root.find(f"{ATOM}entry/{ATOM}title")
        assert entry_title.get("type", "text") == "text"
        assert entry_title.text == f"Bund & Länder: {PAYLOAD}"


MEDIA = "{http://search.yahoo.com/mrss/}"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_picture_credit_read_as_html_shows_the_names_and_runs_nothing(client, kind):
    image = ImageFactory(credit_line=f"Agentur {PAYLOAD}", photographer="O'Brien")
    ArticleFactory(hero_image=image)

    root = parse_xml(client.get(reverse(f"distribution:{kind}")))
    (credit,) = root.iter(f"{MEDIA}credit")

    elements, shown = as_html(credit.text)
    assert elements == []
    assert shown == f"Agentur {PAYLOAD} | O'Brien"


@pytest.mark.parametrize(
    "url", ["/feeds/rss/", "/feeds/atom/", "/feeds/ressort/ressort/rss/", "/news-sitemap.xml"]
)
def test_control_characters_pasted_into_texts_keep_feeds_well_formed(client, url):
    """Word's manual line break is a vertical tab, which XML 1.0 cannot carry."""
    section = SectionFactory(name="Ressort\x0b", slug="ressort")
    ArticleFactory(section=section, kicker="Eilmeldung\x08", headline="Zeile eins\x0bZeile zwei")

    response = client.get(url)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Zeile einsZeile zwei" in text
    assert "\x0b" not in text and "\x08" not in text
    parse_xml(response)  # well-formed
