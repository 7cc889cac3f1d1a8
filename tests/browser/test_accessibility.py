"""The reader's pages pass axe-core with no serious or critical violation, and can be used
with the keyboard: a skip link first, a visible focus everywhere."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers.blocks import embed_block, picture_block
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CrossLinkFactory,
    ImageFactory,
    TeaserBulletFactory,
    uploaded_jpeg,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}


@pytest.fixture
def site():
    author = AuthorFactory(photo=ImageFactory(file=uploaded_jpeg("portrait.jpg", 600, 600)))
    image = ImageFactory(file=uploaded_jpeg("hero.jpg", 1600, 900))
    # A picture and an embed in the text, so their parts are checked too.
    inline = ImageFactory(file=uploaded_jpeg("inline.jpg", 1600, 900))
    body = "<p>Erster Absatz.</p>" + picture_block(inline, "Die Baustelle") + embed_block()
    article = ArticleFactory(
        hero_image=image, headline="Neue Brücke über die Weiße Elster", body=body
    )
    article.tags.add("Verkehr")
    BylineFactory(article=article, author=author, position=0)
    for position in range(3):
        TeaserBulletFactory(article=article, position=position)
    CrossLinkFactory(article=article, target=ArticleFactory(section=article.section), position=0)
    for _ in range(4):
        ArticleFactory(section=article.section, hero_image=ImageFactory())
    return {"article": article, "author": author}


def page_urls(site):
    article = site["article"]
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "section": article.section.get_absolute_url(),
        "tag": "/thema/verkehr/",
        "author": site["author"].get_absolute_url(),
        "search": "/suche/?q=Br%C3%BCcke",
        "search without results": "/suche/?q=Zeppelin",
        "image credits": "/bildnachweise/",
    }


@pytest.mark.parametrize("width", [375, 1280])
def test_reader_pages_have_no_serious_or_critical_axe_violations(live_server, page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    problems = []
    for name, url in page_urls(site).items():
        response = page.goto(live_server.url + url, wait_until="load")
        assert response.status == 200, f"{name}: {response.status}"
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{name}: {violation['id']} ({violation['impact']}) {targets}")
    assert problems == []


def test_skip_link_comes_first_is_visible_on_focus_and_moves_focus_to_the_content(
    live_server, page, site
):
    page.goto(live_server.url + site["article"].get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 10  # on screen, not clipped away
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_every_focusable_element_shows_a_visible_focus_indicator(live_server, page, site):
    page.goto(live_server.url + site["article"].get_absolute_url())
    missing = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => {
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              const s = getComputedStyle(el);
              return {tag: el.tagName, text: (el.textContent || el.value || '').trim().slice(0, 30),
                      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                      shadow: s.boxShadow !== 'none'};
            }"""
        )
        if style is None:
            break
        if not (style["outline"] or style["shadow"]):
            missing.append(f"{style['tag']} {style['text']!r}")
    assert missing == []
