"""Sections ("Ressorts"): the site's departments, each with its own page and address."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import addresses
from core.text import unique_german_slug

# The longest title and description for search engines an article or a section takes
# (search engines show about 60 and 155 characters: articles/forms.py counts against those).
SEO_TITLE_MAX_LENGTH = 70
META_DESCRIPTION_MAX_LENGTH = 200

# First path segments the site uses itself; a section cannot take them as its address.
RESERVED_SECTION_SLUGS = frozenset(
    {
        "admin",
        "api",
        "archiv",
        "autor",
        "bildnachweise",
        "feeds",
        "korrekturen",
        "media",
        "static",
        "suche",
        "thema",
        "vorschau",
    }
)


def validate_section_slug(value):
    if value in RESERVED_SECTION_SLUGS or value == settings.ADMIN_URL.split("/")[0]:
        raise ValidationError(
            _("“%(slug)s” is used by the site itself; choose another address."),
            params={"slug": value},
            code="reserved",
        )


class Section(models.Model):
    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(
        _("Slug"),
        max_length=80,
        unique=True,
        blank=True,
        validators=[validate_section_slug],
        help_text=_("Part of the address. Leave empty to make it from the name."),
    )
    position = models.PositiveIntegerField(_("Order"), default=0)
    seo_title = models.CharField(
        _("Title for search engines"),
        max_length=SEO_TITLE_MAX_LENGTH,
        blank=True,
        help_text=_("Instead of the section's name. Search engines show about 60 characters."),
    )
    meta_description = models.CharField(
        _("Description for search engines"),
        max_length=META_DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Shown in search results and link previews of the section page instead of the "
            "site's description. Search engines show about 155 characters."
        ),
    )
    social_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("Picture for social networks"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="social_for_sections",
        help_text=_("Shown when the section page is shared, instead of the site's picture."),
    )

    class Meta:
        verbose_name = _("Section")
        verbose_name_plural = _("Sections")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return addresses.reverse("articles:section", section=self.slug)

    def clean(self):
        # Made here, not by the admin's prepopulate script: one transliteration everywhere,
        # and a made slug is checked like a typed one.
        if not self.slug and self.name:
            self.slug = self._unique_slug()
            try:
                validate_section_slug(self.slug)
            except ValidationError as error:
                raise ValidationError({"slug": error}) from None

    def _unique_slug(self):
        others = Section.objects.exclude(pk=self.pk)
        return unique_german_slug(
            self.name,
            max_length=self._meta.get_field("slug").max_length,
            fallback="ressort",
            taken=lambda slug: others.filter(slug=slug).exists(),
        )
