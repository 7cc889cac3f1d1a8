"""Never lose typing in the article form: a workflow button saves first, leaving with unsaved
edits asks, and the title inputs count their characters as one types."""

import pytest

from articles.models import Article
from tests.helpers.accounts import PASSWORD
from tests.helpers.article_admin import change_url
from tests.helpers.browser import click_and_wait_for_success, log_in
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def draft(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("redakteurin", "r@newsroom.example", PASSWORD)
    article = ArticleFactory(draft=True, kicker="Leipzig", headline="Alte Überschrift")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    log_in(page, live_server.url, "redakteurin")
    page.goto(live_server.url + change_url(article))
    return article


def test_typed_text_survives_pressing_a_workflow_button(live_server, page, draft):
    page.locator("#id_headline").fill("")
    page.locator("#id_headline").press_sequentially("Frisch getippt")
    page.locator("#id_lead").fill("Ein neuer Vorspann, noch nicht gespeichert.")

    click_and_wait_for_success(page, "button[name=transition][value=submit]")

    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    assert draft.headline == "Frisch getippt"
    assert draft.lead == "Ein neuer Vorspann, noch nicht gespeichert."
    assert page.input_value("#id_headline") == "Frisch getippt"


def test_leaving_with_unsaved_edits_asks_first_and_keeps_the_text(live_server, page, draft):
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    page.on("dialog", answer)
    page.locator("#id_lead").press_sequentially(" Noch nicht gesichert.")

    page.locator(".breadcrumbs a").last.click()
    page.wait_for_timeout(500)

    assert dialogs == ["beforeunload"]
    assert page.url.endswith(change_url(draft))
    assert "Noch nicht gesichert." in page.input_value("#id_lead")

    # Saving is no leaving: no question, and the text is stored.
    click_and_wait_for_success(page, "input[name=_continue]")
    assert dialogs == ["beforeunload"]
    draft.refresh_from_db()
    assert "Noch nicht gesichert." in draft.lead


def test_leaving_without_edits_does_not_ask(live_server, page, draft):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))

    with page.expect_navigation():
        page.locator(".breadcrumbs a").last.click()

    assert dialogs == []
    assert page.url.endswith("/admin/articles/article/")


def test_headline_counts_its_characters_and_the_title_line_as_one_types(live_server, page, draft):
    count = page.locator("#id_headline-count")
    assert count.inner_text() == (
        "16 von 200 Zeichen · Titelzeile: 25 Zeichen; Suchmaschinen zeigen etwa 60."
    )

    page.locator("#id_headline").fill("")
    page.locator("#id_headline").press_sequentially("x" * 60)

    assert count.inner_text().startswith("60 von 200 Zeichen · Titelzeile: 69 Zeichen")
    assert "nr-char-count--over" in count.get_attribute("class")
    assert page.locator("#id_kicker-count").inner_text() == "7 von 80 Zeichen"
    width = page.locator("#id_headline").bounding_box()["width"]
    assert width > 500, width


def test_a_form_shown_again_with_errors_still_asks_before_leaving(live_server, page, draft):
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", answer)
    page.locator("#id_headline").fill("")
    page.locator("#id_lead").fill("Getippt, aber wegen des Fehlers nicht gesichert.")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_selector(".errornote")

    page.locator(".breadcrumbs a").last.click()
    page.wait_for_timeout(500)

    assert dialogs == ["beforeunload"]
    assert page.input_value("#id_lead") == "Getippt, aber wegen des Fehlers nicht gesichert."
