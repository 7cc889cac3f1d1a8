"""Pictures and embeds in the article text, in a real Chromium: an embed loads nothing from
its provider until the reader clicks (two clicks, as German sites must), then shows the
provider's iframe; without JavaScript it is a link; a picture in the text is a responsive
rendition with its credit."""

from urllib.parse import urlsplit

import pytest

from tests.helpers.blocks import YOUTUBE_FRAME, YOUTUBE_URL, article_with_blocks
from tests.helpers.factories import ImageFactory, uploaded_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    image = ImageFactory(
        file=uploaded_jpeg("linie.jpg", width=1600, height=900),
        credit_line="picture alliance/dpa",
        photographer="Jana Beispiel",
    )
    return article_with_blocks(image)


def third_party_requests(page, live_server):
    """Record every request to another host and abort it (this machine has no internet)."""
    own = urlsplit(live_server.url).netloc
    seen = []

    def handle(route):
        url = route.request.url
        if urlsplit(url).netloc == own or url.startswith("data:"):
            route.continue_()
        else:
            seen.append(url)
            route.abort()

    page.route("**/*", handle)
    return seen


def test_an_embed_loads_nothing_from_the_provider_before_the_click(live_server, page, article):
    seen = third_party_requests(page, live_server)
    page.goto(live_server.url + article.get_absolute_url(), wait_until="load")

    embed = page.locator("figure.embed")
    embed.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert seen == []
    assert page.locator("iframe").count() == 0
    assert "YouTube" in embed.inner_text() and "Klick" in embed.inner_text()

    button = embed.get_by_role("button", name="Inhalt laden")
    assert button.is_visible()
    button.click()

    frame = page.locator("figure.embed iframe")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src") == YOUTUBE_FRAME
    page.wait_for_timeout(300)
    assert seen and all(urlsplit(url).netloc == "www.youtube-nocookie.com" for url in seen)


def test_without_javascript_an_embed_is_a_link(browser, live_server, article):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        seen = third_party_requests(page, live_server)
        page.goto(live_server.url + article.get_absolute_url(), wait_until="load")

        link = page.locator("figure.embed a")
        assert link.get_attribute("href") == YOUTUBE_URL
        assert link.is_visible() and link.inner_text() == "Bei YouTube öffnen"
        assert not page.locator("figure.embed button").is_visible()
        assert seen == []
    finally:
        context.close()


def test_a_picture_in_the_text_is_a_responsive_rendition_with_its_credit(
    live_server, page, article
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + article.get_absolute_url(), wait_until="load")

    figure = page.locator(".article__body figure.article__figure")
    figure.scroll_into_view_if_needed()
    img = figure.locator("img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    assert "/renditions/" in img.evaluate("img => img.currentSrc")
    assert img.get_attribute("loading") == "lazy"
    assert "1200w" in img.get_attribute("srcset")
    assert 600 <= img.evaluate("img => img.naturalWidth") <= 1600
    assert figure.locator("figcaption").inner_text().split("\n") == [
        "Die neue Linie am Südplatz",
        "Bild: picture alliance/dpa | Jana Beispiel",
    ]
    box = img.bounding_box()
    assert box["height"] == pytest.approx(box["width"] * 9 / 16, abs=2)
