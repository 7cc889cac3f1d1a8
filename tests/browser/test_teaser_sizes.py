"""On a phone the home page's small teaser pictures load a small file: the sizes attribute
says how wide each picture is shown, so the browser does not fetch a full-width file for
a 7.5rem thumbnail."""

import pytest

from articles.models import HomePage
from tests.helpers.factories import ArticleFactory, ImageFactory, SectionFactory, uploaded_jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def front_page():
    # Each story has its own picture, as on a real front page: Chromium reuses a larger
    # file of the same srcset once it has it in memory (the lead's), which would hide
    # what the sizes attribute asks for.
    section = SectionFactory()
    articles = [
        ArticleFactory(
            section=section,
            hero_image=ImageFactory(file=uploaded_jpeg(f"breit-{n}.jpg", width=1000, height=563)),
        )
        for n in range(9)
    ]
    home = HomePage.load()
    home.lead = articles[0]
    home.save()
    return articles


def chosen_widths(page, selector):
    """[rendered CSS width, width of the file the browser chose] of each picture."""
    page.wait_for_function(
        "s => [...document.querySelectorAll(s)].every(i => i.complete && i.naturalWidth)",
        arg=selector,
    )
    return page.eval_on_selector_all(
        selector,
        """imgs => imgs.map(img => {
            const path = new URL(img.currentSrc).pathname;
            const entries = [...img.parentElement.querySelectorAll('[srcset]')]
                .flatMap(el => el.getAttribute('srcset').split(','))
                .map(entry => entry.trim().split(/\\s+/));
            const chosen = entries.find(([url]) => new URL(url, location.href).pathname === path);
            return [img.getBoundingClientRect().width, parseInt(chosen[1])];
        })""",
    )


@pytest.mark.parametrize(("viewport", "dpr"), [(375, 2), (1280, 1)])
def test_teaser_pictures_load_files_that_fit_their_slot(
    live_server, browser, front_page, viewport, dpr
):
    context = browser.new_context(
        viewport={"width": viewport, "height": 900}, device_scale_factor=dpr
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/", wait_until="load")
        # Bring the lazy ones in.
        page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
        pictures = chosen_widths(page, ".home-top__highlights img, .teaser-grid img")
        assert pictures, "the home page shows highlight and section pictures"
        for shown, natural in pictures:
            # The smallest rendition that covers the slot (renditions are 320, 480, 640, …).
            needed = shown * dpr
            assert natural >= min(needed, 1600) * 0.95 or natural == 1600
            assert natural <= max(320, needed * 1.6), (viewport, shown, natural)
    finally:
        context.close()
