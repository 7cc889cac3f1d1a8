"""The picture desk in a real browser: upload two agency pictures at once, find their
metadata prefilled, complete the alt texts, then set a focal point by clicking."""

import pytest

from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.accounts import PASSWORD
from tests.helpers.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def agency_picture(tmp_path, name, caption, byline):
    data = imagefiles.with_iptc(
        imagefiles.jpeg(1600, 900),
        {
            imagefiles.BY_LINE: byline,
            imagefiles.CREDIT: "picture alliance/dpa",
            imagefiles.COPYRIGHT_NOTICE: "© dpa-infocom GmbH",
            imagefiles.CAPTION_ABSTRACT: caption,
        },
    )
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_editor_uploads_two_pictures_reviews_them_and_sets_a_focal_point(
    live_server, page, tmp_path, django_user_model
):
    django_user_model.objects.create_superuser("bildredaktion", "b@newsroom.example", PASSWORD)
    files = [
        agency_picture(tmp_path, "rathaus.jpg", "Das Neue Rathaus in Leipzig.", "Jana Beispiel"),
        agency_picture(tmp_path, "markt.jpg", "Wochenmarkt am Sonnabend.", "Jörg Müller"),
    ]
    log_in(page, live_server.url, "bildredaktion")

    page.goto(f"{live_server.url}/admin/images/image/add/")
    assert page.url.endswith("/admin/images/image/hochladen/")
    page.set_input_files("input[name=files]", files)
    with page.expect_navigation():
        page.click("input[type=submit]")

    # The review page: one form per file, prefilled from the files' IPTC data.
    assert page.input_value("#id_form-0-caption") == "Das Neue Rathaus in Leipzig."
    assert page.input_value("#id_form-1-photographer") == "Jörg Müller"
    assert page.input_value("#id_form-0-copyright") == "© dpa-infocom GmbH"
    # Saving without alt texts is refused, and nothing typed is lost.
    page.fill("#id_form-1-caption", "Wochenmarkt am Sonnabendvormittag.")
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert page.locator(".errorlist").count() >= 2
    assert page.input_value("#id_form-1-caption") == "Wochenmarkt am Sonnabendvormittag."
    page.fill("#id_form-0-alt_text", "Der Turm des Neuen Rathauses vor blauem Himmel")
    page.fill("#id_form-1-alt_text", "Marktstände mit Obst und Gemüse")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_selector(".messagelist .success")
    assert Image.objects.count() == 2
    market = Image.objects.get(photographer="Jörg Müller")
    assert market.caption == "Wochenmarkt am Sonnabendvormittag."
    assert market.uploaded_by.username == "bildredaktion"

    # Focal point: click near the right edge of the picture, the fields follow, save.
    page.goto(f"{live_server.url}/admin/images/image/{market.pk}/change/")
    picker = page.locator(".nr-focal__picker img")
    picker.wait_for()
    picker.scroll_into_view_if_needed()
    box = picker.bounding_box()
    picker.click(position={"x": box["width"] * 0.9, "y": box["height"] * 0.25})
    assert page.input_value("#id_focal_x") == "90"
    assert page.input_value("#id_focal_y") == "25"
    # The square preview is cut as the renditions will be: the 16:9 picture shown 240 px
    # wide in a 135 px square, its focal point near the right edge: the crop hits that edge.
    square = page.locator(".nr-crop[data-ratio='1 / 1']")
    assert square.evaluate("img => img.style.objectPosition") == "-105px 0px"
    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    market.refresh_from_db()
    assert (market.focal_x, market.focal_y) == (90, 25)
