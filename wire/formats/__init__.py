"""Parsers of the agencies' formats: bytes in, ``ParsedItem``s out. Each item is parsed on
its own, so that a broken one is skipped (``ParseError``) and the others are kept."""

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.dateparse import parse_datetime
from django.utils.html import strip_tags
from django.utils.timezone import is_naive, make_aware


class ParseError(ValueError):
    """The payload or one item in it cannot be read; the message says why (for the log)."""


@dataclass
class Picture:
    href: str
    caption: str = ""
    alt: str = ""
    credit: str = ""
    photographer: str = ""
    copyright: str = ""
    usage: str = ""
    embargo_until: str = ""  # ISO 8601 or ""


@dataclass
class ParsedItem:
    guid: str
    headline: str
    version: int = 1
    version_created_at: datetime | None = None
    status: str = "usable"  # usable, withheld, canceled
    urgency: int | None = None
    lead: str = ""
    body: str = ""  # HTML as delivered; sanitized when stored
    byline: str = ""
    credit: str = ""
    copyright: str = ""
    usage_terms: str = ""
    embargo_until: datetime | None = None
    link: str = ""
    pictures: list[Picture] = field(default_factory=list)


def parse_time(value):
    """An aware datetime from an ISO 8601 string (naive ones read as UTC), or None."""
    if not value or not isinstance(value, str):
        return None
    try:
        moment = parse_datetime(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment is None:
        return None
    return make_aware(moment, timezone=UTC) if is_naive(moment) else moment


def parse_urgency(value):
    try:
        urgency = int(value)
    except (TypeError, ValueError):
        return None
    return urgency if 0 <= urgency <= 9 else None


def parse_version(value):
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def text(value, limit):
    """Plain text of ``value`` (tags removed), cut to ``limit`` characters."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())[:limit]


def parse_each(raw_items, parse_one):
    """``parse_one`` applied to each raw item: the ParsedItem, or the ParseError that says why
    that one item was skipped (a wrong type anywhere in it counts as broken, too)."""
    results = []
    for position, raw in enumerate(raw_items, start=1):
        try:
            results.append(parse_one(raw))
        except ParseError as error:
            results.append(error)
        except (TypeError, AttributeError, KeyError, ValueError) as error:
            results.append(ParseError(f"item {position}: {type(error).__name__}: {error}"))
    return results
