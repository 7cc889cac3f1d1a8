from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from core import periodic

        # Prepares the day's edition at a newsletter's time and sends what is due.
        periodic.register("newsletter.send", "newsletter.sending.run")
