"""The worker (``manage.py worker``, Django's Tasks API with the database backend): a
scheduled article's go-live runs on time, exactly once, and a worker that was down catches
up when it starts."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from articles import workflow
from articles.models import Article, ArticleEvent
from tests.helpers.accounts import SUPERUSER, make_user
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory
from tests.helpers.worker import run_worker

S = Article.Status
NOON = datetime(2026, 5, 12, 10, 0, tzinfo=UTC)
GO_LIVE = "articles.tasks.publish_due_articles"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def planned_runs():
    return list(DBTaskResult.objects.filter(task_path=GO_LIVE).values_list("run_after", flat=True))


def went_live(article):
    return ArticleEvent.objects.filter(article=article, action=ArticleEvent.Action.WENT_LIVE)


def schedule(at, django_capture_on_commit_callbacks):
    article = ArticleFactory(status=S.DRAFT, published_at=at)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform(article, "schedule", make_user(SUPERUSER))
    return article


def test_scheduling_plans_the_go_live_at_the_publication_time(django_capture_on_commit_callbacks):
    with time_machine.travel(NOON, tick=False):
        article = schedule(NOON + timedelta(hours=2), django_capture_on_commit_callbacks)
    assert planned_runs() == [NOON + timedelta(hours=2)]
    article.refresh_from_db()
    assert article.status == S.SCHEDULED


def test_the_worker_takes_it_live_at_its_time_not_before(django_capture_on_commit_callbacks):
    with time_machine.travel(NOON, tick=False):
        article = schedule(NOON + timedelta(hours=2), django_capture_on_commit_callbacks)
        run_worker()
        assert not went_live(article).exists()
    with time_machine.travel(NOON + timedelta(hours=2, seconds=1), tick=False):
        run_worker()
        run_worker()
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert article.first_published_at == NOON + timedelta(hours=2)
    assert went_live(article).count() == 1
    assert DBTaskResult.objects.filter(task_path=GO_LIVE).successful().count() == 1


def test_a_moved_time_plans_a_new_run_and_the_old_one_does_nothing(
    django_capture_on_commit_callbacks,
):
    with time_machine.travel(NOON, tick=False):
        article = schedule(NOON + timedelta(hours=1), django_capture_on_commit_callbacks)
        article.refresh_from_db()
        article.published_at = NOON + timedelta(hours=3)
        with django_capture_on_commit_callbacks(execute=True):
            article.save()
    assert sorted(planned_runs()) == [NOON + timedelta(hours=1), NOON + timedelta(hours=3)]
    with time_machine.travel(NOON + timedelta(hours=1, minutes=1), tick=False):
        run_worker()
    article.refresh_from_db()
    assert article.status == S.SCHEDULED, "the old time is no longer its time"
    with time_machine.travel(NOON + timedelta(hours=3, minutes=1), tick=False):
        run_worker()
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert went_live(article).count() == 1


def test_a_save_that_keeps_the_time_plans_nothing_new(django_capture_on_commit_callbacks):
    with time_machine.travel(NOON, tick=False):
        article = schedule(NOON + timedelta(hours=1), django_capture_on_commit_callbacks)
        article.refresh_from_db()
        article.headline = "Nur der Titel ändert sich"
        with django_capture_on_commit_callbacks(execute=True):
            article.save()
    assert len(planned_runs()) == 1


def test_a_worker_that_was_down_catches_up_when_it_starts():
    # Scheduled while no task was planned (say, the queue was lost with a restore).
    overdue = ArticleFactory(status=S.SCHEDULED, published_at=NOON - timedelta(hours=1))
    assert planned_runs() == []
    with time_machine.travel(NOON, tick=False):
        run_worker()
    overdue.refresh_from_db()
    assert overdue.status == S.PUBLISHED
    assert went_live(overdue).count() == 1


def test_development_runs_tasks_at_once_and_plans_nothing(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ArticleFactory(status=S.SCHEDULED, published_at=NOON + timedelta(days=400))
    assert planned_runs() == []
