"""The people who write: authors with their role, sign-off code, bio and photo."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import addresses
from core.text import unique_german_slug


class Author(models.Model):
    name = models.CharField(_("Name"), max_length=120)
    role_title = models.CharField(
        _("Role"),
        max_length=80,
        blank=True,
        help_text=_("Shown in the byline before the name, e.g. “Redakteurin”."),
    )
    short_code = models.CharField(
        _("Short code"),
        max_length=10,
        unique=True,
        help_text=_("For the sign-off at the end of an article, e.g. “rut”."),
    )
    slug = models.SlugField(
        _("Slug"),
        max_length=140,
        unique=True,
        blank=True,
        help_text=_("Part of the address. Leave empty to make it from the name."),
    )
    bio = models.TextField(_("Short bio"), blank=True)
    photo = models.ForeignKey(
        "images.Image",
        verbose_name=_("Photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portraits",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("User account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
    )

    class Meta:
        verbose_name = _("Author")
        verbose_name_plural = _("Authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.short_code = self.short_code.strip().lower()
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return addresses.reverse("articles:author", slug=self.slug)

    def clean(self):
        # Codes are compared lower-case; normalise before the uniqueness check runs.
        self.short_code = self.short_code.strip().lower()
        # Made here, not by the admin's prepopulate script: one transliteration everywhere
        # ("Jörg Weiß" -> "joerg-weiss"), and the uniqueness check sees the slug.
        if not self.slug and self.name:
            self.slug = self._unique_slug()

    def _unique_slug(self):
        others = Author.objects.exclude(pk=self.pk)
        return unique_german_slug(
            self.name,
            max_length=self._meta.get_field("slug").max_length,
            fallback="autor",
            taken=lambda slug: others.filter(slug=slug).exists(),
        )
