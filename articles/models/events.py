"""The audit trail of an article, and the one function that writes it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import dates


class ArticleEvent(models.Model):
    """The audit trail: every state change, schedule change and restore of an article."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        SUBMITTED = "submit", _("Submitted for review")
        SCHEDULED = "schedule", _("Scheduled")
        PUBLISHED = "publish", _("Published")
        WITHDRAWN = "withdraw", _("Withdrawn")
        BACK_TO_DRAFT = "back_to_draft", _("Sent back to draft")
        WENT_LIVE = "went_live", _("Went live")
        SCHEDULE_CHANGED = "schedule_changed", _("Schedule changed")
        RESTORED = "restored", _("Earlier version restored")
        PREVIEW_SHARED = "preview_shared", _("Preview link shared")
        PREVIEW_REVOKED = "preview_revoked", _("Preview link revoked")
        # Corrections (Korrekturen), the live ticker and agency copy.
        CORRECTION_ADDED = "correction_added", _("Correction added")
        CORRECTION_CHANGED = "correction_changed", _("Correction changed")
        CORRECTION_REMOVED = "correction_removed", _("Correction removed")
        TICKER_STARTED = "ticker_started", _("Live ticker started")
        TICKER_ENDED = "ticker_ended", _("Live ticker ended")
        ENTRY_ADDED = "entry_added", _("Ticker entry added")
        ENTRY_CHANGED = "entry_changed", _("Ticker entry changed")
        ENTRY_REMOVED = "entry_removed", _("Ticker entry removed")
        FROM_WIRE = "from_wire", _("Taken from agency copy")
        WIRE_UPDATED = "wire_updated", _("New agency version")
        WIRE_WITHDRAWN = "wire_withdrawn", _("Agency copy withdrawn")

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField(_("Action"), max_length=30, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("User"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    old_value = models.CharField(_("Old value"), max_length=200, blank=True)
    new_value = models.CharField(_("New value"), max_length=200, blank=True)
    comment = models.TextField(_("Comment"), blank=True)
    created_at = models.DateTimeField(_("Time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Article event")
        verbose_name_plural = _("Article events")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.article}"


def record_event(article, action, *, user=None, old_value="", new_value="", comment=""):
    """Write one entry of ``article``'s audit trail. Every event is written here: workflow
    transitions, going live, restores, creation in the admin and changed planned times."""
    return ArticleEvent.objects.create(
        article=article,
        action=action,
        user=user,
        old_value=old_value,
        new_value=new_value,
        comment=comment,
    )


# The planned times whose every change is recorded, whoever makes it.
SCHEDULE_FIELDS = ("published_at", "depublish_at", "embargo_until")


def record_schedule_changes(article, before, *, user=None, comment=""):
    """Record each planned time of ``article`` that differs from ``before`` ({field: value}),
    as '<field>: 03.11.2026 14.05 CET', with ``comment`` (e.g. a confirmed backdating)."""
    for field in SCHEDULE_FIELDS:
        if field not in before:
            continue  # not read from the database (deferred): nothing to compare
        old, new = before[field], getattr(article, field)
        if old != new:
            record_event(
                article,
                ArticleEvent.Action.SCHEDULE_CHANGED,
                user=user,
                old_value=f"{field}: {dates.german_datetime(old, zone=True) or '–'}",
                new_value=f"{field}: {dates.german_datetime(new, zone=True) or '–'}",
                comment=comment,
            )
