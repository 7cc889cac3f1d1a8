"""The search without full-text search (SQLite): every word must occur, headline hits first.

These run on every database: on PostgreSQL the fallback is switched on for the test, so
it stays tested where CI runs both.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from search import query as search_query
from search.query import find, snippet
from tests.helpers.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture(autouse=True)
def fallback(monkeypatch):
    monkeypatch.setattr(search_query, "uses_full_text_search", lambda: False)


def article(headline, *, hours_ago=1, **kwargs):
    kwargs.setdefault("kicker", "")
    kwargs.setdefault("lead", "Ein Vorspann ohne besondere Wörter.")
    kwargs.setdefault("body", "<p>Ein Text ohne besondere Wörter.</p>")
    return ArticleFactory(
        headline=headline, published_at=NOW - timedelta(hours=hours_ago), **kwargs
    )


def headlines(query):
    return [found.headline for found in find(query)]


def test_sqlite_uses_the_fallback_by_itself(monkeypatch):
    monkeypatch.undo()
    assert search_query.uses_full_text_search() is (connection.vendor == "postgresql")


def test_case_is_ignored_beyond_ascii(indexing):
    with indexing():
        article("ÜBER DIE BRÜCKE")
        article("Die Straße ist frei")
    assert headlines("über brücke") == ["ÜBER DIE BRÜCKE"]
    assert headlines("STRASSE") == ["Die Straße ist frei"]
    assert headlines("strasse") == ["Die Straße ist frei"]


def test_parts_of_words_are_found(indexing):
    # No stemming here: matching inside words finds German compounds and inflections.
    with indexing():
        article("Die Straßenbahnen fahren wieder")
    assert headlines("Bahn") == ["Die Straßenbahnen fahren wieder"]
    assert headlines("Straßenbahn") == ["Die Straßenbahnen fahren wieder"]


def test_headline_hits_come_first_then_the_newest(indexing):
    with indexing():
        article("Im Text neu", body="<p>Die Pleiße steigt.</p>", hours_ago=1)
        article("Im Vorspann", lead="Die Pleiße tritt über die Ufer.", hours_ago=2)
        article("Pleiße alt", hours_ago=5)
        article("Pleiße neu", hours_ago=3)
        article("Pleiße und Weiße Elster", body="<p>Die Weiße Elster auch.</p>", hours_ago=4)
    assert headlines("Pleiße Elster") == ["Pleiße und Weiße Elster"]
    assert headlines("Pleiße") == [
        "Pleiße neu",
        "Pleiße und Weiße Elster",
        "Pleiße alt",
        "Im Text neu",
        "Im Vorspann",
    ]


def test_more_words_in_the_headline_rank_higher(indexing):
    with indexing():
        article("Brücke gesperrt", body="<p>Die Pleiße steigt.</p>", hours_ago=1)
        article("Brücke über die Pleiße gesperrt", hours_ago=2)
    assert headlines("Pleiße Brücke") == ["Brücke über die Pleiße gesperrt", "Brücke gesperrt"]


def test_a_query_without_words_finds_nothing(indexing):
    with indexing():
        article("Brücke")
    assert headlines("& | ! :*") == []
    assert headlines("-Brücke") == []


def test_the_snippet_is_cut_around_the_first_hit_and_marks_every_hit(indexing):
    filler = " ".join(f"Wort{number}" for number in range(100))
    with indexing():
        article(
            "Lang",
            lead="Ein Vorspann.",
            body=f"<p>{filler} Die STRASSE zur Brücke ist frei. {filler}</p>",
        )
    marked = snippet(find("Straße Brücke").get(), "Straße Brücke")
    assert marked.startswith("… ")
    assert marked.endswith(" …")
    assert "Die <mark>STRASSE</mark> zur <mark>Brücke</mark> ist frei." in marked
    assert len(marked) < 400


def test_the_snippet_escapes_the_text_before_marking(indexing):
    with indexing():
        article(
            "Sicherheitslücke",
            lead="Er schrieb <script>alert('Brücke')</script> & mehr.",
        )
    marked = snippet(find("Brücke").get(), "Brücke")
    assert marked == (
        "Er schrieb &lt;script&gt;alert(&#x27;<mark>Brücke</mark>&#x27;)&lt;/script&gt; "
        "&amp; mehr. Ein Text ohne besondere Wörter."
    )


def test_the_snippet_marks_whole_words(indexing):
    with indexing():
        article("Verkehr", lead="Zwei Straßenbrücken und eine Brücke.")
    assert snippet(find("brücke").get(), "brücke").startswith(
        "Zwei <mark>Straßenbrücken</mark> und eine <mark>Brücke</mark>."
    )


def test_a_mark_never_splits_an_escaped_character(indexing):
    with indexing():
        article("Zeichen", lead="Tom & Jerry")
    assert snippet(find("Tom").get(), "Tom") == (
        "<mark>Tom</mark> &amp; Jerry Ein Text ohne besondere Wörter."
    )


def test_the_fallback_page_works_end_to_end(client, indexing):
    with indexing():
        article("Die Straße ist frei")
    response = client.get("/suche/", {"q": "STRASSE"})
    assert response.status_code == 200
    assert "Die Straße ist frei</a>" in response.content.decode()
