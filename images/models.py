"""The image library: one uploaded picture, its caption, alt text and credit."""

import uuid
from pathlib import PurePosixPath

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


def image_upload_to(instance, filename):
    """Store uploads under a sanitized, never-colliding name: images/2026/11/<slug>-<hex>.jpg."""
    path = PurePosixPath(filename)
    stem = slugify(path.stem)[:60] or "bild"
    suffix = path.suffix.lower()[:6]
    now = timezone.now()
    return f"images/{now:%Y/%m}/{stem}-{uuid.uuid4().hex[:10]}{suffix}"


class Image(models.Model):
    file = models.ImageField(
        _("File"), upload_to=image_upload_to, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("Width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("Height"), editable=False, default=0)
    caption = models.TextField(
        _("Caption"),
        blank=True,
        help_text=_("Default caption; an article may override it."),
    )
    alt_text = models.CharField(
        _("Alt text"),
        max_length=300,
        help_text=_("Describes what the picture shows, for screen readers."),
    )
    credit_line = models.CharField(
        _("Credit line (agency)"),
        max_length=200,
        blank=True,
        help_text=_("Agency chain, e.g. “picture alliance/dpa/LVZ via Imago”."),
    )
    photographer = models.CharField(_("Photographer"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    class Meta:
        verbose_name = _("Image")
        verbose_name_plural = _("Images")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        label = self.caption or self.alt_text
        label = label if len(label) <= 70 else label[:69] + "…"
        credit = self.credit
        return f"{label} ({credit})" if credit else label

    @property
    def credit(self):
        """'<credit line> | <photographer>'; a missing part is left out with its separator."""
        return " | ".join(part for part in (self.credit_line, self.photographer) if part)

    @property
    def credit_label(self):
        """The credit as readers see it: 'Bild: <credit line> | <photographer>', or ''."""
        return _("Image: %(credit)s") % {"credit": self.credit} if self.credit else ""
