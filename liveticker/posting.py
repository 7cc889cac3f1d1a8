"""Starting and ending a ticker, and posting, correcting and removing its entries.

The admin, commands and the shell all come here: each function checks that ``user`` may
change the article (the same rule as for the article itself, enforced on the server) and
writes the article's audit trail. Entries are rows of their own, so editors posting at the
same time never overwrite one another.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from articles import workflow
from articles.models import ArticleEvent, record_event
from core.dates import german_datetime

from .models import Entry, Ticker

Action = ArticleEvent.Action


def may_post(article, user):
    """Whether ``user`` may start, end and write ``article``'s ticker: whoever may change
    the article (the desk; a reporter their own draft)."""
    return user is not None and user.is_active and workflow.can_edit(article, user)


def _check(article, user):
    # None: a command or the shell, run by whoever runs the site.
    if user is not None and not may_post(article, user):
        raise PermissionDenied


def summary(entry):
    """The entry in the audit: its time and title or the start of its text."""
    text = entry.title or entry.text or entry.embed_url or str(entry.image or "")
    return Truncator(f"{german_datetime(entry.published_at)} {text}").chars(200)


@transaction.atomic
def start(article, user=None, *, at=None, ended_at=None):
    """Run ``article`` as a live ticker from ``at`` (now); returns the ticker."""
    _check(article, user)
    ticker, created = Ticker.objects.get_or_create(
        article=article, defaults={"started_at": at or timezone.now(), "ended_at": ended_at}
    )
    if created:
        record_event(
            article, Action.TICKER_STARTED, user=user, new_value=german_datetime(ticker.started_at)
        )
    return ticker


@transaction.atomic
def save_times(ticker, user=None, *, before=None):
    """Save the ticker's start and end as changed in a form, recording an end set (or
    cleared: the ticker runs again) and a moved start."""
    _check(ticker.article, user)
    ticker.full_clean()
    ticker.save()
    before = before or {}
    if before.get("ended_at") != ticker.ended_at:
        if ticker.ended_at:
            record_event(
                ticker.article,
                Action.TICKER_ENDED,
                user=user,
                old_value=german_datetime(before.get("ended_at")),
                new_value=german_datetime(ticker.ended_at),
            )
        else:
            record_event(ticker.article, Action.TICKER_STARTED, user=user, comment="Fortgesetzt")
    if "started_at" in before and before["started_at"] != ticker.started_at:
        record_event(
            ticker.article,
            Action.TICKER_STARTED,
            user=user,
            old_value=german_datetime(before["started_at"]),
            new_value=german_datetime(ticker.started_at),
        )
    return ticker


def end(ticker, user=None, *, at=None):
    """End the ticker now (or at ``at``): readers see "Der Liveticker ist beendet"."""
    before = {"ended_at": ticker.ended_at}
    ticker.ended_at = at or timezone.now()
    return save_times(ticker, user, before=before)


@transaction.atomic
def add_entry(ticker, user=None, **fields):
    """Post an entry (validated as the form does); it is online when this returns."""
    _check(ticker.article, user)
    if user is not None and "author" not in fields:
        fields["author"] = getattr(user, "author", None)
    entry = Entry(ticker=ticker, created_by=user, **fields)
    entry.full_clean()
    entry.save()
    record_event(ticker.article, Action.ENTRY_ADDED, user=user, new_value=summary(entry))
    return entry


@transaction.atomic
def change_entry(entry, user=None, *, before=""):
    """Save a corrected entry; ``before`` is its summary as it was."""
    _check(entry.ticker.article, user)
    entry.full_clean()
    entry.save()
    record_event(
        entry.ticker.article,
        Action.ENTRY_CHANGED,
        user=user,
        old_value=before,
        new_value=summary(entry),
    )
    return entry


@transaction.atomic
def remove_entry(entry, user=None):
    _check(entry.ticker.article, user)
    record_event(entry.ticker.article, Action.ENTRY_REMOVED, user=user, old_value=summary(entry))
    entry.delete()


@transaction.atomic
def delete_ticker(ticker, user=None):
    """Remove the ticker with its entries; the article stays, its audit says so."""
    _check(ticker.article, user)
    count = ticker.entries.count()
    record_event(
        ticker.article,
        Action.TICKER_ENDED,
        user=user,
        comment=f"Liveticker mit {count} Einträgen gelöscht",
    )
    ticker.delete()
