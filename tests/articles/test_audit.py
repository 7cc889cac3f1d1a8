"""The audit trail follows the data: a change of the planned times is recorded whoever
makes it (the admin, a command, a script), and every event is written by one function."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticleEvent, record_event
from tests.helpers.factories import (
    ArticleFactory,
    BylineFactory,
    TeaserBulletFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

A = ArticleEvent.Action


def schedule_changes(article):
    return list(article.events.filter(action=A.SCHEDULE_CHANGED).order_by("pk"))


def scheduled_article():
    article = ArticleFactory(
        status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(days=1)
    )
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    return Article.objects.get(pk=article.pk)


def test_a_time_changed_by_a_script_is_recorded_without_a_user():
    article = scheduled_article()
    before = article.published_at

    article.published_at = before + timedelta(hours=2)
    article.save()

    [event] = schedule_changes(article)
    assert event.user is None
    assert event.old_value == f"published_at: {timezone.localtime(before):%d.%m.%Y %H.%M %Z}"
    assert event.new_value.startswith("published_at: ")
    assert event.new_value != event.old_value


def test_a_time_changed_on_someones_behalf_names_them():
    article = scheduled_article()
    editor = UserFactory(username="cvd")

    article.depublish_at = article.published_at + timedelta(days=30)
    article.save(user=editor)

    [event] = schedule_changes(article)
    assert (event.user, event.old_value) == (editor, "depublish_at: –")


def test_saving_without_a_change_of_time_records_nothing():
    article = scheduled_article()

    article.headline = "Nur die Überschrift"
    article.save()
    Article.objects.get(pk=article.pk).save()

    assert schedule_changes(article) == []


def test_a_second_change_is_compared_with_the_first_not_with_the_original():
    article = scheduled_article()
    first = article.published_at + timedelta(hours=1)
    second = article.published_at + timedelta(hours=3)

    article.published_at = first
    article.save()
    article.published_at = second
    article.save()

    events = schedule_changes(article)
    assert len(events) == 2
    assert events[1].old_value == events[0].new_value


def test_a_save_of_other_fields_records_no_unsaved_time():
    article = scheduled_article()

    article.published_at += timedelta(hours=5)  # changed in memory, not written below
    article.save(update_fields=["headline"])

    assert schedule_changes(article) == []
    article.save(update_fields=["published_at"])
    assert len(schedule_changes(article)) == 1


def test_a_reloaded_article_compares_with_what_was_reloaded():
    article = scheduled_article()
    Article.objects.filter(pk=article.pk).update(published_at=article.published_at + timedelta(1))

    article.refresh_from_db()
    article.save()

    assert schedule_changes(article) == []


def test_publishing_now_is_one_workflow_event_not_also_a_schedule_change():
    article = scheduled_article()
    desk = UserFactory(username="chefin", is_superuser=True)

    workflow.perform(article, "publish", desk)

    actions = list(article.events.values_list("action", flat=True))
    assert A.SCHEDULE_CHANGED not in actions
    assert {"publish", A.WENT_LIVE} <= set(actions)


def test_record_event_writes_one_row_with_what_it_was_given():
    article = ArticleFactory()
    user = UserFactory()

    event = record_event(article, A.RESTORED, user=user, new_value="x", comment="warum")

    assert ArticleEvent.objects.get() == event
    assert (event.article, event.user, event.new_value, event.comment) == (
        article,
        user,
        "x",
        "warum",
    )
