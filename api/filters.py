"""
The filters of the article list, read from the query string and checked before any query.

A malformed value answers 400 with the parameter's name and what is expected. A
well-formed slug that names no section, tag or author is not an error: the list is
empty, just as it is for a real one without public articles, so the answer never tells
whether a tag or author exists that only unpublished articles use.
"""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from taggit.models import TaggedItem

from articles import selectors
from articles.models import Byline

# Longer than any ISO 8601 timestamp; longer input is refused before it is parsed.
MAX_MOMENT_LENGTH = 40

# "2026-03-01T10:00:00+01:00" unencoded in a query string arrives with a space for the "+".
_SPACE_FOR_PLUS = re.compile(r"([T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?) (\d{2}(?::?\d{2})?)$")


def parse_moment(value):
    """The moment (in UTC) of an ISO 8601 date or date and time, or None if it is none.

    A date means its first moment (00:00). Without an offset the newsroom's time zone
    (Europe/Berlin) applies; a time that occurs twice when the clocks go back is read as
    the first, summer-time one, as in the admin.
    """
    value = value.strip()
    # Control characters are refused outright: Python's parser would ignore a trailing NUL.
    if not value or len(value) > MAX_MOMENT_LENGTH or not value.isprintable():
        return None
    value = _SPACE_FOR_PLUS.sub(r"\1+\2", value)
    try:
        date = parse_date(value)
        if date is not None:
            moment = datetime.datetime.combine(date, datetime.time.min)
        else:
            moment = parse_datetime(value)
    except ValueError:  # Well-formed but impossible, such as 2026-02-30 or 25:00.
        return None
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        # In UTC, as stored: PostgreSQL refuses offsets beyond ±15:59, and 0001-01-01 in
        # Berlin, for one, has no UTC equivalent at all.
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        return None


class MomentField(serializers.Field):
    default_error_messages = {
        "invalid": _(
            "Enter a date (2026-03-01) or a date and time "
            "(2026-03-01T14:30 or 2026-03-01T14:30:00+01:00)."
        ),
    }

    def to_internal_value(self, data):
        moment = parse_moment(data) if isinstance(data, str) else None
        if moment is None:
            self.fail("invalid")
        return moment


class ArticleFilters(serializers.Serializer):
    """The query parameters of /api/v1/articles/; empty ones are ignored."""

    section = serializers.SlugField(required=False)
    # Tag slugs keep non-ASCII letters ("straße"); sections and authors use ASCII ones,
    # and allowing more here only means such a value finds nothing.
    tag = serializers.SlugField(required=False, allow_unicode=True)
    author = serializers.SlugField(required=False)
    published_after = MomentField(required=False)
    published_before = MomentField(required=False)

    def validate(self, attrs):
        after, before = attrs.get("published_after"), attrs.get("published_before")
        if after and before and after >= before:
            raise serializers.ValidationError(
                {"published_before": [_("Must be later than published_after.")]}
            )
        return attrs

    def apply(self, queryset):
        """``queryset`` narrowed to the validated filters (call ``is_valid()`` first)."""
        filters = self.validated_data
        # Rows of the topic and author asked for: with few, the list is read from them
        # (selectors.newest_first), not by walking the whole archive's newest.
        rows = []
        if "section" in filters:
            queryset = queryset.filter(section__slug=filters["section"])
        if "tag" in filters:
            queryset = queryset.filter(tags__slug=filters["tag"])
            rows.append(TaggedItem.objects.filter(tag__slug=filters["tag"]).count())
        if "author" in filters:
            # One byline per author and article (a database constraint): no duplicates.
            queryset = queryset.filter(bylines__author__slug=filters["author"])
            rows.append(Byline.objects.filter(author__slug=filters["author"]).count())
        if rows:
            queryset = selectors.newest_first(queryset, min(rows))
        if "published_after" in filters:
            queryset = queryset.filter(published_at__gte=filters["published_after"])
        if "published_before" in filters:
            queryset = queryset.filter(published_at__lt=filters["published_before"])
        return queryset
