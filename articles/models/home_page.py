"""The home page's curation: the lead story and the highlighted articles (one row)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .articles import Article

# How many articles the desk may highlight under the lead story on the home page.
MAX_HOME_HIGHLIGHTS = 4


class HomePage(models.Model):
    """The curated top of the home page: the lead story ("Aufmacher") and a few highlighted
    articles. There is one row; what is not chosen, or no longer public, is filled with the
    newest public articles."""

    SINGLETON_PK = 1

    lead = models.ForeignKey(
        "articles.Article",
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


class HomePageHighlight(models.Model):
    home_page = models.ForeignKey(HomePage, on_delete=models.CASCADE, related_name="highlights")
    article = models.ForeignKey(
        "articles.Article",
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
