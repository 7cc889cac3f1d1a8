"""Sending editions: the periodic job, the batches and what happens after a crash.

Every tick (core/periodic.py) ``run`` does three things:

1. At an active newsletter's time on one of its days it prepares that day's edition from
   the home page's curation, unless the desk has composed one for that day (any status: a
   draft the desk holds back means nothing goes out automatically).
2. It claims each scheduled edition whose time has come (a conditional UPDATE, so exactly
   one worker starts it), makes one Delivery per confirmed subscriber (unique per edition
   and subscriber) and enqueues ``send_batch``.
3. It looks after editions whose batches stopped making progress (a worker that died).

``send_batch`` claims up to NEWSLETTER_BATCH_SIZE queued deliveries, marks each as handed to
the mail server *before* the SMTP call and as sent after it, over one connection, then
enqueues the next batch. A delivery is handed over at most once, never again:

- a mail the server refuses for good (unknown address, 5xx) is failed; the batch goes on;
- when the connection breaks (4xx, disconnect, timeout) the mail in flight is failed, as it
  may or may not have arrived, the rest of the batch goes back to the queue and the task
  fails; the next tick after STALL sends on;
- after a crash (the process killed) deliveries the batch had claimed but not handed over
  go back to the queue after STALL; the one that was being handed over is failed as
  "unknown" (it may have arrived; sending it again could send it twice).
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core import dates
from core.addresses import offline_url, site_url

from . import editions, subscriptions, tokens
from .models import Delivery, Edition, Newsletter, Subscriber

log = logging.getLogger(__name__)

# How late an edition may still be started (the worker was down at its time): a morning
# newsletter is not sent in the evening. Later ones stay scheduled; the admin shows them.
LATEST = timedelta(hours=6)
# A sending edition whose batches made no progress for this long gets a new batch.
STALL = timedelta(minutes=5)
# Sign-ups not confirmed for this long are deleted (the link expired long ago).
FORGET_PENDING = timedelta(days=30)


def run():
    if not site_url() and not settings.DEBUG:
        # Links and pictures in a mail need the site's address; none is sent without it.
        log.error("SITE_URL is not set: no newsletter is sent")
        return
    now = timezone.now()
    for newsletter in Newsletter.objects.filter(active=True):
        prepare_due(newsletter, now)
    due = Edition.objects.filter(
        status=Edition.Status.SCHEDULED,
        send_at__lte=now,
        send_at__gt=now - LATEST,
        newsletter__active=True,
    )
    for edition_id in due.values_list("pk", flat=True):
        start(edition_id)
    recover(now)
    Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, requested_at__lt=now - FORGET_PENDING
    ).delete()


def prepare_due(newsletter, now):
    """Prepare today's edition of ``newsletter`` if its time has come and there is none."""
    today = dates.local_date(now)
    slot = newsletter.slot_on(today)
    if slot is None or not slot <= now < slot + LATEST:
        return None
    start_of_day, end_of_day = dates.day_bounds(today)
    composed = Edition.objects.filter(
        newsletter=newsletter, send_at__gte=start_of_day, send_at__lt=end_of_day
    )
    if composed.exists():
        return None
    try:
        with transaction.atomic():
            edition = editions.prepare_edition(newsletter, slot, prepared_for=today)
    except IntegrityError:  # another worker prepared it at the same moment
        return None
    if not edition.items.exists():
        edition.status = Edition.Status.DRAFT
        edition.save(update_fields=["status"])
        log.warning("No public article for newsletter %s today: nothing sent", newsletter.pk)
    return edition


def start(edition_id):
    """Claim a due edition (one worker wins), make its deliveries, send the first batch."""
    now = timezone.now()
    claimed = Edition.objects.filter(pk=edition_id, status=Edition.Status.SCHEDULED).update(
        status=Edition.Status.SENDING, started_at=now, progress_at=now
    )
    if not claimed:
        return False
    make_deliveries(Edition.objects.get(pk=edition_id))
    send_batch.enqueue(edition_id)
    return True


def make_deliveries(edition):
    """One delivery per subscriber confirmed when sending started (again after a crash: the
    unique constraint keeps it at one)."""
    subscribers = Subscriber.objects.confirmed().filter(
        newsletter_id=edition.newsletter_id, consent_at__lte=edition.started_at
    )
    Delivery.objects.bulk_create(
        (
            Delivery(edition=edition, subscriber_id=pk, email=email)
            for pk, email in subscribers.values_list("pk", "email").iterator()
        ),
        batch_size=1000,
        ignore_conflicts=True,
    )


def recover(now):
    """Sending editions without progress for STALL: claimed deliveries back to the queue,
    ones in the server's hands of unknown fate failed, and a new batch."""
    stalled = Edition.objects.filter(
        status=Edition.Status.SENDING, progress_at__lt=now - STALL
    ).values_list("pk", "progress_at")
    for edition_id, progress_at in stalled:
        # One worker recovers it: the one that moves its progress mark.
        if not Edition.objects.filter(pk=edition_id, progress_at=progress_at).update(
            progress_at=now
        ):
            continue
        edition = Edition.objects.get(pk=edition_id)
        make_deliveries(edition)
        stale = Delivery.objects.filter(edition_id=edition_id, claimed_at__lt=now - STALL)
        stale.filter(status=Delivery.Status.CLAIMED).update(
            status=Delivery.Status.QUEUED, batch="", claimed_at=None
        )
        stale.filter(status=Delivery.Status.SENDING).update(
            status=Delivery.Status.FAILED,
            error="Unbekannt: Der Versand brach ab, während die Mail übergeben wurde.",
        )
        log.warning("Newsletter edition %s stalled; sending on", edition_id)
        send_batch.enqueue(edition_id)


def claim(edition_id, size):
    """Up to ``size`` queued deliveries of the edition, now claimed by a new batch."""
    batch = uuid.uuid4().hex
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(edition_id=edition_id, status=Delivery.Status.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.CLAIMED, batch=batch, claimed_at=timezone.now()
        )
    return list(
        Delivery.objects.filter(batch=batch, status=Delivery.Status.CLAIMED)
        .select_related("subscriber")
        .order_by("pk")
    )


def _mark(delivery, status, **fields):
    Delivery.objects.filter(pk=delivery.pk).update(status=status, **fields)


def _refused_for_good(error):
    """The server refused this mail, not the connection: the batch goes on."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return (
        isinstance(error, smtplib.SMTPResponseException)
        and not isinstance(error, smtplib.SMTPServerDisconnected)
        and 500 <= error.smtp_code < 600
    )


def _release(deliveries):
    Delivery.objects.filter(
        pk__in=[delivery.pk for delivery in deliveries], status=Delivery.Status.CLAIMED
    ).update(status=Delivery.Status.QUEUED, batch="", claimed_at=None)


def finish(edition_id):
    unfinished = [Delivery.Status.QUEUED, Delivery.Status.CLAIMED, Delivery.Status.SENDING]
    if Delivery.objects.filter(edition_id=edition_id, status__in=unfinished).exists():
        return False
    return bool(
        Edition.objects.filter(pk=edition_id, status=Edition.Status.SENDING).update(
            status=Edition.Status.SENT, finished_at=timezone.now()
        )
    )


@task()
def send_batch(edition_id):
    """Send one batch of an edition over one SMTP connection, then enqueue the next."""
    edition = Edition.objects.select_related("newsletter").get(pk=edition_id)
    if edition.status != Edition.Status.SENDING:
        return 0
    batch = claim(edition_id, settings.NEWSLETTER_BATCH_SIZE)
    if not batch:
        finish(edition_id)
        return 0
    rendered = editions.render_edition(edition)
    connection = get_connection()
    sent = 0
    try:
        try:
            connection.open()  # one connection for the batch (send_messages keeps it open)
        except Exception:
            _release(batch)
            raise
        for index, delivery in enumerate(batch):
            subscriber = delivery.subscriber
            if subscriber.status != Subscriber.Status.CONFIRMED:
                _mark(delivery, Delivery.Status.SKIPPED)
                continue
            mail = editions.message(
                edition,
                rendered,
                delivery.email,
                subscriptions.unsubscribe_url(subscriber),
                tokens.unsubscribe_token(subscriber),
                connection=connection,
            )
            # Marked first: whatever happens from here, this mail is never handed over again.
            # Only if this batch still holds it (a stalled batch's claims may have been given
            # to another one).
            handed_over = Delivery.objects.filter(
                pk=delivery.pk, status=Delivery.Status.CLAIMED, batch=delivery.batch
            ).update(status=Delivery.Status.SENDING)
            if not handed_over:
                continue
            try:
                connection.send_messages([mail])
            except Exception as error:
                _mark(delivery, Delivery.Status.FAILED, error=str(error)[:300])
                if _refused_for_good(error):
                    continue
                _release(batch[index + 1 :])
                log.warning("Newsletter edition %s: connection lost, batch stopped", edition_id)
                raise
            _mark(delivery, Delivery.Status.SENT, sent_at=timezone.now())
            sent += 1
            Edition.objects.filter(pk=edition_id).update(progress_at=timezone.now())
    finally:
        try:
            connection.close()
        except Exception:  # the server went away already
            log.debug("Closing the SMTP connection failed", exc_info=True)
    send_batch.enqueue(edition_id)
    return sent


def send_test(edition, email):
    """The edition as readers get it, to ``email`` (the desk's own), marked as a test; its
    unsubscribe link leads to the page for a link that does not work."""
    rendered = editions.render_edition(edition)
    url = offline_url(reverse("newsletter:unsubscribe", args=["test"]))
    subject = f"[Test] {rendered.subject}"
    editions.message(edition, rendered, email, url, "test", subject=subject).send()


def delivery_counts(edition):
    """{status: count} of an edition's deliveries, for the admin."""
    rows = Delivery.objects.filter(edition=edition).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows.order_by()}
