"""Tell the proxy or CDN in front which pages to drop: ``PURGE`` requests carrying surrogate
keys, sent once the transaction that changed the content has committed.

``CACHE_PURGE_URL`` names the receiver (several, comma-separated, for several Varnish
machines); unset, nothing is sent. One request per transaction and receiver, however many
rows the transaction saved: the keys are gathered until it commits. A receiver that cannot
be reached is logged and never fails the change: the worker asks it again a few times (with
the database task backend), and the pages it keeps expire with their ``s-maxage`` anyway,
which never runs past the next scheduled change.

Sent from the process that made the change, right after the commit, not through the worker:
a purge is a millisecond's request to a Varnish next door, and readers see an edit at once
instead of after the worker's next poll.

The request: ``PURGE <CACHE_PURGE_URL>`` with the header ``xkey-purge: a12 home ls3``
(deploy/varnish.vcl bans every object whose ``xkey`` header holds one of the keys).
"""

import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

PURGE_HEADER = "xkey-purge"
TIMEOUT = 2  # seconds per receiver
KEYS_PER_REQUEST = 100  # keeps the header well under a proxy's limit
RETRIES = 5


def receivers():
    return [url.strip() for url in settings.CACHE_PURGE_URL.split(",") if url.strip()]


class _Batch:
    def __init__(self):
        self.keys = set()

    def send(self):
        send(self.keys)

    def waiting(self, connection):
        """True while this batch is still to be sent when the transaction commits (a
        rollback drops the callback, and the batch with it)."""
        return any(callback == self.send for _sids, callback, *_ in connection.run_on_commit)


def schedule(keys):
    """Purge ``keys`` once the current transaction commits (at once outside one)."""
    if not keys or not receivers():
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        send(keys)
        return
    batch = getattr(connection, "_purge_batch", None)
    if batch is None or not batch.waiting(connection):
        batch = connection._purge_batch = _Batch()
        transaction.on_commit(batch.send)
    batch.keys.update(keys)


def send(keys):
    """Send the purge requests now; True if every receiver confirmed. A receiver that did
    not is asked again by the worker, after 30 s, 1, 2, 4 and 8 minutes."""
    keys = sorted(keys)
    confirmed = True
    for url in receivers():
        if not _send_to(url, keys):
            confirmed = False
            _retry_later(url, keys, attempt=0)
    return confirmed


@task()
def retry(url, keys, attempt):
    if not _send_to(url, keys):
        _retry_later(url, keys, attempt)


def _retry_later(url, keys, attempt):
    if attempt >= RETRIES:
        logger.error("Purge of %s at %s given up after %d attempts.", keys, url, attempt + 1)
        return
    if retry.get_backend().supports_defer:
        later = retry.using(run_after=timezone.now() + timedelta(seconds=30 * 2**attempt))
        later.enqueue(url, keys, attempt + 1)


def _send_to(url, keys):
    confirmed = True
    for start in range(0, len(keys), KEYS_PER_REQUEST):
        chunk = " ".join(keys[start : start + KEYS_PER_REQUEST])
        request = urllib.request.Request(url, method="PURGE", headers={PURGE_HEADER: chunk})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                response.read()
        except (urllib.error.URLError, OSError, ValueError) as error:
            confirmed = False
            logger.warning("Purge of %s at %s failed: %s", chunk, url, error)
    return confirmed
