"""Agency copy: the sources the worker polls, the items they deliver (the inbox,
"Agenturmeldungen"), the files a folder source has read, and which articles were made from
which item."""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Backoff after failures: the interval doubles with each failure in a row, up to this.
MAX_BACKOFF = timedelta(hours=6)


class WireSource(models.Model):
    class Kind(models.TextChoices):
        NINJS_HTTP = "ninjs_http", _("ninjs (JSON) over HTTP")
        NINJS_FOLDER = "ninjs_folder", _("ninjs (JSON) files in a folder")
        FEED = "feed", _("RSS or Atom feed")
        NEWSML_HTTP = "newsml_http", _("NewsML-G2 over HTTP")
        NEWSML_FOLDER = "newsml_folder", _("NewsML-G2 files in a folder")

    FOLDER_KINDS = (Kind.NINJS_FOLDER, Kind.NEWSML_FOLDER)

    name = models.CharField(_("Name"), max_length=120, help_text=_("E.g. “dpa Basisdienst”."))
    agency = models.CharField(
        _("Agency"), max_length=60, help_text=_("As in the byline, e.g. “dpa”, “epd”, “AFP”.")
    )
    kind = models.CharField(_("Format"), max_length=20, choices=Kind.choices)
    url = models.URLField(
        _("Address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("For sources fetched over HTTP (http or https only)."),
    )
    folder = models.CharField(
        _("Folder"),
        max_length=500,
        blank=True,
        help_text=_("For folder sources: the directory on the server the agency delivers to."),
    )
    default_credit = models.CharField(
        _("Default credit"),
        max_length=200,
        help_text=_("For items and pictures that name none, e.g. “dpa”."),
    )
    default_section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("Default section"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Articles taken over from this source start in this section."),
    )
    interval = models.PositiveIntegerField(
        _("Polling interval (minutes)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
    )
    is_active = models.BooleanField(_("Active"), default=True)
    next_poll_at = models.DateTimeField(_("Next poll"), default=timezone.now, db_index=True)
    last_success_at = models.DateTimeField(_("Last success"), null=True, blank=True)
    last_error_at = models.DateTimeField(_("Last error"), null=True, blank=True)
    error_message = models.TextField(_("Error message"), blank=True)
    error_count = models.PositiveIntegerField(_("Failures in a row"), default=0)
    skipped_count = models.PositiveIntegerField(
        _("Items skipped at the last poll"),
        default=0,
        help_text=_("Broken or refused items (the worker's log names them)."),
    )

    class Meta:
        verbose_name = _("Agency source")
        verbose_name_plural = _("Agency sources")
        ordering = ["agency", "name"]

    def __str__(self):
        return self.name

    @property
    def is_folder(self):
        return self.kind in self.FOLDER_KINDS

    @property
    def format(self):
        """The parser to use: "ninjs", "feed" or "newsml"."""
        return self.kind.split("_")[0]

    def clean(self):
        if self.is_folder and not self.folder.strip():
            raise ValidationError({"folder": _("A folder source needs a folder.")})
        if self.is_folder and not Path(self.folder).is_dir():
            raise ValidationError({"folder": _("There is no such folder on the server.")})
        if not self.is_folder and not self.url:
            raise ValidationError(
                {"url": _("This source is fetched over HTTP: enter its address.")}
            )

    def backoff(self, failures):
        """How long to wait after ``failures`` failures in a row."""
        return min(timedelta(minutes=self.interval) * 2 ** max(failures - 1, 0), MAX_BACKOFF)


class WireItemQuerySet(models.QuerySet):
    def under_embargo(self, now=None):
        return self.filter(embargo_until__gt=now or timezone.now())


class WireItem(models.Model):
    class Status(models.TextChoices):
        USABLE = "usable", _("Usable")
        WITHHELD = "withheld", _("Withheld")
        CANCELED = "canceled", _("Withdrawn (Sperrvermerk)")

    source = models.ForeignKey(
        WireSource, verbose_name=_("Source"), on_delete=models.CASCADE, related_name="items"
    )
    agency = models.CharField(_("Agency"), max_length=60, db_index=True)
    guid = models.CharField(_("Agency ID"), max_length=500)
    version = models.PositiveIntegerField(_("Version"), default=1)
    version_created_at = models.DateTimeField(_("Version of"), null=True, blank=True)
    received_at = models.DateTimeField(_("Received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("Last update"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.USABLE
    )
    urgency = models.PositiveSmallIntegerField(
        _("Urgency"), null=True, blank=True, help_text=_("1 = most urgent … 9")
    )
    section = models.ForeignKey(
        "articles.Section",
        verbose_name=_("Section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    headline = models.CharField(_("Headline"), max_length=500)
    lead = models.TextField(_("Lead"), blank=True)
    body = models.TextField(_("Text"), blank=True, help_text=_("Sanitized HTML."))
    byline = models.CharField(_("Byline"), max_length=300, blank=True)
    credit = models.CharField(_("Credit"), max_length=200, blank=True)
    copyright = models.CharField(_("Copyright notice"), max_length=300, blank=True)
    usage_terms = models.TextField(_("Usage terms"), blank=True)
    embargo_until = models.DateTimeField(_("Embargo until"), null=True, blank=True)
    link = models.URLField(_("Original address"), max_length=1000, blank=True)
    # [{"href", "caption", "alt", "credit", "photographer", "copyright", "usage",
    #   "embargo_until" (ISO or "")}], as parsed; downloaded only on take-over.
    pictures = models.JSONField(_("Pictures"), default=list, blank=True)
    articles = models.ManyToManyField(
        "articles.Article",
        verbose_name=_("Articles made from it"),
        through="TakeOver",
        related_name="+",
        blank=True,
    )

    objects = WireItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("Agency item")
        verbose_name_plural = _("Agency items")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "guid"], name="wire_item_once_per_source")
        ]
        indexes = [models.Index(fields=["-updated_at", "-id"], name="wire_item_newest")]

    def __str__(self):
        return self.headline

    @property
    def is_withdrawn(self):
        return self.status == self.Status.CANCELED

    @property
    def is_under_embargo(self):
        return self.embargo_until is not None and self.embargo_until > timezone.now()


class TakeOver(models.Model):
    """An article made from an agency item ("Als Artikel übernehmen"), and which version."""

    item = models.ForeignKey(
        WireItem, verbose_name=_("Agency item"), on_delete=models.CASCADE, related_name="takeovers"
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        related_name="wire_takeovers",
    )
    version = models.PositiveIntegerField(_("Version taken over"))
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    taken_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("Article from agency copy")
        verbose_name_plural = _("Articles from agency copy")
        ordering = ["-taken_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "article"], name="wire_takeover_once")
        ]

    def __str__(self):
        return f"{self.item} → {self.article}"

    @property
    def has_newer_version(self):
        return self.item.version > self.version


class ReadFile(models.Model):
    """A file a folder source has read (by name, size and modification time): read once."""

    source = models.ForeignKey(WireSource, on_delete=models.CASCADE, related_name="read_files")
    name = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=80)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Read file")
        verbose_name_plural = _("Read files")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "name", "fingerprint"], name="wire_file_read_once"
            )
        ]

    def __str__(self):
        return self.name
