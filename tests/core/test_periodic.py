"""Recurring jobs (core/periodic.py): the worker runs them when it starts and on every tick,
a failing job does not stop the others or the chain, and only one tick waits at a time."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import periodic
from tests.helpers.worker import run_worker

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 5, 12, 10, 0, tzinfo=UTC)
TICK = "core.periodic.tick"
calls = []


def counting_job():
    calls.append("ok")


def failing_job():
    raise RuntimeError("agency down")


@pytest.fixture(autouse=True)
def jobs(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(periodic, "_jobs", {})
    calls.clear()
    periodic.register("failing", f"{__name__}.failing_job")
    periodic.register("counting", f"{__name__}.counting_job")


def waiting_ticks():
    return DBTaskResult.objects.filter(task_path=TICK, status=TaskResultStatus.READY)


def test_the_worker_runs_the_jobs_on_start_and_plans_one_tick():
    with time_machine.travel(NOON, tick=False):
        run_worker()
        run_worker()
    assert calls == ["ok", "ok"]  # the failing job did not stop the counting one
    assert [t.run_after for t in waiting_ticks()] == [NOON + timedelta(seconds=60)]


def test_a_tick_runs_the_jobs_and_plans_the_next(settings):
    settings.NEWSROOM_TICK_SECONDS = 30
    with time_machine.travel(NOON, tick=False):
        run_worker()
    with time_machine.travel(NOON + timedelta(seconds=31), tick=False):
        run_worker()
    assert calls == ["ok", "ok", "ok"]  # start, start again, and the due tick
    assert [t.run_after for t in waiting_ticks()] == [NOON + timedelta(seconds=61)]
    done = DBTaskResult.objects.filter(task_path=TICK, status=TaskResultStatus.SUCCESSFUL)
    assert done.get().return_value == ["failing"]


def test_run_periodic_reports_a_failing_job():
    with pytest.raises(CommandError, match="failing"):
        call_command("run_periodic")
    assert calls == ["ok"]


def test_finished_results_are_pruned_at_most_hourly():
    periodic.register("tasks.prune", "core.periodic.prune_finished")
    with time_machine.travel(NOON - timedelta(days=40), tick=False):
        run_worker()  # leaves a tick waiting (never pruned: it is not finished)

    def finished(name, days_ago):
        status = TaskResultStatus.FAILED if "failed" in name else TaskResultStatus.SUCCESSFUL
        DBTaskResult.objects.create(
            task_path=f"tests.{name}",
            status=status,
            finished_at=NOON - timedelta(days=days_ago),
            run_after=NOON - timedelta(days=days_ago),
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
        )

    for name, days_ago in {"old": 8, "recent": 6, "failed_recent": 20, "failed_old": 31}.items():
        finished(name, days_ago)
    with time_machine.travel(NOON, tick=False):
        assert periodic.prune_finished() == 2  # "old" and "failed_old", not the waiting tick
        finished("older", 9)
        assert periodic.prune_finished() == 0  # pruned in this hour already
    with time_machine.travel(NOON + timedelta(minutes=61), tick=False):
        assert periodic.prune_finished() == 1
    left = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert left == {"tests.recent", "tests.failed_recent", TICK}  # and the waiting tick
