"""
Going live: the side effects of an article's publication, done exactly once.

Visibility itself needs no job (``Article.objects.public()`` decides at query time).
What does need doing once per article is recorded here: the first-publication time,
the audit event and the ``article_published`` signal that other apps hook into (the page
cache among them). ``publish_due()`` is run by ``manage.py publish_scheduled``; publishing
an article right away from the admin calls ``go_live()`` directly.
"""

import logging

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.dispatch import Signal
from django.utils import timezone

from .models import Article, ArticleEvent, record_event

logger = logging.getLogger(__name__)

# Sent once per article, after the transaction that took it live has committed.
# Arguments: sender=Article, article=<Article>.
article_published = Signal()

BATCH_SIZE = 50


def go_live(article, *, user=None, now=None):
    """Take one article live unless another process already did; True if this call did.

    The claim is a conditional UPDATE on the row, so of several processes (or machines)
    racing for the same article exactly one wins, on any database.
    """
    now = now or timezone.now()
    with transaction.atomic():
        claimable = Q(status=Article.Status.SCHEDULED) | Q(
            status=Article.Status.PUBLISHED, first_published_at__isnull=True
        )
        claimed = Article.objects.filter(claimable, pk=article.pk).update(
            status=Article.Status.PUBLISHED,
            first_published_at=Coalesce(F("first_published_at"), F("published_at"), Value(now)),
        )
        if not claimed:
            return False
        article.refresh_from_db(fields=["status", "first_published_at"])
        record_event(
            article, ArticleEvent.Action.WENT_LIVE, user=user, new_value=Article.Status.PUBLISHED
        )
        transaction.on_commit(lambda: _announce(article))
    return True


def _announce(article):
    # Receivers: the page cache (pagecache.invalidation) among others.
    article_published.send(sender=Article, article=article)
    logger.info("Article %s went live: %s", article.pk, article)


def publish_due(now=None):
    """Take every article whose time has come live; returns the number this call took live.

    Catches up on everything overdue, oldest first. Rows that another worker holds are
    skipped (row locks with SKIP LOCKED where the database has them), and ``go_live``'s
    conditional update makes sure no article goes live twice.
    """
    now = now or timezone.now()
    count = 0
    while True:
        with transaction.atomic():
            due = list(
                Article.objects.filter(
                    # One whose end has already passed (say, after downtime) stays unannounced.
                    Q(depublish_at__isnull=True) | Q(depublish_at__gt=now),
                    status=Article.Status.SCHEDULED,
                    published_at__lte=now,
                )
                .order_by("published_at", "pk")
                .select_for_update(skip_locked=True)[:BATCH_SIZE]
            )
            for article in due:
                count += go_live(article, now=now)
        if len(due) < BATCH_SIZE:
            return count
