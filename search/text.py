"""
Text for search: article bodies as plain text, readers' queries made harmless, and the
case-folded words the database-independent fallback matches against.

Everything the reader typed passes through ``clean_query`` before it reaches a database or
a page; everything stored for search passes through ``clean_text``.
"""

import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

# Longer queries are cut to this many characters (the form's maxlength says the same).
MAX_QUERY_LENGTH = 200
# Shorter queries get a hint instead of a search.
MIN_QUERY_LENGTH = 2

_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Elements that end a run of text: their text must not run into the next one's.
_BREAKING_TAGS = frozenset({"p", "br", "h2", "h3", "ul", "ol", "li", "blockquote"})


def _drop_invisible(text):
    """Control, format (RTL marks, zero-width characters), private-use and unassigned
    characters out, whitespace of any kind made a plain space. PostgreSQL rejects NUL
    outright, and private-use characters are reserved for marking hits in snippets."""
    return "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )


def clean_text(text):
    """Text as search stores it: composed (NFC), nothing invisible, single spaces."""
    text = unicodedata.normalize("NFC", text or "")
    return _WHITESPACE.sub(" ", _drop_invisible(text)).strip()


def clean_query(raw):
    """The reader's query made safe to search for and to show: ``(query, truncated)``.

    NFKC folds look-alike forms (ligatures, full-width letters) into ordinary letters and
    composes combining characters; the query is then cut to at most MAX_QUERY_LENGTH
    characters, between words where it can.
    """
    query = clean_text(unicodedata.normalize("NFKC", raw or ""))
    if len(query) <= MAX_QUERY_LENGTH:
        return query, False
    head = query[:MAX_QUERY_LENGTH]
    if query[MAX_QUERY_LENGTH] != " " and " " in head:
        # Cut before the word that does not fit: half a word would find nothing.
        head = head[: head.rindex(" ")]
    return head.rstrip(), True


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in _BREAKING_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _BREAKING_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html):
    """The words of an (already sanitized) article body, without tags or entities, with a
    space wherever a paragraph, heading or list item ends."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return clean_text("".join(extractor.parts))


@lru_cache(maxsize=4096)
def _fold_char(char):
    return unicodedata.normalize("NFKC", char).casefold()


def fold(text):
    """Case-folded for comparison: 'Straße' and 'STRASSE' both become 'strasse'."""
    return "".join(map(_fold_char, text))


def fold_with_positions(text):
    """``fold(text)``, and for each of its characters the index of the character of
    ``text`` it came from (folding may turn one character into several: ß -> ss)."""
    folded, origins = [], []
    for index, char in enumerate(text):
        part = _fold_char(char)
        folded.append(part)
        origins.extend([index] * len(part))
    return "".join(folded), origins


def folded_words(text):
    """The case-folded words of ``text``, separated by single spaces."""
    return " ".join(_WORD.findall(fold(text)))


# A token of a query: an optional minus, then a quoted phrase or a run of non-spaces.
_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')


def parse_query(query):
    """Read a query the way PostgreSQL's websearch_to_tsquery does, for the fallback.

    Returns ``(groups, excluded)``: every group must match (a group of several terms
    matches if any of them does: ``a OR b``), no excluded term may. A term is a string of
    case-folded words; a quoted phrase or a hyphenated word is one term. Anything without
    a letter or digit (``&``, ``|``, ``!``, ``:*``, emoji) is no term at all.
    """
    groups, excluded = [], []
    join_next = False
    for minus, phrase, word in _TOKEN.findall(query):
        if word.lower() == "or" and not minus:
            join_next = bool(groups)
            continue
        term = folded_words(phrase or word)
        if not term:
            continue
        if minus:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return groups, excluded
