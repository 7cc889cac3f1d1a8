"""Running the background worker inside a test, and switching a test to the database queue."""

from unittest import mock

from django.core.management import call_command

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """``manage.py worker`` for what is due now, then it stops.

    Between tasks the worker closes database connections that are too old, as a process
    that runs for days must; inside a test that would close the test's own transaction on
    PostgreSQL, so that one step is left out here.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")
