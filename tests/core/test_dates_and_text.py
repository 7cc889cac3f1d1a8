"""German dates and text, written one way everywhere: the date filters and functions of
``core.dates``, slugs and joining names (``core.text``)."""

import unicodedata
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template

from core import dates
from core.templatetags.german import german_datetime, iso_datetime
from core.text import german_slugify, join_as_sentence


def utc(*args):
    return datetime(*args, tzinfo=UTC)


# --- german_datetime and iso_datetime -------------------------------------------------------


def test_site_time_zone_is_berlin(settings):
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.USE_TZ is True


@pytest.mark.parametrize(
    ("moment", "german", "iso"),
    [
        # Winter (CET, +01:00) and summer (CEST, +02:00).
        (utc(2026, 11, 3, 13, 5), "03.11.2026 14.05", "2026-11-03T14:05+01:00"),
        (utc(2026, 7, 1, 10, 0), "01.07.2026 12.00", "2026-07-01T12:00+02:00"),
        # Single-digit days, months and hours keep their leading zero.
        (utc(2026, 1, 2, 3, 4), "02.01.2026 04.04", "2026-01-02T04:04+01:00"),
        # Late UTC evening is already the next day (and year) in Berlin.
        (utc(2026, 12, 31, 23, 30), "01.01.2027 00.30", "2027-01-01T00:30+01:00"),
        # 2026-03-29: at 01:00 UTC the clocks jump from 02:00 CET to 03:00 CEST.
        (utc(2026, 3, 29, 0, 30), "29.03.2026 01.30", "2026-03-29T01:30+01:00"),
        (utc(2026, 3, 29, 0, 59), "29.03.2026 01.59", "2026-03-29T01:59+01:00"),
        (utc(2026, 3, 29, 1, 0), "29.03.2026 03.00", "2026-03-29T03:00+02:00"),
        (utc(2026, 3, 29, 1, 30), "29.03.2026 03.30", "2026-03-29T03:30+02:00"),
        # 2026-10-25: at 01:00 UTC the clocks go back from 03:00 CEST to 02:00 CET,
        # so 02.30 happens twice; only the offset tells them apart.
        (utc(2026, 10, 25, 0, 30), "25.10.2026 02.30", "2026-10-25T02:30+02:00"),
        (utc(2026, 10, 25, 0, 59), "25.10.2026 02.59", "2026-10-25T02:59+02:00"),
        (utc(2026, 10, 25, 1, 0), "25.10.2026 02.00", "2026-10-25T02:00+01:00"),
        (utc(2026, 10, 25, 1, 30), "25.10.2026 02.30", "2026-10-25T02:30+01:00"),
    ],
    ids=str,
)
def test_date_filters_show_berlin_local_time(moment, german, iso):
    assert german_datetime(moment) == german
    assert iso_datetime(moment) == iso


def test_date_filters_ignore_seconds():
    moment = utc(2026, 11, 3, 13, 5, 59, 999999)
    assert german_datetime(moment) == "03.11.2026 14.05"
    assert iso_datetime(moment) == "2026-11-03T14:05+01:00"


def test_date_filters_convert_from_any_aware_time_zone():
    new_york = datetime(2026, 11, 3, 8, 5, tzinfo=ZoneInfo("America/New_York"))
    assert german_datetime(new_york) == "03.11.2026 14.05"
    assert iso_datetime(new_york) == "2026-11-03T14:05+01:00"


def test_the_two_fall_back_times_are_an_hour_apart_but_show_the_same_wall_clock():
    first, second = utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)
    assert second - first == timedelta(hours=1)
    assert german_datetime(first) == german_datetime(second)
    assert iso_datetime(first) != iso_datetime(second)


@pytest.mark.parametrize("empty", [None, ""])
def test_date_filters_render_nothing_for_a_missing_date(empty):
    assert german_datetime(empty) == ""
    assert iso_datetime(empty) == ""


def test_date_filters_work_in_templates():
    template = Template("{% load german %}{{ d|german_datetime }} / {{ d|iso_datetime }}")
    rendered = template.render(Context({"d": utc(2026, 3, 29, 1, 30)}))
    assert rendered == "29.03.2026 03.30 / 2026-03-29T03:30+02:00"


# --- german_slugify and join_as_sentence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Straßenbahn-Ausbau in Köln", "strassenbahn-ausbau-in-koeln"),
        ("Ärger über Öl-Preise", "aerger-ueber-oel-preise"),
        ("GROẞE FÜßE", "grosse-fuesse"),
        ("Haushalt 2027: Wo die Stadt sparen will!", "haushalt-2027-wo-die-stadt-sparen-will"),
        ("  Viel   Platz  ", "viel-platz"),
        ("Café Crème", "cafe-creme"),
    ],
)
def test_german_slugify_transliterates_umlauts_and_eszett(text, slug):
    assert german_slugify(text) == slug


def test_german_slugify_transliterates_decomposed_umlauts_too():
    decomposed = unicodedata.normalize("NFD", "Straßenbahn-Ausbau in Köln")
    assert decomposed != "Straßenbahn-Ausbau in Köln"
    assert german_slugify(decomposed) == "strassenbahn-ausbau-in-koeln"


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        ([], ""),
        (["Anna"], "Anna"),
        (["Anna", "Bert"], "Anna und Bert"),
        (["Anna", "Bert", "Cem"], "Anna, Bert und Cem"),
        (["Anna", "Bert", "Cem", "Dana"], "Anna, Bert, Cem und Dana"),
    ],
)
def test_join_as_sentence_joins_like_a_german_sentence(items, joined):
    assert join_as_sentence(items) == joined


def test_join_as_sentence_accepts_any_iterable_of_non_strings():
    assert join_as_sentence(number for number in (1, 2, 3)) == "1, 2 und 3"


# --- the rest of core.dates -------------------------------------------------------------------


def test_dates_and_times_share_the_article_pages_convention():
    moment = utc(2026, 11, 3, 13, 5, 59)
    assert dates.german_date(moment) == "03.11.2026"
    assert dates.german_time(moment) == "14.05"
    assert dates.german_datetime(moment, zone=True) == "03.11.2026 14.05 CET"
    assert dates.utc_offset(moment) == "UTC+0100"
    assert dates.iso_datetime(moment) == "2026-11-03T14:05:59+01:00"


def test_a_plain_date_or_time_is_written_as_it_is():
    assert dates.german_date(datetime(2026, 7, 1).date()) == "01.07.2026"
    assert dates.german_time(datetime(2026, 7, 1, 9, 7).time()) == "09.07"


def test_short_datetime_leaves_out_the_date_of_today():
    with time_machine.travel(utc(2026, 11, 3, 15, 0), tick=False):
        assert dates.german_short_datetime(utc(2026, 11, 3, 13, 5)) == "14.05"
        assert dates.german_short_datetime(utc(2026, 11, 1, 13, 5)) == "01.11. 14.05"


def test_a_day_is_bounded_by_berlin_midnights_across_the_clock_change():
    start, end = dates.day_bounds(datetime(2026, 10, 25).date())
    assert start.isoformat() == "2026-10-25T00:00:00+02:00"
    assert end.isoformat() == "2026-10-26T00:00:00+01:00"
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=25)


def test_only_the_autumn_overlap_is_ambiguous():
    first = datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert dates.is_ambiguous(first)
    assert not dates.is_ambiguous(utc(2026, 10, 25, 12, 0))
