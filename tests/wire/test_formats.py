"""The agencies' formats as the sample files have them (ninjs 1.x and 2.x, RSS, Atom,
NewsML-G2), and hostile payloads refused without harm: broken JSON, entity tricks (billion
laughs, external entities), a broken item among good ones."""

import json
from datetime import UTC, datetime

import pytest

from tests.helpers.wire import sample
from wire.formats import ParseError, feeds, newsml, ninjs


def test_ninjs_2_lists_and_ninjs_1_fields_give_the_same_parts():
    two = ninjs.parse(sample("ninjs2-rathaus.json", "http://agentur.example"))[0]
    one = ninjs.parse(sample("ninjs1-hafen.json", "http://agentur.example"))[0]
    assert two.headline == "Beispielstadt deckt Rathausdach mit Solarmodulen"
    assert two.lead.startswith("Das Rathaus von Beispielstadt")
    assert two.byline == "Von Erika Beispiel, Beispielagentur"
    assert two.pictures[0].href == "http://agentur.example/bilder/rathaus.jpg"  # the biggest
    assert (two.pictures[0].credit, two.pictures[0].photographer) == (
        "Beispielagentur",
        "Max Muster",
    )
    assert one.headline == "Hafenfest in Musterhafen zieht Tausende an"
    assert (one.version, one.urgency) == (2, 5)
    assert one.embargo_until == datetime(2026, 12, 5, 10, tzinfo=UTC)
    assert one.pictures[0].href == "http://agentur.example/bilder/hafen.jpg"
    assert one.pictures[0].embargo_until == "2026-12-05T10:00:00+00:00"  # the item's


def test_a_broken_item_among_good_ones_is_skipped_with_its_reason():
    good = json.loads(sample("ninjs1-hafen.json"))
    results = ninjs.parse(json.dumps([good, {"uri": "urn:ohne-titel"}, "kein Objekt"]))
    assert results[0].headline.startswith("Hafenfest")
    assert [type(result) for result in results[1:]] == [ParseError, ParseError]
    assert "no headline" in str(results[1])


def test_rss_and_atom_entries():
    rss = feeds.parse(sample("feed.xml"))[0]
    atom = feeds.parse(sample("atom.xml"))[0]
    assert rss.headline == "Neue Öffnungszeiten im Bürgeramt"
    assert rss.link == rss.guid == "https://presse.beispielstadt.example/mitteilungen/1"
    assert "alert" not in rss.body
    assert (atom.guid, atom.lead) == (
        "urn:uuid:beispielverband-1",
        "Der Beispielverband hat einen neuen Vorstand.",
    )
    assert atom.body == "<p>Die Mitgliederversammlung wählte einstimmig.</p>"


def test_newsml_g2_item_with_embargo_and_xhtml_body():
    item = newsml.parse(sample("newsml.xml"))[0]
    assert (item.guid, item.version, item.urgency) == (
        "urn:newsml:beispielagentur.example:20261204:bruecke",
        1,
        2,
    )
    assert item.embargo_until == datetime(2026, 12, 6, 6, tzinfo=UTC)
    assert item.body.startswith("<p>Die Arbeiten beginnen am Montag.</p>")
    assert item.copyright == "© 2026 Beispielagentur (Testdaten)"


def test_a_newsml_withdrawal():
    data = sample("newsml.xml").replace(b"stat:usable", b"stat:canceled")
    assert newsml.parse(data)[0].status == "canceled"


@pytest.mark.parametrize(
    ("parse", "name", "reason"),
    [
        (ninjs.parse, "invalid.json", "not valid JSON"),
        (feeds.parse, "billion-laughs.xml", "DTDForbidden"),
        (newsml.parse, "xxe.xml", "DTDForbidden"),
        (feeds.parse, "ninjs1-hafen.json", "not well-formed"),
    ],
)
def test_hostile_payloads_are_refused(parse, name, reason):
    with pytest.raises(ParseError, match=reason):
        parse(sample(name))
