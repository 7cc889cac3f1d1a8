"""Corrections of an article ("Korrekturen"): a dated list of what was corrected, clarified or
updated after publication, shown at the end of the article and on /korrekturen/."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import dates


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Corrections readers may see: those of public articles (``Article.objects.public()``,
        decided at query time), so a correction of an embargoed or withdrawn article shows
        nowhere."""
        from .queries import public_filter  # queries.py imports this module's neighbours

        return self.filter(public_filter("article__"))


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", pgettext_lazy("correction kind", "Correction")
        CLARIFICATION = "clarification", pgettext_lazy("correction kind", "Clarification")
        UPDATE = "update", pgettext_lazy("correction kind", "Update")

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    # Not a model default: an empty field in the admin means "now", filled in on save.
    corrected_at = models.DateTimeField(_("Time"), blank=True, help_text=_("Empty: now."))
    note = models.TextField(
        _("Note"), help_text=_("Plain text: what was wrong and what is right. Line breaks stay.")
    )
    # Set from the signed-in editor on the server, never from the form.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Correction")
        verbose_name_plural = _("Corrections")
        ordering = ["-corrected_at", "-pk"]
        indexes = [
            # /korrekturen/ and its feed: the newest first, a page at a time.
            models.Index(fields=["-corrected_at", "-id"], name="correction_newest"),
        ]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if self.corrected_at is None:
            self.corrected_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def label(self):
        """'Korrektur, 3. Dezember 2026, 14.05 Uhr': kind and time, as the page shows them."""
        return f"{self.get_kind_display()}, {dates.long_datetime(self.corrected_at)}"
