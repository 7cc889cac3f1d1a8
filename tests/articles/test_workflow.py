"""The editorial workflow in the admin: transitions, who may make them, and the audit trail.

Everything goes through the admin's own URLs (the workflow buttons' transition URL, the change
form, the change list's actions) as real users in the groups the data migration creates.
"""

from datetime import timedelta

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from articles.models import Article, ArticleEvent
from tests.helpers.accounts import CHIEF, DESK, REPORTER, SUPERUSER, login, make_user
from tests.helpers.article_admin import (
    ADD_URL,
    CHANGELIST_URL,
    change_url,
    do_transition,
    transition_url,
)
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
A = ArticleEvent.Action
EVENTS_URL = "/admin/articles/articleevent/"

ROLES = [REPORTER, DESK, CHIEF, SUPERUSER]
EDITORS = [DESK, CHIEF, SUPERUSER]  # everyone with articles.publish_article


# --- People and articles ------------------------------------------------------------------------


@pytest.fixture
def as_role(client):
    """``as_role(role)``: the test client, logged in as a fresh user of that role."""

    def log_in(role):
        return login(client, make_user(role))

    return log_in


@pytest.fixture
def colleague():
    """Another reporter, whose articles are 'someone else's'."""
    return make_user(REPORTER, username="kollegin")


def article_in(status, created_by=None, *, complete=True, **kwargs):
    """An article in ``status`` with a fitting publication time; complete: author and bullet."""
    now = timezone.now()
    times = {
        S.DRAFT: None,
        S.REVIEW: None,
        S.SCHEDULED: now + timedelta(days=1),
        S.PUBLISHED: now - timedelta(hours=1),
        S.WITHDRAWN: now - timedelta(hours=1),
    }
    kwargs.setdefault("published_at", times[status])
    if status == S.PUBLISHED:
        kwargs.setdefault("first_published_at", kwargs["published_at"])
    article = ArticleFactory(status=status, created_by=created_by, **kwargs)
    if complete:
        BylineFactory(article=article)
        TeaserBulletFactory(article=article)
    return article


def status_of(article):
    article.refresh_from_db()
    return article.status


def events(article, *actions):
    queryset = ArticleEvent.objects.filter(article=article).order_by("created_at", "pk")
    return list(queryset.filter(action__in=actions) if actions else queryset)


def error_messages(response):
    return sent_messages(response, messages.ERROR)


def assert_refused_with_message(response, article, status, *, events_before=0):
    """Back to the change page with an error message, the article and its history as they were."""
    assert response.status_code == 302
    assert response.url == change_url(article)
    assert error_messages(response), "the editor is not told why"
    assert not sent_messages(response, messages.SUCCESS)
    assert status_of(article) == status
    assert len(events(article)) == events_before


def bulk(client, action, *articles):
    return client.post(
        CHANGELIST_URL,
        {"action": action, "_selected_action": [str(a.pk) for a in articles], "index": "0"},
    )


# --- Each transition, as a superuser --------------------------------------------------------------


def test_submit_moves_a_draft_to_review(admin_client):
    article = article_in(S.DRAFT)

    response = do_transition(admin_client, article, "submit")

    assert response.status_code == 302
    assert response.url == change_url(article)
    assert sent_messages(response, messages.SUCCESS)
    assert status_of(article) == S.REVIEW
    assert not Article.objects.public().exists()


def test_schedule_with_a_future_time_schedules_without_publishing_yet(admin_client):
    when = timezone.now() + timedelta(hours=3)
    article = article_in(S.REVIEW, published_at=when)

    response = do_transition(admin_client, article, "schedule")

    assert response.status_code == 302
    assert not error_messages(response)
    article.refresh_from_db()
    assert article.status == S.SCHEDULED
    assert article.published_at == when
    assert article.first_published_at is None
    assert not Article.objects.public().exists()
    assert not events(article, A.WENT_LIVE)


@pytest.mark.parametrize("when", [None, timedelta(hours=-1)], ids=["no-time", "past-time"])
def test_schedule_without_a_future_time_is_refused(admin_client, when):
    published_at = timezone.now() + when if when else None
    article = article_in(S.REVIEW, published_at=published_at)

    response = do_transition(admin_client, article, "schedule")

    assert_refused_with_message(response, article, S.REVIEW)
    article.refresh_from_db()
    assert article.published_at == published_at


@pytest.mark.parametrize(
    ("status", "offset"),
    [
        (S.DRAFT, None),
        (S.REVIEW, None),
        (S.REVIEW, timedelta(days=2)),
        (S.SCHEDULED, timedelta(days=1)),
    ],
    ids=["draft", "review-no-time", "review-future-time", "scheduled"],
)
def test_publish_now_makes_the_article_public_immediately(admin_client, client, status, offset):
    article = article_in(status, published_at=timezone.now() + offset if offset else None)
    assert client.get(article.get_absolute_url()).status_code == 404
    before = timezone.now()

    response = do_transition(admin_client, article, "publish")

    assert response.status_code == 302
    assert not error_messages(response)
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    # Empty or in the future: the publication time becomes now.
    assert before <= article.published_at <= timezone.now()
    assert article.first_published_at == article.published_at
    assert list(Article.objects.public()) == [article]
    went_live = events(article, A.WENT_LIVE)
    assert len(went_live) == 1
    assert went_live[0].user == admin_client.user
    assert client.get(article.get_absolute_url()).status_code == 200


def test_publish_now_keeps_a_publication_time_in_the_past(admin_client):
    when = timezone.now() - timedelta(days=3)
    article = article_in(S.REVIEW, published_at=when)

    do_transition(admin_client, article, "publish")

    article.refresh_from_db()
    assert (article.status, article.published_at) == (S.PUBLISHED, when)


def test_withdraw_takes_a_published_article_off_the_site(admin_client, client):
    article = article_in(S.PUBLISHED)
    assert client.get(article.get_absolute_url()).status_code == 200

    response = do_transition(admin_client, article, "withdraw")

    assert response.status_code == 302
    assert not error_messages(response)
    assert status_of(article) == S.WITHDRAWN
    assert not Article.objects.public().exists()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_withdraw_cancels_a_scheduled_article(admin_client):
    article = article_in(S.SCHEDULED)

    do_transition(admin_client, article, "withdraw")

    assert status_of(article) == S.WITHDRAWN


@pytest.mark.parametrize("status", [S.REVIEW, S.SCHEDULED, S.WITHDRAWN])
def test_back_to_draft_with_a_comment_makes_a_draft_again(admin_client, status):
    article = article_in(status)

    response = do_transition(admin_client, article, "back_to_draft", "Quelle fehlt noch.")

    assert response.status_code == 302
    assert not error_messages(response)
    assert status_of(article) == S.DRAFT
    assert not Article.objects.public().exists()


@pytest.mark.parametrize("comment", [None, "", "   "], ids=["missing", "empty", "blank"])
def test_back_to_draft_without_a_comment_is_refused(admin_client, comment):
    article = article_in(S.REVIEW)

    response = do_transition(admin_client, article, "back_to_draft", comment)

    assert_refused_with_message(response, article, S.REVIEW)


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (S.DRAFT, "withdraw"),
        (S.DRAFT, "back_to_draft"),
        (S.REVIEW, "submit"),
        (S.REVIEW, "withdraw"),
        (S.SCHEDULED, "submit"),
        (S.SCHEDULED, "schedule"),
        (S.PUBLISHED, "submit"),
        (S.PUBLISHED, "schedule"),
        (S.PUBLISHED, "publish"),
        (S.PUBLISHED, "back_to_draft"),
        (S.WITHDRAWN, "submit"),
        (S.WITHDRAWN, "withdraw"),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(
    admin_client, status, name
):
    article = article_in(status)
    published_at, first_published_at = article.published_at, article.first_published_at

    response = do_transition(admin_client, article, name, "Ein Kommentar")

    assert_refused_with_message(response, article, status)
    article.refresh_from_db()
    assert (article.published_at, article.first_published_at) == (
        published_at,
        first_published_at,
    )


def test_an_unknown_transition_is_not_found(admin_client):
    article = article_in(S.DRAFT)

    response = admin_client.post(transition_url(article, "delete_everything"))

    assert response.status_code == 404
    assert status_of(article) == S.DRAFT
    assert not events(article)


def test_a_transition_of_a_missing_article_is_not_found(admin_client):
    response = admin_client.post("/admin/articles/article/987654/transition/publish/")

    assert response.status_code == 404


def test_a_transition_is_only_made_by_post(admin_client):
    article = article_in(S.REVIEW)

    response = admin_client.get(transition_url(article, "publish"))

    assert response.status_code == 405
    assert status_of(article) == S.REVIEW


def test_a_transition_needs_a_logged_in_staff_user(client):
    article = article_in(S.REVIEW)

    response = client.post(transition_url(article, "publish"))

    assert response.status_code == 302
    assert "/admin/login/" in response.url
    assert status_of(article) == S.REVIEW


def test_the_change_page_offers_the_transitions_possible_now(admin_client):
    article = article_in(S.REVIEW)

    response = admin_client.get(change_url(article))

    offered = [transition.name for transition in response.context["transitions"]]
    assert offered == ["schedule", "publish", "back_to_draft"]
    # As buttons of the article form, which save what was typed before the step.
    content = response.content.decode()
    form = content[content.index('id="article_form"') :]
    for name in offered:
        assert f'name="transition" value="{name}"' in form


# --- Who may do what ----------------------------------------------------------------------------
#
# "own" articles were created by the acting user; "other" ones by a colleague.


def headline_form(client, article, headline):
    """The change form as a superuser's browser would post it, with a new headline: what a
    user without the right to edit could still craft by hand."""
    return {
        **open_form(client, change_url(article)).data,
        "headline": headline,
        "_save": "Sichern",
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_role_may_add_articles_as_drafts(as_role, role):
    client = as_role(role)
    section = SectionFactory()

    form = open_form(client, ADD_URL).fill(
        headline="Neu angelegt", lead="Vorspann.", section=str(section.pk)
    )
    response = form.submit(client, ADD_URL)

    assert response.status_code == 302
    article = Article.objects.get(headline="Neu angelegt")
    assert (article.status, article.created_by) == (S.DRAFT, client.user)


EDIT_CASES = {
    # case: (status, whose), roles allowed
    "own-draft": ((S.DRAFT, "own"), ROLES),
    "own-in-review": ((S.REVIEW, "own"), EDITORS),
    "other-draft": ((S.DRAFT, "other"), EDITORS),
    "other-published": ((S.PUBLISHED, "other"), EDITORS),
    "own-published": ((S.PUBLISHED, "own"), EDITORS),
    "other-scheduled": ((S.SCHEDULED, "other"), EDITORS),
}


def _owner(whose, client, colleague):
    return client.user if whose == "own" else colleague


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", list(EDIT_CASES))
def test_editing_in_the_change_form(as_role, colleague, role, case):
    (status, whose), allowed = EDIT_CASES[case]
    client = as_role(role)
    article = article_in(status, created_by=_owner(whose, client, colleague), headline="Alt")

    if role in allowed:
        response = (
            open_form(client, change_url(article))
            .fill(headline="Neu")
            .submit(client, change_url(article))
        )
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.headline == "Neu"
    else:
        # The page is shown read-only (no form to submit)...
        page = client.get(change_url(article))
        assert page.status_code == 200
        assert 'name="headline"' not in page.content.decode()
        # ...and a crafted POST is forbidden.
        superuser_browser = login(Client(), make_user(SUPERUSER, "su"))
        data = headline_form(superuser_browser, article, "Neu")
        response = client.post(change_url(article), data)
        assert response.status_code == 403
        article.refresh_from_db()
        assert (article.headline, article.status) == ("Alt", status)


def test_a_reporter_whose_name_is_in_the_byline_may_edit_that_draft(as_role, colleague):
    client = as_role(REPORTER)
    article = article_in(S.DRAFT, created_by=colleague, headline="Alt")
    BylineFactory(article=article, author=AuthorFactory(user=client.user))

    response = (
        open_form(client, change_url(article))
        .fill(headline="Neu")
        .submit(client, change_url(article))
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Neu"


def test_a_reporter_cannot_set_status_or_publication_times_in_a_crafted_post(as_role):
    client = as_role(REPORTER)
    article = article_in(S.DRAFT, created_by=client.user, headline="Alt")
    form = open_form(client, change_url(article))
    for name in ("status", "published_at_0", "depublish_at_0", "first_published_at"):
        assert name not in form.controls
    data = {
        **form.data,
        "headline": "Neu",
        "status": S.PUBLISHED,
        "published_at_0": "01.01.2026",
        "published_at_1": "08:00",
        "published_at": "2026-01-01 08:00",
        "depublish_at_0": "01.01.2030",
        "depublish_at_1": "08:00",
        "first_published_at": "2026-01-01 08:00",
        "_save": "Sichern",
    }

    response = client.post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Neu"  # the allowed part of the edit was saved
    assert article.status == S.DRAFT
    assert article.published_at is None
    assert article.depublish_at is None
    assert article.first_published_at is None
    assert not events(article, A.SCHEDULE_CHANGED)


def test_a_reporter_cannot_set_status_or_publication_time_when_adding(as_role):
    client = as_role(REPORTER)
    form = open_form(client, ADD_URL).fill(
        headline="Neu angelegt", lead="Vorspann.", section=str(SectionFactory().pk)
    )
    data = {
        **form.data,
        "status": S.PUBLISHED,
        "published_at_0": "01.01.2026",
        "published_at_1": "08:00",
        "_save": "Sichern",
    }

    response = client.post(ADD_URL, data)

    assert response.status_code == 302
    article = Article.objects.get(headline="Neu angelegt")
    assert (article.status, article.published_at) == (S.DRAFT, None)


TRANSITION_CASES = {
    # case: (starting status, whose, transition, status afterwards), roles allowed
    "submit-own": ((S.DRAFT, "own", "submit", S.REVIEW), ROLES),
    "submit-other": ((S.DRAFT, "other", "submit", S.REVIEW), EDITORS),
    "schedule-own": ((S.REVIEW, "own", "schedule", S.SCHEDULED), EDITORS),
    "publish-own": ((S.REVIEW, "own", "publish", S.PUBLISHED), EDITORS),
    "publish-other": ((S.REVIEW, "other", "publish", S.PUBLISHED), EDITORS),
    "withdraw-own": ((S.PUBLISHED, "own", "withdraw", S.WITHDRAWN), EDITORS),
    "back-to-draft-own-submission": ((S.REVIEW, "own", "back_to_draft", S.DRAFT), ROLES),
    "back-to-draft-other": ((S.REVIEW, "other", "back_to_draft", S.DRAFT), EDITORS),
    "back-to-draft-own-withdrawn": ((S.WITHDRAWN, "own", "back_to_draft", S.DRAFT), EDITORS),
    "back-to-draft-own-scheduled": ((S.SCHEDULED, "own", "back_to_draft", S.DRAFT), EDITORS),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", list(TRANSITION_CASES))
def test_transitions_through_the_transition_url(as_role, colleague, role, case):
    (status, whose, name, target), allowed = TRANSITION_CASES[case]
    client = as_role(role)
    times = {"published_at": timezone.now() + timedelta(days=1)} if name == "schedule" else {}
    article = article_in(status, created_by=_owner(whose, client, colleague), **times)

    response = do_transition(client, article, name, "Bitte noch einmal prüfen.")

    if role in allowed:
        assert response.status_code == 302
        assert not error_messages(response)
        assert status_of(article) == target
    else:
        assert response.status_code == 403
        assert status_of(article) == status
        assert not events(article)


@pytest.mark.parametrize("role", ROLES)
def test_the_change_page_offers_only_permitted_transitions(as_role, colleague, role):
    client = as_role(role)
    own_review = article_in(S.REVIEW, created_by=client.user)

    offered = [t.name for t in client.get(change_url(own_review)).context["transitions"]]

    if role == REPORTER:
        assert offered == ["back_to_draft"]
    else:
        assert offered == ["schedule", "publish", "back_to_draft"]


BULK_CASES = {
    # case: (starting status, transition), roles allowed (on their own articles)
    "submit": ((S.DRAFT, "submit"), ROLES),
    "schedule": ((S.REVIEW, "schedule"), EDITORS),
    "publish": ((S.REVIEW, "publish"), EDITORS),
    "withdraw": ((S.PUBLISHED, "withdraw"), EDITORS),
}
TARGETS = {
    "submit": S.REVIEW,
    "schedule": S.SCHEDULED,
    "publish": S.PUBLISHED,
    "withdraw": S.WITHDRAWN,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", list(BULK_CASES))
def test_bulk_actions_in_the_change_list(as_role, role, case):
    (status, name), allowed = BULK_CASES[case]
    client = as_role(role)
    times = {"published_at": timezone.now() + timedelta(days=1)} if name == "schedule" else {}
    articles = [article_in(status, created_by=client.user, **times) for _ in range(2)]

    response = bulk(client, f"transition_{name}", *articles)

    assert response.status_code in (200, 302)
    if role in allowed:
        assert [status_of(article) for article in articles] == [TARGETS[name]] * 2
        assert sent_messages(response, messages.SUCCESS)
    else:
        # Either not offered at all or refused article by article: nothing changed.
        assert [status_of(article) for article in articles] == [status] * 2
        assert not ArticleEvent.objects.exists()


def test_a_bulk_submit_of_someone_elses_draft_is_refused_per_article(as_role, colleague):
    client = as_role(REPORTER)
    own, other = article_in(S.DRAFT, created_by=client.user), article_in(S.DRAFT, colleague)

    response = bulk(client, "transition_submit", own, other)

    assert response.status_code == 302
    assert (status_of(own), status_of(other)) == (S.REVIEW, S.DRAFT)
    assert len(error_messages(response)) == 1
    assert len(sent_messages(response, messages.SUCCESS)) == 1


def test_a_bulk_publish_refuses_incomplete_articles_and_publishes_the_others(admin_client):
    ready, incomplete = article_in(S.REVIEW), article_in(S.REVIEW, complete=False)

    response = bulk(admin_client, "transition_publish", ready, incomplete)

    assert response.status_code == 302
    assert (status_of(ready), status_of(incomplete)) == (S.PUBLISHED, S.REVIEW)
    assert error_messages(response)


DELETE_CASES = {
    "own-draft": ((S.DRAFT, "own"), EDITORS),  # reporters have no delete permission at all
    "other-published": ((S.PUBLISHED, "other"), EDITORS),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", list(DELETE_CASES))
def test_deleting_articles(as_role, colleague, role, case):
    (status, whose), allowed = DELETE_CASES[case]
    client = as_role(role)
    article = article_in(status, created_by=_owner(whose, client, colleague))
    delete_url = f"/admin/articles/article/{article.pk}/delete/"

    response = client.post(delete_url, {"post": "yes"})

    if role in allowed:
        assert response.status_code == 302
        assert not Article.objects.filter(pk=article.pk).exists()
    else:
        assert response.status_code == 403
        assert client.get(delete_url).status_code == 403
        assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_bulk_delete_is_not_possible_for_reporters(as_role, colleague, role):
    client = as_role(role)
    article = article_in(S.PUBLISHED, created_by=colleague)

    response = client.post(
        CHANGELIST_URL,
        {"action": "delete_selected", "_selected_action": [str(article.pk)], "post": "yes"},
    )

    assert response.status_code in (200, 302)
    assert Article.objects.filter(pk=article.pk).exists() == (role == REPORTER)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_may_view_the_audit_trail(as_role, role):
    client = as_role(role)
    article = article_in(S.PUBLISHED)
    ArticleEvent.objects.create(article=article, action=A.WENT_LIVE, new_value=S.PUBLISHED)

    response = client.get(EVENTS_URL)

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.parametrize("role", ROLES)
def test_only_the_editors_in_chief_may_change_authors(as_role, role):
    client = as_role(role)
    author = AuthorFactory(name="Mara Muster")
    url = f"/admin/people/author/{author.pk}/change/"
    data = {
        "name": "Mara Geändert",
        "slug": author.slug,
        "role_title": author.role_title,
        "short_code": author.short_code,
        "bio": author.bio,
        "photo": "",
        "user": "",
        "_save": "Sichern",
    }

    response = client.post(url, data)

    author.refresh_from_db()
    if role in (CHIEF, SUPERUSER):
        assert response.status_code == 302, response.context["errors"] if response.context else ""
        assert author.name == "Mara Geändert"
    else:
        assert response.status_code == 403
        assert author.name == "Mara Muster"


@pytest.mark.parametrize("role", ROLES)
def test_only_the_editors_in_chief_may_change_user_accounts(as_role, role):
    client = as_role(role)
    target = make_user(REPORTER, username="ziel")
    url = f"/admin/auth/user/{target.pk}/change/"

    page = client.get(url)
    if role in (CHIEF, SUPERUSER):
        assert page.status_code == 200
        data = {**BrowserForm(page, form_id="user_form").data, "first_name": "Zora"}
        response = client.post(url, {**data, "_save": "Sichern"})
        target.refresh_from_db()
        assert response.status_code == 302
        assert target.first_name == "Zora"
    else:
        assert page.status_code == 403
        response = client.post(url, {"username": "ziel", "first_name": "Zora", "is_staff": "on"})
        assert response.status_code == 403
        target.refresh_from_db()
        assert target.first_name == ""


# --- The audit trail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "name", "target", "comment"),
    [
        (S.DRAFT, "submit", S.REVIEW, "Fertig zur Abnahme."),
        (S.REVIEW, "schedule", S.SCHEDULED, ""),
        (S.REVIEW, "publish", S.PUBLISHED, ""),
        (S.PUBLISHED, "withdraw", S.WITHDRAWN, "Rechtlich bedenklich."),
        (S.REVIEW, "back_to_draft", S.DRAFT, "Zweite Quelle fehlt."),
    ],
)
def test_each_transition_is_recorded_with_user_states_and_comment(
    as_role, status, name, target, comment
):
    client = as_role(DESK)
    times = {"published_at": timezone.now() + timedelta(days=1)} if name == "schedule" else {}
    article = article_in(status, **times)

    do_transition(client, article, name, comment)

    [event] = events(article, name)
    assert event.user == client.user
    assert (event.old_value, event.new_value) == (status, target)
    assert event.comment == comment
    assert timezone.now() - event.created_at < timedelta(minutes=1)


def test_changing_the_publication_times_in_the_form_is_recorded(as_role):
    client = as_role(DESK)
    article = article_in(S.SCHEDULED, published_at=timezone.now() + timedelta(days=1))
    form = open_form(client, change_url(article)).fill(
        published_at_0="24.12.2030",
        published_at_1="18:00:00",
        depublish_at_0="31.12.2030",
        depublish_at_1="12:00:00",
    )

    response = form.submit(client, change_url(article))

    assert response.status_code == 302
    changes = events(article, A.SCHEDULE_CHANGED)
    assert {event.user for event in changes} == {client.user}
    by_field = {event.new_value.split(":")[0]: event for event in changes}
    assert set(by_field) == {"published_at", "depublish_at"}
    assert "24.12.2030 18.00" in by_field["published_at"].new_value
    assert by_field["published_at"].old_value.startswith("published_at: ")
    assert by_field["published_at"].old_value != by_field["published_at"].new_value
    assert "31.12.2030 12.00" in by_field["depublish_at"].new_value
    assert by_field["depublish_at"].old_value == "depublish_at: –"


def test_saving_the_form_unchanged_records_no_schedule_change(admin_client):
    article = article_in(S.REVIEW)
    do_transition(admin_client, article, "publish")  # published_at = now, with microseconds

    response = open_form(admin_client, change_url(article)).submit(
        admin_client, change_url(article)
    )

    assert response.status_code == 302
    assert not events(article, A.SCHEDULE_CHANGED)


def test_an_article_added_in_the_admin_starts_its_history(as_role):
    client = as_role(REPORTER)
    form = open_form(client, ADD_URL).fill(
        headline="Neu angelegt", lead="Vorspann.", section=str(SectionFactory().pk)
    )

    form.submit(client, ADD_URL)

    [event] = events(Article.objects.get())
    assert (event.action, event.user, event.new_value) == (A.CREATED, client.user, S.DRAFT)


def test_the_change_page_shows_the_history_read_only(admin_client):
    article = article_in(S.REVIEW)
    do_transition(admin_client, article, "back_to_draft", "Zweite Quelle fehlt noch.")

    response = admin_client.get(change_url(article))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="events-group"' in content
    assert "Zweite Quelle fehlt noch." in content
    [inline] = [
        i for i in response.context["inline_admin_formsets"] if i.formset.prefix == "events"
    ]
    assert not inline.has_add_permission
    assert not inline.has_change_permission
    assert not inline.formset.can_delete
    assert 'name="events-0-comment"' not in content
    assert 'name="events-0-DELETE"' not in content


def test_the_audit_trail_filters_by_action_and_user(as_role):
    client = as_role(DESK)
    other = make_user(DESK, username="cvd-zwei")
    article = article_in(S.REVIEW)
    mine = ArticleEvent.objects.create(article=article, user=client.user, action=A.PUBLISHED)
    theirs = ArticleEvent.objects.create(article=article, user=other, action=A.PUBLISHED)
    submitted = ArticleEvent.objects.create(article=article, user=other, action=A.SUBMITTED)

    def listed(**params):
        response = client.get(EVENTS_URL, params)
        assert response.status_code == 200
        return set(response.context["cl"].result_list)

    assert listed(action__exact="publish") == {mine, theirs}
    assert listed(user__id__exact=other.pk) == {theirs, submitted}
    assert listed(action__exact="publish", user__id__exact=client.user.pk) == {mine}


def test_nobody_may_add_change_or_delete_audit_events(admin_client):
    event = ArticleEvent.objects.create(
        article=article_in(S.PUBLISHED), user=admin_client.user, action=A.PUBLISHED, comment="Ok"
    )
    url = f"{EVENTS_URL}{event.pk}/"

    assert admin_client.get(f"{EVENTS_URL}add/").status_code == 403
    assert admin_client.post(f"{EVENTS_URL}add/", {"action": "publish"}).status_code == 403
    assert admin_client.post(f"{url}change/", {"comment": "Gefälscht"}).status_code == 403
    assert admin_client.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    response = admin_client.post(
        EVENTS_URL,
        {"action": "delete_selected", "_selected_action": [str(event.pk)], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    event.refresh_from_db()
    assert event.comment == "Ok"
    # The change page is read-only.
    page = admin_client.get(f"{url}change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()


def test_an_article_with_a_history_can_be_deleted_by_the_desk(as_role):
    client = as_role(DESK)
    form = open_form(client, ADD_URL).fill(
        headline="Versehentlich angelegt", lead="Vorspann.", section=str(SectionFactory().pk)
    )
    form.submit(client, ADD_URL)
    article = Article.objects.get()
    assert events(article)

    response = client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Article.objects.exists()


def test_deleting_all_bullets_of_a_scheduled_article_is_refused(admin_client):
    article = article_in(S.SCHEDULED)
    form = open_form(admin_client, change_url(article)).delete_row("bullets", 0)

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 200
    assert article.bullets.exists()


def test_the_roles_exist_and_only_the_desk_and_chiefs_may_publish():
    # Guards the matrix above: the data migration's groups exist with their permissions.
    assert set(Group.objects.values_list("name", flat=True)) >= {REPORTER, DESK, CHIEF}
    assert Group.objects.get(name=DESK).permissions.filter(codename="publish_article").exists()
    assert (
        not Group.objects.get(name=REPORTER).permissions.filter(codename="publish_article").exists()
    )
    assert Group.objects.get(name=CHIEF).permissions.filter(codename="publish_article").exists()


@pytest.mark.parametrize("role", [REPORTER, DESK])
def test_reporters_and_desk_may_write_bylines_bullets_and_links(as_role, role):
    client = as_role(role)
    author, target = AuthorFactory(), article_in(S.PUBLISHED)
    form = open_form(client, ADD_URL).fill(
        headline="Mit allem", lead="Vorspann.", section=str(SectionFactory().pk)
    )
    form.fill_row("bylines", 0, position="1", author=str(author.pk))
    form.fill_row("bullets", 0, position="1", text="Ein Punkt")
    form.fill_row("cross_links", 0, position="1", target=str(target.pk))

    response = form.submit(client, ADD_URL)

    assert response.status_code == 302
    article = Article.objects.get(headline="Mit allem")
    assert [b.author for b in article.bylines.all()] == [author]
    assert [b.text for b in article.bullets.all()] == ["Ein Punkt"]
    assert [c.target for c in article.cross_links.all()] == [target]
