"""Readers on a phone and on a desktop get a rendition that fits, never the original, and the
picture's box has its final size before the file arrives (no layout shift)."""

import pytest

from tests.helpers.factories import ArticleFactory, ImageFactory, uploaded_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article():
    image = ImageFactory(file=uploaded_jpeg("gross.jpg", width=2400, height=1600))
    return ArticleFactory(hero_image=image)


@pytest.mark.parametrize(
    ("viewport_width", "min_width", "max_width"),
    [(375, 375, 640), (1280, 704, 1200)],
)
def test_hero_is_a_fitting_webp_rendition_without_layout_shift(
    live_server, page, article, viewport_width, min_width, max_width
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size({"width": viewport_width, "height": 900})
    # Hold image responses back, to measure the box before any picture data arrived.
    page.route("**/media/**", lambda route: None)
    page.goto(live_server.url + article.get_absolute_url(), wait_until="domcontentloaded")
    hero = page.locator(".article__hero img")
    # The stylesheet is in; the picture is not.
    page.wait_for_function(
        "img => getComputedStyle(img).maxWidth === '100%' && !img.complete",
        arg=hero.element_handle(),
    )
    box = hero.bounding_box()
    assert box["width"] > 0
    assert box["height"] == pytest.approx(box["width"] * 9 / 16, abs=2)

    page.unroute("**/media/**")
    page.reload(wait_until="load")
    hero = page.locator(".article__hero img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=hero.element_handle())
    current = hero.evaluate("img => img.currentSrc")
    natural = hero.evaluate("img => img.naturalWidth")
    assert "/renditions/" in current
    # Development runs tasks at once and leaves AVIF to the worker: WebP is the best here.
    assert current.endswith(".webp")
    assert min_width <= natural <= max_width
    assert hero.get_attribute("fetchpriority") == "high"
    assert not any(article.hero_image.file.url in url for url in requested)
    after = hero.bounding_box()
    assert after["height"] == pytest.approx(box["height"], abs=2)
