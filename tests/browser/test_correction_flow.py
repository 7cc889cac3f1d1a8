"""An editor corrects a published article in a real browser (the inline's "Korrektur
hinzufügen" link and all), and a reader sees the correction at the end of the article and on
/korrekturen/ at once, with the page cache on."""

import pytest
from django.core.cache import caches

from articles.models import ArticleEvent, Correction
from tests.helpers.accounts import SUPERUSER, make_user
from tests.helpers.browser import click_and_wait_for_success, log_in
from tests.helpers.corrections import live_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NOTE = "In einer früheren Fassung stand 2027. Richtig ist 2028."


def test_an_editor_adds_a_correction_and_readers_see_it_at_once(live_server, page, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    editor = make_user(SUPERUSER, "chefin")
    article = live_article(headline="Straßenbahn kommt früher")
    address = f"{live_server.url}{article.get_absolute_url()}"
    page.goto(address)  # stored in the page cache
    assert page.locator(".article__corrections").count() == 0

    log_in(page, live_server.url, "chefin")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.click("#corrections-group .add-row a")
    page.select_option("#id_corrections-0-kind", "clarification")
    page.fill("#id_corrections-0-note", NOTE)
    click_and_wait_for_success(page, "input[name=_continue]")

    correction = Correction.objects.get(article=article)
    assert (correction.kind, correction.author) == ("clarification", editor)
    assert ArticleEvent.objects.filter(
        article=article, action=ArticleEvent.Action.CORRECTION_ADDED, user=editor
    ).exists()

    page.goto(address)
    part = page.locator(".article__corrections")
    assert part.locator("h2").inner_text() == "Korrekturen"
    assert part.locator(".correction").inner_text().startswith("Klarstellung, ")
    assert NOTE in part.inner_text()
    page.goto(f"{live_server.url}/korrekturen/")
    assert page.locator(".correction-list__title").inner_text() == article.title
    caches["pages"].clear()
