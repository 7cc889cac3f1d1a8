"""The editor's focal point: set in the admin by click or by number, kept in frame by crops."""

import itertools

import pytest
from PIL import Image as PILImage

from images.models import Image
from images.renditions import crop_box
from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, ImageFactory
from tests.helpers.html import html
from tests.helpers.images import change_url, open_media

SIZES = [(4000, 3000), (3000, 4000), (1600, 900), (900, 1600), (5000, 1000), (333, 777)]
RATIOS = [(16, 9), (1, 1)]
POINTS = [
    (0, 0),
    (100, 0),
    (0, 100),
    (100, 100),
    (50, 0),
    (50, 100),
    (0, 50),
    (100, 50),
    (50, 50),
    (1, 99),
    (99, 1),
    (33, 67),
]


@pytest.mark.parametrize(("size", "ratio", "point"), list(itertools.product(SIZES, RATIOS, POINTS)))
def test_the_crop_keeps_the_focal_point_in_frame(size, ratio, point):
    width, height = size
    fx, fy = point

    left, top, right, bottom = crop_box(width, height, ratio, fx, fy)

    assert 0 <= left < right <= width
    assert 0 <= top < bottom <= height
    crop_w, crop_h = right - left, bottom - top
    # The largest crop of that shape: it spans the whole width or the whole height.
    assert crop_w == width or crop_h == height
    assert abs(crop_w * ratio[1] - crop_h * ratio[0]) <= max(ratio)
    x, y = width * fx / 100, height * fy / 100
    assert left <= x <= right
    assert top <= y <= bottom
    # Centred on the point as far as the edges allow.
    assert abs((left + right) / 2 - min(max(x, crop_w / 2), width - crop_w / 2)) <= 1
    assert abs((top + bottom) / 2 - min(max(y, crop_h / 2), height - crop_h / 2)) <= 1


def share(image, test):
    pixels = list(image.convert("RGB").getdata())
    return sum(1 for pixel in pixels if test(pixel)) / len(pixels)


def is_blue(pixel):
    return pixel[2] > 150 and pixel[0] < 100


def is_red(pixel):
    return pixel[0] > 150 and pixel[2] < 100


def hero_fallback(client, article):
    response = client.get(article.get_absolute_url())
    (img,) = html(response).xpath('//figure[contains(@class, "article__hero")]//img')
    return open_media(img.get("src"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("focal_x", "expected", "wanted"),
    [(100, "blue", is_blue), (0, "red", is_red)],
)
def test_a_rendered_crop_shows_the_side_of_the_focal_point(client, focal_x, expected, wanted):
    # 32:9, left half red, right half blue: a 16:9 crop can hold only one half.
    data = imagefiles.encode(imagefiles.two_tone(3200, 900))
    image = ImageFactory(file=imagefiles.upload("zweifarbig.jpg", data), focal_x=focal_x)
    article = ArticleFactory(hero_image=image)

    rendition = hero_fallback(client, article)

    assert share(rendition, wanted) > 0.95, f"the crop is not mostly {expected}"


@pytest.mark.django_db
def test_a_rendered_crop_of_a_tall_picture_follows_the_vertical_focal_point(client):
    tall = PILImage.new("RGB", (900, 2400), imagefiles.RED)
    tall.paste(imagefiles.BLUE, (0, 1200, 900, 2400))
    image = ImageFactory(
        file=imagefiles.upload("hoch.jpg", imagefiles.encode(tall)), focal_x=50, focal_y=100
    )
    article = ArticleFactory(hero_image=image)

    assert share(hero_fallback(client, article), is_blue) > 0.95


@pytest.mark.django_db
def test_the_change_form_offers_the_picker_and_the_numbers(admin_client):
    image = ImageFactory(
        file=imagefiles.upload("platz.jpg", imagefiles.jpeg(1200, 800)), focal_x=30, focal_y=70
    )

    response = admin_client.get(change_url(image))

    assert response.status_code == 200
    page = html(response)
    (picker,) = page.xpath('//*[contains(@class, "nr-focal__picker")]')
    assert picker.xpath(".//img/@src")
    (marker,) = picker.xpath('.//*[contains(@class, "nr-focal__marker")]')
    assert "left:30%" in marker.get("style").replace(" ", "")
    assert "top:70%" in marker.get("style").replace(" ", "")
    crops = page.xpath('//img[contains(@class, "nr-crop")]')
    assert {crop.get("data-ratio") for crop in crops} == {"16 / 9", "1 / 1"}
    for name, value in (("focal_x", "30"), ("focal_y", "70")):
        (field,) = page.xpath(f'//input[@name="{name}"]')
        assert (field.get("type"), field.get("min"), field.get("max")) == ("number", "0", "100")
        assert field.get("value") == value
    assert page.xpath('//script[contains(@src, "admin_extra/focal-point.js")]')


def change_form(image, **values):
    return {
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit_line": image.credit_line,
        "photographer": image.photographer,
        "copyright": image.copyright,
        "usable_until": "",
        "usage_notes": "",
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
        "_save": "Sichern",
        **values,
    }


@pytest.mark.django_db
def test_typing_the_focal_point_saves_it(admin_client):
    image = ImageFactory()

    response = admin_client.post(change_url(image), change_form(image, focal_x=12, focal_y=88))

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (12, 88)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("focal_x", "focal_y", "field"),
    [(101, 50, "focal_x"), (50, 101, "focal_y"), (-1, 50, "focal_x"), ("links", 50, "focal_x")],
)
def test_a_focal_point_outside_the_picture_is_refused(admin_client, focal_x, focal_y, field):
    image = ImageFactory(caption="Alter Bildtext")

    response = admin_client.post(
        change_url(image),
        change_form(image, focal_x=focal_x, focal_y=focal_y, caption="Neuer Bildtext"),
    )

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == [field]
    assert "Neuer Bildtext" in response.content.decode(), "the typed caption was lost"
    stored = Image.objects.get(pk=image.pk)
    assert (stored.focal_x, stored.focal_y, stored.caption) == (50, 50, "Alter Bildtext")
