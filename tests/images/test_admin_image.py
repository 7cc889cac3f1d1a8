"""The image library admin: the change form, the upload an article's image field opens in a
popup ("+"), and the list with its thumbnails, search and filters."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from django.utils.translation import gettext

from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.factories import ImageFactory
from tests.helpers.html import html, start_tags
from tests.helpers.images import (
    CHANGELIST_URL,
    change_url,
    image_srcs,
    review_payload,
    staged_tokens,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
# The add form in a popup (from an article's or author's image field, "+") leads to the
# upload, as in the library.
POPUP_ADD_URL = "/admin/images/image/add/?_popup=1"
POPUP_UPLOAD_URL = "/admin/images/image/hochladen/?_popup=1"


def jpeg_upload(name="Stadtrat Sitzung.JPG", width=320, height=200):
    return imagefiles.upload(name, imagefiles.jpeg(width, height, color=(200, 40, 40)))


def image_form(**values):
    """What the image form submits: the file, the text fields and the focal point."""
    return {
        "alt_text": "Straßenbahn vor dem Hauptbahnhof",
        "caption": "Die neue Linie soll ab 2028 den Süden anbinden.",
        "credit_line": "picture alliance/dpa/LVZ via Imago",
        "photographer": "Jana Beispiel",
        "copyright": "",
        "usable_until": "",
        "usage_notes": "",
        "focal_x": "50",
        "focal_y": "50",
        "_save": "Sichern",
        **values,
    }


def assert_refused_keeping(response, message, typed):
    assert response.status_code == 200, "the form was saved instead of being refused"
    content = response.content.decode()
    assert "errornote" in content
    assert escape(message) in content
    for text in typed:
        assert escape(text) in content, f"the typed {text!r} was lost"


def popup_upload(client, upload):
    """Step 1 in the popup of an article's image field ("+"): one file."""
    return client.post(
        f"{POPUP_UPLOAD_URL}&_to_field=id", {"files": upload, "_popup": "1", "_to_field": "id"}
    )


def test_the_popup_add_form_leads_to_the_upload_keeping_popup_and_field(admin_client):
    response = admin_client.get(f"{POPUP_ADD_URL}&_to_field=id")

    assert response.status_code == 302
    assert response.url == f"{POPUP_UPLOAD_URL}&_to_field=id"
    page = admin_client.get(response.url).content.decode()
    file_inputs = [a for a in start_tags(page, "input") if a.get("type") == "file"]
    assert len(file_inputs) == 1 and "multiple" not in file_inputs[0], "one file in a popup"


def test_the_popup_upload_prefills_from_the_metadata_and_hands_the_picture_back(admin_client):
    data = imagefiles.with_iptc(
        imagefiles.jpeg(320, 200),
        {imagefiles.CREDIT: "picture alliance", imagefiles.BY_LINE: "Jana Beispiel"},
    )

    review = popup_upload(admin_client, imagefiles.upload("Stadtrat Sitzung.JPG", data))

    assert review.status_code == 200
    form = review.context["formset"].forms[0]
    assert (form["credit_line"].value(), form["photographer"].value()) == (
        "picture alliance",
        "Jana Beispiel",
    )
    hidden = {
        a["name"]: a.get("value")
        for a in start_tags(review.content.decode(), "input")
        if a.get("type") == "hidden"
    }
    assert (hidden["_popup"], hidden["_to_field"]) == ("1", "id")

    response = admin_client.post(
        f"{POPUP_UPLOAD_URL}&_to_field=id",
        {
            **review_payload(review, {"alt_text": "Der Stadtrat tagt"}),
            "_popup": "1",
            "_to_field": "id",
        },
    )

    assert response.status_code == 200
    assert "popup_response" in response.templates[0].name, response.context["formset"].errors
    image = Image.objects.get()
    assert json.loads(response.context["popup_response_data"])["value"] == str(image.pk)
    assert (image.width, image.height) == (320, 200)
    assert image.uploaded_by == admin_client.user
    assert image.credit == "picture alliance | Jana Beispiel"
    assert re.fullmatch(r"images/\d{4}/\d{2}/stadtrat-sitzung-[0-9a-f]{10}\.jpg", image.file.name)


def test_the_popup_upload_keeps_the_file_and_the_typing_across_a_missing_alt_text(admin_client):
    review = popup_upload(admin_client, jpeg_upload())
    token = staged_tokens(review)[0]
    typed = {
        "alt_text": "",
        "caption": "Die neue Linie soll ab 2028 den Süden anbinden.",
        "credit_line": "picture alliance/dpa",
    }

    refused_once = admin_client.post(
        f"{POPUP_UPLOAD_URL}&_to_field=id",
        {**review_payload(review, typed), "_popup": "1", "_to_field": "id"},
    )

    assert refused_once.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in refused_once.content.decode()
    assert escape(typed["caption"]) in refused_once.content.decode()
    assert staged_tokens(refused_once) == [token], "the chosen file is still there"
    assert refused_once.context["rows"][0][1] in image_srcs(refused_once)
    assert not Image.objects.exists()

    saved = admin_client.post(
        f"{POPUP_UPLOAD_URL}&_to_field=id",
        {
            **review_payload(refused_once, {"alt_text": "Straßenbahn im Regen"}),
            "_popup": "1",
            "_to_field": "id",
        },
    )

    assert "popup_response" in saved.templates[0].name, saved.context["formset"].errors
    image = Image.objects.get()
    assert (image.alt_text, image.caption) == ("Straßenbahn im Regen", typed["caption"])


def test_the_popup_upload_refuses_a_file_that_is_not_an_image(admin_client):
    not_an_image = imagefiles.upload("x.jpg", b"just some text")

    response = popup_upload(admin_client, not_an_image)

    assert response.status_code == 200
    assert (
        escape(
            gettext("“%(name)s” is not an image (whatever its file name says).") % {"name": "x.jpg"}
        )
        in response.content.decode()
    )
    assert not Image.objects.exists()


def test_replacing_the_file_with_an_svg_is_refused_keeping_the_typed_text(admin_client):
    image = ImageFactory(file=jpeg_upload())
    original = image.file.name

    response = admin_client.post(
        change_url(image),
        image_form(file=imagefiles.upload("logo.png", imagefiles.SVG), caption="Neuer Text"),
    )

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["file"]
    assert "Neuer Text" in response.content.decode()
    image.refresh_from_db()
    assert image.file.name == original


def test_replacing_the_file_records_the_new_size(admin_client):
    image = ImageFactory(file=jpeg_upload(width=320, height=200))

    response = admin_client.post(
        change_url(image), image_form(file=jpeg_upload("neu.png", width=640, height=480))
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height) == (640, 480)
    assert image.file.name.endswith(".jpg"), "the stored extension follows the real format"


def test_replacing_the_file_records_the_new_file_size(admin_client):
    image = ImageFactory(file=jpeg_upload(width=100, height=100))
    data = imagefiles.jpeg(1000, 800)

    response = admin_client.post(
        change_url(image), image_form(file=imagefiles.upload("b.jpg", data))
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file_size == len(data)


def test_change_form_shows_the_picture_and_its_size(admin_client):
    image = ImageFactory(file=jpeg_upload(width=120, height=90))

    response = admin_client.get(change_url(image))

    assert response.status_code == 200
    content = response.content.decode()
    assert "120 \N{MULTIPLICATION SIGN} 90 px" in content
    (picker_img,) = html(response).xpath('//*[contains(@class, "nr-focal__picker")]//img')
    assert picker_img.get("alt") == image.alt_text


def list_thumbnails(response):
    return html(response).xpath('//table[@id="result_list"]//figure[contains(@class, "nr-thumb")]')


def test_image_list_shows_a_rendition_thumbnail_and_the_credit(admin_client):
    image = ImageFactory(
        file=jpeg_upload(width=1600, height=900), credit_line="dpa", photographer="Jana Beispiel"
    )

    response = admin_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    (thumb,) = list_thumbnails(response)
    (img,) = thumb.xpath(".//img")
    assert img.get("alt") == image.alt_text
    assert img.get("src").startswith("/media/renditions/")
    assert image.file.name not in img.get("src"), "the list must not load the originals"
    assert "Bild: dpa | Jana Beispiel" in thumb.text_content()


def test_the_image_list_takes_the_same_number_of_queries_for_more_images(admin_client):
    def queries_for_list():
        admin_client.get(CHANGELIST_URL)  # makes missing thumbnails
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(CHANGELIST_URL)
        assert len(list_thumbnails(response)) == Image.objects.count()
        return len(queries)

    ImageFactory.create_batch(2)
    few = queries_for_list()
    ImageFactory.create_batch(4)

    assert queries_for_list() == few


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Imago", "agency"),
        ("Muster", "photographer"),
        ("Hauptbahnhof", "caption"),
        ("dpa-infocom", "copyright"),
    ],
)
def test_image_search_finds_credit_line_photographer_caption_and_copyright(
    admin_client, term, expected
):
    images = {
        "agency": ImageFactory(credit_line="LVZ via Imago", photographer="Jana Beispiel"),
        "photographer": ImageFactory(credit_line="dpa", photographer="Max Muster"),
        "caption": ImageFactory(caption="Straßenbahn am Hauptbahnhof", credit_line="AP"),
        "copyright": ImageFactory(credit_line="AP", copyright="© dpa-infocom GmbH"),
    }

    response = admin_client.get(CHANGELIST_URL, {"q": term})

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {images[expected]}


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("landscape", {"wide"}),
        ("portrait", {"tall"}),
        ("square", {"square"}),
        (None, {"wide", "tall", "square"}),
    ],
)
def test_the_orientation_filter(admin_client, choice, expected):
    images = {
        "wide": ImageFactory(file=jpeg_upload(width=400, height=300)),
        "tall": ImageFactory(file=jpeg_upload(width=300, height=400)),
        "square": ImageFactory(file=jpeg_upload(width=300, height=300)),
    }
    names = {image.pk: name for name, image in images.items()}

    response = admin_client.get(CHANGELIST_URL, {"format": choice} if choice else {})

    assert response.status_code == 200
    assert {names[image.pk] for image in response.context["cl"].result_list} == expected


@pytest.mark.parametrize(("value", "expected"), [("1", {"own"}), ("0", {"agency"})])
def test_the_own_picture_filter(admin_client, value, expected):
    images = {
        "own": ImageFactory(is_own=True, credit_line=""),
        "agency": ImageFactory(is_own=False),
    }
    names = {image.pk: name for name, image in images.items()}

    response = admin_client.get(CHANGELIST_URL, {"is_own__exact": value})

    assert {names[image.pk] for image in response.context["cl"].result_list} == expected


def test_the_library_can_be_narrowed_to_an_upload_date(admin_client, time_machine):
    time_machine.move_to(datetime.datetime(2025, 3, 10, 12, tzinfo=BERLIN), tick=False)
    older = ImageFactory()
    time_machine.move_to(datetime.datetime(2026, 5, 20, 12, tzinfo=BERLIN), tick=False)
    newer = ImageFactory()

    by_year = admin_client.get(CHANGELIST_URL, {"created_at__year": "2025"})
    by_day = admin_client.get(
        CHANGELIST_URL,
        {"created_at__year": "2026", "created_at__month": "5", "created_at__day": "20"},
    )

    assert list(by_year.context["cl"].result_list) == [older]
    assert list(by_day.context["cl"].result_list) == [newer]


def test_search_and_filters_combine(admin_client):
    wanted = ImageFactory(photographer="Max Muster", file=jpeg_upload(width=300, height=400))
    ImageFactory(photographer="Max Muster", file=jpeg_upload(width=400, height=300))
    ImageFactory(photographer="Eva Beispiel", file=jpeg_upload(width=300, height=400))

    response = admin_client.get(CHANGELIST_URL, {"q": "Muster", "format": "portrait"})

    assert list(response.context["cl"].result_list) == [wanted]


def test_an_unknown_filter_value_is_no_error(admin_client):
    ImageFactory()

    response = admin_client.get(CHANGELIST_URL, {"format": "rund", "rechte": "<script>"})

    assert response.status_code == 200


def test_the_list_links_to_the_upload(admin_client):
    response = admin_client.get(CHANGELIST_URL)

    assert html(response).xpath('//a[contains(@href, "/admin/images/image/add/")]')


def test_a_broken_original_does_not_break_the_list(admin_client, tmp_path):
    image = ImageFactory(file=jpeg_upload())
    with open(image.file.path, "wb") as broken:
        broken.write(b"kaputt")

    response = admin_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    assert escape(image.alt_text) in response.content.decode()
