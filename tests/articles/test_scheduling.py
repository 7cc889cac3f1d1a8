"""Scheduled publication: visibility decided at query time, and the publish_scheduled job."""

import signal
import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from articles import publishing
from articles.models import Article, ArticleEvent
from tests.helpers.factories import ArticleFactory

S = Article.Status
NOON = datetime(2026, 5, 12, 10, 0, tzinfo=UTC)  # 12:00 in Berlin
SECOND = timedelta(seconds=1)


def frozen(instant):
    return time_machine.travel(instant, tick=False)


def scheduled(at, **kwargs):
    return ArticleFactory(status=S.SCHEDULED, published_at=at, **kwargs)


def assert_visibility(client, article, *, public):
    """Every way a reader can meet the article agrees: queryset, property, pages."""
    article.refresh_from_db()
    assert Article.objects.public().filter(pk=article.pk).exists() is public
    assert article.is_public is public
    response = client.get(article.get_absolute_url())
    assert response.status_code == (200 if public else 404)
    home = client.get("/")
    assert home.status_code == 200
    assert (article.headline in home.content.decode()) is public


def went_live_events(article):
    return ArticleEvent.objects.filter(article=article, action=ArticleEvent.Action.WENT_LIVE)


@contextmanager
def received_signals():
    """Collects the articles ``article_published`` is sent for while the block runs."""
    received = []
    lock = threading.Lock()

    def receiver(sender, article, **kwargs):
        with lock:
            received.append(article.pk)

    publishing.article_published.connect(receiver, weak=False)
    try:
        yield received
    finally:
        publishing.article_published.disconnect(receiver)


# --- Visibility with a frozen clock ---------------------------------------------------


@pytest.mark.django_db
class TestScheduledVisibility:
    def test_hidden_before_its_time_public_exactly_at_it_and_after(self, client):
        with frozen(NOON - timedelta(days=1)):
            article = scheduled(NOON)
        with frozen(NOON - SECOND):
            assert_visibility(client, article, public=False)
        with frozen(NOON):
            assert_visibility(client, article, public=True)
        with frozen(NOON + timedelta(days=3)):
            assert_visibility(client, article, public=True)
        # No job had to run for it: the status is still "scheduled".
        article.refresh_from_db()
        assert article.status == S.SCHEDULED

    @pytest.mark.parametrize("status", [S.SCHEDULED, S.PUBLISHED])
    def test_depublication_hides_it_again_from_that_instant(self, client, status):
        depublish = NOON + timedelta(hours=6)
        with frozen(NOON - timedelta(days=1)):
            article = ArticleFactory(status=status, published_at=NOON, depublish_at=depublish)
        with frozen(NOON - SECOND):
            assert_visibility(client, article, public=False)
        with frozen(NOON + timedelta(hours=1)):
            assert_visibility(client, article, public=True)
        with frozen(depublish - SECOND):
            assert_visibility(client, article, public=True)
        with frozen(depublish):
            assert_visibility(client, article, public=False)
        with frozen(depublish + timedelta(days=30)):
            assert_visibility(client, article, public=False)

    @pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW, S.WITHDRAWN])
    def test_other_statuses_are_never_public(self, client, status):
        with frozen(NOON - timedelta(days=1)):
            article = ArticleFactory(status=status, published_at=NOON)
        for instant in (NOON - SECOND, NOON, NOON + timedelta(days=365)):
            with frozen(instant):
                assert_visibility(client, article, public=False)


# --- The publish_scheduled command ------------------------------------------------------


@pytest.mark.django_db
class TestPublishScheduled:
    def test_takes_due_articles_live_and_leaves_future_ones_alone(
        self, django_capture_on_commit_callbacks
    ):
        with frozen(NOON - timedelta(days=1)):
            due = scheduled(NOON - timedelta(minutes=5))
            future = scheduled(NOON + timedelta(minutes=5))
        with (
            frozen(NOON),
            received_signals() as received,
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("publish_scheduled", stdout=(out := _Sink()))
        assert "1 article(s) went live." in out.text

        due.refresh_from_db()
        assert due.status == S.PUBLISHED
        assert due.first_published_at == due.published_at == NOON - timedelta(minutes=5)
        assert went_live_events(due).count() == 1
        future.refresh_from_db()
        assert future.status == S.SCHEDULED
        assert future.first_published_at is None
        assert not went_live_events(future).exists()
        assert received == [due.pk]

    def test_catches_up_on_many_overdue_articles_in_batches(
        self, monkeypatch, django_capture_on_commit_callbacks
    ):
        monkeypatch.setattr(publishing, "BATCH_SIZE", 2)
        with frozen(NOON - timedelta(days=2)):
            overdue = [scheduled(NOON - timedelta(hours=hours)) for hours in range(1, 8)]
        with (
            frozen(NOON),
            received_signals() as received,
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("publish_scheduled", stdout=(out := _Sink()))
        assert "7 article(s) went live." in out.text
        for article in overdue:
            article.refresh_from_db()
            assert article.status == S.PUBLISHED
            assert article.first_published_at == article.published_at
            assert went_live_events(article).count() == 1
        assert sorted(received) == sorted(article.pk for article in overdue)

    def test_running_twice_takes_each_article_live_once(
        self, monkeypatch, django_capture_on_commit_callbacks
    ):
        monkeypatch.setattr(publishing, "BATCH_SIZE", 2)
        with frozen(NOON - timedelta(days=1)):
            articles = [scheduled(NOON - timedelta(minutes=m)) for m in range(1, 6)]
        with (
            frozen(NOON),
            received_signals() as received,
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("publish_scheduled", stdout=(first := _Sink()))
            call_command("publish_scheduled", stdout=(second := _Sink()))
        assert "5 article(s) went live." in first.text
        assert "0 article(s) went live." in second.text
        assert ArticleEvent.objects.filter(action=ArticleEvent.Action.WENT_LIVE).count() == 5
        for article in articles:
            assert went_live_events(article).count() == 1
        assert sorted(received) == sorted(article.pk for article in articles)

    def test_an_article_published_now_is_not_taken_live_again(
        self, django_capture_on_commit_callbacks
    ):
        with frozen(NOON - timedelta(days=1)):
            article = scheduled(NOON - SECOND)
        with (
            frozen(NOON),
            received_signals() as received,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert publishing.go_live(article) is True
            assert publishing.go_live(article) is False
            assert publishing.publish_due() == 0
        assert went_live_events(article).count() == 1
        assert received == [article.pk]

    def test_loop_stops_after_max_runs(self):
        handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
        try:
            call_command(
                "publish_scheduled", "--loop", "--interval", "0.01", "--max-runs", "3",
                stdout=_Sink(),
            )  # fmt: skip
        finally:
            # The command installs its own handlers and does not put the old ones back.
            signal.signal(signal.SIGINT, handlers[0])
            signal.signal(signal.SIGTERM, handlers[1])

    @pytest.mark.parametrize("interval", ["0", "-1"])
    def test_interval_must_be_positive(self, interval):
        with pytest.raises(CommandError, match="--interval"):
            call_command("publish_scheduled", "--interval", interval, stdout=_Sink())


class _Sink:
    """A stdout for call_command that keeps what was written."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


# --- Several workers at once (PostgreSQL) -----------------------------------------------


# Skipped before the database is set up: a serialized rollback cannot be set up on an
# in-memory SQLite database after other tests left rows in it.
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL: SQLite has no row locks (SELECT ... FOR UPDATE SKIP LOCKED) "
    "and serialises writers, so concurrent workers cannot be tested on it",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_workers_take_each_article_live_exactly_once():
    past = timezone.now() - timedelta(minutes=10)
    articles = [scheduled(past - timedelta(seconds=n)) for n in range(20)]
    workers = 4
    barrier = threading.Barrier(workers)
    counts, errors = [], []

    def work():
        try:
            barrier.wait(timeout=10)
            counts.append(publishing.publish_due())
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    with received_signals() as received:
        threads = [threading.Thread(target=work) for _ in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert sum(counts) == 20
    assert len(counts) == workers
    for article in articles:
        article.refresh_from_db()
        assert article.status == S.PUBLISHED
        assert article.first_published_at == article.published_at
        assert went_live_events(article).count() == 1
    assert sorted(received) == sorted(article.pk for article in articles)


class WorkerDied(BaseException):
    """What the process sees of a kill in the middle of a go-live: nothing after it runs."""


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_dies_mid_run_leaves_nothing_half_done_and_the_next_takes_all_once(
    monkeypatch,
):
    past = timezone.now() - timedelta(minutes=10)
    articles = [scheduled(past - timedelta(seconds=n)) for n in range(7)]
    real_record_event = publishing.record_event
    calls = []

    def dies_at_the_fifth(*args, **kwargs):
        calls.append(args)
        if len(calls) == 5:
            raise WorkerDied
        return real_record_event(*args, **kwargs)

    monkeypatch.setattr(publishing, "record_event", dies_at_the_fifth)
    with received_signals() as received, pytest.raises(WorkerDied):
        publishing.publish_due()
    # The batch died with the process: no article half live, nothing announced.
    assert received == []
    assert Article.objects.filter(status=S.PUBLISHED).count() == 0
    assert ArticleEvent.objects.filter(action=ArticleEvent.Action.WENT_LIVE).count() == 0

    monkeypatch.undo()  # the restarted worker
    with received_signals() as received:
        assert publishing.publish_due() == 7
        assert publishing.publish_due() == 0

    assert sorted(received) == sorted(article.pk for article in articles)
    for article in articles:
        article.refresh_from_db()
        assert article.status == S.PUBLISHED
        assert went_live_events(article).count() == 1


# --- Daylight saving time ---------------------------------------------------------------


@pytest.mark.django_db
class TestDaylightSavingTime:
    def test_spring_forward(self, client):
        # 2026-03-29: at 02:00 CET the clocks jump to 03:00 CEST.
        at = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
        with frozen(at - timedelta(days=1)):
            article = scheduled(at)
        assert timezone.localtime(article.published_at).strftime("%H:%M %Z") == "03:30 CEST"
        with frozen(at - SECOND):
            assert_visibility(client, article, public=False)
        with frozen(at):
            assert_visibility(client, article, public=True)

    def test_fall_back_two_articles_at_the_same_local_time(self, client):
        # 2026-10-25: at 03:00 CEST the clocks go back to 02:00 CET; 02:30 happens twice.
        first_at = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
        second_at = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
        with frozen(first_at - timedelta(days=1)):
            first = scheduled(first_at)
            second = scheduled(second_at)
        assert timezone.localtime(first.published_at).strftime("%H:%M %Z") == "02:30 CEST"
        assert timezone.localtime(second.published_at).strftime("%H:%M %Z") == "02:30 CET"

        with frozen(first_at - SECOND):
            assert_visibility(client, first, public=False)
            assert_visibility(client, second, public=False)
        with frozen(first_at):
            assert_visibility(client, first, public=True)
            assert_visibility(client, second, public=False)
        with frozen(second_at - SECOND):
            assert_visibility(client, second, public=False)
        with frozen(second_at):
            assert_visibility(client, first, public=True)
            assert_visibility(client, second, public=True)

    def test_the_job_goes_by_the_utc_instant(self, django_capture_on_commit_callbacks):
        first_at = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
        second_at = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
        with frozen(first_at - timedelta(days=1)):
            first, second = scheduled(first_at), scheduled(second_at)
        with django_capture_on_commit_callbacks(execute=True):
            with frozen(second_at - SECOND):
                assert publishing.publish_due() == 1
            with frozen(second_at):
                assert publishing.publish_due() == 1
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.first_published_at == first_at
        assert second.first_published_at == second_at
