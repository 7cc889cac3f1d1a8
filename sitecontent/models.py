"""Site-wide texts the newsroom edits in the admin: name, description, follow box, legal links,
social accounts and the publisher logo. One row; until it is saved, settings give the values."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Prefetch, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

CACHE_KEY = "sitecontent:site-settings"
# Saving clears the cache of the process that saved. With a per-process cache (the default
# locmem cache) other processes pick the change up after this many seconds at the latest.
CACHE_SECONDS = 300

_http_url = URLValidator(schemes=["http", "https"])


def validate_link(value):
    """An absolute http(s) URL, or an address on this site starting with a single '/'."""
    if value.startswith("/") and not value.startswith(("//", "/\\")):
        if "\\" in value:
            # Browsers read a backslash as a slash: "/\\evil.example" would leave the site.
            raise ValidationError(_("An address must not contain a backslash."), code="invalid")
        if any(char.isspace() for char in value):
            raise ValidationError(_("An address must not contain spaces."), code="invalid")
        return
    _http_url(value)


def default_site_name():
    return settings.NEWSROOM_SITE_NAME


def default_follow_box():
    return settings.NEWSROOM_FOLLOW_BOX


def default_publication_code():
    return settings.NEWSROOM_PUBLICATION_CODE


def default_description():
    return str(
        _("News, background and analysis from %(site_name)s.")
        % {"site_name": settings.NEWSROOM_SITE_NAME}
    )


class SiteSettings(models.Model):
    SINGLETON_PK = 1

    site_name = models.CharField(_("Site name"), max_length=80, default=default_site_name)
    description = models.CharField(
        _("Short description"),
        max_length=300,
        default=default_description,
        help_text=_(
            "One or two sentences about the site. Search engines and social networks show it "
            "for pages without a text of their own (the home page, section pages)."
        ),
    )
    follow_box = models.TextField(
        _("Follow box"),
        blank=True,
        default=default_follow_box,
        help_text=_("Shown at the end of every article. Leave empty to show no box."),
    )
    publication_code = models.CharField(
        _("Publication sign-off code"),
        max_length=20,
        default=default_publication_code,
        help_text=_(
            "Ends the sign-off under every article, after the authors' short codes, "
            "e.g. “newsroom” in “mm/ab/newsroom”."
        ),
    )
    imprint_url = models.CharField(
        _("Imprint address"),
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text=_("A full address (https://…) or one on this site (/impressum/)."),
    )
    privacy_url = models.CharField(
        _("Privacy policy address"),
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text=_("A full address (https://…) or one on this site (/datenschutz/)."),
    )
    contact_email = models.EmailField(_("Contact e-mail"), blank=True)
    logo = models.ForeignKey(
        "images.Image",
        verbose_name=_("Publisher logo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "For search engines (structured data). A wide logo, e.g. 600 × 60 pixels. "
            "Empty: the logo that ships with the site is used."
        ),
    )
    social_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("Default picture for social networks"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="social_default_for",
        help_text=_(
            "Shown, with its credit, when a page without a picture of its own is shared (the "
            "home page, sections, tags, authors, search, articles without a hero image). "
            "A wide picture, at least 1200 pixels."
        ),
    )
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    class Meta:
        verbose_name = _("Website settings")
        verbose_name_plural = _("Website settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_singleton")]

    def __str__(self):
        return str(_("Website settings"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The saved settings, or unsaved ones made of the defaults (so a fresh install works
        without an admin step). Cached; saving the settings or their parts clears the cache."""
        saved = cache.get(CACHE_KEY)
        if saved is None:
            saved = (
                cls.objects.select_related("logo", "social_image")
                .prefetch_related(
                    Prefetch(
                        "social_accounts", queryset=SocialAccount.objects.all(), to_attr="accounts"
                    ),
                )
                .filter(pk=cls.SINGLETON_PK)
                .first()
            ) or False  # remember "nothing saved" too, as a value the cache can tell from a miss
            if saved and saved.social_image is not None:
                from images import renditions  # images refers to sitecontent

                # Kept with the settings, made now if missing: pages without a picture of
                # their own share it, without a query for it.
                renditions.load_renditions([saved.social_image], "wide")
                renditions.renditions_for(saved.social_image, "wide")
            cache.set(CACHE_KEY, saved, CACHE_SECONDS)
        # Defaults are made anew each time: they follow the settings of the running process.
        return saved or cls(pk=None)

    @property
    def social_links(self):
        """The social accounts in order (none until the settings are saved)."""
        if self.pk is None:
            return []
        if not hasattr(self, "accounts"):
            self.accounts = list(self.social_accounts.all())
        return self.accounts


class SocialAccount(models.Model):
    site_settings = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="social_accounts"
    )
    network = models.CharField(
        _("Network"), max_length=40, help_text=_("As readers know it, e.g. “Mastodon”.")
    )
    url = models.URLField(_("Address"), max_length=300)
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        verbose_name = _("Social media account")
        verbose_name_plural = _("Social media accounts")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.network


def clear_cache(**kwargs):
    """Forget the cached settings now, and again once the transaction commits: a request in
    between could otherwise cache the old values again."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
@receiver(post_save, sender=SocialAccount)
@receiver(post_delete, sender=SocialAccount)
def _settings_changed(sender, **kwargs):
    clear_cache()


# The cached settings carry the logo image; a changed image must not linger there.
post_save.connect(clear_cache, sender="images.Image", dispatch_uid="sitecontent-logo-saved")
post_delete.connect(clear_cache, sender="images.Image", dispatch_uid="sitecontent-logo-deleted")
