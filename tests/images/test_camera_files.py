"""What cameras and phones deliver: JPEGs with extra pictures (MPO) and portraits stored
sideways with an orientation tag."""

import io

import pytest
from PIL import Image as PILImage

from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.images import change_url, post_upload

pytestmark = pytest.mark.django_db


def mpo_bytes():
    """A JPEG with a second picture inside (as phones write for depth or gain maps)."""
    first = PILImage.new("RGB", (800, 600), (30, 90, 160))
    second = PILImage.new("RGB", (200, 150), (200, 30, 30))
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    return out.getvalue()


def test_a_phone_jpeg_with_an_embedded_picture_is_accepted(admin_client):
    data = mpo_bytes()
    assert PILImage.open(io.BytesIO(data)).format == "MPO"
    response = post_upload(admin_client, imagefiles.upload("IMG_0001.JPG", data))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="form-0-staged"' in page
    assert "MPO" not in page


def test_editing_a_rotated_picture_keeps_its_upright_size(admin_client):
    data = imagefiles.jpeg(400, 200, exif=imagefiles.exif(orientation=6))
    image = Image.objects.create(
        file=imagefiles.upload("hochkant.jpg", data),
        alt_text="Ein Turm",
        credit_line="privat",
    )
    image.refresh_from_db()
    assert (image.width, image.height) == (200, 400)
    assert image.orientation == "portrait"

    response = admin_client.get(change_url(image))
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "file"}
    data["caption"] = "Der Turm am Markt"
    data["is_own"] = ""
    response = admin_client.post(change_url(image), data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    image.refresh_from_db()
    assert image.caption == "Der Turm am Markt"
    assert (image.width, image.height) == (200, 400)
