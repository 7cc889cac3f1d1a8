"""The site's texts for every template: ``site`` (the settings) and, for the templates that
already use them, ``site_name`` and ``follow_box``. Evaluated only when a template uses them,
so admin pages pay nothing."""

from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site(request):
    current = SimpleLazyObject(SiteSettings.current)
    return {
        "site": current,
        "site_name": SimpleLazyObject(lambda: current.site_name),
        "follow_box": SimpleLazyObject(lambda: current.follow_box),
    }
