"""The ordered parts of an article: bylines, teaser bullets and "Lesen Sie außerdem noch:"
links."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Byline(models.Model):
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
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
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bullets"
    )
    text = models.CharField(_("Teaser bullet"), max_length=200)
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        verbose_name = _("Teaser bullet")
        verbose_name_plural = _("Teaser bullets")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class CrossLink(models.Model):
    """One "Lesen Sie außerdem noch:" link: to an article of the site (shown once it is
    public, so a story that goes live later may be linked ahead) or to an external address
    with the title readers see."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="cross_links"
    )
    target = models.ForeignKey(
        "articles.Article",
        verbose_name=_("linked article"),
        on_delete=models.CASCADE,
        related_name="linked_from",
        null=True,
        blank=True,
        help_text=_("An article of this site; shown once it is public."),
    )
    url = models.URLField(
        _("or external address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    title = models.CharField(
        _("Title of the external page"),
        max_length=200,
        blank=True,
        help_text=_("What readers see as the link, for an external address."),
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
            models.CheckConstraint(
                condition=(Q(target__isnull=False) & Q(url=""))
                | (Q(target__isnull=True) & ~Q(url="") & ~Q(title="")),
                name="cross_link_article_or_address",
            ),
        ]

    def __str__(self):
        return self.title if self.is_external else str(self.target)

    @property
    def is_external(self):
        return self.target_id is None

    def clean(self):
        if self.article_id and self.article_id == self.target_id:
            raise ValidationError({"target": _("An article cannot link to itself.")})
        if self.target_id and self.url:
            raise ValidationError({"url": _("Choose an article or enter an address, not both.")})
        if self.target_id:
            self.title = ""  # an article's link reads its own title
        elif not self.url:
            raise ValidationError({"target": _("Choose an article or enter an address.")})
        elif not self.title.strip():
            raise ValidationError({"title": _("An external link needs the title readers see.")})


class InlinePicture(models.Model):
    """A library picture in an article's text (``Article.inline_images``). The picture cannot
    be deleted while a text shows it, as a hero image cannot."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    image = models.ForeignKey("images.Image", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("Picture in the text")
        verbose_name_plural = _("Pictures in the text")
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="unique_inline_picture")
        ]

    def __str__(self):
        return f"{self.article_id}: {self.image_id}"
