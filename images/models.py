"""The picture desk's library: an uploaded picture, its description, credit, rights and focal
point, and the resized renditions that pages serve instead of the original."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from core.text import german_slugify

# EXIF orientations that turn the picture by 90°: its upright width is the stored height.
QUARTER_TURNS = {5, 6, 7, 8}


def image_upload_to(instance, filename):
    """Store uploads under a sanitized, never-colliding name: images/2026/11/<slug>-<hex>.jpg."""
    path = PurePosixPath(filename)
    stem = german_slugify(path.stem)[:60] or "bild"
    suffix = path.suffix.lower()[:6]
    now = timezone.now()
    return f"images/{now:%Y/%m}/{stem}-{uuid.uuid4().hex[:10]}{suffix}"


def rendition_upload_to(instance, filename):
    return f"renditions/{instance.image_id}/{filename}"


class ImageQuerySet(models.QuerySet):
    def usable(self):
        """Images whose licence allows pages to show them now (and whose embargo passed)."""
        today = timezone.localdate()
        return self.filter(
            models.Q(usable_until__isnull=True) | models.Q(usable_until__gte=today),
            models.Q(embargo_until__isnull=True) | models.Q(embargo_until__lte=timezone.now()),
        )

    def expired(self):
        return self.filter(usable_until__lt=timezone.localdate())


class Image(models.Model):
    # Width and height are measured in save() (upright, after the EXIF orientation), not by
    # ImageField's width_field, which would put back the raw size whenever a form assigns the
    # file again.
    file = models.ImageField(_("File"), upload_to=image_upload_to)
    width = models.PositiveIntegerField(_("Width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("Height"), editable=False, default=0)
    file_size = models.PositiveBigIntegerField(_("File size"), editable=False, default=0)
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
    copyright = models.CharField(
        _("Copyright notice"),
        max_length=300,
        blank=True,
        help_text=_("As the agency delivers it, e.g. “© dpa-infocom GmbH”. Kept in renditions."),
    )
    is_own = models.BooleanField(
        _("Own picture"),
        default=False,
        help_text=_("Taken by the newsroom: the credit then reads the newsroom's name."),
    )
    usage_notes = models.TextField(
        _("Usage notes"),
        blank=True,
        help_text=_("Licence terms, e.g. “only for coverage of the city council election”."),
    )
    usable_until = models.DateField(
        _("Usable until"),
        null=True,
        blank=True,
        help_text=_(
            "Last day the licence allows the picture. Afterwards readers see the pages without it."
        ),
    )
    embargo_until = models.DateTimeField(
        _("Embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Not to be published before this time (Sperrfrist of the agency or press office). "
            "Until then no page shows the picture, and no article with it as hero image can "
            "go live."
        ),
    )
    focal_x = models.PositiveSmallIntegerField(
        _("Focal point, horizontal (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 = left edge, 100 = right edge. Crops keep this point in frame."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("Focal point, vertical (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 = top edge, 100 = bottom edge."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Image")
        verbose_name_plural = _("Images")
        ordering = ["-created_at", "-pk"]
        # Without it, Autor:innen change only their own pictures, and only while no more than
        # drafts show them (images/permissions.py).
        permissions = [("change_any_image", _("Can change any image, also on public pages"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="image_focal_point_in_range",
            )
        ]

    def __str__(self):
        label = self.caption or self.alt_text
        label = label if len(label) <= 70 else label[:69] + "…"
        credit = self.credit
        return f"{label} ({credit})" if credit else label

    def save(self, *args, **kwargs):
        previous = getattr(self, "_saved_file_name", None)
        new_file = bool(self.file) and (
            not getattr(self.file, "_committed", True) or self.file.name != previous
        )
        if new_file:
            # Before saving, so that whatever runs on post_save (renditions) sees the size.
            self._measure()
        super().save(*args, **kwargs)
        if new_file and previous and not Image.objects.filter(file=previous).exists():
            # The replaced original is nobody's any more.
            storage = self.file.storage
            transaction.on_commit(lambda: storage.delete(previous))
        self._saved_file_name = self.file.name

    def _measure(self):
        """Weigh a new file, and take width and height of the upright picture: cameras store
        portraits sideways with an EXIF orientation tag, renditions and readers get them
        turned. Reads an upload in memory before it is stored, or the stored file."""
        try:
            if not getattr(self.file, "_committed", True):
                upload = self.file.file
                upload.seek(0)
                # Pillow leaves a file object it did not open itself open.
                with PILImage.open(upload) as opened:
                    orientation = opened.getexif().get(0x0112)
                    width, height = opened.size
                upload.seek(0)
                size = upload.size
            else:
                size = self.file.size
                with (
                    self.file.storage.open(self.file.name, "rb") as fh,
                    PILImage.open(fh) as opened,
                ):
                    orientation = opened.getexif().get(0x0112)
                    width, height = opened.size
        except (OSError, ValueError, PILImage.DecompressionBombError):
            return
        if orientation in QUARTER_TURNS:
            width, height = height, width
        self.width, self.height, self.file_size = width, height, size

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_file_name = instance.file.name or None
        return instance

    def clean(self):
        if not self.is_own and not (self.credit_line.strip() or self.photographer.strip()):
            raise ValidationError(
                {
                    "credit_line": _(
                        "Every picture needs a credit: enter the agency or the photographer, "
                        "or mark it as the newsroom's own picture."
                    )
                }
            )

    @property
    def credit(self):
        """'<credit line> | <photographer>'; a missing part is left out with its separator.
        The newsroom's own pictures read the newsroom's name as their credit line."""
        credit_line = self.credit_line
        if self.is_own:
            from sitecontent.models import SiteSettings  # sitecontent refers to images

            credit_line = SiteSettings.current().site_name
        return " | ".join(part for part in (credit_line, self.photographer) if part)

    @property
    def credit_label(self):
        """The credit as readers see it: 'Bild: <credit line> | <photographer>', or ''."""
        return _("Image: %(credit)s") % {"credit": self.credit} if self.credit else ""

    @property
    def is_expired(self):
        """Whether the licence's last day has passed (in the newsroom's time zone)."""
        return self.usable_until is not None and self.usable_until < timezone.localdate()

    @property
    def is_under_embargo(self):
        return self.embargo_until is not None and self.embargo_until > timezone.now()

    @property
    def is_usable(self):
        """False before the embargo passes and once the licence's last day has passed (in the
        newsroom's time zone)."""
        return not (self.is_under_embargo or self.is_expired)

    @property
    def orientation(self):
        if not self.width or not self.height:
            return ""
        if self.width > self.height:
            return "landscape"
        return "portrait" if self.height > self.width else "square"


class Rendition(models.Model):
    """One resized, cropped and re-encoded copy of an image, made once and reused."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    spec = models.CharField(max_length=60)
    file = models.ImageField(
        upload_to=rendition_upload_to, width_field="width", height_field="height", max_length=200
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    file_size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Rendition")
        verbose_name_plural = _("Renditions")
        constraints = [
            models.UniqueConstraint(fields=["image", "spec"], name="unique_rendition_spec")
        ]

    def __str__(self):
        return f"{self.image_id}: {self.spec}"

    @property
    def url(self):
        return self.file.url

    @property
    def mime_type(self):
        return self.mime_type_of(self.file.name)

    @staticmethod
    def mime_type_of(name):
        for extension, mime_type in ((".webp", "image/webp"), (".avif", "image/avif")):
            if name.endswith(extension):
                return mime_type
        return "image/jpeg"
