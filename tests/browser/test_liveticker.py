"""The live ticker in Chromium: an editor posts from the compact form and the entry is on
the page; a reader's open page offers a new entry without reloading, politely announced,
and shows it where the reader asks, under the site's CSP with no script error."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers.accounts import SUPERUSER, make_user
from tests.helpers.body_editor import wait_for_body_editor
from tests.helpers.browser import click_and_wait_for_success, log_in
from tests.helpers.liveticker import EntryFactory, change_url, running_ticker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_problems(page):
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))


def test_an_editor_posts_an_entry_from_the_compact_form(live_server, page):
    ticker = running_ticker()
    # A superuser, as in the other browser tests: an earlier transactional test flushed the
    # roles the migrations made (the rights are tested in tests/liveticker/test_posting.py).
    make_user(SUPERUSER, "cvd")
    watch_problems(page)
    log_in(page, live_server.url, "cvd")
    page.goto(f"{live_server.url}{change_url(ticker)}")
    editor = wait_for_body_editor(page)
    page.fill("#id_title", "Deich bei Grimma hält")
    editor.click()
    page.keyboard.type("Die Feuerwehr gibt vorsichtig Entwarnung.")
    page.check("#id_key_event")
    click_and_wait_for_success(page, "input[name=_post_entry]")
    assert "Deich bei Grimma hält" in page.locator("#entries").inner_text()
    page.goto(f"{live_server.url}{ticker.article.get_absolute_url()}")
    entry = page.locator(".ticker__entries .ticker-entry").first
    assert "Die Feuerwehr gibt vorsichtig Entwarnung." in entry.inner_text()
    assert "Deich bei Grimma hält" in page.locator(".ticker__key-events").inner_text()
    assert page.problems == []


def test_a_readers_open_page_shows_a_new_entry_without_reloading(live_server, page, settings):
    settings.LIVETICKER_POLL_SECONDS = 1
    ticker = running_ticker()
    EntryFactory(ticker=ticker, title="Lage", key_event=True, pinned=True)
    EntryFactory(ticker=ticker, body="<p>Erste Meldung vom Deich</p>")
    watch_problems(page)
    page.goto(f"{live_server.url}{ticker.article.get_absolute_url()}")
    first = page.locator(".ticker__entries .ticker-entry").first
    top = first.bounding_box()["y"]

    EntryFactory(ticker=ticker, title="Neu", body="<p>Der Pegel sinkt</p>")

    button = page.locator("[data-ticker-show]")
    button.wait_for(state="visible")
    assert button.inner_text() == "1 neuen Eintrag anzeigen"
    assert page.locator("[data-ticker-status]").inner_text() == "1 neuen Eintrag anzeigen"
    # Nothing moved under the reader's eyes while the entry waits.
    assert first.bounding_box()["y"] == top
    button.click()
    newest = page.locator(".ticker__entries .ticker-entry").first
    assert "Der Pegel sinkt" in newest.inner_text()
    assert button.is_hidden()
    assert page.problems == []
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
