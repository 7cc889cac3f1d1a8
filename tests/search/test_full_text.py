"""PostgreSQL's full-text search: German stemming, weighted ranking, snippets, the index."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from search.query import find, snippet
from tests.helpers.factories import ArticleFactory, BylineFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="full-text search (tsvector, the german configuration) needs PostgreSQL; "
        "the SQLite fallback has its own tests in test_fallback.py",
    ),
]

NOW = timezone.now()


def article(headline, *, hours_ago=1, **kwargs):
    kwargs.setdefault("kicker", "")
    kwargs.setdefault("lead", "Ein Vorspann ohne besondere Wörter.")
    kwargs.setdefault("body", "<p>Ein Text ohne besondere Wörter.</p>")
    return ArticleFactory(
        headline=headline, published_at=NOW - timedelta(hours=hours_ago), **kwargs
    )


def headlines(query):
    return [found.headline for found in find(query)]


def test_german_stemming_finds_other_forms_of_a_word(indexing):
    with indexing():
        article("Die Brücke ist gesperrt")
        article("Neue Straßenbahnen für Leipzig")
    assert headlines("Brücken") == ["Die Brücke ist gesperrt"]
    assert headlines("Straßenbahn") == ["Neue Straßenbahnen für Leipzig"]


def test_stop_words_alone_find_nothing(indexing):
    with indexing():
        article("Die Brücke und der Fluss")
    assert headlines("die und der") == []


def test_headline_beats_lead_and_tags_which_beat_the_body_whatever_the_date(indexing):
    with indexing():
        article("Im Text", body="<p>Hier geht es um die Pleiße.</p>", hours_ago=1)
        article("Im Vorspann", lead="Die Pleiße tritt über die Ufer.", hours_ago=2)
        article("Am Fluss Pleiße", hours_ago=3)
        tagged = article("Mit Schlagwort", hours_ago=4)
        tagged.tags.add("Pleiße")
    ranked = headlines("Pleiße")
    assert ranked[0] == "Am Fluss Pleiße"
    assert set(ranked[1:3]) == {"Im Vorspann", "Mit Schlagwort"}
    assert ranked[3] == "Im Text"


def test_the_kicker_counts_like_the_headline(indexing):
    with indexing():
        article("Im Text", body="<p>Der Stadtrat tagt.</p>", hours_ago=1)
        article("Sitzung am Montag", kicker="Stadtrat", hours_ago=2)
    assert headlines("Stadtrat") == ["Sitzung am Montag", "Im Text"]


def test_an_author_name_counts_like_the_lead(indexing):
    with indexing():
        article("Im Text", body="<p>Quirinius hat angerufen.</p>", hours_ago=1)
        written = article("Kommentar", hours_ago=2)
        BylineFactory(article=written, author__name="Jolanda Quirinius")
    assert headlines("Quirinius") == ["Kommentar", "Im Text"]


def test_equal_ranks_are_ordered_newest_first(indexing):
    with indexing():
        article("Brücke alt", hours_ago=3)
        article("Brücke neu", hours_ago=1)
        article("Brücke mittel", hours_ago=2)
    assert headlines("Brücke") == ["Brücke neu", "Brücke mittel", "Brücke alt"]


def test_websearch_syntax_works_for_readers(indexing):
    with indexing():
        article("Neue Linie kommt")
        article("Die Linie ist neu")
        article("Brücke in Halle")
    assert headlines('"neue Linie"') == ["Neue Linie kommt"]
    assert sorted(headlines("Linie -kommt")) == ["Die Linie ist neu"]
    assert sorted(headlines("kommt or Halle")) == ["Brücke in Halle", "Neue Linie kommt"]


def test_the_snippet_marks_the_words_found_in_any_form(indexing):
    with indexing():
        article(
            "Verkehr",
            lead="Die Stadt plant zwei Brücken über die Pleiße.",
            body="<p>Eine Brücke soll schon 2027 fertig sein.</p>",
        )
    found = find("Brücke").get()
    marked = snippet(found, "Brücke")
    assert "<mark>Brücken</mark>" in marked
    assert "<mark>Brücke</mark>" in marked


def test_the_snippet_of_a_headline_hit_is_the_start_of_the_text(indexing):
    with indexing():
        article("Pleiße", lead="Ein Fluss in Sachsen.", body="<p>Er fließt durch Leipzig.</p>")
    found = find("Pleiße").get()
    assert snippet(found, "Pleiße").startswith("Ein Fluss in Sachsen.")


def test_the_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchdocument'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("USING gin (vector)" in definition for definition in definitions)


def test_a_common_word_ranks_only_the_newest_matches(indexing, monkeypatch):
    from search import query as search_query

    monkeypatch.setattr(search_query, "MAX_MATCHES", 3)
    with indexing():
        for hours in range(1, 6):
            article(f"Hochwasser an der Elbe, Meldung {hours}", hours_ago=hours)
    # The cost stays bounded however much of the archive matches: the three newest.
    assert sorted(headlines("Hochwasser")) == [
        f"Hochwasser an der Elbe, Meldung {hours}" for hours in (1, 2, 3)
    ]
