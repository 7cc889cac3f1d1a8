"""The editorial workflow end to end: a reporter writes and submits, an editor schedules,
and readers see the article exactly when its time has come."""

import importlib
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from articles.models import Article, ArticleEvent
from tests.helpers.accounts import DESK, PASSWORD, REPORTER
from tests.helpers.browser import choose_autocomplete, click_and_wait_for_success, log_in, log_out
from tests.helpers.factories import AuthorFactory, SectionFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

HEADLINE = "Neue Radwege für die Südvorstadt"
ROLES = importlib.import_module("articles.migrations.0003_roles")


def role(name):
    """The group the roles migration creates (transactional tests flush it away, so the
    test makes it again from the migration's own list of permissions)."""
    group, _ = Group.objects.get_or_create(name=name)
    for permission_name in ROLES.GROUPS[name]:
        app_label, codename = permission_name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def staff_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@newsroom.example", PASSWORD)
    user.is_staff = True
    user.save()
    user.groups.add(role(group_name))
    return user


def test_reporter_submits_editor_schedules_and_the_article_goes_live_on_time(
    live_server, page, django_user_model
):
    reporter = staff_user(django_user_model, "reporterin", REPORTER)
    staff_user(django_user_model, "cvd", DESK)
    AuthorFactory(name="Rita Reporter", role_title="Reporterin", short_code="rr", user=reporter)
    section = SectionFactory(name="Leipzig", slug="leipzig")

    # The reporter writes the article and submits it.
    log_in(page, live_server.url, "reporterin")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_headline", HEADLINE)
    page.fill("#id_lead", "Die Stadt baut bis zum Herbst drei neue Radwege.")
    assert page.locator("#id_bylines-TOTAL_FORMS").count() == 1, "the form has no byline rows"
    assert page.locator("#id_bullets-TOTAL_FORMS").count() == 1, "the form has no bullet rows"
    choose_autocomplete(page, "id_bylines-0-author", "Rita")
    page.fill("#id_bullets-0-text", "Drei neue Radwege bis zum Herbst")
    page.select_option("#id_section", str(section.pk))
    click_and_wait_for_success(page, "input[name=_continue]")

    article = Article.objects.get(headline=HEADLINE)
    assert article.status == Article.Status.DRAFT
    assert article.created_by == reporter
    assert [byline.author.user for byline in article.bylines.all()] == [reporter]
    # A reporter may not schedule or publish.
    assert page.locator("button[name=transition][value=schedule]").count() == 0
    assert page.locator("button[name=transition][value=publish]").count() == 0

    click_and_wait_for_success(page, "button[name=transition][value=submit]")
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    log_out(page)

    # The editor sets a publication time a few seconds ahead and schedules it.
    log_in(page, live_server.url, "cvd")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    go_live_at = timezone.localtime().replace(microsecond=0) + timedelta(seconds=6)
    page.fill("#id_published_at_0", go_live_at.strftime("%d.%m.%Y"))
    page.fill("#id_published_at_1", go_live_at.strftime("%H:%M:%S"))
    click_and_wait_for_success(page, "input[name=_continue]")
    article.refresh_from_db()
    assert article.published_at == go_live_at
    assert article.status == Article.Status.REVIEW

    click_and_wait_for_success(page, "button[name=transition][value=schedule]")
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert list(
        article.events.filter(action=ArticleEvent.Action.SCHEDULED).values_list(
            "user__username", flat=True
        )
    ) == ["cvd"]

    url = f"{live_server.url}{article.get_absolute_url()}"
    assert timezone.now() < go_live_at, "the steps took too long to test the moment before"
    assert page.request.get(url).status == 404

    # Readers see it once its time has come, with no job having to run.
    deadline = time.monotonic() + 20
    while True:
        response = page.request.get(url)
        if response.status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert response.status == 200
    assert timezone.now() >= go_live_at
    page.goto(url)
    assert HEADLINE in page.locator("h1").inner_text()
