"""Corrections of an article, written in the admin: the inline on the article form, who may,
the audit trail, "Aktualisiert am" only on request, versions, the part at the end of the
article page with its JSON-LD, search, and the migration of the old single correction note."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, ArticleEvent, Correction, Section
from tests.helpers.accounts import DESK, REPORTER, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.corrections import corrections_part, json_ld, live_article
from tests.helpers.factories import CorrectionFactory
from tests.helpers.forms import open_form
from tests.helpers.pages import get

pytestmark = pytest.mark.django_db

BEFORE, AFTER = "0017_audit_actions_for_corrections_ticker_wire", "0018_corrections"


@pytest.fixture
def desk():
    return login(Client(), make_user(DESK, "desk", first_name="Clara", last_name="Desk"))


def add_correction(client, article, material_update=False, **values):
    """Add one correction row on the article's change form and save it, as an editor does."""
    url = change_url(article)
    form = open_form(client, url).add_row("corrections", **values)
    if material_update:
        form.fill(material_update="on")
    return form.submit(client, url)


def events(article, action):
    return list(ArticleEvent.objects.filter(article=article, action=action).order_by("pk"))


# --- the admin ----------------------------------------------------------------------------


def test_a_correction_written_in_the_admin_is_stored_with_its_writer_and_audited(desk):
    article = live_article()
    other = make_user(DESK, "someone-else")
    url = change_url(article)
    form = open_form(desk, url).add_row(
        "corrections",
        kind="clarification",
        note="Gemeint ist der Beschluss\r\nvom Mittwoch.",
        corrected_at_0="",
        corrected_at_1="",
    )
    # A crafted field cannot name another writer: the server takes the signed-in editor.
    form.data["corrections-0-author"] = str(other.pk)

    before = timezone.now()
    assert form.submit(desk, url).status_code == 302

    correction = article.corrections.get()
    assert correction.kind == Correction.Kind.CLARIFICATION
    assert correction.note == "Gemeint ist der Beschluss\nvom Mittwoch."
    assert correction.author == desk.user
    assert before <= correction.corrected_at <= timezone.now()  # empty time: now
    [added] = events(article, ArticleEvent.Action.CORRECTION_ADDED)
    assert added.user == desk.user
    assert added.new_value.startswith("Klarstellung, ")
    assert added.new_value.endswith("Uhr: Gemeint ist der Beschluss vom Mittwoch.")


def test_a_correction_changes_aktualisiert_am_only_when_the_editor_ticks_it(desk, client):
    article = live_article()

    response = add_correction(desk, article, kind="correction", note="Richtig ist 2028.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.updated_at is None
    assert "Aktualisiert am" not in get(client, article.get_absolute_url())

    before = timezone.now()
    response = add_correction(
        desk, article, material_update=True, kind="update", note="Die Kosten sind nun bekannt."
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert before <= article.updated_at <= timezone.now()
    assert "Aktualisiert am" in get(client, article.get_absolute_url())
    assert article.corrections.count() == 2


def test_the_inline_lists_the_corrections_newest_first_and_keeps_a_typed_time(desk):
    article = live_article()
    CorrectionFactory(
        article=article, note="Die ältere", corrected_at=timezone.now() - timedelta(minutes=50)
    )
    CorrectionFactory(
        article=article, note="Die neuere", corrected_at=timezone.now() - timedelta(minutes=10)
    )
    form = open_form(desk, change_url(article))
    assert [form.data["corrections-0-note"], form.data["corrections-1-note"]] == [
        "Die neuere",
        "Die ältere",
    ]

    response = add_correction(
        desk,
        article,
        kind="correction",
        note="Nachgetragen",
        corrected_at_0="03.12.2026",
        corrected_at_1="14:05",
    )

    assert response.status_code == 302
    typed = article.corrections.get(note="Nachgetragen")
    assert typed.corrected_at == datetime(2026, 12, 3, 13, 5, tzinfo=UTC)  # 14.05 in Berlin


def test_changing_and_removing_a_correction_are_audited(desk):
    article = live_article()
    correction = CorrectionFactory(article=article, note="Es waren 42.000 Zuschauer.")
    url = change_url(article)

    form = open_form(desk, url).fill_row("corrections", 0, note="Es waren 47.000 Zuschauer.")
    assert form.submit(desk, url).status_code == 302

    [changed] = events(article, ArticleEvent.Action.CORRECTION_CHANGED)
    assert changed.user == desk.user
    assert changed.old_value.endswith("Es waren 42.000 Zuschauer.")
    assert changed.new_value.endswith("Es waren 47.000 Zuschauer.")

    form = open_form(desk, url).delete_row("corrections", 0)
    assert form.submit(desk, url).status_code == 302

    assert not Correction.objects.filter(pk=correction.pk).exists()
    [removed] = events(article, ArticleEvent.Action.CORRECTION_REMOVED)
    assert removed.user == desk.user
    assert removed.old_value.endswith("Es waren 47.000 Zuschauer.")


def test_saving_the_form_unchanged_records_no_correction_event(desk):
    article = live_article()
    CorrectionFactory(article=article, note="Erste Zeile\nzweite Zeile")
    url = change_url(article)

    assert open_form(desk, url).submit(desk, url).status_code == 302

    assert not ArticleEvent.objects.filter(article=article, action__startswith="correction")


def test_a_correction_without_a_note_is_refused_with_a_german_message(desk):
    article = live_article()

    response = add_correction(desk, article, kind="clarification", note="  ")

    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not article.corrections.exists()


def test_who_may_not_edit_the_article_may_not_correct_it(client):
    reporter = login(Client(), make_user(REPORTER, "reporter"))
    article = live_article()  # published: only the desk edits it
    desk = login(Client(), make_user(DESK, "desk"))
    form = open_form(desk, change_url(article)).add_row(
        "corrections", kind="correction", note="Von außen eingeschleust"
    )

    response = form.submit(reporter, change_url(article))

    assert response.status_code == 403
    assert not article.corrections.exists()
    assert not ArticleEvent.objects.filter(article=article, action__startswith="correction")


# --- versions -----------------------------------------------------------------------------


def test_versions_hold_the_corrections_and_the_comparison_shows_them(desk):
    article = live_article()
    url = change_url(article)
    assert open_form(desk, url).submit(desk, url).status_code == 302
    assert (
        add_correction(desk, article, kind="correction", note="Richtig ist 2028.").status_code
        == 302
    )
    older, newer = Version.objects.get_for_object(article).order_by("pk")

    response = desk.get(
        f"/admin/articles/article/{article.pk}/history/compare/",
        {"from": older.pk, "to": newer.pk},
    )

    rows = {str(change["label"]): str(change["diff"]) for change in response.context["changes"]}
    assert list(rows) == ["Korrekturen"]
    assert "<ins>Korrektur, " in rows["Korrekturen"]
    assert rows["Korrekturen"].endswith("Uhr: Richtig ist 2028.</ins>")


def test_restoring_a_version_from_before_a_correction_removes_it_on_the_record(desk):
    article = live_article()
    url = change_url(article)
    assert open_form(desk, url).submit(desk, url).status_code == 302
    assert (
        add_correction(desk, article, kind="correction", note="Richtig ist 2028.").status_code
        == 302
    )
    first = Version.objects.get_for_object(article).order_by("pk").first()
    restore_url = f"/admin/articles/article/{article.pk}/history/{first.pk}/"

    assert open_form(desk, restore_url).submit(desk, restore_url).status_code == 302

    assert not article.corrections.exists()
    [removed] = events(article, ArticleEvent.Action.CORRECTION_REMOVED)
    assert (removed.user, removed.old_value.endswith("Richtig ist 2028.")) == (desk.user, True)


# --- the article page -----------------------------------------------------------------------


def test_the_page_shows_the_corrections_newest_first_with_kind_and_german_time(client):
    article = live_article()
    published = article.published_at
    CorrectionFactory(
        article=article,
        corrected_at=datetime(2026, 12, 3, 13, 5, tzinfo=UTC),
        note="In einer früheren Fassung stand 2027.\nRichtig ist 2028.",
    )
    CorrectionFactory(
        article=article,
        kind=Correction.Kind.UPDATE,
        corrected_at=datetime(2026, 12, 3, 16, 30, tzinfo=UTC),
        note="Die Kosten sind nun bekannt.",
    )
    CorrectionFactory(
        article=article,
        kind=Correction.Kind.CLARIFICATION,
        corrected_at=datetime(2026, 12, 3, 14, 0, tzinfo=UTC),
        note="Gemeint ist der Beschluss vom Mittwoch.",
    )

    page = get(client, article.get_absolute_url())

    assert corrections_part(page) == [
        "Aktualisierung, 3. Dezember 2026, 17.30 Uhr: Die Kosten sind nun bekannt.",
        "Klarstellung, 3. Dezember 2026, 15.00 Uhr: Gemeint ist der Beschluss vom Mittwoch.",
        "Korrektur, 3. Dezember 2026, 14.05 Uhr: In einer früheren Fassung stand 2027. "
        "Richtig ist 2028.",
    ]
    assert "stand 2027.<br>Richtig ist 2028." in page
    assert '<time datetime="2026-12-03T14:05+01:00">3. Dezember 2026, 14.05 Uhr</time>' in page
    assert 'aria-labelledby="corrections-title"' in page
    assert page.index("article__body") < page.index("article__corrections")
    assert "Aktualisiert am" not in page  # corrections alone do not mark an update
    data = json_ld(page)
    assert data["dateModified"] == data["datePublished"] != published.isoformat()
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Die Kosten sind nun bekannt.",
            "datePublished": "2026-12-03T17:30:00+01:00",
        },
        {
            "@type": "CorrectionComment",
            "text": "Gemeint ist der Beschluss vom Mittwoch.",
            "datePublished": "2026-12-03T15:00:00+01:00",
        },
        {
            "@type": "CorrectionComment",
            "text": "In einer früheren Fassung stand 2027.\nRichtig ist 2028.",
            "datePublished": "2026-12-03T14:05:00+01:00",
        },
    ]


def test_an_article_without_corrections_has_no_correction_in_its_json_ld(client):
    page = get(client, live_article().get_absolute_url())

    assert corrections_part(page) == []
    assert "correction" not in json_ld(page)


def test_a_note_is_found_by_the_search(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = live_article(headline="Stadtrat beschließt Haushalt")
    assert "Stadtrat beschließt Haushalt" not in get(client, "/suche/?q=Quirinius")
    with django_capture_on_commit_callbacks(execute=True):  # the index is written on commit
        CorrectionFactory(article=article, note="Der Kämmerer heißt Quirinius, nicht Quirin.")

    page = get(client, "/suche/?q=Quirinius")

    assert "Stadtrat beschließt Haushalt" in page


def test_korrekturen_is_no_section_address():
    section = Section(name="Korrekturen", slug="korrekturen")
    with pytest.raises(Exception, match="korrekturen"):
        section.full_clean()


# --- the migration ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_each_correction_note_into_the_list_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate([("articles", BEFORE)])
    old = executor.loader.project_state([("articles", BEFORE)]).apps
    section = old.get_model("articles", "Section").objects.create(name="Politik", slug="politik")
    OldArticle = old.get_model("articles", "Article")
    updated = datetime(2026, 11, 3, 15, 0, tzinfo=UTC)

    def article(slug, note, updated_at=None):
        return OldArticle.objects.create(
            headline=slug,
            slug=slug,
            section=section,
            lead="Vorspann",
            correction_note=note,
            updated_at=updated_at,
        )

    with_update = article("mit-update", "Richtig ist 2028.\nNicht 2027.", updated_at=updated)
    without_update = article("ohne-update", "Der Name war falsch geschrieben.")
    article("ohne-hinweis", "")
    article("nur-leerzeichen", "  \n ")

    executor = MigrationExecutor(connection)
    executor.migrate([("articles", AFTER)])
    new = executor.loader.project_state([("articles", AFTER)]).apps
    rows = {
        row.article.slug: row
        for row in new.get_model("articles", "Correction").objects.select_related("article")
    }
    assert set(rows) == {"mit-update", "ohne-update"}
    assert (rows["mit-update"].note, rows["mit-update"].corrected_at) == (
        "Richtig ist 2028.\nNicht 2027.",
        updated,
    )
    stored = new.get_model("articles", "Article").objects.get(pk=without_update.pk)
    assert rows["ohne-update"].corrected_at == stored.modified_at
    assert {row.kind for row in rows.values()} == {"correction"}
    assert {row.author_id for row in rows.values()} == {None}
    new.get_model("articles", "Correction").objects.create(
        article_id=with_update.pk,
        note="Zweite Korrektur.",
        corrected_at=updated + timedelta(hours=1),
    )

    executor = MigrationExecutor(connection)
    executor.migrate([("articles", BEFORE)])
    notes = dict(OldArticle.objects.values_list("slug", "correction_note"))
    assert notes == {
        "mit-update": "Richtig ist 2028.\nNicht 2027.\n\nZweite Korrektur.",
        "ohne-update": "Der Name war falsch geschrieben.",
        "ohne-hinweis": "",
        "nur-leerzeichen": "",  # blank: it had nothing to say, and says nothing now
    }
    call_command("migrate", verbosity=0)  # back to the newest schema for the next tests
    assert Article.objects.count() == 4
