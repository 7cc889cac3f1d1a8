"""The review form is prefilled from the IPTC, XMP and EXIF data agencies and cameras embed."""

import pytest
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import PngImagePlugin

from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.images import UPLOAD_URL, post_upload, review_payload

pytestmark = pytest.mark.django_db

PREFILLED = ("caption", "credit_line", "photographer", "copyright")


def prefilled(review, index=0):
    form = review.context["formset"].forms[index]
    return {name: form[name].value() or "" for name in PREFILLED}


def upload_one(client, data, name="agentur.jpg"):
    review = post_upload(client, imagefiles.upload(name, data))
    assert review.status_code == 200
    assert len(review.context["formset"].forms) == 1, review.context.get("refused")
    return review


IPTC_VALUES = {
    imagefiles.BY_LINE: "Jürgen Müßig",
    imagefiles.CREDIT: "picture alliance",
    imagefiles.SOURCE: "dpa",
    imagefiles.COPYRIGHT_NOTICE: "© dpa-infocom GmbH",
    imagefiles.CAPTION_ABSTRACT: "Eine Straßenbahn fährt über die Zeppelinbrücke in Leipzig.",
}


def test_iptc_fields_prefill_the_review_form(admin_client):
    data = imagefiles.with_iptc(imagefiles.jpeg(), IPTC_VALUES)

    review = upload_one(admin_client, data)

    assert prefilled(review) == {
        "caption": "Eine Straßenbahn fährt über die Zeppelinbrücke in Leipzig.",
        "credit_line": "picture alliance/dpa",
        "photographer": "Jürgen Müßig",
        "copyright": "© dpa-infocom GmbH",
    }
    content = review.content.decode()
    for value in prefilled(review).values():
        assert escape(value) in content, f"{value!r} is not shown for review"


def test_prefilled_values_are_saved_once_the_editor_adds_the_alt_text(admin_client):
    review = upload_one(admin_client, imagefiles.with_iptc(imagefiles.jpeg(), IPTC_VALUES))

    response = admin_client.post(
        UPLOAD_URL, review_payload(review, {"alt_text": "Straßenbahn auf der Brücke"})
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.credit_label == "Bild: picture alliance/dpa | Jürgen Müßig"
    assert image.copyright == "© dpa-infocom GmbH"


def test_latin_1_iptc_from_older_agency_systems_keeps_its_umlauts(admin_client):
    data = imagefiles.with_iptc(
        imagefiles.jpeg(),
        {imagefiles.BY_LINE: "Jörg Müller", imagefiles.CAPTION_ABSTRACT: "Größere Straßen"},
        encoding="latin-1",
    )

    review = upload_one(admin_client, data)

    assert prefilled(review)["photographer"] == "Jörg Müller"
    assert prefilled(review)["caption"] == "Größere Straßen"


def test_a_credit_that_already_names_the_source_does_not_repeat_it(admin_client):
    data = imagefiles.with_iptc(
        imagefiles.jpeg(),
        {imagefiles.CREDIT: "picture alliance/dpa", imagefiles.SOURCE: "dpa"},
    )

    assert prefilled(upload_one(admin_client, data))["credit_line"] == "picture alliance/dpa"


def test_xmp_fields_prefill_the_review_form(admin_client):
    xmp = imagefiles.xmp_packet(
        creator="Anna Schäfer",
        rights="© Anna Schäfer / Imago",
        description="Demonstration auf dem Augustusplatz, Blick über die Menge.",
        credit="Imago",
    )

    review = upload_one(admin_client, imagefiles.jpeg(xmp=xmp))

    assert prefilled(review) == {
        "caption": "Demonstration auf dem Augustusplatz, Blick über die Menge.",
        "credit_line": "Imago",
        "photographer": "Anna Schäfer",
        "copyright": "© Anna Schäfer / Imago",
    }


def test_xmp_in_a_png_prefills_the_review_form(admin_client):
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", imagefiles.xmp_packet(creator="Ömer Öztürk").decode())
    data = imagefiles.encode(PILImage.new("RGB", (300, 200)), "PNG", pnginfo=info)

    review = upload_one(admin_client, data, name="grafik.png")

    assert prefilled(review)["photographer"] == "Ömer Öztürk"


def test_exif_fields_prefill_the_review_form(admin_client):
    exif = imagefiles.exif(
        artist="Björn Weiß",
        copyright="© Björn Weiß",
        description="Übergabe der Schlüssel im Rathaus",
    )

    review = upload_one(admin_client, imagefiles.jpeg(exif=exif))

    assert prefilled(review) == {
        "caption": "Übergabe der Schlüssel im Rathaus",
        "credit_line": "",
        "photographer": "Björn Weiß",
        "copyright": "© Björn Weiß",
    }


def all_three(iptc=None, xmp=None, exif=None):
    data = imagefiles.jpeg(
        xmp=imagefiles.xmp_packet(**xmp) if xmp else None,
        exif=imagefiles.exif(**exif) if exif else b"",
    )
    return imagefiles.with_iptc(data, iptc) if iptc else data


def test_iptc_wins_over_xmp_and_xmp_over_exif(admin_client):
    data = all_three(
        iptc={
            imagefiles.BY_LINE: "IPTC Fotograf",
            imagefiles.CAPTION_ABSTRACT: "IPTC Bildtext",
            imagefiles.COPYRIGHT_NOTICE: "IPTC Rechte",
            imagefiles.CREDIT: "IPTC Agentur",
        },
        xmp={
            "creator": "XMP Fotograf",
            "description": "XMP Bildtext",
            "rights": "XMP Rechte",
            "credit": "XMP Agentur",
        },
        exif={"artist": "EXIF Fotograf", "description": "EXIF Bildtext", "copyright": "EXIF R"},
    )

    assert prefilled(upload_one(admin_client, data)) == {
        "caption": "IPTC Bildtext",
        "credit_line": "IPTC Agentur",
        "photographer": "IPTC Fotograf",
        "copyright": "IPTC Rechte",
    }


def test_xmp_wins_over_exif(admin_client):
    data = all_three(
        xmp={"creator": "XMP Fotograf", "description": "XMP Bildtext", "rights": "XMP Rechte"},
        exif={"artist": "EXIF Fotograf", "description": "EXIF Bildtext", "copyright": "EXIF R"},
    )

    assert prefilled(upload_one(admin_client, data)) == {
        "caption": "XMP Bildtext",
        "credit_line": "",
        "photographer": "XMP Fotograf",
        "copyright": "XMP Rechte",
    }


def test_a_field_missing_from_iptc_is_taken_from_xmp_or_exif(admin_client):
    data = all_three(
        iptc={imagefiles.BY_LINE: "IPTC Fotograf"},
        xmp={"description": "XMP Bildtext"},
        exif={"artist": "EXIF Fotograf", "copyright": "EXIF Rechte"},
    )

    assert prefilled(upload_one(admin_client, data)) == {
        "caption": "XMP Bildtext",
        "credit_line": "",
        "photographer": "IPTC Fotograf",
        "copyright": "EXIF Rechte",
    }


def test_a_picture_without_metadata_leaves_the_fields_empty(admin_client):
    review = upload_one(admin_client, imagefiles.jpeg())

    assert prefilled(review) == dict.fromkeys(PREFILLED, "")


@pytest.mark.parametrize(
    "xmp",
    [
        pytest.param(b"<x:xmpmeta><rdf:RDF>kaputt", id="not well-formed"),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>&b;</dc:creator>'
            b"</rdf:Description></rdf:RDF></x:xmpmeta>",
            id="entity expansion",
        ),
    ],
)
def test_unreadable_or_hostile_xmp_is_ignored_and_the_picture_still_accepted(admin_client, xmp):
    review = upload_one(admin_client, imagefiles.jpeg(xmp=xmp))

    assert prefilled(review) == dict.fromkeys(PREFILLED, "")


# IPTC cuts By-line, Credit and Source at 32 bytes; XMP has no such limit.
FULL_CREDIT = "picture alliance/dpa/LVZ via Imago Images"
FULL_BY_LINE = "Jürgen Müßig für Leipziger Überblick"


def test_a_credit_cut_off_by_iptc_is_taken_whole_from_xmp(admin_client):
    cut_credit = FULL_CREDIT.encode()[:32]
    cut_by_line = FULL_BY_LINE.encode()[:32]  # ends inside the "Ü"
    assert cut_by_line.decode("utf-8", "ignore") != cut_by_line.decode("utf-8", "replace")
    data = all_three(
        iptc={imagefiles.CREDIT: cut_credit, imagefiles.BY_LINE: cut_by_line},
        xmp={"credit": FULL_CREDIT, "creator": FULL_BY_LINE},
    )

    values = prefilled(upload_one(admin_client, data))

    assert values["credit_line"] == FULL_CREDIT
    assert values["photographer"] == FULL_BY_LINE


def test_a_full_length_iptc_value_differing_from_xmp_is_replaced_only_when_xmp_is_longer(
    admin_client,
):
    # 32 bytes exactly, but XMP holds a shorter, different credit: IPTC still wins.
    iptc_credit = "Deutsche Presse-Agentur (dpa) GmbH"[:32]
    data = all_three(
        iptc={imagefiles.CREDIT: iptc_credit, imagefiles.BY_LINE: "Jana Beispiel"},
        xmp={"credit": "dpa", "creator": "Jana Beispiel-Langname"},
    )

    values = prefilled(upload_one(admin_client, data))

    assert values["credit_line"] == iptc_credit
    # Not at the limit, but XMP's value begins with IPTC's: the complete one is taken.
    assert values["photographer"] == "Jana Beispiel-Langname"
