"""The worker sends the scheduled newsletter: at its time (06:00 Berlin, on DST days too) it
prepares the day's edition from the home page, makes one delivery per confirmed subscriber
and sends them in batches over SMTP; after a broken connection or a crash it sends the rest
and nobody gets an edition twice."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from newsletter import sending
from newsletter.models import Delivery, Edition, EditionItem, Subscriber
from tests.helpers.factories import ArticleFactory
from tests.helpers.html import start_tags
from tests.helpers.newsletter import (
    LONG_AGO,
    SITE_URL,
    NewsletterFactory,
    SubscriberFactory,
    parts,
    path_of,
    story_on_the_home_page,
)
from tests.helpers.worker import DATABASE_QUEUE, run_worker

pytestmark = pytest.mark.django_db

# 06:00 in Berlin on an ordinary summer day (CEST, UTC+2).
SIX_IN_MAY = datetime(2026, 5, 12, 4, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def subscribers(newsletter, count):
    return [SubscriberFactory(newsletter=newsletter) for _ in range(count)]


def test_the_worker_sends_the_days_edition_at_six_to_confirmed_subscribers_only(inbox):
    newsletter = NewsletterFactory(send_time=time(6, 0))
    with time_machine.travel(SIX_IN_MAY - timedelta(hours=2), tick=False):
        story = story_on_the_home_page(kicker="Stadtrat", headline="Die Tram kommt früher")
        ArticleFactory(headline="Zweite Meldung des Tages")
        reader, other = subscribers(newsletter, 2)
        SubscriberFactory(newsletter=newsletter, pending=True, email="wartet@example.org")
        SubscriberFactory(newsletter=newsletter, unsubscribed=True, email="weg@example.org")
    with time_machine.travel(SIX_IN_MAY - timedelta(minutes=1), tick=False):
        run_worker()
    assert not inbox.messages and not Edition.objects.exists()  # not before its time

    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    assert sorted(inbox.recipients) == sorted([reader.email, other.email])
    edition = Edition.objects.get()
    assert edition.status == Edition.Status.SENT
    assert edition.send_at == SIX_IN_MAY and edition.finished_at == SIX_IN_MAY
    assert edition.items.order_by("position").first().article == story
    assert {d.email: d.status for d in Delivery.objects.all()} == {
        reader.email: Delivery.Status.SENT,
        other.email: Delivery.Status.SENT,
    }
    assert all(d.sent_at == SIX_IN_MAY for d in Delivery.objects.all())

    [mail] = inbox.to(reader.email)
    assert mail["Subject"] == "Der Morgen am Dienstag, 12. Mai 2026"
    assert mail["From"] == "Der Morgen <morgen@zeitung.example.de>"
    text, html = parts(mail)
    assert "Stadtrat: Die Tram kommt früher" in text
    assert f"{SITE_URL}{story.get_absolute_url()}" in text
    assert '<meta name="color-scheme" content="light dark">' in html
    [picture, *_rest] = start_tags(html, "img")
    assert picture["src"].startswith(f"{SITE_URL}/media/") and picture["src"].endswith(".jpg")
    assert picture["alt"] == story.hero_image.alt_text
    assert "Bild: picture alliance/dpa | Jana Beispiel" in html
    links = [tag["href"] for tag in start_tags(html, "a")]
    assert links and all(href.startswith(f"{SITE_URL}/") for href in links)
    assert not any("utm_" in href or "?" in href for href in links)

    unsubscribe = mail["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith(f"{SITE_URL}/newsletter/abmelden/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Id"] == f"Der Morgen <newsletter-{newsletter.pk}.zeitung.example.de>"
    assert unsubscribe in links and unsubscribe in text
    assert unsubscribe != inbox.to(other.email)[0]["List-Unsubscribe"].strip().strip("<>")

    with time_machine.travel(SIX_IN_MAY + timedelta(minutes=5), tick=False):
        run_worker()
    assert len(inbox.messages) == 2  # the next tick sends nothing again


def test_one_click_unsubscribe_by_the_mail_programs_post(client, inbox):
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    reader = SubscriberFactory(newsletter=newsletter)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    unsubscribe = path_of(inbox.messages[0]["List-Unsubscribe"].strip().strip("<>"))
    page = client.get(unsubscribe)  # a scanner's GET changes nothing
    assert page.status_code == 200 and "Jetzt abmelden" in page.content.decode()
    assert Subscriber.objects.get(pk=reader.pk).status == Subscriber.Status.CONFIRMED

    response = client.post(
        unsubscribe,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Sie sind abgemeldet" in response.content.decode()
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED and reader.unsubscribed_at

    with time_machine.travel(SIX_IN_MAY + timedelta(days=1), tick=False):
        run_worker()
    assert len(inbox.messages) == 1  # nothing the next morning


def test_a_tampered_unsubscribe_link_gets_a_clear_page(client):
    reader = SubscriberFactory()
    for response in (
        client.get("/newsletter/abmelden/1:falsch/"),
        client.post("/newsletter/abmelden/1:falsch/"),
    ):
        assert response.status_code == 400
        assert "Dieser Link funktioniert nicht" in response.content.decode()
    assert Subscriber.objects.get(pk=reader.pk).status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    "six_in_berlin",
    [
        datetime(2026, 3, 29, 4, 0, tzinfo=UTC),  # the night clocks go forward: CEST
        datetime(2026, 10, 25, 5, 0, tzinfo=UTC),  # the night clocks go back: CET
    ],
)
def test_six_oclock_is_six_in_berlin_on_the_days_the_clocks_change(inbox, six_in_berlin):
    newsletter = NewsletterFactory(send_time=time(6, 0))
    story_on_the_home_page(published_at=six_in_berlin - timedelta(hours=8))
    SubscriberFactory(newsletter=newsletter, consent_at=six_in_berlin - timedelta(days=2))
    with time_machine.travel(six_in_berlin - timedelta(minutes=59), tick=False):
        run_worker()
    assert not inbox.messages
    with time_machine.travel(six_in_berlin, tick=False):
        run_worker()
    assert len(inbox.messages) == 1
    edition = Edition.objects.get()
    assert timezone.localtime(edition.send_at).time() == time(6, 0)
    assert edition.send_at == six_in_berlin


def test_only_the_newsletters_weekdays(inbox):
    newsletter = NewsletterFactory(weekdays="01234")  # Monday to Friday
    story_on_the_home_page()
    SubscriberFactory(newsletter=newsletter)
    saturday_six = datetime(2026, 5, 16, 4, 0, tzinfo=UTC)
    with time_machine.travel(saturday_six, tick=False):
        run_worker()
    assert not Edition.objects.exists() and not inbox.messages


def test_an_edition_the_desk_composed_for_the_day_replaces_the_automatic_one(inbox):
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    special = ArticleFactory(headline="Die Sonderausgabe", published_at=LONG_AGO)
    SubscriberFactory(newsletter=newsletter)
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject="Unsere Sonderausgabe",
        intro="Guten Morgen!\n\nHeute nur ein Thema.",
        send_at=SIX_IN_MAY + timedelta(minutes=30),
    )
    EditionItem.objects.create(edition=edition, article=special, position=1)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    assert Edition.objects.count() == 1 and not inbox.messages
    with time_machine.travel(SIX_IN_MAY + timedelta(minutes=30), tick=False):
        run_worker()
    [mail] = inbox.messages
    assert mail["Subject"] == "Unsere Sonderausgabe"
    text, html = parts(mail)
    assert "Die Sonderausgabe" in text and "Heute nur ein Thema." in html


def test_a_draft_is_never_sent(inbox):
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    SubscriberFactory(newsletter=newsletter)
    Edition.objects.create(
        newsletter=newsletter, subject="Entwurf", send_at=SIX_IN_MAY, status=Edition.Status.DRAFT
    )
    with time_machine.travel(SIX_IN_MAY + timedelta(minutes=1), tick=False):
        run_worker()
    assert not inbox.messages


def test_batches_use_one_connection_each(inbox, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    readers = subscribers(newsletter, 5)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    assert sorted(inbox.recipients) == sorted(reader.email for reader in readers)
    assert inbox.connections == 3


def test_a_refused_address_is_recorded_and_the_rest_are_sent(inbox):
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    first, refused, last = subscribers(newsletter, 3)
    inbox.refuse.add(refused.email)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    assert sorted(inbox.recipients) == sorted([first.email, last.email])
    delivery = Delivery.objects.get(email=refused.email)
    assert delivery.status == Delivery.Status.FAILED and "550" in delivery.error
    assert Edition.objects.get().status == Edition.Status.SENT


def test_after_the_server_breaks_off_the_rest_is_sent_and_nobody_twice(inbox):
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    readers = subscribers(newsletter, 6)
    inbox.break_after = 2
    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    assert len(inbox.messages) == 2
    counts = sending.delivery_counts(Edition.objects.get())
    assert counts == {Delivery.Status.SENT: 2, Delivery.Status.FAILED: 1, Delivery.Status.QUEUED: 3}
    assert Edition.objects.get().status == Edition.Status.SENDING

    inbox.break_after = None
    with time_machine.travel(SIX_IN_MAY + timedelta(minutes=1), tick=False):
        run_worker()
    assert len(inbox.messages) == 2  # still within the stall time: no second batch yet
    with time_machine.travel(SIX_IN_MAY + timedelta(minutes=10), tick=False):
        run_worker()
    assert len(inbox.messages) == 5
    assert len(set(inbox.recipients)) == len(inbox.recipients) == 5
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.email not in inbox.recipients and "421" in failed.error
    assert {r.email for r in readers} == {*inbox.recipients, failed.email}
    assert Edition.objects.get().status == Edition.Status.SENT


def test_after_a_crash_claimed_mails_are_sent_and_the_one_in_flight_never_again(inbox):
    """The worker was killed mid-batch: one mail was being handed to the server, two more
    were claimed by the batch, three never claimed."""
    newsletter = NewsletterFactory()
    story = story_on_the_home_page()
    readers = subscribers(newsletter, 6)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        edition = Edition.objects.create(
            newsletter=newsletter,
            subject="Der Morgen",
            send_at=SIX_IN_MAY,
            status=Edition.Status.SENDING,
            started_at=SIX_IN_MAY,
            progress_at=SIX_IN_MAY,
        )
        EditionItem.objects.create(edition=edition, article=story, position=1)
        sending.make_deliveries(edition)
        in_flight, *claimed = Delivery.objects.order_by("pk")[:3]
        Delivery.objects.filter(pk=in_flight.pk).update(
            status=Delivery.Status.SENDING, claimed_at=SIX_IN_MAY, batch="x"
        )
        Delivery.objects.filter(pk__in=[d.pk for d in claimed]).update(
            status=Delivery.Status.CLAIMED, claimed_at=SIX_IN_MAY, batch="x"
        )
    with time_machine.travel(SIX_IN_MAY + timedelta(minutes=10), tick=False):
        run_worker()
    assert sorted(inbox.recipients) == sorted(
        r.email for r in readers if r.email != in_flight.email
    )
    lost = Delivery.objects.get(pk=in_flight.pk)
    assert lost.status == Delivery.Status.FAILED and lost.error.startswith("Unbekannt")
    assert Edition.objects.get().status == Edition.Status.SENT


def test_two_workers_start_an_edition_once(inbox):
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    subscribers(newsletter, 2)
    edition = Edition.objects.create(newsletter=newsletter, subject="x", send_at=SIX_IN_MAY)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        assert sending.start(edition.pk) is True
        assert sending.start(edition.pk) is False
        sending.make_deliveries(Edition.objects.get())  # made again: still one each
    assert Delivery.objects.count() == 2


def test_a_subscriber_who_leaves_before_their_batch_gets_nothing(inbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    stays, leaves = subscribers(newsletter, 2)
    edition = Edition.objects.create(newsletter=newsletter, subject="x", send_at=SIX_IN_MAY)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        Edition.objects.filter(pk=edition.pk).update(
            status=Edition.Status.SENDING, started_at=SIX_IN_MAY, progress_at=SIX_IN_MAY
        )
        sending.make_deliveries(Edition.objects.get())
        Subscriber.objects.filter(pk=leaves.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
        sending.send_batch.enqueue(edition.pk)
    assert inbox.recipients == [stays.email]
    assert Delivery.objects.get(email=leaves.email).status == Delivery.Status.SKIPPED


def test_a_batch_does_not_send_what_was_given_to_another_batch(inbox, settings, monkeypatch):
    """A batch so slow that the next tick took it for dead: the deliveries handed to a new
    batch meanwhile are not sent by the old one as well."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    first, second = subscribers(newsletter, 2)
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject="x",
        send_at=SIX_IN_MAY,
        status=Edition.Status.SENDING,
        started_at=SIX_IN_MAY,
        progress_at=SIX_IN_MAY,
    )
    sending.make_deliveries(edition)
    claim = sending.claim

    def claim_then_lose_the_second(edition_id, size):
        batch = claim(edition_id, size)
        Delivery.objects.filter(email=second.email).update(batch="another")
        return batch

    monkeypatch.setattr(sending, "claim", claim_then_lose_the_second)
    sending.send_batch.call(edition.pk)
    assert inbox.recipients == [first.email]
    assert Delivery.objects.get(email=second.email).status == Delivery.Status.CLAIMED


def test_without_a_site_address_nothing_is_sent_in_production(inbox, settings, caplog):
    settings.SITE_URL = ""
    settings.DEBUG = False
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    SubscriberFactory(newsletter=newsletter)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        sending.run()
    assert not inbox.messages and not Edition.objects.exists()
    assert "SITE_URL is not set" in caplog.text


def test_an_unsubscribe_mailbox_is_offered_beside_the_link(inbox, settings):
    settings.NEWSLETTER_UNSUBSCRIBE_EMAIL = "abmelden@zeitung.example.de"
    newsletter = NewsletterFactory()
    story_on_the_home_page()
    SubscriberFactory(newsletter=newsletter)
    with time_machine.travel(SIX_IN_MAY, tick=False):
        run_worker()
    link_target, mailbox = (
        part.strip() for part in inbox.messages[0]["List-Unsubscribe"].split(",")
    )
    assert link_target.startswith(f"<{SITE_URL}/newsletter/abmelden/")
    assert mailbox.startswith("<mailto:abmelden@zeitung.example.de?subject=Abmelden%20")
