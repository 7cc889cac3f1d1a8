"""Revisions of articles (django-reversion) through the admin: what a save keeps, the history
page, comparing two versions and restoring an earlier one without touching the workflow state.

Every edit goes through the real change form (``BrowserForm``), every restore through the
revision page's own form, like an editor's browser would.
"""

import re

import pytest
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from reversion.models import Version
from taggit.models import TaggedItem

from articles.models import Article, ArticleEvent, Byline, CrossLink, TeaserBullet
from tests.helpers.accounts import DESK, REPORTER, login, make_user
from tests.helpers.article_admin import ADD_URL, change_url, do_transition, full_article_form
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    SectionFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import BrowserForm, open_form, sent_messages

pytestmark = pytest.mark.django_db

S = Article.Status
RECOVER_LIST_URL = "/admin/articles/article/recover/"
CHOOSE_TWO = "Bitte wählen Sie zwei Versionen zum Vergleichen."


def history_url(article):
    return f"/admin/articles/article/{article.pk}/history/"


def revision_url(article, version):
    return f"/admin/articles/article/{article.pk}/history/{version.pk}/"


def compare_url(article):
    return f"/admin/articles/article/{article.pk}/history/compare/"


def versions_of(article):
    """The article's versions, oldest first."""
    return list(Version.objects.get_for_object(article).order_by("pk"))


def parts_of(version):
    """What one revision holds, by model: the field dicts of each object in it."""
    parts = {}
    for related in version.revision.version_set.all():
        parts.setdefault(related._model, []).append(related.field_dict)
    return parts


def workflow_state(article):
    article.refresh_from_db()
    return {
        name: getattr(article, name)
        for name in ("status", "published_at", "depublish_at", "first_published_at", "updated_at")
    }


def content_of(article):
    """Everything a restore brings back, read fresh from the database."""
    article = Article.objects.get(pk=article.pk)
    return {
        "headline": article.headline,
        "body": article.body,
        "bylines": [(b.author_id, b.role, b.position) for b in article.bylines.all()],
        "bullets": [(b.text, b.position) for b in article.bullets.all()],
        "cross_links": [(c.target_id, c.position) for c in article.cross_links.all()],
        "tags": sorted(article.tags.names()),
    }


def diff_table(response):
    """The compare page's table of changes, as HTML."""
    content = response.content.decode()
    start = content.index('class="module nr-diff"')
    return content[start : content.index("</table>", start)]


def diff_rows(response):
    """{label: diff HTML} of the compare page."""
    return {str(change["label"]): str(change["diff"]) for change in response.context["changes"]}


@pytest.fixture
def story(admin_client):
    """An article written in the admin (version 1, a draft), then changed (version 2).

    Between the two saves the headline, the first bullet, the byline's author, the
    cross-link and the tags changed; kicker, lead and body did not.
    """
    section = SectionFactory(name="Leipzig", slug="leipzig")
    mara = AuthorFactory(name="Mara Muster", role_title="Redakteurin")
    ben = AuthorFactory(name="Ben Beispiel", role_title="Redakteur")
    old_target = ArticleFactory(kicker="", headline="Verkehrswende")
    new_target = ArticleFactory(kicker="", headline="Haushalt 2027")
    form = full_article_form(
        admin_client,
        section=section,
        authors=[mara],
        bullets=["Der Stadtrat hat beschlossen", "Baubeginn im Frühjahr"],
        headline="Straßenbahn-Ausbau kommt früher",
    )
    form.fill(tags="Nahverkehr, Stadtrat", published_at_0="", published_at_1="")
    form.fill_row("cross_links", 0, position="1", target=str(old_target.pk))
    assert form.submit(admin_client, ADD_URL).status_code == 302
    article = Article.objects.get(headline="Straßenbahn-Ausbau kommt früher")

    form = open_form(admin_client, change_url(article))
    form.fill(headline="Straßenbahn-Ausbau kommt später", tags="Nahverkehr, Verkehrswende")
    form.fill_row("bullets", 0, text="Der Stadtrat hat vertagt")
    form.fill_row("bylines", 0, author=str(ben.pk))
    form.fill_row("cross_links", 0, target=str(new_target.pk))
    assert form.submit(admin_client, change_url(article)).status_code == 302

    first, second = versions_of(article)
    return {
        "article": article,
        "first": first,
        "second": second,
        "mara": mara,
        "ben": ben,
        "old_target": old_target,
        "new_target": new_target,
    }


# --- What a save keeps ---------------------------------------------------------------------------


def test_each_admin_save_creates_a_revision_with_the_article_and_all_its_parts(admin_client):
    mara = AuthorFactory(name="Mara Muster")
    ben = AuthorFactory(name="Ben Beispiel")
    target = ArticleFactory(headline="Verkehrswende")
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[mara, ben],
        bullets=["Erster Punkt", "Zweiter Punkt"],
        headline="Mit allen Teilen",
    )
    form.fill(tags="Nahverkehr, Stadtrat")
    form.fill_row("cross_links", 0, position="1", target=str(target.pk))

    assert form.submit(admin_client, ADD_URL).status_code == 302

    article = Article.objects.get(headline="Mit allen Teilen")
    [version] = versions_of(article)
    assert version.revision.user == admin_client.user
    parts = parts_of(version)
    assert [row["headline"] for row in parts[Article]] == ["Mit allen Teilen"]
    assert sorted((row["author_id"], row["position"]) for row in parts[Byline]) == [
        (mara.pk, 1),
        (ben.pk, 2),
    ]
    assert sorted((row["text"], row["position"]) for row in parts[TeaserBullet]) == [
        ("Erster Punkt", 1),
        ("Zweiter Punkt", 2),
    ]
    assert [(row["target_id"], row["position"]) for row in parts[CrossLink]] == [(target.pk, 1)]
    assert sorted(row["tag_id"] for row in parts[TaggedItem]) == sorted(
        article.tags.values_list("pk", flat=True)
    )
    assert all(row["object_id"] == article.pk for row in parts[TaggedItem])

    # A second save, even an unchanged one, is a second revision with all the parts.
    assert (
        open_form(admin_client, change_url(article))
        .submit(admin_client, change_url(article))
        .status_code
        == 302
    )
    first, second = versions_of(article)
    assert first == version
    parts = parts_of(second)
    assert len(parts[Article]) == 1
    assert len(parts[Byline]) == 2
    assert len(parts[TeaserBullet]) == 2
    assert len(parts[CrossLink]) == 1


def test_a_later_save_keeps_the_unchanged_tags_in_its_revision(admin_client):
    article = ArticleFactory()
    article.tags.add("Nahverkehr", "Stadtrat")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)

    form = open_form(admin_client, change_url(article)).fill(lead="Ein neuer Vorspann.")
    assert form.submit(admin_client, change_url(article)).status_code == 302

    [version] = versions_of(article)
    assert sorted(row["tag_id"] for row in parts_of(version).get(TaggedItem, [])) == sorted(
        article.tags.values_list("pk", flat=True)
    )


def test_a_revision_holds_the_article_and_its_parts_but_not_the_audit_trail(admin_client):
    article = ArticleFactory()
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    ArticleEvent.objects.create(article=article, action=ArticleEvent.Action.CREATED)

    assert (
        open_form(admin_client, change_url(article))
        .submit(admin_client, change_url(article))
        .status_code
        == 302
    )

    [version] = versions_of(article)
    assert ArticleEvent not in parts_of(version)


def test_a_revision_stores_the_renumbered_positions_not_the_typed_ones(admin_client):
    article = ArticleFactory()
    mara = BylineFactory(article=article, position=1).author
    ben = BylineFactory(article=article, position=2).author
    TeaserBulletFactory(article=article, text="Erster Punkt", position=1)
    TeaserBulletFactory(article=article, text="Zweiter Punkt", position=2)
    form = open_form(admin_client, change_url(article))
    form.fill_row("bylines", 0, position="9")  # Mara goes behind Ben
    form.fill_row("bylines", 1, position="4")
    form.add_row("bullets", text="Nachgetragen")  # position 0: goes to the end

    assert form.submit(admin_client, change_url(article)).status_code == 302

    [version] = versions_of(article)
    parts = parts_of(version)
    assert sorted((row["position"], row["author_id"]) for row in parts[Byline]) == [
        (1, ben.pk),
        (2, mara.pk),
    ]
    assert sorted((row["position"], row["text"]) for row in parts[TeaserBullet]) == [
        (1, "Erster Punkt"),
        (2, "Zweiter Punkt"),
        (3, "Nachgetragen"),
    ]


def test_a_revision_does_not_keep_parts_deleted_in_that_save(admin_client):
    article = ArticleFactory()
    BylineFactory(article=article)
    TeaserBulletFactory(article=article, text="Bleibt", position=1)
    TeaserBulletFactory(article=article, text="Fliegt raus", position=2)
    form = open_form(admin_client, change_url(article))
    form.delete_row("bullets", 1)

    assert form.submit(admin_client, change_url(article)).status_code == 302

    [version] = versions_of(article)
    assert [row["text"] for row in parts_of(version)[TeaserBullet]] == ["Bleibt"]


# --- The history page ----------------------------------------------------------------------------


def test_history_lists_every_version_with_its_user_compare_choices_and_restore_links(
    admin_client, client
):
    article = ArticleFactory()
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    assert (
        open_form(admin_client, change_url(article))
        .submit(admin_client, change_url(article))
        .status_code
        == 302
    )
    desk_user = make_user(DESK, username="cvd")
    desk_user.first_name, desk_user.last_name = "Clara", "Vom-Dienst"
    desk_user.save()
    desk = login(Client(), desk_user)
    form = open_form(desk, change_url(article)).fill(lead="Ein neuer Vorspann.")
    assert form.submit(desk, change_url(article)).status_code == 302
    older, newer = versions_of(article)

    response = admin_client.get(history_url(article))

    assert response.status_code == 200
    assert list(response.context["versions"]) == [newer, older]
    content = response.content.decode()
    assert "Clara Vom-Dienst" in content
    assert "chefin" in content
    for version in (older, newer):
        assert f'name="from" value="{version.pk}"' in content
        assert f'name="to" value="{version.pk}"' in content
        assert f'href="{revision_url(article, version)}"' in content
    assert f'action="{compare_url(article)}"' in content
    assert "Dieser Artikel hat noch keine gespeicherten Fassungen" not in content


def test_history_of_an_article_without_versions_says_so(admin_client):
    article = ArticleFactory()  # made outside the admin: no revision

    response = admin_client.get(history_url(article))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Dieser Artikel hat noch keine gespeicherten Fassungen" in content
    assert 'name="from"' not in content
    assert "/history/compare/" not in content


# --- Comparing two versions ----------------------------------------------------------------------


def test_compare_shows_each_changed_part_with_deletions_and_insertions(admin_client, story):
    article, first, second = story["article"], story["first"], story["second"]

    response = admin_client.get(compare_url(article), {"from": first.pk, "to": second.pk})

    assert response.status_code == 200
    rows = diff_rows(response)
    assert set(rows) == {
        "Überschrift",
        "Autorenzeile",
        "Stichpunkte",
        "Lesen Sie außerdem noch:",
        "Schlagwörter",
    }
    assert rows["Überschrift"] == "Straßenbahn-Ausbau kommt <del>früher</del> <ins>später</ins>"
    assert "<del>Redakteurin Mara Muster</del>" in rows["Autorenzeile"]
    assert "<ins>Redakteur Ben Beispiel</ins>" in rows["Autorenzeile"]
    assert re.search(r"<del>beschlossen\b[^/]*</del>", rows["Stichpunkte"])
    assert re.search(r"<ins>vertagt\b[^/]*</ins>", rows["Stichpunkte"])
    assert rows["Stichpunkte"].startswith("Der Stadtrat hat <del>")
    assert "<del>Verkehrswende</del>" in rows["Lesen Sie außerdem noch:"]
    assert "<ins>Haushalt 2027</ins>" in rows["Lesen Sie außerdem noch:"]
    # Exactly "Nahverkehr, <del>Stadtrat</del> ...": see the test on a kept tag below.
    assert re.search(r"<del>[^<]*Stadtrat</del>", rows["Schlagwörter"])
    assert "<ins>Verkehrswende</ins>" in rows["Schlagwörter"]
    table = diff_table(response)
    for label in rows:
        assert f">{label}</th>" in table
    # Unchanged parts are not listed.
    for unchanged in ("Spitzmarke", "Vorspann", ">Text<", "Ressort", "Aufmacherbild"):
        assert unchanged not in table
    assert "<del>früher</del> <ins>später</ins>" in table


def test_a_changed_bullet_leaves_the_next_unchanged_bullet_unmarked(admin_client, story):
    article, first, second = story["article"], story["first"], story["second"]

    response = admin_client.get(compare_url(article), {"from": first.pk, "to": second.pk})

    bullets = diff_rows(response)["Stichpunkte"]
    assert "<del>beschlossen</del>" in bullets
    assert "<ins>vertagt</ins>" in bullets
    assert "Baubeginn im Frühjahr" in bullets


def test_compare_leaves_a_tag_kept_in_both_versions_unmarked(admin_client, story):
    article, first, second = story["article"], story["first"], story["second"]

    response = admin_client.get(compare_url(article), {"from": first.pk, "to": second.pk})

    assert diff_rows(response)["Schlagwörter"] == (
        "Nahverkehr, <del>Stadtrat</del> <ins>Verkehrswende</ins>"
    )


def test_compare_works_with_from_and_to_in_either_order(admin_client, story):
    article, first, second = story["article"], story["first"], story["second"]

    forward = admin_client.get(compare_url(article), {"from": first.pk, "to": second.pk})
    backward = admin_client.get(compare_url(article), {"from": second.pk, "to": first.pk})

    assert backward.status_code == 200
    assert diff_rows(backward) == diff_rows(forward)
    assert (backward.context["older"], backward.context["newer"]) == (first, second)


def test_compare_of_versions_with_the_same_content_lists_nothing(admin_client):
    article = ArticleFactory()
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    for _ in range(2):
        assert (
            open_form(admin_client, change_url(article))
            .submit(admin_client, change_url(article))
            .status_code
            == 302
        )
    first, second = versions_of(article)

    response = admin_client.get(compare_url(article), {"from": first.pk, "to": second.pk})

    assert response.status_code == 200
    assert response.context["changes"] == []
    assert "Die beiden Fassungen haben denselben Inhalt." in response.content.decode()


def test_compare_escapes_html_typed_into_a_text(admin_client):
    article = ArticleFactory(headline="Harmlos")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    assert (
        open_form(admin_client, change_url(article))
        .submit(admin_client, change_url(article))
        .status_code
        == 302
    )
    form = open_form(admin_client, change_url(article)).fill(headline="<script>x</script>")
    assert form.submit(admin_client, change_url(article)).status_code == 302
    first, second = versions_of(article)

    response = admin_client.get(compare_url(article), {"from": first.pk, "to": second.pk})

    assert response.status_code == 200
    assert diff_rows(response)["Überschrift"] == (
        "<del>Harmlos</del> <ins>&lt;script&gt;x&lt;/script&gt;</ins>"
    )
    assert "<script>x</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"from": "first"},
        {"to": "second"},
        {"from": "abc", "to": "second"},
        {"from": "first", "to": "1.5"},
        {"from": "first", "to": "999999999"},
        {"from": "first", "to": "99999999999999999999"},
        {"from": "first", "to": "foreign"},
    ],
    ids=["none", "no-to", "no-from", "not-a-number", "decimal", "missing", "huge", "foreign"],
)
def test_compare_with_a_missing_or_wrong_version_goes_back_to_the_history_with_an_error(
    admin_client, story, params
):
    article = story["article"]
    other = ArticleFactory()
    BylineFactory(article=other)
    TeaserBulletFactory(article=other)
    assert (
        open_form(admin_client, change_url(other))
        .submit(admin_client, change_url(other))
        .status_code
        == 302
    )
    known = {
        "first": story["first"].pk,
        "second": story["second"].pk,
        "foreign": versions_of(other)[0].pk,
    }
    query = {key: known.get(value, value) for key, value in params.items()}

    response = admin_client.get(compare_url(article), query)

    assert response.status_code == 302
    assert response.url == f"/admin/articles/article/{article.pk}/history/"
    assert sent_messages(response, messages.ERROR) == [CHOOSE_TWO]


def test_compare_is_forbidden_without_permission_to_view_articles(client, story):
    nobody = make_user(DESK, username="ohne-rechte")
    nobody.groups.clear()  # staff, but no permissions at all
    login(client, nobody)
    article, first, second = story["article"], story["first"], story["second"]

    response = client.get(compare_url(article), {"from": first.pk, "to": second.pk})

    assert response.status_code == 403


def test_compare_of_an_unknown_article_is_404(admin_client, story):
    first, second = story["first"], story["second"]

    response = admin_client.get(
        "/admin/articles/article/999999999/history/compare/", {"from": first.pk, "to": second.pk}
    )

    assert response.status_code == 404


# --- Restoring an earlier version ----------------------------------------------------------------


def test_looking_at_an_earlier_version_shows_it_without_changing_anything(admin_client, story):
    article, first = story["article"], story["first"]
    before = content_of(article)
    modified_at = Article.objects.get(pk=article.pk).modified_at
    versions_before = Version.objects.count()
    events_before = ArticleEvent.objects.count()

    response = admin_client.get(revision_url(article, first))

    assert response.status_code == 200
    form = BrowserForm(response)
    assert form.data["headline"] == "Straßenbahn-Ausbau kommt früher"
    assert form.data["bylines-0-author"] == str(story["mara"].pk)
    assert form.data["bullets-0-text"] == "Der Stadtrat hat beschlossen"
    assert form.data["cross_links-0-target"] == str(story["old_target"].pk)
    # Looking is not restoring: the article is as it was.
    assert content_of(article) == before
    assert before["headline"] == "Straßenbahn-Ausbau kommt später"
    assert Article.objects.get(pk=article.pk).modified_at == modified_at
    assert Version.objects.count() == versions_before
    assert ArticleEvent.objects.count() == events_before


def test_restoring_brings_back_the_content_but_keeps_the_workflow_state(admin_client, client):
    """A version saved as a draft, restored into the article published since: content of
    then, state of now; still public."""
    mara = AuthorFactory(name="Mara Muster")
    ben = AuthorFactory(name="Ben Beispiel")
    old_target = ArticleFactory(headline="Verkehrswende")
    new_target = ArticleFactory(headline="Haushalt 2027")
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[mara],
        bullets=["Erster Punkt", "Zweiter Punkt"],
        headline="Die alte Fassung",
    )
    form.fill(
        body="<p>Der alte Text.</p>",
        tags="Nahverkehr, Stadtrat",
        published_at_0="",
        published_at_1="",
    )
    form.fill_row("cross_links", 0, position="1", target=str(old_target.pk))
    assert form.submit(admin_client, ADD_URL).status_code == 302
    article = Article.objects.get(headline="Die alte Fassung")
    [draft_version] = versions_of(article)
    old_content = content_of(article)
    assert do_transition(admin_client, article, "publish").status_code == 302
    assert Article.objects.get(pk=article.pk).status == S.PUBLISHED
    # Changed after publication: a material update and an end of publication.
    form = open_form(admin_client, change_url(article)).fill(
        headline="Die neue Fassung",
        body="<p>Der neue Text.</p>",
        tags="Haushalt",
        material_update="on",
        depublish_at_0="01.12.2027",
        depublish_at_1="10:00",
    )
    form.fill_row("bylines", 0, author=str(ben.pk))
    form.fill_row("bullets", 0, text="Neuer erster Punkt")
    form.delete_row("bullets", 1)
    form.fill_row("cross_links", 0, target=str(new_target.pk))
    assert form.submit(admin_client, change_url(article)).status_code == 302
    state = workflow_state(article)
    assert state["status"] == S.PUBLISHED
    assert None not in state.values(), state
    assert content_of(article)["headline"] == "Die neue Fassung"

    form = BrowserForm(admin_client.get(revision_url(article, draft_version)))
    response = form.submit(admin_client, revision_url(article, draft_version))

    assert response.status_code == 302, response.context and response.context.get("errors")
    restored = content_of(article)
    assert restored.pop("tags")  # tags: see test_restoring_brings_back_the_tags_of_then
    assert restored == {k: v for k, v in old_content.items() if k != "tags"}
    assert old_content["bylines"] == [(mara.pk, "", 1)]
    assert old_content["bullets"] == [("Erster Punkt", 1), ("Zweiter Punkt", 2)]
    assert old_content["cross_links"] == [(old_target.pk, 1)]
    assert old_content["tags"] == ["Nahverkehr", "Stadtrat"]
    assert workflow_state(article) == state
    assert Article.objects.public().filter(pk=article.pk).exists()
    page = client.get(Article.objects.get(pk=article.pk).get_absolute_url())
    assert page.status_code == 200
    assert "Die alte Fassung" in page.content.decode()
    # The restore is itself a new revision, holding what is now the article.
    latest = versions_of(article)[-1]
    assert len(versions_of(article)) == 3
    assert latest.field_dict["headline"] == "Die alte Fassung"
    assert latest.field_dict["status"] == S.PUBLISHED


def test_restoring_brings_back_the_tags_of_then(admin_client, story):
    article, first = story["article"], story["first"]
    response = admin_client.get(revision_url(article, first))
    form = BrowserForm(response)
    assert form.data["tags"] == "Nahverkehr, Stadtrat"

    assert form.submit(admin_client, revision_url(article, first)).status_code == 302

    assert content_of(article)["tags"] == ["Nahverkehr", "Stadtrat"]


def test_restoring_keeps_the_audit_trail_of_what_happened_since(admin_client, story):
    article, first = story["article"], story["first"]
    assert do_transition(admin_client, article, "publish").status_code == 302
    events_before = set(ArticleEvent.objects.filter(article=article).values_list("pk", "action"))
    assert {action for _pk, action in events_before} >= {"created", "publish", "went_live"}
    form = BrowserForm(admin_client.get(revision_url(article, first)))

    assert form.submit(admin_client, revision_url(article, first)).status_code == 302

    events_after = set(ArticleEvent.objects.filter(article=article).values_list("pk", "action"))
    assert events_after - events_before == {
        (ArticleEvent.objects.get(action=ArticleEvent.Action.RESTORED).pk, "restored")
    }
    assert events_before <= events_after


def test_restoring_records_who_restored_it_in_the_audit_trail(admin_client, story):
    article, first = story["article"], story["first"]
    form = BrowserForm(admin_client.get(revision_url(article, first)))

    assert form.submit(admin_client, revision_url(article, first)).status_code == 302

    [event] = ArticleEvent.objects.filter(article=article, action=ArticleEvent.Action.RESTORED)
    assert event.user == admin_client.user
    assert event.new_value == timezone.localtime(first.revision.date_created).strftime(
        "%d.%m.%Y %H.%M %Z"
    )


def test_the_edit_version_check_does_not_block_a_restore(admin_client, story):
    article, first = story["article"], story["first"]
    form = BrowserForm(admin_client.get(revision_url(article, first)))
    # Someone else saves the article while the restore page is open.
    colleague = login(Client(), make_user(DESK, username="kollege"))
    other = open_form(colleague, change_url(article)).fill(lead="Ein Vorspann von jemand anderem.")
    assert other.submit(colleague, change_url(article)).status_code == 302

    response = form.submit(admin_client, revision_url(article, first))

    assert response.status_code == 302, response.content.decode()[:2000]
    assert content_of(article)["headline"] == "Straßenbahn-Ausbau kommt früher"
    # The restore brings back the version's lead over the colleague's save.
    assert (
        Article.objects.get(pk=article.pk).lead
        == "Leipzig bekommt seine neue Straßenbahnlinie früher als erwartet."
    )
    assert ArticleEvent.objects.filter(
        article=article, action=ArticleEvent.Action.RESTORED
    ).exists()


def test_restoring_a_version_that_is_incomplete_for_a_published_article_is_refused(admin_client):
    article = ArticleFactory(draft=True)
    assert (
        open_form(admin_client, change_url(article))
        .submit(admin_client, change_url(article))
        .status_code
        == 302
    )  # a version without author and bullets
    [empty_version] = versions_of(article)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article, text="Ein Punkt")
    assert do_transition(admin_client, article, "publish").status_code == 302
    state = workflow_state(article)
    form = BrowserForm(admin_client.get(revision_url(article, empty_version)))

    response = form.submit(admin_client, revision_url(article, empty_version))

    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert workflow_state(article) == state
    assert [b.text for b in Article.objects.get(pk=article.pk).bullets.all()] == ["Ein Punkt"]
    assert not ArticleEvent.objects.filter(action=ArticleEvent.Action.RESTORED).exists()


def test_a_version_of_another_object_cannot_be_restored_through_this_article(admin_client):
    victim = ArticleFactory(draft=True, headline="Anderer Artikel, alte Fassung")
    BylineFactory(article=victim, id=900_001)
    TeaserBulletFactory(article=victim)
    assert (
        open_form(admin_client, change_url(victim))
        .submit(admin_client, change_url(victim))
        .status_code
        == 302
    )
    byline_version = Version.objects.get(
        content_type=ContentType.objects.get_for_model(Byline), object_id="900001"
    )
    form = open_form(admin_client, change_url(victim)).fill(headline="Anderer Artikel, neu")
    assert form.submit(admin_client, change_url(victim)).status_code == 302
    assert do_transition(admin_client, victim, "publish").status_code == 302
    article = ArticleFactory(id=900_001, headline="Dieser Artikel")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    url = f"/admin/articles/article/{article.pk}/history/{byline_version.pk}/"

    looked = admin_client.get(url)
    form = BrowserForm(admin_client.get(change_url(article)))
    posted = form.submit(admin_client, url)

    victim.refresh_from_db()
    assert (victim.headline, victim.status) == ("Anderer Artikel, neu", S.PUBLISHED)
    assert looked.status_code == 404
    assert posted.status_code == 404


# --- Who may restore and recover -----------------------------------------------------------------


def test_a_reporter_cannot_restore_a_published_article(admin_client, story):
    article, first = story["article"], story["first"]
    reporter_user = make_user(REPORTER, username="reporterin")
    Article.objects.filter(pk=article.pk).update(created_by=reporter_user)
    assert do_transition(admin_client, article, "publish").status_code == 302
    state = workflow_state(article)
    before = content_of(article)
    form = BrowserForm(admin_client.get(revision_url(article, first)))
    reporter = login(Client(), reporter_user)

    response = form.submit(reporter, revision_url(article, first))

    assert response.status_code == 403
    assert content_of(article) == before
    assert workflow_state(article) == state
    assert len(versions_of(article)) == 2
    assert not ArticleEvent.objects.filter(action=ArticleEvent.Action.RESTORED).exists()


def test_a_reporter_may_restore_their_own_draft(client):
    reporter_user = make_user(REPORTER, username="reporterin")
    reporter = login(client, reporter_user)
    form = open_form(reporter, ADD_URL).fill(
        headline="Erste Fassung", lead="Ein Vorspann.", section=str(SectionFactory().pk)
    )
    form.fill_row("bylines", 0, position="1", author=str(AuthorFactory().pk))
    form.fill_row("bullets", 0, position="1", text="Ein Punkt")
    assert form.submit(reporter, ADD_URL).status_code == 302
    article = Article.objects.get(headline="Erste Fassung")
    form = open_form(reporter, change_url(article)).fill(headline="Zweite Fassung")
    assert form.submit(reporter, change_url(article)).status_code == 302
    first, _second = versions_of(article)
    form = BrowserForm(reporter.get(revision_url(article, first)))

    response = form.submit(reporter, revision_url(article, first))

    assert response.status_code == 302
    assert content_of(article)["headline"] == "Erste Fassung"
    assert Article.objects.get(pk=article.pk).status == S.DRAFT
    assert ArticleEvent.objects.get(action=ArticleEvent.Action.RESTORED).user == reporter_user


def test_a_reporter_removed_from_the_byline_cannot_restore_a_version_naming_them(
    admin_client, client
):
    reporter_user = make_user(REPORTER, username="reporterin")
    article = ArticleFactory(draft=True, created_by=admin_client.user, headline="Mit ihr")
    BylineFactory(article=article, author__user=reporter_user, position=1)
    assert (
        open_form(admin_client, change_url(article))
        .submit(admin_client, change_url(article))
        .status_code
        == 302
    )
    [old] = versions_of(article)
    form = open_form(admin_client, change_url(article)).fill(headline="Ohne sie")
    form.fill_row("bylines", 0, author=str(AuthorFactory().pk))
    assert form.submit(admin_client, change_url(article)).status_code == 302
    restore = BrowserForm(admin_client.get(revision_url(article, old)))
    reporter = login(client, reporter_user)
    assert (
        reporter.post(change_url(article), {**restore.data, "_save": "Sichern"}).status_code == 403
    )  # she may not edit it any more

    response = restore.submit(reporter, revision_url(article, old))

    assert content_of(article)["headline"] == "Ohne sie"
    assert response.status_code == 403


def test_the_recover_list_of_deleted_articles_is_for_the_desk_only(client):
    desk = login(Client(), make_user(DESK, username="cvd"))
    form = full_article_form(
        desk,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Ein Punkt"],
        headline="Gelöschter Artikel",
    )
    assert form.submit(desk, ADD_URL).status_code == 302
    Article.objects.get(headline="Gelöschter Artikel").delete()
    reporter = login(client, make_user(REPORTER, username="reporterin"))
    [deleted_version] = Version.objects.get_deleted(Article)

    assert reporter.get(RECOVER_LIST_URL).status_code == 403
    assert reporter.get(f"{RECOVER_LIST_URL}{deleted_version.pk}/").status_code == 403
    response = desk.get(RECOVER_LIST_URL)
    assert response.status_code == 200
    assert "Gelöschter Artikel" in response.content.decode()


# --- Demo content --------------------------------------------------------------------------------


def test_load_demo_gives_every_article_a_first_version():
    call_command("load_demo", "--no-admin", "--image-scale", "0.1")

    articles = list(Article.objects.all())
    assert articles
    for article in articles:
        versions = versions_of(article)
        assert versions, f"{article} has no version"
        first = versions[0]
        assert first.revision.get_comment() == "Demo-Inhalt geladen"
        assert first.field_dict["headline"] == article.headline
        assert sorted(row["author_id"] for row in parts_of(first).get(Byline, [])) == sorted(
            article.bylines.values_list("author_id", flat=True)
        )
