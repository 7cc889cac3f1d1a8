"""A reader signs up for the newsletter in Chromium, without JavaScript tricks: the form,
the mail from the real SMTP server, the confirmation button; each page passes axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from newsletter.models import Subscriber
from tests.helpers.newsletter import NewsletterFactory, link, path_of, start_smtp_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def inbox(settings):
    inbox, controller = start_smtp_server(settings)
    yield inbox
    controller.stop()


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def test_a_reader_signs_up_and_confirms_in_the_browser(live_server, page, inbox):
    NewsletterFactory()
    page.goto(f"{live_server.url}/")
    with page.expect_navigation():
        page.click("footer a[href='/newsletter/']")
    assert serious_violations(page) == []

    with page.expect_navigation():
        page.click("form.newsletter-form button[type=submit]")  # nothing typed
    form = page.locator("form.newsletter-form")
    assert "Bitte geben Sie Ihre E-Mail-Adresse ein." in form.inner_text()
    page.get_by_label("Ihre E-Mail-Adresse").fill("leserin@example.org")
    page.click("label[for=id_consent]")
    with page.expect_navigation():
        page.click("form.newsletter-form button[type=submit]")
    assert "Posteingang" in page.locator("h1").inner_text()

    [mail] = inbox.messages
    page.goto(live_server.url + path_of(link(mail, "bestaetigen")))
    assert serious_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, Anmeldung bestätigen").click()
    assert page.locator("h1").inner_text() == "Anmeldung bestätigt"
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
