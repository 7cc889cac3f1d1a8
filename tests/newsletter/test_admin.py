"""The desk composes the newsletter in the admin: a new edition takes the home page's top
stories, articles are reordered, the mail is previewed as sent and tested to oneself."""

from datetime import UTC, datetime

import pytest
import time_machine

from articles.models import HomePage, HomePageHighlight
from newsletter.models import Edition, EditionItem, Subscriber
from tests.helpers.accounts import CHIEF, DESK, REPORTER, login, make_user
from tests.helpers.factories import ArticleFactory
from tests.helpers.forms import open_form, sent_messages
from tests.helpers.html import html, start_tags
from tests.helpers.newsletter import (
    LONG_AGO,
    SITE_URL,
    NewsletterFactory,
    SubscriberFactory,
    parts,
    story_on_the_home_page,
)

pytestmark = pytest.mark.django_db

MORNING = datetime(2026, 5, 12, 7, 30, tzinfo=UTC)  # 09:30 in Berlin


@pytest.fixture
def desk(client):
    return login(client, make_user(DESK))


def curated_home_page():
    lead = story_on_the_home_page(headline="Aufmacher des Tages")
    home_page = HomePage.objects.get()
    second = ArticleFactory(headline="Hervorgehoben eins", published_at=LONG_AGO)
    third = ArticleFactory(headline="Hervorgehoben zwei", published_at=LONG_AGO)
    for position, article in enumerate([third, second], start=1):
        HomePageHighlight.objects.create(home_page=home_page, article=article, position=position)
    return lead, third, second


def headlines(edition):
    return list(edition.items.order_by("position").values_list("article__headline", flat=True))


def test_a_new_edition_takes_the_home_pages_top_stories_in_their_order(desk):
    newsletter = NewsletterFactory(default_intro="Guten Morgen aus der Redaktion.")
    lead, third, second = curated_home_page()
    with time_machine.travel(MORNING, tick=False):
        form = open_form(desk, "/admin/newsletter/edition/add/", form_id="edition_form")
        assert form.data["newsletter"] == str(newsletter.pk)
        assert form.data["subject"] == "Der Morgen am Mittwoch, 13. Mai 2026"  # the next 06:00
        assert form.data["intro"] == "Guten Morgen aus der Redaktion."
        response = form.submit(desk, "/admin/newsletter/edition/add/")
    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get()
    assert edition.send_at == datetime(2026, 5, 13, 4, 0, tzinfo=UTC)
    assert edition.status == Edition.Status.SCHEDULED
    assert headlines(edition) == [lead.headline, third.headline, second.headline]
    assert any("Top-Themen der Startseite" in m for m in sent_messages(response))


def test_the_desk_reorders_and_removes_articles(desk):
    NewsletterFactory()
    curated_home_page()
    with time_machine.travel(MORNING, tick=False):
        form = open_form(desk, "/admin/newsletter/edition/add/", form_id="edition_form")
        form.submit(desk, "/admin/newsletter/edition/add/")
        edition = Edition.objects.get()
        url = f"/admin/newsletter/edition/{edition.pk}/change/"
        form = open_form(desk, url, form_id="edition_form")
        form.fill_row("items", 0, position="3").fill_row("items", 2, position="1")
        form.delete_row("items", 1)
        response = form.submit(desk, url)
    assert response.status_code == 302
    assert headlines(edition) == ["Hervorgehoben eins", "Aufmacher des Tages"]


def test_the_preview_is_the_mail_as_sent(desk, settings):
    settings.SITE_URL = SITE_URL
    newsletter = NewsletterFactory()
    lead = story_on_the_home_page(headline="Aufmacher des Tages")
    edition = Edition.objects.create(
        newsletter=newsletter, subject="Der Morgen", intro="Hallo!", send_at=MORNING
    )
    EditionItem.objects.create(edition=edition, article=lead, position=1)
    change = desk.get(f"/admin/newsletter/edition/{edition.pk}/change/")
    preview_url = f"/admin/newsletter/edition/{edition.pk}/vorschau/"
    assert html(change).xpath(f"//a[@href='{preview_url}']")
    response = desk.get(preview_url)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<meta name="color-scheme" content="light dark">' in page
    assert start_tags(page, "table")[0]["role"] == "presentation"
    [picture] = start_tags(page, "img")
    assert picture["src"].startswith(f"{SITE_URL}/media/")
    assert SITE_URL in response["Content-Security-Policy"].split("img-src")[1].split(";")[0]
    assert "<script" not in page
    assert "Aufmacher des Tages" in page and "Hallo!" in page


def test_test_send_goes_to_the_editor_only(desk, inbox):
    newsletter = NewsletterFactory()
    lead = story_on_the_home_page(headline="Aufmacher des Tages")
    SubscriberFactory(newsletter=newsletter)
    edition = Edition.objects.create(newsletter=newsletter, subject="Der Morgen", send_at=MORNING)
    EditionItem.objects.create(edition=edition, article=lead, position=1)
    form = open_form(desk, f"/admin/newsletter/edition/{edition.pk}/change/", "edition_form")
    response = form.submit(desk, f"/admin/newsletter/edition/{edition.pk}/test/")
    assert response.status_code == 302
    assert any(desk.user.email in m for m in sent_messages(response))
    [mail] = inbox.messages
    assert mail.recipients == [desk.user.email]
    assert mail["Subject"] == "[Test] Der Morgen"
    text, body = parts(mail)
    assert "Aufmacher des Tages" in text and "Aufmacher des Tages" in body
    assert not edition.deliveries.exists()
    assert Edition.objects.get().status == Edition.Status.SCHEDULED


def test_reporters_do_not_see_the_newsletter(client):
    edition = Edition.objects.create(
        newsletter=NewsletterFactory(), subject="Der Morgen", send_at=MORNING
    )
    reporter = login(client, make_user(REPORTER))
    assert reporter.get("/admin/newsletter/edition/").status_code == 403
    assert reporter.get(f"/admin/newsletter/edition/{edition.pk}/vorschau/").status_code == 403
    assert reporter.post(f"/admin/newsletter/edition/{edition.pk}/test/").status_code == 403


def test_the_subscriber_list_shows_status_and_consent(client):
    chief = login(client, make_user(CHIEF))
    newsletter = NewsletterFactory()
    SubscriberFactory(newsletter=newsletter, email="bestaetigt@example.org")
    SubscriberFactory(newsletter=newsletter, email="wartet@example.org", pending=True)
    page = chief.get("/admin/newsletter/subscriber/")
    text = page.content.decode()
    assert "bestaetigt@example.org" in text and "wartet auf Bestätigung" in text
    assert "05.01.2026 10.00" in text  # the consent time, in Berlin
    assert chief.get("/admin/newsletter/subscriber/add/").status_code == 403
    confirmed = Subscriber.objects.get(email="bestaetigt@example.org")
    chief.post(
        "/admin/newsletter/subscriber/",
        {"action": "unsubscribe", "_selected_action": [confirmed.pk]},
    )
    confirmed.refresh_from_db()
    assert confirmed.status == Subscriber.Status.UNSUBSCRIBED


def test_a_sent_edition_can_no_longer_be_changed(desk):
    edition = Edition.objects.create(
        newsletter=NewsletterFactory(),
        subject="Gestern",
        send_at=MORNING,
        status=Edition.Status.SENT,
    )
    page = html(desk.get(f"/admin/newsletter/edition/{edition.pk}/change/"))
    assert not page.xpath("//input[@name='subject']")
    assert "Gestern" in page.text_content()
    listed = html(desk.get("/admin/newsletter/edition/"))
    assert listed.xpath("//td[@class='field-sent_count']/text()") == ["0"]
