"""System checks of the production settings that Django's own deployment checks only warn of."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def allowed_hosts_set(app_configs, **kwargs):
    """Serving with an empty ALLOWED_HOSTS answers every request with 400: stop instead.
    A deploy check (not a settings error), so management commands run without it."""
    if settings.ALLOWED_HOSTS or settings.DEBUG:
        return []
    return [
        Error(
            "ALLOWED_HOSTS is not set. Set it to the site's host names (or DEBUG=true for "
            "development).",
            id="newsroom.E001",
        )
    ]
