"""Shared preview links: who handed out which link to an unpublished article, until when."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PreviewLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())

    def revoke(self, user=None, now=None):
        """Revoke the active links among these; returns how many."""
        now = now or timezone.now()
        return self.active(now).update(revoked_at=now, revoked_by=user)


class PreviewLink(models.Model):
    """One signed link (``articles.preview``) that shows one article to people without an
    account. Recorded so the desk sees who shared what and can revoke it before it expires."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("Article"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("Preview link")
        verbose_name_plural = _("Preview links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.article} ({self.created_at:%Y-%m-%d %H:%M})"

    def is_active(self, now=None):
        return self.revoked_at is None and self.expires_at > (now or timezone.now())
