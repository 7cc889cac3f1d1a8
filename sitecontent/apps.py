from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitecontentConfig(AppConfig):
    name = "sitecontent"
    verbose_name = _("Site texts")
