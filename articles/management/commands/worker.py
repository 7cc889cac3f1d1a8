"""``manage.py worker``: the one command that runs the background work.

The database backend's worker (django-tasks-db's ``db_worker``, with all its options:
``--batch``, ``--interval``, ``--queue-name`` …), started by a catch-up: articles whose time
passed while no worker ran are taken live first, oldest first; then the recurring jobs
(core/periodic.py) run once and the next tick is planned.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from articles.publishing import publish_due
from core import periodic


class Command(DatabaseWorker):
    help = (
        "Runs the background tasks (go-live side effects, picture renditions, purge retries) "
        "from the database queue. Takes overdue scheduled articles live when it starts. "
        "Several workers on several machines may run at once."
    )

    def handle(self, *args, **options):
        caught_up = publish_due()
        if caught_up:
            self.stdout.write(f"Caught up: {caught_up} overdue article(s) went live.")
        # Recurring jobs (core/periodic.py): once now, then on every tick of the queue.
        periodic.run_jobs()
        periodic.ensure_tick()
        return super().handle(*args, **options)
