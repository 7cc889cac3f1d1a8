"""Issue 13's yardstick: an editor enters a complete article as a newsroom does on deadline
(a new agency picture through the "+", two authors, three bullets, six cross-links, a body
pasted from a web page with a picture and an embed in it), makes one wrong step, and
schedules it: in at most 15 page loads, with nothing lost on the way."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.accounts import PASSWORD
from tests.helpers.body_editor import paste, wait_for_body_editor
from tests.helpers.browser import choose_autocomplete, log_in
from tests.helpers.factories import ArticleFactory, AuthorFactory, ImageFactory, SectionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MAX_PAGE_LOADS = 15

# A news page's fragment, as a browser puts it on the clipboard.
NEWS_PAGE = (
    '<div class="article-body"><h2 class="subhead" style="font-size:22px">Was der Rat '
    'beschlossen hat</h2><p class="para"><span style="font-weight:400">Die Linie 11 fährt ab '
    '2027 bis Markkleeberg. </span><b>Gebaut wird ab Frühjahr.</b></p><ul class="facts">'
    "<li>12 neue Haltestellen</li><li>Takt: alle 10 Minuten</li></ul>"
    '<p>Mehr beim <a href="https://www.leipzig.de/verkehr?utm_source=newsletter&amp;x=1" '
    'class="link">Verkehrsamt</a>.</p></div>'
)


def count_page_loads(context):
    """Every document a page or popup of ``context`` loads, from now on."""
    loads = []

    def watch(page):
        page.on("load", lambda: loads.append(page.url))

    for page in context.pages:
        watch(page)
    context.on("page", watch)
    return loads


def test_a_complete_article_is_entered_and_scheduled_in_few_page_loads(
    live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("redakteurin", "r@newsroom.example", PASSWORD)
    section = SectionFactory(name="Leipzig", slug="leipzig")
    AuthorFactory(name="Mara Muster", short_code="mm")
    AuthorFactory(name="Ben Beispiel", short_code="bb")
    targets = [
        ArticleFactory(headline=f"Vorgeschichte Nummer {n}", section=section) for n in range(5)
    ]
    inline_picture = ImageFactory(caption="Die Haltestelle am Markt", alt_text="Haltestelle")
    agency_file = imagefiles.with_iptc(
        imagefiles.jpeg(1600, 900),
        {imagefiles.CREDIT: "picture alliance/dpa", imagefiles.BY_LINE: "Jana Beispiel"},
    )
    loads = count_page_loads(page.context)

    log_in(page, live_server.url, "redakteurin")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    # The hero: a new agency picture through the "+", its credit read from the file.
    with page.expect_popup() as opened:
        page.click("#add_id_hero_image")
    popup = opened.value
    popup.wait_for_selector("input[type=file]")
    popup.set_input_files(
        "input[type=file]",
        files=[{"name": "agentur.jpg", "mimeType": "image/jpeg", "buffer": agency_file}],
    )
    with popup.expect_navigation():
        popup.click("input[type=submit]")
    assert popup.input_value("#id_form-0-credit_line") == "picture alliance/dpa"
    popup.fill("#id_form-0-alt_text", "Eine Straßenbahn im Regen")
    with popup.expect_event("close"):
        popup.click("input[type=submit]")
    hero = Image.objects.get(alt_text="Eine Straßenbahn im Regen")

    page.fill("#id_kicker", "Stadtrat Leipzig")
    page.fill("#id_headline", "Straßenbahn-Ausbau kommt zwei Jahre früher")
    choose_autocomplete(page, "id_bylines-0-author", "Mara")
    page.click("#bylines-group .add-row a")
    choose_autocomplete(page, "id_bylines-1-author", "Ben")
    for number, text in enumerate(["Beschluss mit großer Mehrheit", "Baubeginn im Frühjahr",
                                   "Anwohner fürchten Lärm"]):  # fmt: skip
        page.fill(f"#id_bullets-{number}-text", text)
    # The lead is left out by mistake: the first save is refused.
    for number, target in enumerate(targets):
        if number:
            page.click("#cross_links-group .add-row a")
        choose_autocomplete(page, f"id_cross_links-{number}-target", target.headline)
    page.click("#cross_links-group .add-row a")
    page.fill("#id_cross_links-5-url", "https://www.l.de/linie-11")
    page.fill("#id_cross_links-5-title", "Die LVB zur Linie 11")

    editor = wait_for_body_editor(page)
    editor.click()
    paste(page, html=NEWS_PAGE)
    # The picture after the first paragraph, the video at the end.
    editor.locator("p").first.click()
    page.keyboard.press("End")
    with page.expect_popup() as opened:
        page.click(".prose-menubar__button:text('Bild einfügen')")
    picker = opened.value
    picker.locator(f"a[data-popup-opener='{inline_picture.pk}']").first.click()
    editor.locator(".body-block--picture").wait_for()
    # A click right of the short last paragraph's text puts the caret at its end.
    editor.locator("p").last.click()
    page.wait_for_function(
        """() => {
            const node = getSelection().anchorNode
            const element = node && (node.nodeType === 3 ? node.parentElement : node)
            const paragraph = element && element.closest("p")
            return paragraph && paragraph.textContent.includes("Verkehrsamt")
        }"""
    )
    # ProseMirror takes a click's caret from the next selectionchange event; keys pressed
    # before it would act on the picture, still selected.
    page.wait_for_timeout(300)
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    paste(page, text="https://www.youtube.com/watch?v=abc123DEF45")
    editor.locator(".body-block--embed").wait_for()

    page.select_option("#id_section", str(section.pk))
    page.fill("#id_tags", "Verkehr, Leipzig, Straßenbahn")
    tomorrow = timezone.localtime() + timedelta(days=1)
    page.fill("#id_published_at_0", tomorrow.strftime("%d.%m.%Y"))
    page.fill("#id_published_at_1", "06:30")

    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_selector(".errornote")
    assert not Article.objects.filter(headline__startswith="Straßenbahn-Ausbau").exists()
    # Nothing typed is lost: not the picture, the authors, the links or the body.
    assert page.input_value("#id_hero_image") == str(hero.pk)
    assert page.input_value("#id_cross_links-5-title") == "Die LVB zur Linie 11"
    assert page.input_value("#id_bylines-1-author") != ""
    assert "Was der Rat beschlossen hat" in wait_for_body_editor(page).inner_text()

    page.fill("#id_lead", "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    with page.expect_navigation():
        page.click("button[name=transition][value=schedule]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get(headline__startswith="Straßenbahn-Ausbau")
    assert article.status == Article.Status.SCHEDULED
    assert timezone.localtime(article.published_at).strftime("%H:%M") == "06:30"
    assert article.hero_image == hero
    assert [b.author.short_code for b in article.bylines.order_by("position")] == ["mm", "bb"]
    assert article.bullets.count() == 3
    links = list(article.cross_links.order_by("position"))
    assert [link.target for link in links[:5]] == targets
    assert (links[5].url, links[5].title) == ("https://www.l.de/linie-11", "Die LVB zur Linie 11")
    assert [tag.name for tag in article.tags.all()] == ["Verkehr", "Leipzig", "Straßenbahn"]
    body = article.body
    assert "<h2>Was der Rat beschlossen hat</h2>" in body
    # (the editor keeps a list item's text in a paragraph, which the sanitizer allows)
    assert "<li><p>12 neue Haltestellen</p></li><li><p>Takt: alle 10 Minuten</p></li>" in body
    assert 'href="https://www.leipzig.de/verkehr?x=1"' in body
    assert "class=" not in body and "style=" not in body and "<span" not in body
    assert f'</p><figure data-image="{inline_picture.pk}"></figure><ul>' in body
    assert '<figure data-embed="https://www.youtube.com/watch?v=abc123DEF45"></figure>' in body

    assert len(loads) <= MAX_PAGE_LOADS, loads
    print(f"\npage loads for the complete article: {len(loads)}")  # for the closing note
