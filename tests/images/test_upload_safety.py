"""Upload safety: what is not a harmless still image is refused with a clear message, judged
by the file's content and not its name; the rest of an upload goes on; names are made safe."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.translation import gettext
from PIL import Image as PILImage

from images import renditions
from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.html import html
from tests.helpers.images import UPLOAD_URL, post_upload, refused, review_payload

pytestmark = pytest.mark.django_db

# The reasons as the editor reads them (through the active translation).
REASONS = {
    "not_an_image": "“%(name)s” is not an image (whatever its file name says).",
    "svg": (
        "“%(name)s” is an SVG drawing. SVG files can carry scripts and are not accepted; "
        "export it as PNG or JPEG."
    ),
    "too_large": "“%(name)s” is %(size)s; at most %(max)s are allowed.",
    "too_many_pixels": (
        "“%(name)s” has %(width)s × %(height)s pixels, more than the %(max)s megapixels allowed."
    ),
    "bomb": "“%(name)s” has too many pixels to be processed safely.",
    "broken": "“%(name)s” is damaged or incomplete and cannot be read.",
    "animated": "“%(name)s” is animated; animated images are not supported.",
    "format": "“%(name)s” is a %(format)s file; accepted are JPEG, PNG, WebP and AVIF.",
    "empty": "“%(name)s” is empty.",
}


def reason(code, **params):
    return gettext(REASONS[code]) % params


def stored_files(tmp_path):
    root = tmp_path / "media"
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def assert_refused_alone(response, message, tmp_path):
    """The whole upload was refused: the upload page again, the reason listed, nothing kept."""
    assert response.status_code == 200
    assert response.templates[0].name == "admin/images/image/upload.html"
    assert refused(response) == [message]
    assert escape(message) in response.content.decode()
    assert response.context["form"].errors["files"]
    assert stored_files(tmp_path) == []
    assert not Image.objects.exists()


BAD_FILES = {
    "text named .jpg": ("bericht.jpg", imagefiles.TEXT, "not_an_image", {}),
    "PDF named .jpg": ("vertrag.jpg", imagefiles.PDF, "not_an_image", {}),
    "SVG": ("logo.svg", imagefiles.SVG, "svg", {}),
    "SVG named .png": ("logo.png", imagefiles.SVG, "svg", {}),
    "bare SVG named .jpg": ("logo.jpg", imagefiles.BARE_SVG, "svg", {}),
    "truncated JPEG": ("abgebrochen.jpg", imagefiles.truncated_jpeg(), "broken", {}),
    "animated GIF": ("animation.gif", imagefiles.animated("GIF"), "format", {"format": "GIF"}),
    "still GIF": (
        "grafik.gif",
        imagefiles.encode(PILImage.new("RGB", (40, 30)), "GIF"),
        "format",
        {"format": "GIF"},
    ),
    "animated WebP": ("animation.webp", imagefiles.animated("WEBP"), "animated", {}),
    "TIFF": (
        "scan.jpg",
        imagefiles.encode(PILImage.new("RGB", (40, 30)), "TIFF"),
        "format",
        {"format": "TIFF"},
    ),
    "empty file": ("leer.jpg", b"", "empty", {}),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_file_that_is_no_acceptable_image_is_refused_with_its_reason(
    admin_client, tmp_path, kind
):
    name, data, code, params = BAD_FILES[kind]

    response = post_upload(admin_client, imagefiles.upload(name, data))

    assert_refused_alone(response, reason(code, name=name, **params), tmp_path)


def test_the_file_name_in_a_refusal_is_escaped(admin_client):
    name = '<img src=x onerror="alert(1)">.jpg'

    response = post_upload(admin_client, imagefiles.upload(name, imagefiles.TEXT))

    content = response.content.decode()
    assert refused(response) == [reason("not_an_image", name=name)]
    assert "<img src=x" not in content
    assert escape(reason("not_an_image", name=name)) in content


def test_a_file_over_the_byte_limit_is_refused(admin_client, settings, tmp_path):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 20_000
    data = imagefiles.encode(PILImage.effect_noise((400, 300), 80).convert("RGB"), quality=95)
    assert len(data) > 20_000

    response = post_upload(admin_client, imagefiles.upload("gross.jpg", data))

    message = reason(
        "too_large", name="gross.jpg", size=filesizeformat(len(data)), max=filesizeformat(20_000)
    )
    assert_refused_alone(response, message, tmp_path)


def test_a_file_at_the_byte_limit_is_accepted(admin_client, settings):
    data = imagefiles.jpeg(300, 200)
    settings.NEWSROOM_IMAGE_MAX_BYTES = len(data)

    response = post_upload(admin_client, imagefiles.upload("knapp.jpg", data))

    assert refused(response) == []
    assert len(response.context["formset"].forms) == 1


def test_a_picture_over_the_pixel_limit_is_refused(admin_client, settings, tmp_path):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 1_000_000

    response = post_upload(
        admin_client, imagefiles.upload("riesig.jpg", imagefiles.jpeg(1001, 1000))
    )

    message = reason("too_many_pixels", name="riesig.jpg", width=1001, height=1000, max=1)
    assert_refused_alone(response, message, tmp_path)


def test_a_picture_at_the_pixel_limit_is_accepted(admin_client, settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 1_000_000

    response = post_upload(
        admin_client, imagefiles.upload("genau.jpg", imagefiles.jpeg(1000, 1000))
    )

    assert refused(response) == []
    assert len(response.context["formset"].forms) == 1


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(9_000, 8_000, id="over the configured limit"),
        pytest.param(60_000, 60_000, id="over Pillow's own bomb limit"),
    ],
)
def test_a_decompression_bomb_header_is_refused_before_decoding(
    admin_client, tmp_path, width, height
):
    data = imagefiles.png_header_only(width, height)
    assert len(data) < 200  # a few bytes that claim billions of pixels

    response = post_upload(admin_client, imagefiles.upload("bombe.png", data))

    assert response.status_code == 200
    (message,) = refused(response)
    assert message in (
        reason("too_many_pixels", name="bombe.png", width=width, height=height, max=60),
        reason("bomb", name="bombe.png"),
    )
    assert_refused_alone(response, message, tmp_path)


def test_in_a_multi_upload_good_files_go_on_and_bad_ones_are_listed(admin_client, tmp_path):
    files = [
        imagefiles.upload("gut-1.jpg", imagefiles.jpeg(640, 480)),
        imagefiles.upload("text.jpg", imagefiles.TEXT),
        imagefiles.upload("gut-2.png", imagefiles.encode(PILImage.new("RGB", (300, 300)), "PNG")),
        imagefiles.upload("zeichnung.png", imagefiles.SVG),
        imagefiles.upload("bewegt.gif", imagefiles.animated("GIF")),
    ]

    review = post_upload(admin_client, *files)

    assert review.status_code == 200
    assert review.templates[0].name == "admin/images/image/review.html"
    assert len(review.context["formset"].forms) == 2
    expected = [
        reason("not_an_image", name="text.jpg"),
        reason("svg", name="zeichnung.png"),
        reason("format", name="bewegt.gif", format="GIF"),
    ]
    assert refused(review) == expected
    (note,) = html(review).xpath('//div[contains(@class, "errornote")][@role="alert"]')
    assert [li.text_content() for li in note.xpath(".//li")] == expected
    assert len(stored_files(tmp_path)) == 2, "only the accepted files are stored"

    response = admin_client.post(
        UPLOAD_URL,
        review_payload(
            review,
            {"alt_text": "Erstes", "credit_line": "dpa"},
            {"alt_text": "Zweites", "credit_line": "dpa"},
        ),
    )

    assert response.status_code == 302
    assert sorted(Image.objects.values_list("alt_text", flat=True)) == ["Erstes", "Zweites"]


def save_uploaded(client, name, data):
    review = post_upload(client, imagefiles.upload(name, data))
    assert refused(review) == []
    response = client.post(
        UPLOAD_URL, review_payload(review, {"alt_text": "Bild", "credit_line": "dpa"})
    )
    assert response.status_code == 302
    return Image.objects.latest("pk")


SAFE_NAME = re.compile(r"images/\d{4}/\d{2}/[a-z0-9][a-z0-9-]*-[0-9a-f]{10}\.(jpg|png|webp)")


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.jpg",
        "..\\..\\windows\\system.ini.jpg",
        "Foto vom Stadtrat 2026.jpg",
        "Größenänderung Überblick.JPG",
        "<script>alert(1)</script>.jpg",
        "a" * 240 + ".jpg",
        ".jpg",
    ],
)
def test_file_names_are_made_safe(admin_client, tmp_path, name):
    image = save_uploaded(admin_client, name, imagefiles.jpeg(320, 200))

    assert SAFE_NAME.fullmatch(image.file.name), image.file.name
    assert len(image.file.name) <= Image._meta.get_field("file").max_length
    stored = Path(default_storage.path(image.file.name)).resolve()
    assert stored.is_relative_to((tmp_path / "media").resolve())
    assert stored.is_file()


def test_two_uploads_of_the_same_name_never_collide(admin_client):
    first = save_uploaded(admin_client, "foto.jpg", imagefiles.jpeg(color=(255, 0, 0)))
    second = save_uploaded(admin_client, "foto.jpg", imagefiles.jpeg(color=(0, 0, 255)))

    assert first.file.name != second.file.name
    with first.file.open("rb") as a, second.file.open("rb") as b:
        assert a.read() != b.read(), "the second upload overwrote the first"


def test_the_same_name_twice_in_one_upload_never_collides(admin_client):
    review = post_upload(
        admin_client,
        imagefiles.upload("foto.jpg", imagefiles.jpeg(color=(255, 0, 0))),
        imagefiles.upload("foto.jpg", imagefiles.jpeg(color=(0, 0, 255))),
    )
    admin_client.post(
        UPLOAD_URL,
        review_payload(
            review,
            {"alt_text": "Rot", "credit_line": "dpa"},
            {"alt_text": "Blau", "credit_line": "dpa"},
        ),
    )

    red, blue = Image.objects.get(alt_text="Rot"), Image.objects.get(alt_text="Blau")
    assert red.file.name != blue.file.name
    with red.file.open("rb") as r, blue.file.open("rb") as b, PILImage.open(r) as ri:
        assert ri.getpixel((0, 0))[0] > 200
        assert r.read() != b.read()


@pytest.mark.parametrize(
    ("name", "fmt", "extension"),
    [
        ("foto.jpg", "PNG", ".png"),
        ("foto.png", "JPEG", ".jpg"),
        ("foto.gif", "WEBP", ".webp"),
        ("foto", "JPEG", ".jpg"),
        ("foto.php", "PNG", ".png"),
    ],
)
def test_the_stored_extension_follows_the_real_format(admin_client, name, fmt, extension):
    data = imagefiles.encode(PILImage.new("RGB", (200, 100), (10, 120, 60)), fmt)

    image = save_uploaded(admin_client, name, data)

    assert image.file.name.endswith(f"/foto-{image.file.name[-10 - len(extension) :]}")
    assert Path(image.file.name).suffix == extension
    with image.file.open("rb") as stored, PILImage.open(stored) as opened:
        assert opened.format == fmt


def test_a_16_bit_greyscale_png_is_published_with_its_tones_not_blank_white(admin_client):
    # A horizontal ramp over the whole 16-bit range, dark on the left, bright on the right.
    width, height = 640, 360
    ramp = PILImage.new("I;16", (width, height))
    ramp.putdata([x * 65535 // (width - 1) for _y in range(height) for x in range(width)])
    data = imagefiles.encode(ramp, "PNG")
    with PILImage.open(io.BytesIO(data)) as check:
        assert check.mode.startswith("I;16")

    image = save_uploaded(admin_client, "scan-16bit.png", data)
    (rendition, *_) = renditions.renditions_for(image, "wide")["jpeg"]

    with rendition.file.open("rb") as fh, PILImage.open(fh) as made:
        grey = made.convert("L")
        left = grey.getpixel((2, grey.height // 2))
        right = grey.getpixel((grey.width - 3, grey.height // 2))
    assert left < 40, left
    assert right > 215, right


@pytest.mark.parametrize(
    "hidden",
    [
        b"<html><script>alert(document.domain)</script></html>",
        b"<!DOCTYPE html><p>Hallo",
        b"<SCRIPT >alert(1)</SCRIPT>",
        b'<a href="javascript:alert(1)">x</a>',
        b"<iframe src=//evil.example>",
    ],
)
def test_a_picture_with_html_inside_is_refused(admin_client, tmp_path, hidden):
    polyglot = imagefiles.jpeg(320, 240) + hidden

    response = post_upload(admin_client, imagefiles.upload("polyglot.jpg", polyglot))

    message = gettext(
        "“%(name)s” holds HTML or script code besides the picture and is not accepted. "
        "Export the picture again (as JPEG or PNG) and upload that file."
    ) % {"name": "polyglot.jpg"}
    assert_refused_alone(response, message, tmp_path)


def test_markup_spread_over_two_read_chunks_is_found(admin_client, tmp_path):
    picture = imagefiles.jpeg(320, 240)
    filler = b"\0" * (1024 * 1024 - len(picture) - 3)
    polyglot = picture + filler + b"<script>alert(1)</script>"  # "<sc" | "ript>" split

    response = post_upload(admin_client, imagefiles.upload("geteilt.jpg", polyglot))

    assert refused(response) and "HTML" in refused(response)[0]


def test_agency_metadata_is_no_markup(admin_client):
    data = imagefiles.with_iptc(
        imagefiles.jpeg(320, 240), {imagefiles.CAPTION_ABSTRACT: "Stadtrat <tagt> heute"}
    )

    review = post_upload(admin_client, imagefiles.upload("agentur.jpg", data))

    assert refused(review) == []


def test_media_are_served_as_pictures_that_can_run_nothing(admin_client):
    image = save_uploaded(admin_client, "foto.jpg", imagefiles.jpeg(320, 240))
    response = admin_client.get(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
