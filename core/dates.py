"""German dates and times, written one way everywhere: pages, admin, audit, feeds and API.

The convention is the article page's (ANATOMY.md): ``03.11.2026 14.05``, day first, a dot
between hours and minutes, in the site's time zone (Europe/Berlin). Machines get ISO 8601
with the offset. Nothing else in the project calls ``strftime`` for a reader or an editor.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

DATE = "%d.%m.%Y"
TIME = "%H.%M"
DATETIME = f"{DATE} {TIME}"


def _local(value):
    """A datetime in the site's time zone; a date or a naive time stays as it is."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def german_date(value):
    """'03.11.2026' for a date or a datetime; '' for None."""
    return _local(value).strftime(DATE) if value else ""


def german_time(value):
    """'14.05' for a datetime (in the site's time zone) or a time; '' for None."""
    return _local(value).strftime(TIME) if value else ""


def german_datetime(value, *, zone=False):
    """'03.11.2026 14.05' ('03.11.2026 14.05 CET' with ``zone``); '' for None."""
    if not value:
        return ""
    local = _local(value)
    text = local.strftime(DATETIME)
    return f"{text} {local.strftime('%Z')}" if zone else text


def german_short_datetime(value):
    """'14.05' for a time today, '03.11. 14.05' for another day: for compact lists."""
    if not value:
        return ""
    local = _local(value)
    if local.date() == timezone.localdate():
        return local.strftime(TIME)
    return local.strftime(f"%d.%m. {TIME}")


def long_date(value):
    """'3. November 2026', the date as a heading reads it."""
    return date_format(value, "j. F Y")


def long_datetime(value):
    """'3. November 2026, 14.05 Uhr': a moment as a sentence reads it (the time written as
    everywhere else, ``german_time``); '' for None."""
    if not value:
        return ""
    local = _local(value)
    return _("%(date)s, %(time)s o’clock") % {"date": long_date(local), "time": german_time(local)}


def weekday(value):
    """'Dienstag'."""
    return date_format(value, "l")


def utc_offset(value):
    """'UTC+0100': the offset a local time was read with."""
    return _local(value).strftime("UTC%z")


def iso_datetime(value, timespec="seconds"):
    """ISO 8601 with the offset of the site's time zone, '2026-11-03T14:05:00+01:00';
    None stays None."""
    return timezone.localtime(value).isoformat(timespec=timespec) if value else None


def day_bounds(date):
    """The first moment of ``date`` and of the day after, in the site's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(date, datetime.time.min, tzinfo=zone)
    following = date + datetime.timedelta(days=1)
    return start, datetime.datetime.combine(following, datetime.time.min, tzinfo=zone)


def is_ambiguous(value):
    """Whether a local wall-clock time occurs twice (the autumn DST overlap)."""
    local = timezone.localtime(value)
    other = local.replace(fold=1 - local.fold)
    return local.utcoffset() != other.utcoffset()


def local_date(value):
    """The calendar day of a datetime in the site's time zone."""
    return timezone.localdate(value)


def local_moment(date, time):
    """``time`` on ``date`` in the site's time zone, as an aware datetime. A wall-clock time
    the spring change skips is read with the winter offset (02:30 is 03:30 summer time); one
    that occurs twice in autumn is the first."""
    return datetime.datetime.combine(date, time, tzinfo=timezone.get_current_timezone())
