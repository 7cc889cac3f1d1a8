"""The inbox ("Agenturmeldungen") and the sources in the admin, and "Als Artikel übernehmen":
a draft with the agency's byline, its pictures in the library with their credit, the embargo
carried over, published through the normal workflow; new versions and withdrawals are loud on
the article's admin pages, and a withdrawn item's article cannot go live."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from articles.models import Article, ArticleEvent
from images.models import Image
from tests.helpers.accounts import CHIEF, DESK, REPORTER, login, make_user
from tests.helpers.article_admin import CHANGELIST_URL, change_url, do_transition
from tests.helpers.factories import SectionFactory
from tests.helpers.forms import open_form, sent_messages
from tests.helpers.html import text_of as html_text
from tests.helpers.wire import WireSourceFactory, sample
from wire import polling
from wire.models import TakeOver, WireItem, WireSource

pytestmark = pytest.mark.django_db

INBOX = "/admin/wire/wireitem/"
SOURCES = "/admin/wire/wiresource/"


def item_url(item):
    return f"{INBOX}{item.pk}/change/"


def take_over_url(item):
    return f"{INBOX}{item.pk}/uebernehmen/"


@pytest.fixture
def delivered(agency):
    """Three items in the inbox: ninjs 2.x with a picture, ninjs 1.x under embargo, NewsML."""
    ninjs_two = WireSourceFactory(url=agency.serve_sample("/zwei", "ninjs2-rathaus.json"))
    ninjs_one = WireSourceFactory(
        url=agency.serve_sample("/eins", "ninjs1-hafen.json"), agency="Musteragentur"
    )
    g2 = WireSourceFactory(
        kind=WireSource.Kind.NEWSML_HTTP, url=agency.serve_sample("/g2", "newsml.xml")
    )
    for source in (ninjs_two, ninjs_one, g2):
        assert "error" not in polling.poll(source)
    return {
        "rathaus": WireItem.objects.get(source=ninjs_two),
        "hafen": WireItem.objects.get(source=ninjs_one),
        "bruecke": WireItem.objects.get(source=g2),
    }


def text_of(response):
    assert response.status_code == 200, response.status_code
    return html_text(response.content.decode())


def headlines(response):
    assert response.status_code == 200, response.status_code
    return re.findall(
        r'<th class="field-headline"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_the_inbox_lists_newest_first_and_filters_and_searches(client, delivered):
    login(client, make_user(REPORTER))
    WireItem.objects.filter(pk=delivered["hafen"].pk).update(
        updated_at=timezone.now() + timedelta(minutes=1)
    )
    assert headlines(client.get(INBOX))[0] == "Hafenfest in Musterhafen zieht Tausende an"
    assert headlines(client.get(INBOX, {"agency": "Musteragentur"})) == [
        "Hafenfest in Musterhafen zieht Tausende an"
    ]
    assert headlines(client.get(INBOX, {"urgency": "2"})) == ["Brücke in Musterdorf wird saniert"]
    assert sorted(headlines(client.get(INBOX, {"sperrfrist": "active"}))) == [
        "Brücke in Musterdorf wird saniert",
        "Hafenfest in Musterhafen zieht Tausende an",
    ]
    assert headlines(client.get(INBOX, {"q": "Frühjahr"})) == [
        "Beispielstadt deckt Rathausdach mit Solarmodulen"
    ]


def test_the_text_is_readable_in_one_click_and_sanitized(client, delivered):
    login(client, make_user(REPORTER))
    page = client.get(item_url(delivered["bruecke"]))
    assert page.status_code == 200
    text = text_of(page)
    assert "Die Arbeiten beginnen am Montag." in text
    assert "utm_source" not in page.content.decode()  # links lose their tracking
    assert "Sperrfrist" in text or "Embargo" in text
    # Reporters write articles too: the button is theirs.
    assert "Als Artikel übernehmen" in text


def test_take_over_makes_a_draft_with_byline_pictures_and_embargo(client, delivered):
    desk = login(client, make_user(DESK))
    item = delivered["hafen"]
    response = desk.post(take_over_url(item))
    article = Article.objects.get()
    assert response.status_code == 302 and response.url == change_url(article)
    assert article.status == Article.Status.DRAFT
    assert article.headline == "Hafenfest in Musterhafen zieht Tausende an"
    assert article.lead.startswith("Beim Hafenfest in Musterhafen")
    assert article.section == item.source.default_section
    assert [byline.author.name for byline in article.bylines.all()] == ["Musteragentur"]
    assert article.byline == "Von Musteragentur"
    assert article.embargo_until == item.embargo_until
    assert article.embargo_source == "Musteragentur"
    picture = article.hero_image
    assert picture.credit == "Beispielagentur | Mia Muster"  # the source's default credit
    assert picture.embargo_until == item.embargo_until
    assert picture.width == 320 and picture.uploaded_by == desk.user
    assert TakeOver.objects.get().article == article
    event = article.events.get(action=ArticleEvent.Action.FROM_WIRE)
    assert event.user == desk.user and item.guid in event.comment
    assert sent_messages(response) == ["Entwurf aus der Agenturmeldung erstellt, mit 1 Bild."]


def test_the_taken_over_article_is_published_through_the_workflow(client, delivered):
    desk = login(client, make_user(DESK))
    desk.post(take_over_url(delivered["rathaus"]))
    article = Article.objects.get()
    assert "<script" not in article.body and "Die Arbeiten beginnen im Frühjahr." in article.body
    assert article.hero_image.copyright == "© Beispielagentur"
    assert article.hero_image.usage_notes == "Nur im Zusammenhang mit der Berichterstattung."
    form = open_form(desk, change_url(article)).fill_row(
        "bullets", 0, position="1", text="Das Rathaus erzeugt Strom selbst"
    )
    response = desk.post(change_url(article), {**form.data, "transition": "publish"})
    assert response.status_code == 302, sent_messages(response)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert desk.get(article.get_absolute_url()).status_code == 200


def test_without_the_right_to_add_articles_take_over_is_refused(client, delivered):
    user = make_user(REPORTER)
    user.groups.clear()
    user.user_permissions.add(Permission.objects.get(codename="view_wireitem"))
    login(client, user)
    assert "Als Artikel übernehmen" not in text_of(client.get(item_url(delivered["rathaus"])))
    assert client.post(take_over_url(delivered["rathaus"])).status_code == 403
    assert client.get(take_over_url(delivered["rathaus"])).status_code == 405
    assert not Article.objects.exists()


def test_anyone_without_the_inbox_is_sent_away(client, delivered):
    assert client.post(take_over_url(delivered["rathaus"])).status_code == 302  # to the login
    assert not Article.objects.exists()


def test_a_new_version_and_a_withdrawal_are_loud_on_the_article(client, agency, delivered):
    desk = login(client, make_user(DESK))
    item = delivered["rathaus"]
    desk.post(take_over_url(item))
    article = Article.objects.get()
    WireItem.objects.filter(pk=item.pk).update(version=2)
    assert "Neue Agenturfassung: Beispielagentur, Version 2" in text_of(
        desk.get(change_url(article))
    )
    assert "Neue Agenturfassung" in text_of(desk.get(CHANGELIST_URL))
    WireItem.objects.filter(pk=item.pk).update(status=WireItem.Status.CANCELED)
    form_text = text_of(desk.get(change_url(article)))
    assert "Agenturmeldung zurückgezogen (Sperrvermerk)" in form_text
    assert "Sperrvermerk" in text_of(desk.get(CHANGELIST_URL))
    response = do_transition(desk, article, "publish")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT  # refused, with the reason
    assert any("Sperrvermerk" in message for message in sent_messages(response))


def test_the_desk_marks_a_new_version_as_checked_and_the_notice_goes(client, delivered):
    desk = login(client, make_user(DESK))
    item = delivered["rathaus"]
    desk.post(take_over_url(item))
    takeover = TakeOver.objects.get()
    WireItem.objects.filter(pk=item.pk).update(version=3)
    page = text_of(desk.get(item_url(item)))
    assert "wurde aus Version 1 erstellt; dies ist Version 3" in page
    acknowledge = f"{INBOX}{item.pk}/gesehen/{takeover.pk}/"
    assert login(Client(), make_user(REPORTER)).post(acknowledge).status_code == 403
    assert desk.post(acknowledge).status_code == 302
    takeover.refresh_from_db()
    assert takeover.version == 3
    assert "Neue Agenturfassung" not in text_of(desk.get(change_url(takeover.article)))


def test_a_withdrawn_item_cannot_be_taken_over(client, delivered):
    desk = login(client, make_user(DESK))
    item = delivered["rathaus"]
    WireItem.objects.filter(pk=item.pk).update(status=WireItem.Status.CANCELED)
    page = text_of(desk.get(item_url(item)))
    assert "zurückgezogen" in page and "Als Artikel übernehmen" not in page
    response = desk.post(take_over_url(item))
    assert response.status_code == 302 and not Article.objects.exists()


def test_a_broken_picture_is_reported_and_the_draft_made_anyway(client, agency, delivered):
    agency.routes["/bilder/rathaus.jpg"] = b"<html><script>alert(1)</script></html>"
    desk = login(client, make_user(DESK))
    response = desk.post(take_over_url(delivered["rathaus"]))
    article = Article.objects.get()
    assert article.hero_image is None and not Image.objects.exists()
    assert any("rathaus.jpg nicht übernommen" in message for message in sent_messages(response))


def test_an_operator_configures_a_source_and_polls_it_now(client, agency):
    chief = login(client, make_user(CHIEF))
    section = SectionFactory(name="Region")
    url = agency.serve_sample("/dienst", "ninjs2-rathaus.json")
    form = open_form(chief, f"{SOURCES}add/", form_id="wiresource_form").fill(
        name="Beispielagentur Landesdienst",
        agency="Beispielagentur",
        kind="ninjs_http",
        url=url,
        default_credit="Beispielagentur",
        default_section=str(section.pk),
        interval="10",
    )
    assert form.submit(chief, f"{SOURCES}add/").status_code == 302
    source = WireSource.objects.get()
    response = chief.post(SOURCES, {"action": "poll_now", "_selected_action": [source.pk]})
    assert sent_messages(response) == [
        "Beispielagentur Landesdienst: 1 neu, 0 aktualisiert, 0 übersprungen."
    ]
    assert WireItem.objects.get().section == section
    assert "OK, zuletzt abgerufen" in text_of(chief.get(f"{SOURCES}{source.pk}/change/"))


def test_a_folder_source_needs_a_folder_that_exists(client, tmp_path):
    chief = login(client, make_user(CHIEF))
    form = open_form(chief, f"{SOURCES}add/", form_id="wiresource_form").fill(
        name="Ordner",
        agency="X",
        kind="ninjs_folder",
        folder=str(tmp_path / "fehlt"),
        default_credit="X",
        default_section=str(SectionFactory().pk),
    )
    response = form.submit(chief, f"{SOURCES}add/")
    assert "Diesen Ordner gibt es auf dem Server nicht." in text_of(response)
    assert not WireSource.objects.exists()


def test_a_source_over_http_needs_an_http_address(client):
    chief = login(client, make_user(CHIEF))
    form = open_form(chief, f"{SOURCES}add/", form_id="wiresource_form").fill(
        name="Kaputt",
        agency="X",
        kind="ninjs_http",
        url="ftp://agentur.example/",
        default_credit="X",
    )
    response = form.submit(chief, f"{SOURCES}add/")
    assert response.status_code == 200 and not WireSource.objects.exists()


def test_pictures_are_not_fetched_from_the_sites_own_network(client, agency):
    """A link in agency copy to another host inside the network (here: ``localhost``, the
    same machine under another name than the source's address) is not fetched, and neither
    is a picture on the source's host that redirects there."""
    inside = agency.base.replace("127.0.0.1", "localhost")
    agency.routes["/zwei"] = sample("ninjs2-rathaus.json", inside)
    source = WireSourceFactory(url=agency.url("/zwei"))
    assert "error" not in polling.poll(source)
    desk = login(client, make_user(DESK))
    response = desk.post(take_over_url(WireItem.objects.get(source=source)))
    article = Article.objects.get()
    assert article.hero_image is None and not Image.objects.exists()
    assert any("nicht im öffentlichen Netz" in message for message in sent_messages(response))
    assert "/bilder/rathaus.jpg" not in agency.requests

    agency.routes["/drei"] = sample("ninjs2-rathaus.json", agency.base)
    agency.redirects["/bilder/rathaus.jpg"] = inside + "/bilder/klein.jpg"
    source = WireSourceFactory(url=agency.url("/drei"))
    assert "error" not in polling.poll(source)
    response = desk.post(take_over_url(WireItem.objects.get(source=source)))
    assert any("leitet auf" in message for message in sent_messages(response))
    assert "/bilder/klein.jpg" not in agency.requests
    assert not Image.objects.exists()
