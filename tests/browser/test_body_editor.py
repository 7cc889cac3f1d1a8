"""The article body's rich-text editor in Chromium: it loads under the admin's CSP, keeps
what exists byte for byte, cleans what is pasted, and inserts pictures and embeds."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import Article
from tests.helpers.accounts import SUPERUSER, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.body_editor import (
    EDITOR,
    EVERY_ELEMENT_BODY,
    GOOGLE_DOCS_FRAGMENT,
    NEWS_PAGE_FRAGMENT,
    WORD_FRAGMENT,
    paste,
    put_cursor_at_end,
    wait_for_body_editor,
)
from tests.helpers.browser import click_and_wait_for_success, log_in
from tests.helpers.factories import ArticleFactory, ImageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

REL = 'rel="noopener noreferrer"'


@pytest.fixture
def editor_page(live_server, page):
    """A logged-in admin page that records script errors and CSP violations."""
    make_user(SUPERUSER, "redakteurin")
    log_in(page, live_server.url, "redakteurin")
    page.problems = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.problems.append(message.text),
    )
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    return page


def open_article(page, live_server, article):
    page.goto(f"{live_server.url}{change_url(article)}")
    return wait_for_body_editor(page)


def save(page):
    click_and_wait_for_success(page, "input[name=_continue]")


def stored_body(article):
    return Article.objects.get(pk=article.pk).body


def test_an_existing_body_opens_and_saves_unchanged(live_server, editor_page):
    image = ImageFactory(alt_text="Eine Straßenbahn im Regen")
    article = ArticleFactory(draft=True, body=EVERY_ELEMENT_BODY.format(image=image.pk))
    before = stored_body(article)

    editor = open_article(editor_page, live_server, article)
    # Every element is shown as what it is, pictures and embeds as cards.
    for selector in ("h2", "h3", "ul li", "ol li", "blockquote", "strong", "em", "a[href]"):
        assert editor.locator(selector).count() >= 1, selector
    cards = editor.locator(".body-block--picture")
    assert cards.count() == 2
    assert cards.first.locator(".body-block__label").inner_text() == f"Bild #{image.pk}"
    assert cards.first.locator(".body-block__caption").inner_text() == "Die neue Linie im Süden"
    assert "Eine Straßenbahn im Regen" in cards.first.inner_text()
    assert cards.first.locator(".body-block__thumbnail img").count() == 1
    embed = editor.locator(".body-block--embed")
    assert "Einbettung: YouTube" in embed.inner_text()
    assert "https://www.youtube.com/watch?v=abc123DEF45" in embed.inner_text()

    save(editor_page)

    assert stored_body(article) == before
    assert editor_page.problems == []


def test_the_toolbar_offers_one_german_button_per_allowed_element(live_server, editor_page):
    article = ArticleFactory(draft=True)
    open_article(editor_page, live_server, article)
    titles = editor_page.locator(".prose-menubar__button:not(.hidden)").evaluate_all(
        "buttons => buttons.map(button => button.textContent.includes(' ') || "
        "!button.classList.contains('material-icons') ? button.textContent : button.title)"
    )
    assert titles == [
        "Zwischentitel (h2)",
        "Unterzwischentitel (h3)",
        "Absatz",
        "Aufzählung",
        "Nummerierte Liste",
        "Zitat",
        "Fett",
        "Kursiv",
        "Link setzen",
        "Bild einfügen",
        "Einbetten",
        "Rückgängig",
        "Wiederholen",
    ]


def test_pasting_from_word_keeps_structure_and_drops_word_s_markup(live_server, editor_page):
    article = ArticleFactory(draft=True, body="")
    open_article(editor_page, live_server, article)
    put_cursor_at_end(editor_page)

    paste(editor_page, html=WORD_FRAGMENT, text="Stadtrat beschließt Ausbau …")
    save(editor_page)

    assert stored_body(article) == (
        "<h2>Stadtrat beschließt Ausbau</h2>"
        "<p>Der Stadtrat hat <strong>mit großer Mehrheit</strong> und "
        "<em>nach langer Debatte</em> entschieden.</p>"
        "<ul><li><p>Baubeginn im Frühjahr 2027</p>"
        "<ul><li><p>zuerst im Süden</p></li></ul></li>"
        "<li><p>Fertig 2028</p></li></ul>"
        "<ol><li><p>Antrag</p></li><li><p>Beschluss</p></li></ol>"
        "<h3>Was Pendler wissen müssen</h3>"
        f'<p>Mehr unter <a href="https://www.leipzig.de/verkehr" {REL}>leipzig.de</a>.</p>'
    )


def test_pasting_a_news_page_keeps_links_without_tracking(live_server, editor_page):
    article = ArticleFactory(draft=True, body="<p>Vorher.</p>")
    open_article(editor_page, live_server, article)
    put_cursor_at_end(editor_page)
    editor_page.keyboard.press("Enter")

    paste(editor_page, html=NEWS_PAGE_FRAGMENT, text="Neue Linie …")
    save(editor_page)

    assert stored_body(article) == (
        "<p>Vorher.</p>"
        "<h2>Neue Linie für den Süden</h2>"
        "<p>Die Stadt "
        f'<a href="https://www.example.org/bericht?id=7#karte" {REL}>baut aus</a>, '
        f'sagt <a href="https://www.example.org/leute/" {REL}>die Bürgermeisterin</a>.</p>'
        "<h3>Hintergrund</h3>"
        "<ul><li><p><strong>Kosten:</strong> 120 Millionen Euro</p></li></ul>"
        "<blockquote><p>„Jetzt wird gebaut.“</p></blockquote>"
    )


def test_pasting_from_google_docs_keeps_emphasis_and_headings(live_server, editor_page):
    article = ArticleFactory(draft=True, body="")
    open_article(editor_page, live_server, article)
    put_cursor_at_end(editor_page)

    paste(editor_page, html=GOOGLE_DOCS_FRAGMENT, text="Ausbau …")
    save(editor_page)

    assert stored_body(article) == (
        "<h2>Ausbau beschlossen</h2>"
        "<p>Die Linie kommt <strong>zwei Jahre</strong> früher, <em>sagt</em> die Stadt.</p>"
        "<p>Zweiter Absatz.</p>"
    )


def test_pasting_plain_text_makes_a_paragraph_of_each_block(live_server, editor_page):
    article = ArticleFactory(draft=True, body="")
    open_article(editor_page, live_server, article)
    put_cursor_at_end(editor_page)

    paste(
        editor_page,
        text="\n".join(
            [
                "Erster Absatz.",
                "",
                "Zweiter Absatz,",
                "mit zweiter Zeile.\r",
                "\r",
                "",
                "  Dritter & letzter.",
                "",
            ]
        ),
    )
    save(editor_page)

    assert stored_body(article) == (
        "<p>Erster Absatz.</p>"
        "<p>Zweiter Absatz,<br>mit zweiter Zeile.</p>"
        "<p>Dritter &amp; letzter.</p>"
    )


def test_a_video_address_pasted_on_an_empty_line_becomes_an_embed(live_server, editor_page):
    article = ArticleFactory(draft=True, body="<p>Das Video zur Sitzung:</p>")
    editor = open_article(editor_page, live_server, article)
    put_cursor_at_end(editor_page)
    editor_page.keyboard.press("Enter")

    paste(editor_page, text="https://youtu.be/abc123DEF45?si=xyz")
    assert "Einbettung: YouTube" in editor.locator(".body-block--embed").inner_text()
    # In running text an address stays text.
    editor.locator("p").first.click()
    editor_page.keyboard.press("End")
    paste(editor_page, text=" https://vimeo.com/123")
    save(editor_page)

    assert stored_body(article) == (
        "<p>Das Video zur Sitzung: https://vimeo.com/123</p>"
        '<figure data-embed="https://youtu.be/abc123DEF45?si=xyz"></figure>'
    )


def test_einbetten_asks_for_an_address(live_server, editor_page):
    article = ArticleFactory(draft=True, body="<p>Der Beitrag:</p>")
    editor = open_article(editor_page, live_server, article)
    put_cursor_at_end(editor_page)

    editor_page.click(".prose-menubar__button:text('Einbetten')")
    dialog = editor_page.locator("dialog.prose-editor-dialog")
    dialog.locator("input").fill("https://bsky.app/profile/stadt.leipzig.de/post/3kabcdefghijk")
    dialog.locator("button[type=submit]").click()
    assert "Einbettung: Bluesky" in editor.locator(".body-block--embed").inner_text()
    save(editor_page)

    assert stored_body(article) == (
        '<p>Der Beitrag:</p><figure data-embed="https://bsky.app/profile/stadt.leipzig.de/post/3kabcdefghijk"></figure>'
    )


def test_bild_einfuegen_chooses_from_the_library_and_takes_a_caption(live_server, editor_page):
    image = ImageFactory(caption="Die Haltestelle am Markt", alt_text="Eine Haltestelle")
    article = ArticleFactory(draft=True, body="<p>Vorher.</p><p>Nachher.</p>")
    editor = open_article(editor_page, live_server, article)
    editor.locator("p").first.click()
    editor_page.keyboard.press("End")

    with editor_page.expect_popup() as popup_info:
        editor_page.click(".prose-menubar__button:text('Bild einfügen')")
    popup = popup_info.value
    popup.wait_for_selector(f"a[data-popup-opener='{image.pk}']")
    popup.locator(f"a[data-popup-opener='{image.pk}']").first.click()

    card = editor.locator(".body-block--picture")
    card.wait_for()
    assert popup.is_closed()
    assert card.locator(".body-block__label").inner_text() == f"Bild #{image.pk}"
    card.locator(".body-block__caption").click()
    editor_page.keyboard.type("Die Haltestelle im Regen")
    save(editor_page)

    assert stored_body(article) == (
        "<p>Vorher.</p>"
        f'<figure data-image="{image.pk}"><figcaption>Die Haltestelle im Regen</figcaption>'
        "</figure><p>Nachher.</p>"
    )
    assert editor_page.problems == []


def test_typing_in_the_editor_stores_only_allowed_markup(live_server, editor_page):
    article = ArticleFactory(draft=True, body="")
    editor = open_article(editor_page, live_server, article)
    editor.click()
    editor_page.click(".prose-menubar__button[title='Zwischentitel (h2)']")
    editor_page.keyboard.type("Was das bedeutet")
    editor_page.keyboard.press("Enter")
    editor_page.click(".prose-menubar__button[title='Nummerierte Liste']")
    editor_page.keyboard.type("Erstens")
    editor_page.keyboard.press("Enter")
    editor_page.keyboard.type("Zweitens")
    editor_page.keyboard.press("Enter")
    editor_page.keyboard.press("Enter")
    editor_page.click(".prose-menubar__button[title='Fett']")
    editor_page.keyboard.type("Fett")
    save(editor_page)

    assert stored_body(article) == (
        "<h2>Was das bedeutet</h2>"
        "<ol><li><p>Erstens</p></li><li><p>Zweitens</p></li></ol>"
        "<p><strong>Fett</strong></p>"
    )
    assert editor_page.locator(EDITOR).count() == 1


def test_an_embed_chosen_inside_a_list_goes_after_it(live_server, editor_page):
    article = ArticleFactory(draft=True, body="<ul><li><p>Punkt</p></li></ul><p>Danach.</p>")
    editor = open_article(editor_page, live_server, article)
    editor.locator("li p").click()
    editor_page.keyboard.press("End")

    editor_page.click(".prose-menubar__button:text('Einbetten')")
    dialog = editor_page.locator("dialog.prose-editor-dialog")
    dialog.locator("input").fill("https://vimeo.com/76979871")
    dialog.locator("button[type=submit]").click()
    editor.locator(".body-block--embed").wait_for()
    save(editor_page)

    body = stored_body(article)
    assert body.startswith("<ul><li><p>Punkt</p></li></ul>")
    assert body.count('<figure data-embed="https://vimeo.com/76979871"></figure>') == 1
    assert "<li><figure" not in body and "</figure></li>" not in body


def test_the_editor_has_no_serious_or_critical_axe_violations(live_server, editor_page):
    image = ImageFactory()
    article = ArticleFactory(draft=True, body=EVERY_ELEMENT_BODY.format(image=image.pk))
    open_article(editor_page, live_server, article)
    editor_page.locator(".body-block__thumbnail img").first.wait_for()

    results = Axe().run(editor_page, context=".prose-editor")
    assert editor_page.locator(EDITOR).get_attribute("aria-label") == "Text"

    problems = [
        f"{violation['id']} ({violation['impact']}) {[n['target'] for n in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert problems == []
