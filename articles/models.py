"""Articles and their ordered parts, as described in ANATOMY.md."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from . import revisions
from .sanitizer import clean_body
from .text import german_slugify, join_as_sentence

MAX_TEASER_BULLETS = 5
SLUG_MAX_LENGTH = 120
# How many articles the desk may highlight under the lead story on the home page.
MAX_HOME_HIGHLIGHTS = 4
# The cached list of sections for the site navigation (articles.context_processors).
NAV_SECTIONS_CACHE_KEY = "articles:nav-sections"


# First path segments the site uses itself; a section cannot take them as its address.
RESERVED_SECTION_SLUGS = frozenset(
    {
        "admin",
        "api",
        "archiv",
        "autor",
        "bildnachweise",
        "feeds",
        "media",
        "static",
        "suche",
        "thema",
        "vorschau",
    }
)


def validate_section_slug(value):
    if value in RESERVED_SECTION_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the site itself; choose another address."),
            params={"slug": value},
            code="reserved",
        )


class Section(models.Model):
    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("Slug"), max_length=80, unique=True, validators=[validate_section_slug]
    )
    position = models.PositiveIntegerField(_("Order"), default=0)

    class Meta:
        verbose_name = _("Section")
        verbose_name_plural = _("Sections")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"section": self.slug})


def hero_renditions():
    """The hero images' 16:9 renditions, the only ones teasers and article pages show."""
    from images.models import Rendition  # images refers to articles (for slugs)

    return Prefetch(
        "hero_image__renditions",
        queryset=Rendition.objects.filter(spec__startswith="wide-"),
    )


class ArticleQuerySet(models.QuerySet):
    def public(self):
        """Articles readers may see, decided at query time so no job must run first:
        published or scheduled, their publication time has come and, if they have one,
        their depublication time has not."""
        now = timezone.now()
        return self.filter(
            Q(depublish_at__isnull=True) | Q(depublish_at__gt=now),
            status__in=Article.LIVE_STATUSES,
            published_at__lte=now,
        )

    def for_teasers(self):
        """What a list of teasers shows, in a fixed number of queries."""
        return self.select_related("section", "hero_image").prefetch_related(hero_renditions())

    def for_page(self):
        """Everything an article page shows, in a fixed number of queries."""
        public_targets = CrossLink.objects.filter(
            target__in=Article.objects.public()
        ).select_related("target__section")
        return self.select_related("section", "hero_image").prefetch_related(
            hero_renditions(),
            Prefetch("bylines", queryset=Byline.objects.select_related("author")),
            "bullets",
            Prefetch("cross_links", queryset=public_targets, to_attr="public_cross_links"),
            "tags",
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

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
    hero_caption = models.TextField(
        _("Caption in this article"),
        blank=True,
        help_text=_("Leave empty to use the caption from the image library."),
    )
    lead = models.TextField(
        _("Lead"), help_text=_("The opening paragraph, plain text. Also the teaser text.")
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
    correction_note = models.TextField(
        _("Correction note"),
        blank=True,
        help_text=_("Shown at the end of the article, e.g. what was corrected and when."),
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
        indexes = [models.Index(fields=["status", "-published_at"])]
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

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.body = clean_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"section": self.section.slug, "slug": self.slug})

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
        return "/".join([*codes, settings.NEWSROOM_PUBLICATION_CODE])

    def clean(self):
        if not self.slug and self.headline:
            self.slug = self._unique_slug()
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

    def _unique_slug(self):
        base = german_slugify(self.headline)[:SLUG_MAX_LENGTH].strip("-") or "artikel"
        others = Article.objects.exclude(pk=self.pk)
        # An old address of another article stays that article's: a new one must not take it.
        old_addresses = ArticleRedirect.objects.exclude(article_id=self.pk)
        slug, number = base, 2
        while others.filter(slug=slug).exists() or old_addresses.filter(old_slug=slug).exists():
            suffix = f"-{number}"
            slug = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix
            number += 1
        return slug


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "people.Author", verbose_name=_("Author"), on_delete=models.PROTECT, related_name="bylines"
    )
    role = models.CharField(
        _("Role in this article"),
        max_length=80,
        blank=True,
        help_text=_("Leave empty to use the person's own role."),
    )
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        verbose_name = _("Byline")
        verbose_name_plural = _("Byline")
        ordering = ["position", "pk"]
        constraints = [
            # Deferred, so that swapping the people of two rows in one save is no conflict.
            models.UniqueConstraint(
                fields=["article", "author"],
                name="byline_author_once",
                deferrable=models.Deferrable.DEFERRED,
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """'Redakteurin Mara Muster': the role for this article (or the author's), then the name."""
        role = self.role or self.author.role_title
        return f"{role} {self.author.name}" if role else self.author.name


class TeaserBullet(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bullets")
    text = models.CharField(_("Teaser bullet"), max_length=200)
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        verbose_name = _("Teaser bullet")
        verbose_name_plural = _("Teaser bullets")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class CrossLink(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="cross_links")
    target = models.ForeignKey(
        Article,
        verbose_name=_("linked article"),
        on_delete=models.CASCADE,
        related_name="linked_from",
    )
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        verbose_name = _("“Read also” link")
        verbose_name_plural = _("“Read also” links")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "target"],
                name="cross_link_once",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(
                condition=~Q(article=models.F("target")), name="cross_link_not_to_itself"
            ),
        ]

    def __str__(self):
        return str(self.target)

    def clean(self):
        if self.article_id and self.article_id == self.target_id:
            raise ValidationError({"target": _("An article cannot link to itself.")})


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

    article = models.ForeignKey(
        Article, verbose_name=_("Article"), on_delete=models.CASCADE, related_name="events"
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


class ArticleRedirect(models.Model):
    """An address an article had before its slug changed; answers with a 301 to where it is now.

    Written when the slug of an article that readers may have seen changes (see
    ``_record_old_address``). A move to another section needs no row: the article view finds
    an article by its slug in any section and redirects to its current section.
    """

    old_slug = models.SlugField(_("Old slug"), max_length=SLUG_MAX_LENGTH, unique=True)
    old_section_slug = models.SlugField(_("Section at the time"), max_length=80, blank=True)
    article = models.ForeignKey(
        Article, verbose_name=_("Article"), on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("Old article address")
        verbose_name_plural = _("Old article addresses")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.old_path

    @property
    def old_path(self):
        section = self.old_section_slug or "…"
        return f"/{section}/{self.old_slug}/"


@receiver(pre_save, sender=Article)
def _remember_old_address(sender, instance, raw=False, **kwargs):
    """Read the stored address before it is overwritten. Also runs for django-reversion's raw
    saves, so restoring a version with another slug keeps the current address working."""
    instance._old_address = None
    if instance.pk:
        instance._old_address = (
            Article.objects.filter(pk=instance.pk)
            .values("slug", "section__slug", "status", "first_published_at")
            .first()
        )


@receiver(post_save, sender=Article)
def _record_old_address(sender, instance, created, raw=False, **kwargs):
    old = getattr(instance, "_old_address", None)
    instance._old_address = None
    if not (created or (old and old["slug"] != instance.slug)):
        return
    # The article's own address always wins; an old one of the same name is obsolete.
    ArticleRedirect.objects.filter(old_slug=instance.slug).delete()
    # Only an address readers may have seen needs to keep working.
    if old and (old["first_published_at"] or old["status"] in Article.LIVE_STATUSES):
        ArticleRedirect.objects.update_or_create(
            old_slug=old["slug"],
            defaults={
                "article": instance,
                "old_section_slug": old["section__slug"] or "",
                "created_at": timezone.now(),
            },
        )


class HomePage(models.Model):
    """The curated top of the home page: the lead story ("Aufmacher") and a few highlighted
    articles. There is one row; what is not chosen, or no longer public, is filled with the
    newest public articles."""

    SINGLETON_PK = 1

    lead = models.ForeignKey(
        Article,
        verbose_name=_("Lead story"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="home_page_leads",
        limit_choices_to={"status__in": Article.LIVE_STATUSES},
        help_text=_(
            "The big story at the top. Empty, or not public (yet): the newest article is shown."
        ),
    )
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

    class Meta:
        verbose_name = _("Home page")
        verbose_name_plural = _("Home page")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="home_page_singleton"),
        ]

    def __str__(self):
        return str(_("Home page"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:home")

    @classmethod
    def load(cls):
        home_page, _ = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return home_page

    @staticmethod
    def curated_articles():
        """The chosen articles that are public now, as (lead or None, [highlights in order]).

        One query: each article carries whether it is the lead and its highlight position.
        """
        highlight = HomePageHighlight.objects.filter(
            home_page_id=HomePage.SINGLETON_PK, article=OuterRef("pk")
        )
        is_lead = HomePage.objects.filter(pk=HomePage.SINGLETON_PK, lead=OuterRef("pk"))
        chosen = (
            Article.objects.public()
            .for_teasers()
            .annotate(
                is_lead=Exists(is_lead),
                highlight_position=Subquery(highlight.values("position")[:1]),
            )
            .filter(Q(is_lead=True) | Q(highlight_position__isnull=False))
        )
        lead = None
        highlights = []
        for article in chosen:
            if article.is_lead:
                lead = article
            else:
                highlights.append(article)
        highlights.sort(key=lambda a: (a.highlight_position, -a.published_at.timestamp(), -a.pk))
        return lead, highlights[:MAX_HOME_HIGHLIGHTS]


class HomePageHighlight(models.Model):
    home_page = models.ForeignKey(HomePage, on_delete=models.CASCADE, related_name="highlights")
    article = models.ForeignKey(
        Article,
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        related_name="home_page_highlights",
        limit_choices_to={"status__in": Article.LIVE_STATUSES},
    )
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        verbose_name = _("Highlighted article")
        verbose_name_plural = _("Highlighted articles")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["home_page", "article"], name="home_highlight_once"),
        ]

    def __str__(self):
        return str(self.article)


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def _forget_navigation(sender, **kwargs):
    # Now, and again after the commit, so no request in between keeps the old list.
    cache.delete(NAV_SECTIONS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(NAV_SECTIONS_CACHE_KEY))


# Register with django-reversion as soon as the models exist: before the admin's
# autodiscovery, whose VersionAdmin would otherwise register Article on its own terms
# (following every inline, the audit trail included).
revisions.register()
