"""Polling the sources on time: a recurring job (core/periodic.py) claims each due source
and hands it to a task; the task reads it and records success or failure, with a backoff
after failures (the interval doubled with each failure in a row, at most six hours)."""

import logging
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import ingest
from .fetching import FetchError
from .models import WireSource

log = logging.getLogger(__name__)


def poll_due_sources(now=None):
    """The periodic job: claim every active source whose poll is due and enqueue its task.
    The claim is a conditional UPDATE on the planned time, so that of two workers looking at
    once only one moves it and polls; the task plans the next poll when it is done."""
    now = now or timezone.now()
    due = WireSource.objects.filter(is_active=True, next_poll_at__lte=now)
    claimed = []
    for pk, planned, interval in due.values_list("pk", "next_poll_at", "interval"):
        # Until the task reports, the source counts as polled for one interval.
        lease = now + timedelta(minutes=interval)
        if WireSource.objects.filter(pk=pk, next_poll_at=planned).update(next_poll_at=lease):
            claimed.append(pk)
            poll_source.enqueue(pk)
    return claimed


@task()
def poll_source(source_id):
    """Read one source now (the worker, after ``poll_due_sources`` claimed it)."""
    source = WireSource.objects.select_related("default_section").filter(pk=source_id).first()
    if source is None:
        return None
    return poll(source)


def poll(source):
    """Read ``source`` and record the outcome on it; a summary for the log and the admin.
    Nothing that goes wrong in here escapes: it becomes the source's error status."""
    try:
        result = ingest.read_source(source)
    except FetchError as error:
        ingest.record_failure(source, str(error))
        return {"error": str(error)}
    except Exception as error:
        log.exception("Wire source %s (%s) failed", source.pk, source)
        message = _("Unexpected error: %(error)s") % {"error": type(error).__name__}
        ingest.record_failure(source, message)
        return {"error": message}
    ingest.record_success(source, result)
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "skipped": len(result.skipped),
    }
