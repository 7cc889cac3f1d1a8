"""Article bodies keep only the allowed HTML, and what is stored is what readers are shown."""

import re

import pytest

from articles.models import Article
from articles.sanitizer import ALLOWED_TAGS, clean_body
from tests.helpers.factories import ArticleFactory

REL = 'rel="noopener noreferrer"'


def test_script_is_removed_with_its_content():
    cleaned = clean_body("<p>Vorher</p><script>alert('gehackt')</script><p>Nachher</p>")
    assert cleaned == "<p>Vorher</p><p>Nachher</p>"


@pytest.mark.parametrize(
    "dirty",
    [
        '<p onclick="steal()">Text</p>',
        '<a href="https://example.org/" onmouseover="steal()">Text</a>',
        '<strong onfocus="steal()" tabindex="0">Text</strong>',
        '<p ONLOAD="steal()">Text</p>',
    ],
)
def test_event_handlers_are_removed(dirty):
    cleaned = clean_body(dirty)
    assert "steal" not in cleaned
    assert not re.search(r"\son\w+\s*=", cleaned, re.I)
    assert "Text" in cleaned


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_dangerous_link_targets_are_removed_but_the_link_text_stays(href):
    cleaned = clean_body(f'<a href="{href}">Klick</a>')
    assert "href" not in cleaned
    assert "script" not in cleaned.lower()
    assert "data:" not in cleaned
    assert "Klick" in cleaned


@pytest.mark.parametrize(
    "dirty",
    [
        '<img src="https://example.org/x.jpg" alt="x">',
        '<img src="x" onerror="steal()">',
        '<iframe src="https://example.org/">Rahmeninhalt</iframe>',
        "<style>body { display: none }</style>",
        '<object data="x.swf">Objektinhalt</object>',
        '<embed src="x.swf">',
    ],
)
def test_embedded_content_is_removed_entirely(dirty):
    cleaned = clean_body(f"<p>Bleibt</p>{dirty}")
    assert cleaned == "<p>Bleibt</p>"


def test_tables_are_removed_but_their_text_is_kept():
    cleaned = clean_body("<table><tr><th>Kopf</th></tr><tr><td>Zelle</td></tr></table>")
    for tag in ("<table", "<tr", "<th", "<td"):
        assert tag not in cleaned
    assert "Kopf" in cleaned
    assert "Zelle" in cleaned


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ('<p style="color: red">Rot</p>', "<p>Rot</p>"),
        ('<p class="gross" id="x">Absatz</p>', "<p>Absatz</p>"),
        ('<h2 style="font-size: 90px">Zwischentitel</h2>', "<h2>Zwischentitel</h2>"),
    ],
)
def test_inline_styles_and_other_attributes_are_removed(dirty, expected):
    assert clean_body(dirty) == expected


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        ("<h1>Zweite Überschrift</h1>", "Zweite Überschrift"),
        ("<div>Kasten</div>", "Kasten"),
        ('<span lang="en">Wort</span>', "Wort"),
        ("<p>Text<!-- interner Kommentar --></p>", "<p>Text</p>"),
    ],
)
def test_other_tags_are_unwrapped_and_comments_dropped(dirty, expected):
    assert clean_body(dirty) == expected


ALLOWED_SAMPLE = (
    "<p>Ein Absatz<br>mit Umbruch, <strong>fett</strong>, <b>auch fett</b>, "
    "<em>betont</em> und <i>kursiv</i>.</p>"
    "<h2>Zwischentitel</h2>"
    "<h3>Unterzwischentitel</h3>"
    "<ul><li>Punkt</li></ul>"
    "<ol><li>Erstens</li></ol>"
    "<blockquote><p>„Ein Zitat.“</p></blockquote>"
)


def test_allowed_tags_are_kept_unchanged():
    assert clean_body(ALLOWED_SAMPLE) == ALLOWED_SAMPLE


def test_allowed_tags_are_exactly_the_documented_ones():
    documented = {
        "p", "br", "h2", "h3", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i",
    }  # fmt: skip
    assert set(ALLOWED_TAGS) == documented


@pytest.mark.parametrize(
    "href",
    [
        "https://www.example.org/artikel?seite=2",
        "http://example.org/",
        "mailto:redaktion@example.org",
    ],
)
def test_safe_links_are_kept_with_noopener_noreferrer(href):
    cleaned = clean_body(f'<a href="{href}">Link</a>')
    assert f'href="{href}"' in cleaned.replace("&amp;", "&")
    assert REL in cleaned


def test_link_rel_and_target_from_the_editor_are_replaced():
    cleaned = clean_body('<a href="https://example.org/" rel="opener" target="_blank">Link</a>')
    assert cleaned == f'<a href="https://example.org/" {REL}>Link</a>'


def test_link_title_is_kept():
    cleaned = clean_body('<a href="https://example.org/" title="Mehr dazu">Link</a>')
    assert 'title="Mehr dazu"' in cleaned


@pytest.mark.parametrize("empty", ["", None])
def test_empty_body_stays_empty(empty):
    assert clean_body(empty) == ""


def test_clean_body_is_idempotent():
    dirty = (
        '<p onclick="x()">A &amp; B <a href="https://e.org/?a=1&b=2">L</a></p>'
        "<script>x()</script><table><td>Z</td></table>"
    )
    once = clean_body(dirty)
    assert clean_body(once) == once


# --- what is stored is what is shown ---------------------------------------------------------

DIRTY_BODY = (
    '<h2 style="color:red">Was der Beschluss bedeutet</h2>'
    '<p onclick="steal()">Pendler &amp; Anwohner sagen: "Endlich" \N{EN DASH} '
    "<em>wirklich</em>.</p>"
    "<script>document.cookie</script>"
    '<p><a href="https://www.example.org/?a=1&b=2" target="_blank">Quelle</a> '
    '<a href="javascript:steal()">Falle</a> <img src="x" onerror="steal()"></p>'
    "<iframe src='https://example.org'>Rahmen</iframe>"
    "<ul><li>„Wir haben lange genug geplant.“</li></ul>"
)


@pytest.mark.django_db
def test_saving_an_article_stores_the_sanitized_body():
    article = ArticleFactory(body=DIRTY_BODY)
    article.refresh_from_db()
    assert article.body == clean_body(DIRTY_BODY)
    for gone in ("<script", "steal", "onclick", "<img", "<iframe", "style=", "javascript:"):
        assert gone not in article.body
    assert "Was der Beschluss bedeutet" in article.body
    assert REL in article.body


@pytest.mark.django_db
def test_editing_an_article_sanitizes_the_body_again():
    article = ArticleFactory(body="<p>Sauber</p>")
    article.body = '<p>Sauber</p><script>alert("später")</script>'
    article.save()
    assert Article.objects.get(pk=article.pk).body == "<p>Sauber</p>"


@pytest.mark.django_db
def test_saving_a_clean_body_again_does_not_change_it():
    article = ArticleFactory(body=DIRTY_BODY)
    stored = Article.objects.get(pk=article.pk).body
    article.refresh_from_db()
    article.save()
    assert Article.objects.get(pk=article.pk).body == stored


@pytest.mark.django_db
def test_the_page_shows_exactly_the_stored_body(client):
    article = ArticleFactory(body=DIRTY_BODY)
    stored = Article.objects.get(pk=article.pk).body

    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()

    shown = re.search(r'<div class="article__body">(.*?)</div>', page, re.S).group(1)
    assert shown == stored
    main = re.search(r"<main\b.*?</main>", page, re.S).group(0)
    for gone in ("<script", "steal", "<iframe", "javascript:"):
        assert gone not in main
