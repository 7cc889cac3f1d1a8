"""A live ticker belongs to one article (its primary key is the article's) and holds entries.

The ticker runs from ``started_at`` until ``ended_at`` (None: no end set). Entries are
shown as soon as they are saved, newest first; their time is the one readers see.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import blocks
from articles.sanitizer import clean_body
from core.dates import german_datetime
from core.embeds import embed_for

ENTRY_TITLE_MAX_LENGTH = 120


class TickerQuerySet(models.QuerySet):
    def running(self, now=None):
        """Tickers that have started and not ended, decided at query time."""
        now = now or timezone.now()
        return self.filter(Q(ended_at__isnull=True) | Q(ended_at__gt=now), started_at__lte=now)


class Ticker(models.Model):
    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="live_ticker",
    )
    started_at = models.DateTimeField(_("Start"), default=timezone.now)
    ended_at = models.DateTimeField(
        _("End"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the ticker runs; readers then see that it has ended."),
    )

    objects = TickerQuerySet.as_manager()

    class Meta:
        verbose_name = _("Live ticker")
        verbose_name_plural = _("Live tickers")
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="ticker_ends_after_start",
            )
        ]

    def __str__(self):
        return str(self.article)

    def clean(self):
        if self.ended_at and self.started_at and self.ended_at < self.started_at:
            raise ValidationError({"ended_at": _("The end cannot be before the start.")})

    def is_running(self, now=None):
        now = now or timezone.now()
        return self.started_at <= now and (self.ended_at is None or self.ended_at > now)

    def has_started(self, now=None):
        return self.started_at <= (now or timezone.now())

    def has_ended(self, now=None):
        return self.ended_at is not None and self.ended_at <= (now or timezone.now())


class Entry(models.Model):
    ticker = models.ForeignKey(
        Ticker, verbose_name=_("Live ticker"), on_delete=models.CASCADE, related_name="entries"
    )
    published_at = models.DateTimeField(_("Time"), default=timezone.now)
    title = models.CharField(_("Short title"), max_length=ENTRY_TITLE_MAX_LENGTH, blank=True)
    body = models.TextField(_("Text"), blank=True)
    image = models.ForeignKey(
        "images.Image",
        verbose_name=_("Picture"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ticker_entries",
    )
    embed_url = models.URLField(
        _("Embed"),
        max_length=500,
        blank=True,
        help_text=_("A post or video address (YouTube, X, Instagram, Bluesky, Mastodon …)."),
    )
    author = models.ForeignKey(
        "people.Author",
        verbose_name=_("Author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ticker_entries",
    )
    pinned = models.BooleanField(
        _("Pinned (“Das Wichtigste”)"),
        default=False,
        help_text=_("Shown above all other entries."),
    )
    key_event = models.BooleanField(
        _("Key event"), default=False, help_text=_("Listed with a link at the top of the ticker.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Posted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    modified_at = models.DateTimeField(_("Last changed"), auto_now=True)

    class Meta:
        verbose_name = _("Ticker entry")
        verbose_name_plural = _("Ticker entries")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["ticker", "-published_at", "-id"], name="entry_newest")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(body="") | ~Q(title="") | Q(image__isnull=False) | ~Q(embed_url=""),
                name="entry_not_empty",
            )
        ]

    def __str__(self):
        return self.title or _("Entry of %(time)s") % {"time": german_datetime(self.published_at)}

    def save(self, *args, **kwargs):
        # Stored as readers get it, whoever saves (form, command, shell).
        self.body = clean_body(self.body)
        super().save(*args, **kwargs)

    def clean(self):
        self.body = clean_body(self.body)
        errors = {}
        if not (self.body or self.title or self.image_id or self.embed_url):
            errors["body"] = [_("An entry needs a text, a title, a picture or an embed.")]
        if self.embed_url and embed_for(self.embed_url) is None:
            errors["embed_url"] = _(
                "This address cannot be embedded: only posts and videos from YouTube, Vimeo, "
                "X, Instagram, Bluesky, Mastodon, Datawrapper and the allowed hosts can."
            )
        if self.image_id and self._image_changed() and self.image.is_expired:
            errors["image"] = _("The rights to this picture have ended; choose another one.")
        try:
            blocks.check(self.body)
        except ValidationError as error:
            errors.setdefault("body", []).extend(error.messages)
        if errors:
            raise ValidationError(errors)

    def _image_changed(self):
        if self.pk is None:
            return True
        stored = Entry.objects.filter(pk=self.pk).values_list("image_id", flat=True).first()
        return stored != self.image_id

    @property
    def article_id(self):
        return self.ticker_id  # the ticker's primary key is its article's

    @property
    def anchor(self):
        return f"eintrag-{self.pk}"

    @property
    def text(self):
        """The text without markup (admin lists, the audit)."""
        from search.text import plain_text

        return plain_text(self.body)

    @property
    def embed(self):
        return embed_for(self.embed_url) if self.embed_url else None
