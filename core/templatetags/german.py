"""Template filters for German dates and times (see core.dates): ``{% load german %}``."""

from django import template

from core import dates

register = template.Library()


@register.filter
def german_datetime(value):
    """'03.11.2026 14.05'."""
    return dates.german_datetime(value)


@register.filter
def german_short_datetime(value):
    """'14.05' today, '03.11. 14.05' on another day."""
    return dates.german_short_datetime(value)


@register.filter
def german_date(value):
    """'03.11.2026'."""
    return dates.german_date(value)


@register.filter
def long_datetime(value):
    """'3. November 2026, 14.05 Uhr'."""
    return dates.long_datetime(value)


@register.filter
def iso_datetime(value):
    """An ISO 8601 timestamp with offset, to the minute, for <time datetime>."""
    return dates.iso_datetime(value, timespec="minutes") or ""
