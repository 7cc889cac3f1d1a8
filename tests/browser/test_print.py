"""An article printed on paper: the story with its pictures and credits and where it came
from, without navigation, search, follow box or footer."""

import pytest

from tests.helpers.factories import ArticleFactory, ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_printed_article_keeps_the_story_and_drops_the_site_around_it(live_server, page):
    article = ArticleFactory(
        hero_image=ImageFactory(),
        body='<p>Mehr bei <a href="https://example.org/bericht">der Stadt</a>.</p>',
    )
    page.goto(live_server.url + article.get_absolute_url())

    def visible(selector):
        return page.locator(selector).first.is_visible()

    assert visible(".section-nav") and visible(".site-footer")
    assert not visible(".print-only")

    page.emulate_media(media="print")
    for selector in (".section-nav", ".search-form", ".site-footer", ".follow-box"):
        assert not visible(selector), selector
    for selector in ("h1", ".article__hero img", ".article__hero .credit", ".article__body"):
        assert visible(selector), selector
    source = page.locator(".print-only").inner_text()
    assert source.endswith(article.get_absolute_url())
    link_suffix = page.evaluate(
        "getComputedStyle(document.querySelector('.article__body a'), '::after').content"
    )
    assert "https://example.org/bericht" in link_suffix
