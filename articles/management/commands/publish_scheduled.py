"""``manage.py publish_scheduled [--loop]``: take articles live whose time has come."""

import signal
import time

from django.core.management.base import BaseCommand, CommandError

from articles.publishing import publish_due


class Command(BaseCommand):
    help = (
        "Takes scheduled articles live whose publication time has come: sets the first "
        "publication time, records the event and sends article_published (cached pages follow). "
        "Safe to run on several machines at once; catches up after a pause. "
        "Run it every minute from cron, or once with --loop as a worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Keep running, checking every --interval seconds."
        )
        parser.add_argument(
            "--interval", type=float, default=30.0, help="Seconds between checks (default 30)."
        )
        parser.add_argument(
            "--max-runs", type=int, default=0, help="With --loop: stop after N checks (0: never)."
        )

    def handle(self, *args, loop, interval, max_runs, **options):
        if interval <= 0:
            raise CommandError("--interval must be greater than 0.")
        self._stopping = False
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        if loop:
            for sig in previous:
                signal.signal(sig, self._stop)
        try:
            runs = 0
            while True:
                count = publish_due()
                runs += 1
                if count or not loop:
                    self.stdout.write(f"{count} article(s) went live.")
                if not loop or self._stopping or (max_runs and runs >= max_runs):
                    return
                time.sleep(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _stop(self, signum, frame):
        self._stopping = True
