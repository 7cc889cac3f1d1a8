"""Reading a source into the inbox: fetch, parse, store each item once.

An item is known by its source and agency ID (``guid``/``uri``): delivered again with the same
version it is left alone; a newer version (a higher version number, or for feeds without
numbers a later time) updates it, and every article made from it is told ("Neue
Agenturfassung"); a withdrawal (``canceled``, the agencies' "Sperrvermerk") is flagged on
them loudly, and a scheduled one goes back to draft so it cannot go live by itself.

A broken or hostile item is logged and skipped; the others are stored all the same.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticleEvent, record_event
from articles.sanitizer import clean_body

from . import fetching
from .formats import ParseError, feeds, newsml, ninjs
from .models import ReadFile, WireItem, WireSource

log = logging.getLogger(__name__)

PARSERS = {"ninjs": ninjs.parse, "feed": feeds.parse, "newsml": newsml.parse}
STATUSES = {choice.value for choice in WireItem.Status}


@dataclass
class PollResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # why each broken item was skipped


def payloads(source):
    """[(name, bytes)] to read now: the source's address, or its folder's new files (marked as
    read at once, so that a file is read once even if it is broken)."""
    if not source.is_folder:
        return [(source.url, fetching.fetch_url(source.url))]
    found = []
    for path, fingerprint in fetching.folder_files(source.folder):
        _, new = ReadFile.objects.get_or_create(
            source=source, name=path.name, fingerprint=fingerprint
        )
        if not new:
            continue
        try:
            found.append((path.name, fetching.read_file(path)))
        except fetching.FetchError as error:
            found.append((path.name, error))
    return found


def read_source(source):
    """Fetch and store what ``source`` delivers now. FetchError when the source itself cannot
    be read (the caller records it); broken files and items are skipped and counted."""
    result = PollResult()
    for name, data in payloads(source):
        if isinstance(data, Exception):
            _skip(result, source, name, str(data))
            continue
        try:
            parsed = PARSERS[source.format](data)
        except ParseError as error:
            _skip(result, source, name, str(error))
            continue
        for item in parsed:
            if isinstance(item, ParseError):
                _skip(result, source, name, str(item))
                continue
            outcome = store(source, item)
            setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _skip(result, source, name, reason):
    log.warning("Wire source %s (%s): skipped %s: %s", source.pk, source, name, reason)
    result.skipped.append(f"{name}: {reason}")


def _fields(source, parsed):
    status = parsed.status if parsed.status in STATUSES else WireItem.Status.USABLE
    return {
        "agency": source.agency,
        "version_created_at": parsed.version_created_at,
        "status": status,
        "urgency": parsed.urgency,
        "section": source.default_section,
        "headline": parsed.headline,
        "lead": parsed.lead,
        "body": clean_body(parsed.body),
        "byline": parsed.byline,
        "credit": parsed.credit or source.default_credit,
        "copyright": parsed.copyright,
        "usage_terms": parsed.usage_terms,
        "embargo_until": parsed.embargo_until,
        "link": parsed.link,
        "pictures": [vars(picture) for picture in parsed.pictures],
    }


def _is_newer(stored, parsed):
    if parsed.status == WireItem.Status.CANCELED and not stored.is_withdrawn:
        return True  # a withdrawal counts whatever its version says
    if parsed.version != stored.version:
        return parsed.version > stored.version
    return bool(
        parsed.version_created_at
        and stored.version_created_at
        and parsed.version_created_at > stored.version_created_at
    )


@transaction.atomic
def store(source, parsed):
    """Store ``parsed``; "created", "updated" or "unchanged"."""
    now = timezone.now()
    stored = WireItem.objects.select_for_update().filter(source=source, guid=parsed.guid).first()
    if stored is None:
        WireItem.objects.create(
            source=source,
            guid=parsed.guid,
            version=parsed.version,
            received_at=now,
            updated_at=now,
            **_fields(source, parsed),
        )
        return "created"
    if not _is_newer(stored, parsed):
        return "unchanged"
    was_withdrawn = stored.is_withdrawn
    old_version = stored.version
    for name, value in _fields(source, parsed).items():
        setattr(stored, name, value)
    stored.version = max(parsed.version, old_version + 1)
    stored.updated_at = now
    stored.save()
    if stored.is_withdrawn and not was_withdrawn:
        _flag_withdrawal(stored)
    else:
        _flag_new_version(stored, old_version)
    return "updated"


def _flag_new_version(item, old_version):
    for takeover in item.takeovers.select_related("article"):
        record_event(
            takeover.article,
            ArticleEvent.Action.WIRE_UPDATED,
            old_value=_("Version %(version)s") % {"version": old_version},
            new_value=_("Version %(version)s") % {"version": item.version},
            comment=f"{item.agency}: {item.headline}"[:500],
        )


def _flag_withdrawal(item):
    for takeover in item.takeovers.select_related("article"):
        article = takeover.article
        record_event(
            article,
            ArticleEvent.Action.WIRE_WITHDRAWN,
            new_value=item.agency,
            comment=f"{item.agency}: {item.headline}"[:500],
        )
        if article.status == Article.Status.SCHEDULED:
            # It would go live by itself at its time: back to the desk, with the reason.
            old_status = article.status
            article.status = Article.Status.DRAFT
            article.save(update_fields=["status", "modified_at"])
            record_event(
                article,
                ArticleEvent.Action.BACK_TO_DRAFT,
                old_value=old_status,
                new_value=article.status,
                comment=_("The agency withdrew the item it was made from."),
            )


def record_success(source, result, now=None):
    now = now or timezone.now()
    WireSource.objects.filter(pk=source.pk).update(
        last_success_at=now,
        error_count=0,
        error_message="",
        skipped_count=len(result.skipped),
        next_poll_at=now + source.backoff(0),
    )


def record_failure(source, message, now=None):
    now = now or timezone.now()
    failures = source.error_count + 1
    WireSource.objects.filter(pk=source.pk).update(
        last_error_at=now,
        error_count=failures,
        error_message=message[:2000],
        next_poll_at=now + source.backoff(failures),
    )
