"""Editing safely: concurrent edits, who else has an article open, material updates and the
corrections.

Editors work through the real change form (``BrowserForm`` reads it and posts what a browser
would), each in their own logged-in client, as members of the desk group the data migration
makes.
"""

import json
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article, ArticleEvent
from tests.helpers.accounts import DESK, login, make_user
from tests.helpers.article_admin import change_url, do_transition
from tests.helpers.factories import (
    ArticleFactory,
    BylineFactory,
    CorrectionFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import BrowserForm, open_form

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
PRESENCE_WARNING = "Gerade ebenfalls geöffnet von:"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Presence lives in the cache: every test starts with nobody seen."""
    cache.clear()
    yield
    cache.clear()


# --- People and articles ------------------------------------------------------------------------


def desk_editor(username, first_name="", last_name=""):
    """A member of the desk (may edit every article), with the names the admin shows."""
    return make_user(DESK, username, first_name=first_name, last_name=last_name)


def browser_of(user):
    """A separate browser (client with its own session) logged in as ``user``."""
    return login(Client(), user)


@pytest.fixture
def anna():
    return browser_of(desk_editor("anna", "Anna", "Alt"))


@pytest.fixture
def ben():
    return browser_of(desk_editor("ben", "Ben", "Brandt"))


def complete_article(**kwargs):
    """An article with an author and a bullet, so it may go (or stay) live."""
    article = ArticleFactory(**kwargs)
    BylineFactory(article=article, position=1)
    TeaserBulletFactory(article=article, position=1, text="Der erste Stichpunkt")
    return article


def live_article(**kwargs):
    """A public article that went live an hour ago."""
    went_live = timezone.now() - timedelta(hours=1)
    return complete_article(
        status=Article.Status.PUBLISHED,
        published_at=went_live,
        first_published_at=went_live,
        **kwargs,
    )


def berlin(value, fmt):
    return value.astimezone(BERLIN).strftime(fmt)


def conflict_message(name, when):
    """The start of the refusal, as the German admin shows it (HTML-escaped)."""
    return escape(
        f"{name} hat diesen Artikel am {berlin(when, '%d.%m.%Y %H.%M')} geändert, "
        "nachdem Sie ihn geöffnet hatten."
    )


def bullet_texts(article):
    return list(article.bullets.order_by("position").values_list("text", flat=True))


def updated_line(page):
    """The text of the "Aktualisiert am …" line on an article page, or None."""
    match = re.search(r'<span class="updated">(.*?)</span>', page, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else None


# --- Concurrent edits -------------------------------------------------------------------------


def test_a_save_based_on_an_older_version_is_refused_and_keeps_what_was_typed(anna, ben):
    article = complete_article(draft=True, headline="Die alte Überschrift", lead="Alter Vorspann.")
    url = change_url(article)
    annas_form, bens_form = open_form(anna, url), open_form(ben, url)

    assert annas_form.fill(headline="Annas Überschrift").submit(anna, url).status_code == 302
    article.refresh_from_db()
    annas_version = article.modified_at

    bens_form.fill(headline="Bens Überschrift", lead="Bens neuer Vorspann.")
    bens_form.fill_row("bullets", 0, text="Bens geänderter Stichpunkt")
    bens_form.fill_row("bullets", 1, position="2", text="Bens neuer Stichpunkt")
    response = bens_form.submit(ben, url)

    # Refused: the form again, saying who saved and when (Berlin time, to the second).
    assert response.status_code == 200
    content = response.content.decode()
    assert "errornote" in content
    assert conflict_message("Anna Alt", annas_version) in content
    # Everything Ben typed is still in the form a browser would submit again.
    shown = BrowserForm(response)
    assert shown.data["headline"] == "Bens Überschrift"
    assert shown.data["lead"] == "Bens neuer Vorspann."
    assert shown.data["bullets-0-text"] == "Bens geänderter Stichpunkt"
    assert shown.data["bullets-1-text"] == "Bens neuer Stichpunkt"
    # The database still holds Anna's version.
    article.refresh_from_db()
    assert article.headline == "Annas Überschrift"
    assert article.lead == "Alter Vorspann."
    assert bullet_texts(article) == ["Der erste Stichpunkt"]
    assert article.modified_by.username == "anna"
    assert article.modified_at == annas_version

    # Having seen the message, Ben saves again: now his version overwrites Anna's.
    assert shown.submit(ben, url).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Bens Überschrift"
    assert article.lead == "Bens neuer Vorspann."
    assert bullet_texts(article) == ["Bens geänderter Stichpunkt", "Bens neuer Stichpunkt"]
    assert article.modified_by.username == "ben"


def test_a_conflict_names_the_username_when_the_other_editor_has_no_name(anna):
    nameless = browser_of(desk_editor("cvd-nachtdienst"))
    article = complete_article(draft=True)
    url = change_url(article)
    annas_form = open_form(anna, url)
    assert open_form(nameless, url).fill(kicker="Nachtdienst").submit(
        nameless, url
    ).status_code == (302)
    article.refresh_from_db()

    response = annas_form.fill(kicker="Anna").submit(anna, url)

    assert response.status_code == 200
    assert conflict_message("cvd-nachtdienst", article.modified_at) in response.content.decode()
    article.refresh_from_db()
    assert article.kicker == "Nachtdienst"


def test_a_workflow_step_taken_meanwhile_makes_an_open_form_outdated(anna, ben):
    article = complete_article(draft=True, headline="Vor der Abnahme")
    url = change_url(article)
    annas_form = open_form(anna, url)

    assert do_transition(ben, article, "submit").status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW

    response = annas_form.fill(headline="Annas späte Änderung").submit(anna, url)

    assert response.status_code == 200
    assert conflict_message("Ben Brandt", article.modified_at) in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "Vor der Abnahme"
    assert article.status == Article.Status.REVIEW
    # Saving again keeps the step Ben took and takes Anna's text.
    shown = BrowserForm(response)
    assert shown.data["headline"] == "Annas späte Änderung"
    assert shown.submit(anna, url).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.status) == ("Annas späte Änderung", Article.Status.REVIEW)


def test_saving_twice_in_a_row_is_no_conflict(anna):
    article = complete_article(draft=True, headline="Zweimal gesichert")
    url = change_url(article)

    first = open_form(anna, url).submit(anna, url, button="_continue")
    assert first.status_code == 302
    assert first.url == url
    # The page the editor lands on after "Sichern und weiter bearbeiten", saved again as is.
    second = BrowserForm(anna.get(first.url)).submit(anna, url, button="_continue")

    assert second.status_code == 302, "the editor's own save was taken for someone else's"
    third = BrowserForm(anna.get(second.url)).fill(headline="Dreimal gesichert")
    assert third.submit(anna, url).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Dreimal gesichert"


def test_fixing_a_validation_error_then_saving_is_no_conflict(anna):
    article = complete_article(draft=True, headline="Mit Fehler")
    url = change_url(article)

    refused = open_form(anna, url).fill(headline="").submit(anna, url)
    assert refused.status_code == 200
    assert "hat diesen Artikel am" not in refused.content.decode()

    response = BrowserForm(refused).fill(headline="Ohne Fehler").submit(anna, url)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Ohne Fehler"


def test_crlf_line_breaks_from_the_browser_are_no_change_to_body_and_lead(anna):
    article = complete_article(
        draft=True,
        lead="Erste Zeile des Vorspanns.\nZweite Zeile des Vorspanns.",
        body="<p>Erster Absatz.</p>\n<p>Zweiter Absatz.</p>\n<h2>Zwischentitel</h2>",
    )
    correction = CorrectionFactory(article=article, note="Korrigiert wurde:\ndie Jahreszahl.")
    article.refresh_from_db()
    stored = (article.lead, article.body, correction.note)
    assert all("\n" in text and "\r" not in text for text in stored)
    url = change_url(article)
    form = open_form(anna, url)
    # What a browser sends for an untouched <textarea>: every line break as CRLF.
    for name in ("lead", "body", "corrections-0-note"):
        form.fill(**{name: form.data[name].replace("\n", "\r\n")})
    assert "\r\n" in form.data["body"]

    response = form.submit(anna, url)

    assert response.status_code == 302
    article.refresh_from_db()
    correction.refresh_from_db()
    assert (article.lead, article.body, correction.note) == stored
    assert not article.events.filter(action=ArticleEvent.Action.CORRECTION_CHANGED).exists()
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    changed = [
        field
        for part in json.loads(entry.change_message or "[]")
        for field in part.get("changed", {}).get("fields", [])
    ]
    assert not {"Body", "Lead", "Note"} & set(changed), changed
    assert changed == [], "an untouched form was logged as a change"
    shown = entry.get_change_message()
    assert "Text" not in shown
    assert "Vorspann" not in shown


# --- Who else has the article open ---------------------------------------------------------------


def test_the_change_form_warns_who_else_has_the_article_open(anna, ben):
    article = complete_article(draft=True)
    assert anna.get(change_url(article)).status_code == 200

    response = ben.get(change_url(article))

    content = response.content.decode()
    assert response.context["others_editing"] == ["Anna Alt"]
    assert escape(f"{PRESENCE_WARNING} Anna Alt.") in content


def test_an_editor_alone_sees_no_warning_not_even_on_reopening(anna):
    article = complete_article(draft=True)

    first, again = anna.get(change_url(article)), anna.get(change_url(article))

    for response in (first, again):
        assert response.status_code == 200
        assert response.context["others_editing"] == []
        assert PRESENCE_WARNING not in response.content.decode()


def test_presence_is_per_article(anna, ben):
    annas, bens = complete_article(draft=True), complete_article(draft=True)
    anna.get(change_url(annas))

    response = ben.get(change_url(bens))

    assert response.context["others_editing"] == []
    assert PRESENCE_WARNING not in response.content.decode()


def test_a_colleague_with_the_same_name_is_still_shown(anna):
    namesake = browser_of(desk_editor("anna-alt-sport", "Anna", "Alt"))
    article = complete_article(draft=True)
    anna.get(change_url(article))

    response = namesake.get(change_url(article))

    assert response.context["others_editing"] == ["Anna Alt"]
    assert PRESENCE_WARNING in response.content.decode()


def test_someone_who_opened_the_article_long_ago_is_no_longer_shown(anna, ben):
    article = complete_article(draft=True)
    anna.get(change_url(article))

    with time_machine.travel(timezone.now() + timedelta(minutes=4)):
        response = ben.get(change_url(article))

    assert response.context["others_editing"] == []
    assert PRESENCE_WARNING not in response.content.decode()


# --- Material updates ----------------------------------------------------------------------------


def _published_through_the_workflow():
    article = complete_article(draft=True)
    publisher = browser_of(desk_editor("cvd-frueh", "Frieda", "Früh"))
    assert do_transition(publisher, article, "publish").status_code == 302
    article.refresh_from_db()
    assert article.first_published_at is not None
    return article


@pytest.mark.parametrize(
    "make_live", [live_article, _published_through_the_workflow], ids=["factory", "workflow"]
)
def test_a_material_update_of_a_live_article_shows_aktualisiert_am(client, anna, make_live):
    article = make_live()
    assert updated_line(client.get(article.get_absolute_url()).content.decode()) is None
    url = change_url(article)
    form = open_form(anna, url).fill(
        body="<p>Der Beschluss fiel mit großer Mehrheit.</p><p>Neu: die Kosten.</p>",
        material_update="on",
    )

    before = timezone.now()
    assert form.submit(anna, url).status_code == 302

    article.refresh_from_db()
    assert article.updated_at is not None
    assert before <= article.updated_at <= timezone.now()
    page = client.get(article.get_absolute_url()).content.decode()
    assert updated_line(page) == f"Aktualisiert am {berlin(article.updated_at, '%d.%m.%Y %H.%M')}"


def test_a_typo_fix_without_material_update_shows_no_update(client, anna):
    article = live_article(headline="Straßenbahn-Ausbau kommt frueher")
    url = change_url(article)

    form = open_form(anna, url).fill(headline="Straßenbahn-Ausbau kommt früher")
    assert "material_update" not in form.data  # unticked, as the form offers it
    assert form.submit(anna, url).status_code == 302

    article.refresh_from_db()
    assert article.headline == "Straßenbahn-Ausbau kommt früher"
    assert article.updated_at is None
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Aktualisiert am" not in page


def test_a_typo_fix_keeps_the_time_of_an_earlier_material_update(client, anna):
    earlier = (timezone.now() - timedelta(minutes=30)).replace(microsecond=0)
    article = live_article(updated_at=earlier, headline="Tippfeler")
    url = change_url(article)

    assert open_form(anna, url).fill(headline="Tippfehler").submit(anna, url).status_code == 302

    article.refresh_from_db()
    assert article.headline == "Tippfehler"
    assert article.updated_at == earlier
    page = client.get(article.get_absolute_url()).content.decode()
    assert updated_line(page) == f"Aktualisiert am {berlin(earlier, '%d.%m.%Y %H.%M')}"


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_material_update_does_nothing_before_the_article_first_went_live(anna, trait):
    article = complete_article(**{trait: True})
    url = change_url(article)

    response = (
        open_form(anna, url)
        .fill(lead="Ganz neuer Vorspann.", material_update="on")
        .submit(anna, url)
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead == "Ganz neuer Vorspann."
    assert article.first_published_at is None
    assert article.updated_at is None


# --- The corrections ------------------------------------------------------------------------


def test_the_corrections_close_the_article_before_the_follow_box(client, settings):
    settings.NEWSROOM_FOLLOW_BOX = "Folgen Sie uns im WhatsApp-Kanal!"
    article = live_article(body="<p>Der letzte Absatz des Textes.</p>")
    CorrectionFactory(
        article=article, note="In einer früheren Fassung stand 2027.\nRichtig ist 2028."
    )

    page = client.get(article.get_absolute_url()).content.decode()

    match = re.search(r'<aside class="article__corrections"[^>]*>(.*?)</aside>', page, re.S)
    assert match, "no corrections part on the page"
    assert '<h2 id="corrections-title">Korrekturen</h2>' in match.group(1)
    assert "In einer früheren Fassung stand 2027.<br>Richtig ist 2028." in match.group(1)
    body_at = page.index("Der letzte Absatz des Textes.")
    correction_at = page.index('class="article__corrections"')
    follow_at = page.index('class="follow-box"')
    assert body_at < correction_at < follow_at


def test_without_corrections_there_is_no_corrections_part(client):
    article = live_article()

    page = client.get(article.get_absolute_url()).content.decode()

    assert "article__corrections" not in page
    assert "Korrektur," not in page
