"""The "+" beside the article's hero image field: the same upload as the library, metadata
prefilled, the file kept across a missing alt text, and the new picture chosen in the field."""

import pytest

from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.accounts import PASSWORD
from tests.helpers.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_uploading_through_the_plus_prefills_keeps_the_file_and_fills_the_field(
    live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("redakteurin", "r@newsroom.example", PASSWORD)
    agency_file = imagefiles.with_iptc(
        imagefiles.jpeg(640, 360),
        {imagefiles.CREDIT: "picture alliance/dpa", imagefiles.BY_LINE: "Jana Beispiel"},
    )
    log_in(page, live_server.url, "redakteurin")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    with page.expect_popup() as opened:
        page.click("#add_id_hero_image")
    popup = opened.value
    popup.wait_for_selector("input[type=file]")
    assert "/admin/images/image/hochladen/" in popup.url
    popup.set_input_files(
        "input[type=file]",
        files=[{"name": "agentur.jpg", "mimeType": "image/jpeg", "buffer": agency_file}],
    )
    with popup.expect_navigation():
        popup.click("input[type=submit]")

    assert popup.input_value("#id_form-0-credit_line") == "picture alliance/dpa"
    assert popup.input_value("#id_form-0-photographer") == "Jana Beispiel"
    # Saved without the alt text: refused, and the picture is still there.
    with popup.expect_navigation():
        popup.click("input[type=submit]")
    popup.wait_for_selector(".errorlist")
    assert popup.locator(".nr-review img").count() == 1
    assert popup.input_value("#id_form-0-credit_line") == "picture alliance/dpa"

    popup.fill("#id_form-0-alt_text", "Eine Straßenbahn im Regen")
    with popup.expect_event("close"):
        popup.click("input[type=submit]")

    image = Image.objects.get()
    assert (image.alt_text, image.credit) == (
        "Eine Straßenbahn im Regen",
        "picture alliance/dpa | Jana Beispiel",
    )
    assert page.input_value("#id_hero_image") == str(image.pk)
