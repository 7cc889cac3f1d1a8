"""The image library admin: uploading through the add form, the list and its search."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image as PILImage

from images.models import Image
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/images/image/add/"
CHANGELIST_URL = "/admin/images/image/"


def jpeg_upload(name="Stadtrat Sitzung.JPG", width=320, height=200):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def image_form(**values):
    """What the image add form submits: the file and the four text fields."""
    return {
        "alt_text": "Straßenbahn vor dem Hauptbahnhof",
        "caption": "Die neue Linie soll ab 2028 den Süden anbinden.",
        "credit_line": "picture alliance/dpa/LVZ via Imago",
        "photographer": "Jana Beispiel",
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


def test_uploading_an_image_records_its_width_and_height(admin_client):
    response = admin_client.post(ADD_URL, image_form(file=jpeg_upload(width=320, height=200)))

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (320, 200)
    assert image.alt_text == "Straßenbahn vor dem Hauptbahnhof"
    assert image.credit == "picture alliance/dpa/LVZ via Imago | Jana Beispiel"
    # The upload is stored under a sanitized, dated name, never the one it came with.
    assert re.fullmatch(r"images/\d{4}/\d{2}/stadtrat-sitzung-[0-9a-f]{10}\.jpg", image.file.name)
    assert image.file.storage.exists(image.file.name)


def test_change_form_shows_the_preview_and_size(admin_client):
    image = ImageFactory(file=jpeg_upload(width=120, height=90))

    response = admin_client.get(f"/admin/images/image/{image.pk}/change/")

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<img src="{image.file.url}"' in content
    assert "120 \N{MULTIPLICATION SIGN} 90 px" in content


def test_image_without_alt_text_is_refused_and_keeps_caption_and_credit(admin_client):
    response = admin_client.post(ADD_URL, image_form(file=jpeg_upload(), alt_text=""))

    assert_refused_keeping(
        response,
        "Dieses Feld ist zwingend erforderlich.",
        typed=[
            "Die neue Linie soll ab 2028 den Süden anbinden.",
            "picture alliance/dpa/LVZ via Imago",
            "Jana Beispiel",
        ],
    )
    assert list(response.context["adminform"].form.errors) == ["alt_text"]
    assert not Image.objects.exists()


def test_uploading_a_file_that_is_not_an_image_is_refused_and_keeps_the_alt_text(admin_client):
    not_an_image = SimpleUploadedFile("x.jpg", b"just some text", content_type="image/jpeg")

    response = admin_client.post(ADD_URL, image_form(file=not_an_image))

    assert_refused_keeping(
        response,
        "Bitte ein gültiges Bild hochladen.",
        typed=["Straßenbahn vor dem Hauptbahnhof", "Jana Beispiel"],
    )
    assert list(response.context["adminform"].form.errors) == ["file"]
    assert not Image.objects.exists()


def test_image_list_shows_a_thumbnail_and_the_credit(admin_client):
    image = ImageFactory(credit_line="dpa", photographer="Jana Beispiel")

    response = admin_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<img src="{image.file.url}" alt="{escape(image.alt_text)}"' in content
    assert "Bild: dpa | Jana Beispiel" in content


@pytest.mark.parametrize(
    ("term", "expected"),
    [("Imago", "agency"), ("Muster", "photographer"), ("Hauptbahnhof", "caption")],
)
def test_image_search_finds_credit_line_photographer_and_caption(admin_client, term, expected):
    images = {
        "agency": ImageFactory(credit_line="LVZ via Imago", photographer="Jana Beispiel"),
        "photographer": ImageFactory(credit_line="dpa", photographer="Max Muster"),
        "caption": ImageFactory(caption="Straßenbahn am Hauptbahnhof", credit_line="AP"),
    }

    response = admin_client.get(CHANGELIST_URL, {"q": term})

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {images[expected]}
