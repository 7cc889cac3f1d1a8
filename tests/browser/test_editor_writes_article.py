"""An editor writes a full article in the admin with a real browser; readers then see it."""

import pytest

from articles.models import Article
from tests.helpers.accounts import PASSWORD
from tests.helpers.body_editor import paste, wait_for_body_editor
from tests.helpers.browser import choose_autocomplete, log_in
from tests.helpers.factories import AuthorFactory, ImageFactory, SectionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_editor_writes_and_publishes_an_article_that_readers_then_see(
    live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("redakteurin", "r@newsroom.example", PASSWORD)
    section = SectionFactory(name="Leipzig", slug="leipzig")
    AuthorFactory(name="Mara Muster", role_title="Newsroom-Redakteurin", short_code="mm")
    ImageFactory(caption="Die neue Linie im Süden", alt_text="Eine Straßenbahn im Regen")

    log_in(page, live_server.url, "redakteurin")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_kicker", "Stadtrat Leipzig")
    page.fill("#id_headline", "Straßenbahn-Ausbau kommt zwei Jahre früher")
    choose_autocomplete(page, "id_hero_image", "neue Linie")
    choose_autocomplete(page, "id_bylines-0-author", "Mara")
    page.fill("#id_bullets-0-text", "Der Stadtrat hat den Ausbau beschlossen")
    page.fill("#id_bullets-1-text", "Baubeginn ist im Frühjahr 2027")
    page.fill("#id_lead", "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet.")
    wait_for_body_editor(page).click()
    paste(page, html="<h2>Was das bedeutet</h2><p>Pendler sparen Zeit.</p>")
    page.select_option("#id_section", str(section.pk))
    page.fill("#id_tags", "Verkehr, Leipzig")
    # The status is no field any more: save first, then take the workflow step.
    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(slug="strassenbahn-ausbau-kommt-zwei-jahre-frueher")
    assert article.status == Article.Status.DRAFT
    assert not article.is_public
    assert page.locator("#id_status").count() == 0

    with page.expect_navigation():
        page.click("button[name=transition][value=publish]")
    page.wait_for_selector(".messagelist .success")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.is_public
    assert article.first_published_at == article.published_at
    assert [bullet.text for bullet in article.bullets.all()] == [
        "Der Stadtrat hat den Ausbau beschlossen",
        "Baubeginn ist im Frühjahr 2027",
    ]

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    title = " ".join(page.locator("h1").inner_text().split())
    assert title == "Stadtrat Leipzig: Straßenbahn-Ausbau kommt zwei Jahre früher"
    assert page.locator(".article__byline").inner_text() == "Von Newsroom-Redakteurin Mara Muster"
    assert page.locator(".article__sign-off").inner_text() == "mm/newsroom"
    assert "Bild: picture alliance/dpa | Jana Beispiel" in page.locator(".credit").inner_text()
    assert page.locator(".article__body h2").inner_text() == "Was das bedeutet"
    assert article.body == "<h2>Was das bedeutet</h2><p>Pendler sparen Zeit.</p>"
