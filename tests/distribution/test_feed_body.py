"""Feeds carry the article's text with its pictures and embeds made safe for feed readers:
a picture as an <img> of a JPEG rendition (absolute address) with caption and credit, an
embed as a plain link; no script, no iframe, and a picture whose rights expired left out."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import xss
from tests.helpers.blocks import YOUTUBE_URL, article_with_blocks, picture_block
from tests.helpers.factories import ArticleFactory, ImageFactory, uploaded_jpeg
from tests.helpers.feeds import parse_xml

pytestmark = pytest.mark.django_db

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
ATOM_NS = "http://www.w3.org/2005/Atom"


def rss_content(client):
    tree = parse_xml(client.get("/feeds/rss/"))
    return tree.findtext(f"channel/item/{{{CONTENT_NS}}}encoded")


def test_rss_carries_the_picture_as_img_with_caption_and_credit(client):
    image = ImageFactory(
        file=uploaded_jpeg(width=1600, height=900), credit_line="dpa", photographer="Jana B."
    )
    article_with_blocks(image)

    content = rss_content(client)

    assert '<img src="http://testserver/media/renditions/' in content
    assert ".jpg" in content and 'width="1200"' in content
    assert "<figcaption>Die neue Linie am Südplatz Bild: dpa | Jana B.</figcaption>" in content
    assert content.index("Erster Absatz.") < content.index("<img") < content.index("Zweiter")


def test_rss_carries_an_embed_as_a_plain_link_and_no_script_or_iframe(client):
    article_with_blocks(ImageFactory())

    content = rss_content(client)

    assert f'<p><a href="{YOUTUBE_URL}">YouTube: {YOUTUBE_URL}</a></p>' in content
    for forbidden in ("<iframe", "<script", "data-embed", "youtube-nocookie", "<button"):
        assert forbidden not in content


def test_a_site_can_keep_its_feeds_to_teasers(client, settings):
    settings.NEWSROOM_FEEDS_FULL_TEXT = False
    article_with_blocks(ImageFactory())

    tree = parse_xml(client.get("/feeds/rss/"))

    assert tree.find(f"channel/item/{{{CONTENT_NS}}}encoded") is None
    assert "Erster Absatz." not in client.get("/feeds/atom/").content.decode()
    assert tree.findtext("channel/item/description")  # the lead is still there


def test_atom_carries_the_text_as_html_content(client):
    article_with_blocks(ImageFactory())

    tree = parse_xml(client.get("/feeds/atom/"))

    (content,) = tree.findall(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}content")
    assert content.get("type") == "html"
    assert "<img src=" in content.text and f'<a href="{YOUTUBE_URL}">' in content.text


def test_a_picture_whose_rights_expired_is_left_out_of_the_feed(client):
    expired = ImageFactory(usable_until=timezone.localdate() - timedelta(days=1))
    ArticleFactory(body="<p>Text.</p>" + picture_block(expired, "Abgelaufen"))

    content = rss_content(client)

    assert content == "<p>Text.</p>"


def test_the_xss_corpus_reads_the_feed_text_as_an_article_body():
    """The security corpus (tests/security) checks the feeds' text as rich HTML: a body left
    unsanitized there would be caught, a sanitized one passes."""
    feed = (
        '<rss xmlns:content="{ns}"><channel><item><content:encoded>{body}'
        "</content:encoded></item></channel></rss>"
    )
    safe = feed.format(ns=CONTENT_NS, body="&lt;p&gt;Text&lt;/p&gt;").encode()
    live = feed.format(ns=CONTENT_NS, body="&lt;img src=x onerror=alert(1)&gt;").encode()

    assert xss.xml_problems(safe) == []
    assert xss.xml_problems(live)
