"""Correcting an article: adding, changing and removing its corrections, each recorded in
the audit trail with who did it. The admin calls these; so does anything else that corrects
on someone's behalf. Who may is the article's rule (``workflow.can_edit``), checked by the
caller before it shows the form."""

from django.utils.text import Truncator

from .models import ArticleEvent, Correction, record_event

# The audit trail's values hold up to 200 characters.
EVENT_VALUE_LENGTH = 200


def summary(correction):
    """'Korrektur, 3. Dezember 2026, 14.05 Uhr: the note' cut to fit an audit value."""
    text = f"{correction.label}: {' '.join(correction.note.split())}"
    return Truncator(text).chars(EVENT_VALUE_LENGTH)


def add(correction, *, user):
    """Save the new ``correction`` as written by ``user`` (None: unknown, such as a script)."""
    correction.author = user
    correction.save()
    record_event(
        correction.article,
        ArticleEvent.Action.CORRECTION_ADDED,
        user=user,
        new_value=summary(correction),
    )
    return correction


def change(correction, *, user):
    """Save an edited ``correction``; the event holds what it said before and after. Who
    wrote it stays who wrote it."""
    before = Correction.objects.filter(pk=correction.pk).first()
    correction.save()
    record_event(
        correction.article,
        ArticleEvent.Action.CORRECTION_CHANGED,
        user=user,
        old_value=summary(before) if before else "",
        new_value=summary(correction),
    )
    return correction


def remove(correction, *, user):
    """Delete ``correction``; the event keeps what it said."""
    article = correction.article
    text = summary(correction)
    correction.delete()
    record_event(article, ArticleEvent.Action.CORRECTION_REMOVED, user=user, old_value=text)


def record_restore(article, before, *, user):
    """After an earlier version of ``article`` was restored (which puts back its corrections
    as they were): record each correction the restore added, changed or removed, compared
    with ``before`` ({pk: summary} as ``state()`` read it before the restore)."""
    after = state(article)
    for pk, text in after.items():
        if pk not in before:
            record_event(article, ArticleEvent.Action.CORRECTION_ADDED, user=user, new_value=text)
        elif before[pk] != text:
            record_event(
                article,
                ArticleEvent.Action.CORRECTION_CHANGED,
                user=user,
                old_value=before[pk],
                new_value=text,
            )
    for pk, text in before.items():
        if pk not in after:
            record_event(article, ArticleEvent.Action.CORRECTION_REMOVED, user=user, old_value=text)


def state(article):
    """{pk: summary} of ``article``'s corrections as stored now."""
    return {correction.pk: summary(correction) for correction in article.corrections.all()}
