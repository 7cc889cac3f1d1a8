"""Recurring work for the worker: jobs that must run on time again and again (polling the
agencies' wires, sending the daily newsletter) without cron.

An app registers a job in its ``AppConfig.ready()``::

    periodic.register("wire.poll", "wire.services.poll_due_sources")

Every job is called on every *tick* (``NEWSROOM_TICK_SECONDS``, default 60): it decides
itself what is due (a source's next poll, a newsletter's next send time) from the database,
claims it so that two workers never do the same thing twice, and keeps its own work short
(fan out with tasks for anything slow). A tick is a task (``core.periodic.tick``) that plans
the next tick when it ends, so the chain runs in the worker with the database queue and no
extra server. ``manage.py worker`` runs the jobs once when it starts and makes sure one tick
is planned; ``manage.py run_periodic`` runs them once from a shell or cron.

A job that raises is logged; the other jobs and the next tick run all the same.

The queue's finished results are pruned here too (``prune_finished``, at most hourly): a
tick a minute alone would leave half a million rows a year behind.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

log = logging.getLogger(__name__)

_jobs: dict[str, str] = {}


def register(name, path):
    """Call the function at dotted ``path`` on every tick (``name`` for the log)."""
    _jobs[name] = path


def jobs():
    return dict(_jobs)


def tick_seconds():
    return getattr(settings, "NEWSROOM_TICK_SECONDS", 60)


def run_jobs():
    """Run every registered job once; the names of those that failed."""
    failed = []
    for name, path in _jobs.items():
        try:
            import_string(path)()
        except Exception:
            log.exception("Periodic job %s failed", name)
            failed.append(name)
    return failed


def _tick_path():
    return f"{tick.func.__module__}.{tick.func.__name__}"


def ensure_tick():
    """Plan the next tick unless one is waiting already (the worker calls this on start)."""
    backend = tick.get_backend()
    if not backend.supports_defer:
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=_tick_path())
    if waiting.exists():
        return False
    plan_next_tick()
    return True


def plan_next_tick():
    tick.using(run_after=timezone.now() + timedelta(seconds=tick_seconds())).enqueue()


@task()
def tick():
    """Run the periodic jobs, then plan the next tick (even when a job failed)."""
    try:
        return run_jobs()
    finally:
        if tick.get_backend().supports_defer:
            plan_next_tick()


# How long finished task results stay in the queue's table (the admin's "Task Results").
KEEP_SUCCESSFUL = timedelta(days=7)
KEEP_FAILED = timedelta(days=30)  # longer: what failed is looked into


def prune_finished():
    """Delete finished task results older than KEEP_SUCCESSFUL (failed: KEEP_FAILED), at
    most once an hour whatever the number of workers; the number deleted."""
    if not cache.add("newsroom:periodic:pruned", True, timeout=3600):
        return 0
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    results = DBTaskResult.objects
    deleted = results.successful().filter(finished_at__lt=now - KEEP_SUCCESSFUL).delete()[0]
    deleted += results.failed().filter(finished_at__lt=now - KEEP_FAILED).delete()[0]
    return deleted
