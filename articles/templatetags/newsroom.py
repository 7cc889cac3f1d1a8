"""Template filters for the German formats readers see."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def german_datetime(value):
    """'03.11.2026 14.05': day, month, year, hours and minutes in the site's time zone."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%d.%m.%Y %H.%M")


@register.filter
def iso_datetime(value):
    """An ISO 8601 timestamp with offset, for <time datetime> and machines."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="minutes")
