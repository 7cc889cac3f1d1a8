"""
Finding articles for a reader's query, best first, with a highlighted snippet each.

On PostgreSQL this is full-text search with the ``german`` configuration: stemming
("Brücken" finds "Brücke"), ranking by where the words occur (kicker and headline before
lead, tags and authors, before the body) and snippets from ``ts_headline``. Elsewhere
(SQLite) every word must occur somewhere in the article, headline hits come first, then
the newest, and snippets are cut in Python.

Both take a query that went through ``search.text.clean_query``. Snippets are safe HTML:
the text is escaped first, and only then are the hits wrapped in ``<mark>``.
"""

import functools
import operator

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article

from .models import SEARCH_CONFIG
from .text import clean_text, fold_with_positions, parse_query

# Private-use characters that mark hits in ts_headline's output until the text is
# escaped; stored text never contains them (clean_text removes them).
MARK_START, MARK_END = "\ue000", "\ue001"
ELLIPSIS = "…"
# The fallback's snippet: about this many characters, starting a little before the hit.
SNIPPET_LENGTH = 240
SNIPPET_LEAD_IN = 60
# Full-text search ranks the newest this many matches (a reader never pages further).
MAX_MATCHES = 500


def uses_full_text_search():
    return connection.vendor == "postgresql"


def find(query):
    """Public articles matching ``query``, best first, with their section."""
    articles = Article.objects.public().select_related("section")
    if uses_full_text_search():
        return _find_full_text(articles, query)
    return _find_fallback(articles, query)


def snippet(article, query):
    """The highlighted passage of an article from ``find(query)``, as safe HTML."""
    if uses_full_text_search():
        return _mark(article.search_snippet)
    document = article.search_document
    return _fallback_snippet(f"{document.lead} {document.body}", query)


# --- PostgreSQL -------------------------------------------------------------------------


def _find_full_text(articles, query):
    search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    # Ranked among the newest MAX_MATCHES matches only: a common word matches a large part
    # of the archive, and ranking (and counting) all of it would grow with the archive.
    newest = (
        articles.filter(search_document__vector=search_query)
        .order_by("-published_at", "-pk")
        .values("pk")[:MAX_MATCHES]
    )
    return (
        articles.filter(pk__in=newest)
        .annotate(
            search_rank=SearchRank(F("search_document__vector"), search_query),
            search_snippet=SearchHeadline(
                Concat(
                    "search_document__lead",
                    Value(" "),
                    "search_document__body",
                    output_field=TextField(),
                ),
                search_query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_fragments=2,
                min_words=15,
                max_words=30,
                fragment_delimiter=f" {ELLIPSIS} ",
            ),
        )
        .order_by("-search_rank", "-published_at", "-pk")
    )


def _mark(text):
    """ts_headline's output, escaped, with its hit markers turned into <mark>.

    (Its parser drops anything that looks like a tag, so the spaces around one are
    collapsed here.)"""
    text = escape(" ".join(text.split()))
    # Escaped first; the only markup added afterwards is our own.
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


# --- Everywhere else --------------------------------------------------------------------


def _contains(term, field="search_document__folded_text"):
    return Q(**{f"{field}__contains": term})


def _find_fallback(articles, query):
    groups, excluded = parse_query(query)
    if not groups:
        return articles.none()
    condition = functools.reduce(
        operator.and_,
        [functools.reduce(operator.or_, map(_contains, group)) for group in groups]
        + [~_contains(term) for term in excluded],
    )
    title_hits = functools.reduce(
        operator.add,
        [
            Case(When(_contains(term, "search_document__folded_title"), then=1), default=0)
            for group in groups
            for term in group
        ],
    )
    return (
        articles.filter(condition)
        .select_related("search_document")
        .annotate(search_title_hits=title_hits)
        .order_by("-search_title_hits", "-published_at", "-pk")
    )


def _fallback_snippet(text, query):
    """About SNIPPET_LENGTH characters of ``text`` around the first hit, hits marked."""
    text = clean_text(text)
    groups, _excluded = parse_query(query)
    words = {word for group in groups for term in group for word in term.split()}
    folded, origins = fold_with_positions(text)
    hits = []
    for word in words:
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            hits.append(_whole_word(text, origins[start], origins[end - 1] + 1))
            start = folded.find(word, end)
    hits = _merge(sorted(hits))

    begin = 0
    if hits and hits[0][0] > SNIPPET_LEAD_IN:
        begin = text.rfind(" ", 0, hits[0][0] - SNIPPET_LEAD_IN) + 1
    end = len(text)
    if end - begin > SNIPPET_LENGTH:
        cut = text.rfind(" ", begin, begin + SNIPPET_LENGTH)
        end = cut if cut > begin else begin + SNIPPET_LENGTH

    parts, position = [ELLIPSIS + " "] if begin else [], begin
    for hit_start, hit_end in hits:
        hit_start, hit_end = max(hit_start, position), min(hit_end, end)
        if hit_start >= hit_end:
            continue
        parts += [escape(text[position:hit_start]), "<mark>", escape(text[hit_start:hit_end])]
        parts.append("</mark>")
        position = hit_end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" " + ELLIPSIS)
    # Every piece of the text is escaped above; the only markup is our own.
    return mark_safe("".join(parts))


def _whole_word(text, start, end):
    """The span widened to the word it lies in: "Brücke" found in "Straßenbrücken"
    marks the whole word, as PostgreSQL's snippets do."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _merge(spans):
    """Overlapping or touching (start, end) spans joined; ``spans`` sorted."""
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
