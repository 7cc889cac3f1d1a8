"""Small text helpers shared by the apps: German-aware slugs and joining names."""

import re
import unicodedata

from django.utils.text import slugify
from django.utils.translation import gettext

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def german_slugify(value: str) -> str:
    """Slugify with German transliteration: 'Straßenbahn-Ausbau' -> 'strassenbahn-ausbau'."""
    # Composed form first: text pasted from macOS may carry "o" + combining diaeresis.
    return slugify(unicodedata.normalize("NFC", str(value)).translate(_TRANSLITERATION))


def unique_german_slug(value, *, max_length, taken, fallback="eintrag"):
    """A German slug of ``value`` (see ``german_slugify``) that ``taken(slug)`` refuses
    not: '-2', '-3', ... is appended until it is free, within ``max_length``. The one rule
    for every slug the newsroom makes (articles, authors, sections)."""
    base = german_slugify(value)[:max_length].strip("-") or fallback
    slug, number = base, 2
    while taken(slug):
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].strip("-") + suffix
        number += 1
    return slug


def join_as_sentence(items) -> str:
    """Join like a sentence: 'a', 'a und b', 'a, b und c' (in German)."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + gettext("and") + " " + items[-1]


# What XML 1.0 cannot carry: C0 control characters other than tab, line feed and carriage
# return (Word's manual line break is a vertical tab), and the two non-characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    """``value`` without the characters XML 1.0 cannot carry (a control character pasted into
    a headline must not break every feed); other values unchanged, lists and dicts through."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value
