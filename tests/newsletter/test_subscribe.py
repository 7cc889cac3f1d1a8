"""Signing up on the public site: double opt-in with a signed link, nothing before the
confirmation, the same answer whatever the address, throttled confirmation mails, and a
clear German page for a link that does not work."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from newsletter import sending
from newsletter.models import Subscriber
from tests.helpers.html import html, text_of
from tests.helpers.newsletter import NewsletterFactory, SubscriberFactory, link, path_of

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 5, 12, 8, 30, tzinfo=UTC)


def sign_up(client, newsletter, email="leserin@example.org", consent=True, **extra):
    data = {"email": email, "newsletter": newsletter.pk, **extra}
    if consent:
        data["consent"] = "on"
    return client.post("/newsletter/", data, REMOTE_ADDR=extra.pop("ip", "203.0.113.7"))


def test_a_reader_signs_up_confirms_and_the_consent_time_is_stored(client, inbox):
    newsletter = NewsletterFactory()
    page = client.get("/newsletter/")
    assert page.status_code == 200
    form = html(page).xpath("//form[@class='newsletter-form']")[0]
    assert form.xpath(".//label[@for='id_email']")  # labelled fields, a plain POST form
    assert "csrfmiddlewaretoken" not in page.content.decode()  # the page is cached for all
    traveller = time_machine.travel(NOW, tick=False)
    traveller.start()
    response = sign_up(client, newsletter)
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/danke/"
    assert "Posteingang" in client.get(response["Location"]).content.decode()

    [mail] = inbox.messages
    assert mail.recipients == ["leserin@example.org"]
    assert "Der Morgen" in mail["Subject"]
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.consent_at is None

    confirm_url = link(mail, "bestaetigen")
    page = client.get(path_of(confirm_url))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert html(page).xpath("//form[@method='post']//button")  # a scanner's GET does nothing
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    later = NOW + timedelta(hours=2)
    traveller.stop()
    with time_machine.travel(later, tick=False):
        done = client.post(path_of(confirm_url))
    assert done.status_code == 200
    assert "Anmeldung bestätigt" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.consent_at == later
    assert subscriber.consent_text.startswith("Ich möchte den Newsletter „Der Morgen“")
    assert "leserin" not in confirm_url  # links name no address (they end up in logs)
    assert len(inbox.messages) == 1  # nothing but the confirmation mail so far


def test_the_answer_is_the_same_for_an_address_already_subscribed(client, inbox):
    subscriber = SubscriberFactory(email="stammleser@example.org")
    new = sign_up(client, subscriber.newsletter, email="neu@example.org")
    known = sign_up(client, subscriber.newsletter, email="Stammleser@example.org")
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert inbox.recipients == ["neu@example.org"]
    assert Subscriber.objects.filter(email__iexact="stammleser@example.org").count() == 1


def test_consent_is_required_and_the_typed_address_stays(client, inbox):
    newsletter = NewsletterFactory()
    response = sign_up(client, newsletter, consent=False)
    assert response.status_code == 400
    page = html(response)
    assert page.xpath("//input[@id='id_consent'][@aria-invalid='true']")
    assert "Bitte bestätigen Sie" in text_of(response.content.decode())
    assert page.xpath("//input[@id='id_email']/@value") == ["leserin@example.org"]
    assert not Subscriber.objects.exists() and not inbox.messages


def test_an_invalid_address_gets_a_german_error(client, inbox):
    newsletter = NewsletterFactory()
    response = sign_up(client, newsletter, email="keine-adresse")
    assert response.status_code == 400
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in response.content.decode()
    assert not inbox.messages


def test_confirmation_mails_are_throttled_per_address(client, inbox):
    newsletter = NewsletterFactory()
    with time_machine.travel(NOW, tick=False):
        first = sign_up(client, newsletter)
        again = sign_up(client, newsletter, ip="198.51.100.9")
    assert first["Location"] == again["Location"] == "/newsletter/danke/"
    assert len(inbox.messages) == 1
    with time_machine.travel(NOW + timedelta(minutes=11), tick=False):
        sign_up(client, newsletter)
    assert len(inbox.messages) == 2  # asked again after the pause: a new link


def test_sign_ups_are_throttled_per_client_address(client, inbox):
    newsletter = NewsletterFactory()
    answers = [
        sign_up(client, newsletter, email=f"person{n}@example.org").status_code for n in range(11)
    ]
    assert answers == [302] * 10 + [429]
    assert len(inbox.messages) == 10
    other = sign_up(client, newsletter, email="nachbar@example.org", ip="198.51.100.20")
    assert other.status_code == 302


def test_a_form_filling_robot_gets_no_mail(client, inbox):
    newsletter = NewsletterFactory()
    response = sign_up(client, newsletter, website="http://spam.example")
    assert response.status_code == 302
    assert not inbox.messages and not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["1.abcdef:abc:def", "kaputt", "1:1vX:" + "a" * 43],
)
def test_a_tampered_confirmation_link_gets_a_clear_page(client, token):
    SubscriberFactory(pending=True)
    for response in (
        client.get(f"/newsletter/bestaetigen/{token}/"),
        client.post(f"/newsletter/bestaetigen/{token}/"),
    ):
        assert response.status_code == 400
        assert "Dieser Link funktioniert nicht" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_expired_confirmation_link_says_so(client, inbox):
    newsletter = NewsletterFactory()
    with time_machine.travel(NOW, tick=False):
        sign_up(client, newsletter)
    url = path_of(link(inbox.messages[0], "bestaetigen"))
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        response = client.post(url)
    assert response.status_code == 400
    assert "abgelaufen" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_the_sign_up_page_is_cached_and_a_change_shows_at_once(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    newsletter = NewsletterFactory()
    assert client.get("/newsletter/")["X-Page-Cache"] == "miss"
    cached = client.get("/newsletter/")
    assert cached["X-Page-Cache"] == "hit"
    assert "newsletter" in cached["xkey"].split()
    newsletter.description = "Jetzt auch am Sonntag."
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.save()
    assert "Jetzt auch am Sonntag." in client.get("/newsletter/").content.decode()


def test_the_footer_links_to_the_sign_up_page_which_needs_few_queries(
    client, django_assert_max_num_queries
):
    NewsletterFactory()
    client.get("/")  # site settings and navigation cached, as on a running site
    with django_assert_max_num_queries(1):
        page = client.get("/newsletter/")
    assert html(page).xpath("//footer//a[@href='/newsletter/']")


def test_without_an_active_newsletter_there_is_nothing_to_sign_up_to(client, inbox):
    newsletter = NewsletterFactory(active=False)
    assert "keinen Newsletter" in client.get("/newsletter/").content.decode()
    response = sign_up(client, newsletter)
    assert response.status_code == 200 and not inbox.messages


def test_with_two_newsletters_the_reader_chooses_one(client, inbox):
    NewsletterFactory()
    evening = NewsletterFactory(name="Der Abend", description="Der Tag am Abend.")
    page = html(client.get("/newsletter/"))
    assert page.xpath("//fieldset/legend")[0].text == "Welcher Newsletter?"
    assert len(page.xpath("//input[@type='radio'][@name='newsletter']")) == 2
    assert sign_up(client, evening).status_code == 302
    assert Subscriber.objects.get().newsletter == evening
    assert "Der Abend" in inbox.messages[0]["Subject"]


def test_a_reader_who_left_can_come_back_with_a_new_consent(client, inbox):
    reader = SubscriberFactory(email="zurueck@example.org", unsubscribed=True)
    with time_machine.travel(NOW, tick=False):
        sign_up(client, reader.newsletter, email="zurueck@example.org")
        assert Subscriber.objects.get().status == Subscriber.Status.PENDING
        client.post(path_of(link(inbox.messages[0], "bestaetigen")))
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.CONFIRMED
    assert reader.consent_at == NOW and reader.unsubscribed_at is None


def test_sign_ups_never_confirmed_are_forgotten_after_30_days(settings):
    settings.SITE_URL = "https://zeitung.example.de"

    old = SubscriberFactory(pending=True, requested_at=NOW - timedelta(days=31))
    recent = SubscriberFactory(pending=True, requested_at=NOW - timedelta(days=29))
    with time_machine.travel(NOW, tick=False):
        sending.run()
    assert list(Subscriber.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Subscriber.objects.filter(pk=old.pk).exists()
