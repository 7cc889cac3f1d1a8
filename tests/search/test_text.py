"""The text helpers: queries made harmless, bodies as plain text, the fallback's parser."""

from search.text import (
    MAX_QUERY_LENGTH,
    clean_query,
    clean_text,
    fold,
    fold_with_positions,
    parse_query,
    plain_text,
)


def test_a_query_loses_nul_bytes_and_invisible_characters():
    assert clean_query("Brü\x00cke\u200f \u202eLeipzig\u200b") == ("Brücke Leipzig", False)


def test_a_query_is_composed_and_look_alike_forms_are_folded():
    # "u" + combining diaeresis, a ligature, full-width letters.
    assert clean_query("Bru\u0308cke \ufb01nden ＬＶＢ") == ("Brücke finden LVB", False)


def test_whitespace_of_any_kind_becomes_one_space():
    assert clean_query("  Brücke\t\n\r\u00a0 Leipzig  ") == ("Brücke Leipzig", False)


def test_a_long_query_is_cut_between_words():
    query, truncated = clean_query("Brücke " * 300)
    assert truncated
    assert len(query) <= MAX_QUERY_LENGTH
    assert set(query.split(" ")) == {"Brücke"}


def test_a_long_query_without_spaces_is_cut_at_the_limit():
    assert clean_query("x" * 2000) == ("x" * MAX_QUERY_LENGTH, True)


def test_stored_text_keeps_no_private_use_characters():
    # They mark hits in PostgreSQL's snippets; stored text must never contain them.
    assert clean_text("Brücke\ue000 und\ue001 Fluss") == "Brücke und Fluss"


def test_plain_text_keeps_words_of_neighbouring_paragraphs_apart():
    html = "<p>Erster Absatz.</p><p>Zweiter&nbsp;Absatz mit <strong>fett</strong>er Stelle</p>"
    html += "<ul><li>eins</li><li>zwei</li></ul><h2>Titel</h2>Ende &amp; aus &lt;b&gt;"
    assert plain_text(html) == (
        "Erster Absatz. Zweiter Absatz mit fetter Stelle eins zwei Titel Ende & aus <b>"
    )


def test_folding_ignores_case_and_spells_sharp_s_out():
    assert fold("STRASSE") == fold("Straße") == "strasse"


def test_folded_positions_point_back_into_the_original():
    folded, origins = fold_with_positions("Maß")
    assert folded == "mass"
    assert origins == [0, 1, 2, 2]


def test_the_fallback_parser_reads_words_phrases_or_and_minus():
    groups, excluded = parse_query('Brücke "neue Linie" Leipzig OR Dresden -Umleitung')
    assert groups == [["brücke"], ["neue linie"], ["leipzig", "dresden"]]
    assert excluded == ["umleitung"]


def test_the_fallback_parser_ignores_operators_and_symbols():
    assert parse_query('& | ! :* () "" OR - 🚋') == ([], [])
    assert parse_query("Brücke:* !Fluss") == ([["brücke"], ["fluss"]], [])


def test_a_hyphenated_word_is_one_term():
    assert parse_query("Straßenbahn-Ausbau") == ([["strassenbahn ausbau"]], [])
