"""Small text helpers shared by the apps: German-aware slugs and joining names."""

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


def join_as_sentence(items) -> str:
    """Join like a sentence: 'a', 'a und b', 'a, b und c' (in German)."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + gettext("and") + " " + items[-1]
