"""``manage.py run_periodic``: the recurring jobs once, by hand or from cron (the worker
runs them on its own on every tick)."""

from django.core.management.base import BaseCommand, CommandError

from core import periodic


class Command(BaseCommand):
    help = "Runs the recurring jobs (wire polling, newsletter sending) once."

    def handle(self, *args, **options):
        failed = periodic.run_jobs()
        names = ", ".join(periodic.jobs()) or "none"
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log)")
        self.stdout.write(f"Ran the recurring jobs: {names}.")
