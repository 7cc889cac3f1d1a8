"""The article: its own fields, what "public" means, and the rules of saving it (slug, clean
body, old addresses, audited changes of the planned times)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager

from core import addresses
from core.dates import german_datetime
from core.text import join_as_sentence, unique_german_slug
from sitecontent.models import SiteSettings

from .. import blocks
from ..sanitizer import clean_body
from .addresses import SLUG_MAX_LENGTH, ArticleRedirect
from .events import SCHEDULE_FIELDS, record_schedule_changes
from .queries import ArticleQuerySet
from .sections import META_DESCRIPTION_MAX_LENGTH, SEO_TITLE_MAX_LENGTH, Section

MAX_TEASER_BULLETS = 5


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Genre(models.TextChoices):
        """What kind of text it is: readers see the label (news and opinion kept apart),
        search engines the schema.org type (distribution/structured_data.py)."""

        NEWS = "news", pgettext_lazy("genre", "News")
        OPINION = "opinion", _("Commentary")
        ANALYSIS = "analysis", _("Analysis")
        BACKGROUND = "background", _("Background")
        REPORTAGE = "reportage", _("Reportage")
        REVIEW = "review", _("Review")

    # Statuses whose articles are public once their publication time has come.
    LIVE_STATUSES = (Status.SCHEDULED, Status.PUBLISHED)

    kicker = models.CharField(
        _("Kicker"),
        max_length=80,
        blank=True,
        help_text=_("A short label before the headline, e.g. “Stadtrat Leipzig”."),
    )
    headline = models.CharField(_("Headline"), max_length=200)
    slug = models.SlugField(
        _("Slug"),
        max_length=SLUG_MAX_LENGTH,
        unique=True,
        blank=True,
        help_text=_("Part of the address. Leave empty to make it from the headline."),
    )
    section = models.ForeignKey(
        Section, verbose_name=_("Section"), on_delete=models.PROTECT, related_name="articles"
    )
    genre = models.CharField(
        _("Genre"),
        max_length=20,
        choices=Genre.choices,
        default=Genre.NEWS,
        help_text=_("Anything but news is labelled as such above the headline."),
    )
    tags = TaggableManager(
        verbose_name=_("Tags"),
        blank=True,
        help_text=_("Separated by commas, e.g. “Ukraine war, North Korea”."),
    )
    hero_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("Hero image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    # The pictures in the body, kept in step on save: their uses are one query (blocks.py).
    inline_images = models.ManyToManyField(
        "images.Image",
        verbose_name=_("Pictures in the text"),
        through="InlinePicture",
        related_name="inline_articles",
        blank=True,
        editable=False,
    )
    hero_caption = models.TextField(
        _("Caption in this article"),
        blank=True,
        help_text=_("Leave empty to use the caption from the image library."),
    )
    lead = models.TextField(
        _("Lead"), help_text=_("The opening paragraph, plain text. Also the teaser text.")
    )
    seo_title = models.CharField(
        _("Title for search engines"),
        max_length=SEO_TITLE_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Shown by search engines and social networks instead of kicker and headline. "
            "Search engines show about 60 characters."
        ),
    )
    meta_description = models.CharField(
        _("Description for search engines"),
        max_length=META_DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Shown in search results and link previews instead of the lead. Search engines "
            "show about 155 characters."
        ),
    )
    social_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("Picture for social networks"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="social_for_articles",
        help_text=_("Shown when the article is shared, instead of the hero image."),
    )
    body = models.TextField(
        _("Body"),
        blank=True,
        help_text=_(
            "Paragraphs, subheadings (h2/h3), lists, quotes, links, bold and italic. "
            "Everything else is removed on save."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("Publication"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("First publication (Europe/Berlin). Empty: now, when published."),
    )
    depublish_at = models.DateTimeField(
        _("Depublish at"),
        null=True,
        blank=True,
        help_text=_("Optional: from this time on the article is hidden again (embargo, expiry)."),
    )
    first_published_at = models.DateTimeField(
        _("First went live at"), null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField(
        _("Updated at"),
        null=True,
        blank=True,
        help_text=_("Time of the last material update, if there was one."),
    )
    embargo_until = models.DateTimeField(
        _("Embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Not to be published before this time (Sperrfrist), whatever the schedule says: "
            "until then the article is on no page, feed or list."
        ),
    )
    embargo_source = models.CharField(
        _("Source of the embargo"),
        max_length=200,
        blank=True,
        help_text=_("Who set it, e.g. “dpa” or “Pressestelle Universität Leipzig”."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("Article")
        verbose_name_plural = _("Articles")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            # The newest articles, in page order: lists stop after a page, whatever the
            # archive's size, instead of sorting every public article.
            models.Index(fields=["-published_at", "-id"], name="article_newest"),
            # A section's newest articles (section pages, the home page's section blocks).
            models.Index(fields=["section", "-published_at"], name="article_section_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["scheduled", "published"]) | Q(published_at__isnull=False),
                name="article_live_has_time",
            ),
        ]
        permissions = [
            ("publish_article", _("Can review, schedule, publish and withdraw articles")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, user=None, schedule_comment="", **kwargs):
        """Save; ``user`` is who made the change, for the audit trail (None: unknown, such
        as a script). A change of the planned times is recorded here, whoever makes it,
        unless the status changes in the same save: the workflow records that step.
        ``schedule_comment`` goes with that record."""
        if not self.slug:
            self.slug = self._unique_slug()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.body = clean_body(self.body)
        stored = getattr(self, "_stored", None)
        saved_fields = kwargs.get("update_fields")
        if stored is not None and saved_fields is not None:
            # Only what this save writes can have changed in the database.
            stored = {name: value for name, value in stored.items() if name in saved_fields}
        super().save(*args, **kwargs)
        if saved_fields is None or "body" in saved_fields:
            blocks.keep_inline_pictures(self)
        if stored is not None and stored.get("status", self.status) == self.status:
            record_schedule_changes(self, stored, user=user, comment=schedule_comment)
        self.remember_stored_state(saved_fields)

    def get_absolute_url(self):
        return addresses.reverse("articles:detail", section=self.section.slug, slug=self.slug)

    @property
    def pictures(self):
        """The hero image, then the pictures in the text (prefetch inline_images for lists)."""
        hero = [self.hero_image] if self.hero_image_id else []
        inline = [image for image in self.inline_images.all() if image.pk != self.hero_image_id]
        return hero + inline

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_stored_state()
        return instance

    def refresh_from_db(self, *args, fields=None, **kwargs):
        super().refresh_from_db(*args, fields=fields, **kwargs)
        self.remember_stored_state(fields)

    def remember_stored_state(self, fields=None):
        """Note the status and planned times as stored (all, or those of ``fields`` just
        read), to tell on save what changed. Deferred fields are left out."""
        stored = dict(getattr(self, "_stored", {}))
        for name in ("status", *SCHEDULE_FIELDS):
            if (fields is None or name in fields) and name in self.__dict__:
                stored[name] = self.__dict__[name]
        self._stored = stored

    @property
    def title(self):
        """The title line: 'Kicker: Headline', or the headline alone."""
        return f"{self.kicker}: {self.headline}" if self.kicker else self.headline

    @property
    def is_public(self):
        """The same rule as ArticleQuerySet.public(), for an article already in memory."""
        now = timezone.now()
        return (
            self.status in self.LIVE_STATUSES
            and self.published_at is not None
            and self.published_at <= now
            and (self.depublish_at is None or self.depublish_at > now)
        )

    @property
    def locks_images(self):
        """Whether its pictures change only through the desk (images/permissions.py): from
        submission on, a changed picture would go out around the review."""
        return self.status != self.Status.DRAFT

    @property
    def caption(self):
        """The caption shown under the hero image: this article's, else the image's own."""
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.caption if self.hero_image else ""

    @property
    def is_updated(self):
        """Whether to show 'Aktualisiert am': a material update after first publication."""
        return bool(self.updated_at and self.published_at and self.updated_at > self.published_at)

    @property
    def byline(self):
        """'Von Redakteurin Mara Muster und Korrespondent Ben Beispiel' (needs bylines loaded)."""
        names = [byline.label for byline in self.bylines.all()]
        return _("By %(names)s") % {"names": join_as_sentence(names)} if names else ""

    @property
    def author_names(self):
        """'Mara Muster, Ben Beispiel': names only, for lists (needs bylines loaded)."""
        return ", ".join(byline.author.name for byline in self.bylines.all())

    @property
    def sign_off(self):
        """'mm/ab/newsroom': the authors' short codes, then the publication."""
        codes = [byline.author.short_code for byline in self.bylines.all()]
        return "/".join([*codes, SiteSettings.current().publication_code])

    def clean(self):
        if not self.slug and self.headline:
            self.slug = self._unique_slug()
        self._check_slug_is_free()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.updated_at and self.published_at and self.updated_at < self.published_at:
            raise ValidationError(
                {"updated_at": _("The update cannot be earlier than the publication.")}
            )
        if self.depublish_at and self.published_at and self.depublish_at <= self.published_at:
            raise ValidationError(
                {"depublish_at": _("The depublication must come after the publication.")}
            )
        if self.status in self.LIVE_STATUSES:
            refusal = self.embargo_refusal(self.published_at)
            if refusal:
                raise ValidationError({"published_at": refusal})

    def embargo_lifts_at(self):
        """When the article may go public at the earliest: its own embargo or that of one of
        its pictures (hero and text), whichever is later (None: no embargo)."""
        pictures = self.pictures if self.pk else [self.hero_image] if self.hero_image_id else []
        moments = [self.embargo_until, *(picture.embargo_until for picture in pictures)]
        return max((moment for moment in moments if moment), default=None)

    @property
    def pending_embargo(self):
        """The end of an embargo that has not passed yet, or None."""
        lifts = self.embargo_lifts_at()
        return lifts if lifts is not None and lifts > timezone.now() else None

    def embargo_refusal(self, going_live_at):
        """Why the article cannot go public at ``going_live_at`` (None: now), or ''."""
        lifts = self.embargo_lifts_at()
        if lifts is None or (going_live_at or timezone.now()) >= lifts:
            return ""
        if lifts == self.embargo_until:
            source = self.embargo_source or _("source not given")
        else:
            source = _("a picture's embargo")
        return _(
            "Embargo until %(time)s (%(source)s): the article can go public at that time at "
            "the earliest."
        ) % {"time": german_datetime(lifts), "source": source}

    def _check_slug_is_free(self):
        """A typed slug must not take another article's old address: that would silence the
        redirect readers' links and search engines rely on, and hand the address over."""
        taken = (
            ArticleRedirect.objects.filter(old_slug=self.slug)
            .exclude(article_id=self.pk)
            .select_related("article")
            .first()
        )
        if self.slug and taken:
            raise ValidationError(
                {
                    "slug": _(
                        "This address used to belong to “%(title)s” and still leads there. "
                        "Please choose another one."
                    )
                    % {"title": taken.article.title}
                }
            )

    def _unique_slug(self):
        others = Article.objects.exclude(pk=self.pk)
        # An old address of another article stays that article's: a new one must not take it.
        old_addresses = ArticleRedirect.objects.exclude(article_id=self.pk)
        return unique_german_slug(
            self.headline,
            max_length=SLUG_MAX_LENGTH,
            fallback="artikel",
            taken=lambda slug: (
                others.filter(slug=slug).exists() or old_addresses.filter(old_slug=slug).exists()
            ),
        )
