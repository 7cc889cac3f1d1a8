"""The reader's search page at /suche/, on whichever database the suite runs."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, SectionFactory

URL = reverse("search:results")

pytestmark = pytest.mark.django_db


def search(client, query=None, **params):
    if query is not None:
        params["q"] = query
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(page):
    """The headline of each result, in page order (kicker and markup left out)."""
    titles = re.findall(
        r'<h2 class="search-result__title"><a href="[^"]+">(?:<span class="kicker">.*?</span> )?'
        r"(.*?)</a>",
        page,
    )
    return titles


def article(headline, **kwargs):
    kwargs.setdefault("kicker", "")
    kwargs.setdefault("lead", "Ein Vorspann ohne besondere Wörter.")
    kwargs.setdefault("body", "<p>Ein Text ohne besondere Wörter.</p>")
    return ArticleFactory(headline=headline, **kwargs)


# --- the form and calm answers --------------------------------------------------------------


def test_without_a_query_the_page_shows_just_the_form(client):
    page = search(client)
    assert '<form class="search-form"' in page
    assert 'name="q" value=""' in page
    assert "search-count" not in page
    assert "Keine Artikel" not in page


def test_the_search_form_is_labelled_and_prefilled(client):
    page = search(client, "Brücke")
    assert '<label for="suche-seite-q">Suchbegriff</label>' in page
    assert '<input id="suche-seite-q" type="search" name="q" value="Brücke" maxlength="200">' in (
        page
    )
    assert 'role="search"' in page
    assert '<meta name="robots" content="noindex, follow">' in page
    assert "<h1>Suche</h1>" in page


def test_a_one_letter_query_gets_a_hint_and_no_search(client):
    with CaptureQueriesContext(connection) as captured:
        page = search(client, " b ")
    assert not [query for query in captured if "search_searchdocument" in query["sql"]]
    assert "Bitte geben Sie mindestens 2 Zeichen ein." in page
    assert "search-count" not in page


def test_no_results_get_a_helpful_message(client, indexing):
    with indexing():
        article("Straßenbahn fährt wieder")
    page = search(client, "Seilbahn")
    assert "Keine Artikel zu „Seilbahn“ gefunden." in page
    assert "Prüfen Sie die Schreibweise" in page
    assert result_titles(page) == []


HOSTILE_QUERIES = [
    '"Brücke',
    'Brücke"',
    '""',
    "-",
    "--Brücke",
    "-Brücke",
    "OR",
    "Brücke OR",
    "OR OR OR",
    "Brücke & Fluss",
    "Brücke | Fluss",
    "!Brücke",
    "!!",
    "Brück:*",
    ":*",
    "(Brücke",
    "Brücke)",
    "'; DROP TABLE articles_article; --",
    "100%",
    "a_b",
    "\\",
    "<script>alert(1)</script>",
    "Brü\x00cke",
    "\x00\x00",
    "Bru\u0308cke",
    "B\u0338r\u0334u\u0335c\u0336k\u0337e\u0301\u0302\u0303",
    "🚋🚋 Straßenbahn 👍🏽",
    "\u202eekcürB\u202c",
    "\u200f\u200e\u200b",
    "ｂｒüｃｋｅ",
    "die der das und",
    "x" * 2000,
    "Brücke " * 300,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_get_a_calm_answer(client, indexing, query):
    with indexing():
        article("Neue Brücke über den Fluss", lead="Die Brücke über die Pleiße ist fertig.")
    page = search(client, query)
    assert "<script>alert" not in page
    assert "search-form" in page


def test_the_query_is_shown_escaped(client):
    page = search(client, '<img src=x onerror="alert(1)">')
    assert "<img src=x" not in page
    # Jinja2 (markupsafe) writes the quote as &#34;, Django's escape as &quot;: the same.
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


def test_nul_bytes_are_dropped_and_the_search_still_works(client, indexing):
    with indexing():
        article("Neue Brücke über den Fluss")
    assert result_titles(search(client, "Brü\x00cke")) == ["Neue Brücke über den Fluss"]


def test_decomposed_umlauts_find_composed_ones(client, indexing):
    with indexing():
        article("Neue Brücke über den Fluss")
    assert result_titles(search(client, "Bru\u0308cke")) == ["Neue Brücke über den Fluss"]


def test_a_very_long_query_is_cut_and_still_works(client, indexing):
    with indexing():
        article("Neue Brücke über den Fluss")
    page = search(client, "Brücke " * 300)
    assert result_titles(page) == ["Neue Brücke über den Fluss"]
    assert "nur die ersten 200 Zeichen" in page
    value = re.search(r'id="suche-seite-q" type="search" name="q" value="([^"]*)"', page)[1]
    assert len(value) <= 200


# --- what is found ----------------------------------------------------------------------------


def test_finds_words_in_kicker_headline_lead_and_body(client, indexing):
    with indexing():
        article("Im Spitzmarkentest", kicker="Zwergpinscher")
        article("Im Überschriftentest Zwergpinscher")
        article("Im Vorspanntest", lead="Ein Zwergpinscher bellt.")
        article("Im Texttest", body="<p>Am Ende bellt ein <em>Zwergpinscher</em>.</p>")
        article("Ohne den Hund")
    titles = result_titles(search(client, "Zwergpinscher"))
    assert sorted(titles) == [
        "Im Spitzmarkentest",
        "Im Texttest",
        "Im Vorspanntest",
        "Im Überschriftentest Zwergpinscher",
    ]


def test_body_markup_is_not_searched(client, indexing):
    with indexing():
        article("Mit Link", body='<p><a href="https://example.org/strong">Hier</a> klicken</p>')
    assert result_titles(search(client, "strong")) == []
    assert result_titles(search(client, "example")) == []
    assert result_titles(search(client, "klicken")) == ["Mit Link"]


def test_tags_are_searchable(client, indexing):
    with indexing():
        tagged = article("Stadtrat tagt")
        tagged.tags.add("Nahverkehr")
        article("Ohne Thema")
    assert result_titles(search(client, "Nahverkehr")) == ["Stadtrat tagt"]


def test_author_names_are_searchable(client, indexing):
    with indexing():
        written = article("Kommentar zur Wahl")
        BylineFactory(article=written, author=AuthorFactory(name="Jolanda Quirinius"))
        article("Ohne diese Autorin")
    assert result_titles(search(client, "Quirinius")) == ["Kommentar zur Wahl"]
    assert result_titles(search(client, "Jolanda Quirinius")) == ["Kommentar zur Wahl"]


def test_every_word_must_occur(client, indexing):
    with indexing():
        article("Brücke in Leipzig")
        article("Brücke in Dresden")
    assert result_titles(search(client, "Brücke Leipzig")) == ["Brücke in Leipzig"]


def test_or_and_minus_narrow_or_widen_the_search(client, indexing):
    with indexing():
        article("Brücke in Leipzig")
        article("Brücke in Dresden")
        article("Brücke in Halle")
    assert sorted(result_titles(search(client, "Leipzig OR Dresden"))) == [
        "Brücke in Dresden",
        "Brücke in Leipzig",
    ]
    assert sorted(result_titles(search(client, "Brücke -Halle"))) == [
        "Brücke in Dresden",
        "Brücke in Leipzig",
    ]


def test_a_quoted_phrase_must_occur_as_written(client, indexing):
    with indexing():
        article("Neue Linie kommt", lead="Die Linie ist neu.")
        article("Die Linie ist neu", lead="Mehr nicht.")
    assert result_titles(search(client, '"neue Linie"')) == ["Neue Linie kommt"]


@pytest.mark.parametrize(
    "hidden",
    [
        {"draft": True},
        {"scheduled": True},
        {"status": Article.Status.WITHDRAWN},
        {"depublish_at": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled", "withdrawn", "depublished"],
)
def test_articles_that_are_not_public_are_never_found(client, indexing, hidden):
    with indexing():
        article("Geheime Brücke", **hidden)
        article("Öffentliche Brücke")
    page = search(client, "Brücke")
    assert result_titles(page) == ["Öffentliche Brücke"]
    assert "Geheime" not in page


def test_an_article_that_stops_being_public_disappears_at_once(client, indexing):
    with indexing():
        shown = article("Brücke mit Ablaufdatum")
    assert result_titles(search(client, "Brücke")) == ["Brücke mit Ablaufdatum"]
    # No save, no signal: an expiring depublication time (or a direct update) is enough.
    Article.objects.filter(pk=shown.pk).update(depublish_at=timezone.now())
    assert result_titles(search(client, "Brücke")) == []


# --- how results are shown --------------------------------------------------------------------


def test_a_result_shows_kicker_headline_link_section_date_and_snippet(client, indexing):
    with indexing():
        found = article(
            "Neue Brücke über den Fluss",
            kicker="Stadtrat Leipzig",
            section=SectionFactory(name="Leipzig", slug="leipzig"),
            lead="Die Brücke über die Pleiße ist fertig.",
            published_at=timezone.now() - timedelta(days=2),
        )
    page = search(client, "Pleiße")
    link = f'<a href="{found.get_absolute_url()}"><span class="kicker">Stadtrat Leipzig:</span> '
    assert link + "Neue Brücke über den Fluss</a>" in page
    local = timezone.localtime(found.published_at)
    assert f'Leipzig · <time datetime="{local.isoformat(timespec="minutes")}">' in page
    assert local.strftime("%d.%m.%Y %H.%M") in page
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', page, re.S)[1]
    assert "<mark>Pleiße</mark>" in snippet
    assert "1 Artikel zu „Pleiße“ gefunden." in page


def test_snippets_escape_the_article_text(client, indexing):
    with indexing():
        article(
            "Sicherheitslücke",
            lead="Der Angreifer schrieb <script>alert(1)</script> in das Feld.",
            body="<p>Ein &lt;b&gt;Trick&lt;/b&gt; mit Brücke &amp; Zeichen.</p>",
        )
    page = search(client, "Angreifer Trick")
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', page, re.S)[1]
    assert "<mark>Angreifer</mark>" in snippet
    assert "Brücke &amp; Zeichen" in snippet
    # PostgreSQL's snippets leave out what looks like a tag; the fallback shows it escaped.
    assert set(re.findall(r"<(/?\w+)", snippet)) == {"mark", "/mark"}


def test_the_count_is_shown(client, indexing):
    with indexing():
        for number in range(3):
            article(f"Brücke Nummer {number}")
    assert "3 Artikel zu „Brücke“ gefunden." in search(client, "Brücke")


# --- pages -----------------------------------------------------------------------------------


@pytest.fixture
def seven_bridges(indexing, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 3
    now = timezone.now()
    with indexing():
        for number in range(7):
            article(f"Brücke {number}", published_at=now - timedelta(hours=number + 1))
        article("Tunnel")


def test_results_are_paginated_and_keep_the_query(client, seven_bridges):
    first = search(client, "Brücke")
    assert result_titles(first) == ["Brücke 0", "Brücke 1", "Brücke 2"]
    assert "7 Artikel zu „Brücke“ gefunden." in first
    assert "Seite 1 von 3" in first
    assert 'rel="next" href="?q=Br%C3%BCcke&amp;seite=2"' in first
    assert 'rel="prev"' not in first

    second = search(client, "Brücke", seite=2)
    assert result_titles(second) == ["Brücke 3", "Brücke 4", "Brücke 5"]
    assert 'rel="prev" href="?q=Br%C3%BCcke&amp;seite=1"' in second
    assert 'rel="next" href="?q=Br%C3%BCcke&amp;seite=3"' in second
    assert '<ol class="search-results" start="4">' in second

    assert result_titles(search(client, "Brücke", seite=3)) == ["Brücke 6"]


def test_pagination_links_keep_a_query_with_spaces_and_operators(client, seven_bridges):
    page = search(client, "Brücke & Brücke")
    assert 'rel="next" href="?q=Br%C3%BCcke%20%26%20Br%C3%BCcke&amp;seite=2"' in page


@pytest.mark.parametrize(
    ("seite", "shown"),
    [("abc", "Brücke 0"), ("", "Brücke 0"), ("99", "Brücke 6"), ("0", "Brücke 6")],
)
def test_a_page_that_does_not_exist_shows_the_nearest(client, seven_bridges, seite, shown):
    assert shown in result_titles(search(client, "Brücke", seite=seite))


def test_the_number_of_queries_does_not_grow_with_the_results(client, indexing):
    def queries_for(query):
        with CaptureQueriesContext(connection) as captured:
            search(client, query)
        return len(captured)

    with indexing():
        article("Einzelne Fähre")
        for number in range(10):
            written = article(f"Brücke {number}")
            written.tags.add("Brückenbau", "Verkehr")
            BylineFactory(article=written)
    baseline, one, ten = queries_for(""), queries_for("Fähre"), queries_for("Brücke")
    assert one == ten
    # The count, then the page of results with their sections and snippets.
    assert ten - baseline <= 2
