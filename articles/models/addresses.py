"""Old addresses of articles: a changed slug keeps answering, with a permanent redirect."""

from django.db import models
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# An article's slug, and so each of its old ones.
SLUG_MAX_LENGTH = 120


class ArticleRedirect(models.Model):
    """An address an article had before its slug changed; answers with a 301 to where it is now.

    Written when the slug of an article that readers may have seen changes (see
    ``_record_old_address``). A move to another section needs no row: the article view finds
    an article by its slug in any section and redirects to its current section.
    """

    old_slug = models.SlugField(_("Old slug"), max_length=SLUG_MAX_LENGTH, unique=True)
    old_section_slug = models.SlugField(_("Section at the time"), max_length=80, blank=True)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        related_name="redirects",
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


@receiver(pre_save, sender="articles.Article")
def _remember_old_address(sender, instance, raw=False, **kwargs):
    """Read the stored address before it is overwritten. Also runs for django-reversion's raw
    saves, so restoring a version with another slug keeps the current address working."""
    instance._old_address = None
    if instance.pk:
        instance._old_address = (
            sender.objects.filter(pk=instance.pk)
            .values("slug", "section__slug", "status", "first_published_at")
            .first()
        )


@receiver(post_save, sender="articles.Article")
def _record_old_address(sender, instance, created, raw=False, **kwargs):
    old = getattr(instance, "_old_address", None)
    instance._old_address = None
    if not (created or (old and old["slug"] != instance.slug)):
        return
    # Back at an address it had before: its own old one is obsolete. Another article's old
    # address is never taken over (Article.clean refuses such a slug).
    ArticleRedirect.objects.filter(old_slug=instance.slug, article=instance).delete()
    # Only an address readers may have seen needs to keep working.
    if old and (old["first_published_at"] or old["status"] in sender.LIVE_STATUSES):
        ArticleRedirect.objects.update_or_create(
            old_slug=old["slug"],
            defaults={
                "article": instance,
                "old_section_slug": old["section__slug"] or "",
                "created_at": timezone.now(),
            },
        )
