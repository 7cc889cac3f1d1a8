"""Renditions: pages serve resized, re-encoded copies through <picture>/srcset, never the
original; they are made once, never upscaled, carry the credit but no GPS or camera serial."""

from datetime import timedelta
from io import StringIO

import piexif
import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from images.models import Image, Rendition
from tests.helpers import imagefiles
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.html import html
from tests.helpers.images import change_url, image_srcs, media_bytes, media_name, open_media, srcset

pytestmark = pytest.mark.django_db


def hero_picture(response):
    (picture,) = html(response).xpath('//figure[contains(@class, "article__hero")]//picture')
    return picture


def parts(picture):
    """The WebP <source> and the <img> (lxml's HTML parser does not know <source> is empty
    and nests the rest inside it)."""
    (source,) = picture.xpath('.//source[@type="image/webp"]')
    (img,) = picture.xpath(".//img")
    return source, img


def all_rendition_urls(picture):
    sources = picture.xpath(".//source")
    (img,) = picture.xpath(".//img")
    listed = [url for element in (*sources, img) for url, _ in srcset(element)]
    return [*listed, img.get("src")]


def page_with_every_kind_of_image(kind):
    """An article page, the home page or an author page, each showing library images."""
    photo = ImageFactory(file=imagefiles.upload("portraet.jpg", imagefiles.jpeg(800, 1000)))
    author = AuthorFactory(photo=photo)
    hero = ImageFactory(file=imagefiles.upload("aufmacher.jpg", imagefiles.jpeg(1600, 900)))
    article = ArticleFactory(hero_image=hero)
    BylineFactory(article=article, author=author)
    url = {
        "article": article.get_absolute_url(),
        "home": reverse("articles:home"),
        "author": author.get_absolute_url(),
    }[kind]
    return url, [photo, hero] if kind == "author" else [hero]


@pytest.mark.parametrize(
    "kind",
    [
        "article",
        "home",
        "author",
    ],
)
def test_pages_never_send_the_original(client, kind):
    url, images = page_with_every_kind_of_image(kind)

    response = client.get(url)

    assert response.status_code == 200
    assert html(response).xpath("//main//picture")
    content = response.content.decode()
    for image in images:
        assert image.file.name not in content, f"{kind} page sends the original {image.file}"


def test_the_article_page_serves_a_responsive_picture(client, article_with_hero):
    image = article_with_hero.hero_image

    response = client.get(article_with_hero.get_absolute_url())

    assert response.status_code == 200
    source, img = parts(hero_picture(response))
    assert source.get("type") == "image/webp"
    webp_widths = [width for _, width in srcset(source)]
    jpeg_widths = [width for _, width in srcset(img)]
    assert jpeg_widths == webp_widths == sorted(jpeg_widths)
    assert len(jpeg_widths) >= 3, "several widths to choose from"
    assert source.get("sizes") == img.get("sizes") and img.get("sizes")
    assert img.get("src") in [url for url, _ in srcset(img)]
    # width and height reserve the 16:9 space before the picture arrives.
    width, height = int(img.get("width")), int(img.get("height"))
    assert abs(width / height - 16 / 9) < 0.01
    assert img.get("alt") == image.alt_text
    for url in all_rendition_urls(hero_picture(response)):
        assert url != image.file.url
        assert default_storage.exists(media_name(url)), f"{url} does not exist"


def test_the_hero_loads_at_once_and_with_high_priority(client, article_with_hero):
    response = client.get(article_with_hero.get_absolute_url())

    _, img = parts(hero_picture(response))
    assert img.get("loading") == "eager"
    assert img.get("fetchpriority") == "high"


def test_srcset_widths_match_the_files_and_formats_are_real(client, article_with_hero):
    response = client.get(article_with_hero.get_absolute_url())

    source, img = parts(hero_picture(response))
    for element, fmt in ((source, "WEBP"), (img, "JPEG")):
        for url, width in srcset(element):
            opened = open_media(url)
            assert opened.format == fmt, url
            assert opened.width == width
            assert abs(opened.width / opened.height - 16 / 9) < 0.01
            assert url.endswith(".webp" if fmt == "WEBP" else ".jpg")


def home_pictures(response):
    return html(response).xpath("//main//picture")


def test_the_home_page_never_sends_originals_and_loads_lower_teasers_lazily(client, settings):
    settings.NEWSROOM_ARTICLES_PER_PAGE = 12
    images = []
    for number in range(8):
        image = ImageFactory(
            file=imagefiles.upload(f"bild-{number}.jpg", imagefiles.jpeg(960, 540))
        )
        section = SectionFactory(name=f"Ressort {number % 3}", slug=f"ressort-{number % 3}")
        ArticleFactory(hero_image=image, section=section)
        images.append(image)

    response = client.get(reverse("articles:home"))

    assert response.status_code == 200
    content = response.content.decode()
    for image in images:
        assert image.file.url not in content
    pictures = home_pictures(response)
    assert len(pictures) >= 5, "the home page shows teasers with pictures"
    loading = [parts(picture)[1].get("loading") for picture in pictures]
    assert loading[0] == "eager", "the lead story's picture is at the top"
    assert loading[-1] == "lazy", "teasers further down load when they are scrolled to"
    for picture in pictures:
        source, img = parts(picture)
        assert srcset(source) and srcset(img) and img.get("sizes")
        assert img.get("width") and img.get("height")
        assert all(url.startswith("/media/renditions/") for url in all_rendition_urls(picture))


def test_the_author_page_shows_a_square_rendition_of_the_photo(client):
    photo = ImageFactory(file=imagefiles.upload("portraet.jpg", imagefiles.jpeg(800, 1000)))
    author = AuthorFactory(photo=photo)
    BylineFactory(author=author)

    response = client.get(author.get_absolute_url())

    assert response.status_code == 200
    (picture,) = html(response).xpath('//*[contains(@class, "author-profile__photo")]//picture')
    source, img = parts(picture)
    assert img.get("width") == img.get("height")
    for url, width in srcset(source) + srcset(img):
        assert open_media(url).size == (width, width)


def test_renditions_are_made_once_and_reused(client, article_with_hero):
    url = article_with_hero.get_absolute_url()
    first = client.get(url)
    made = set(Rendition.objects.values_list("pk", "file"))
    assert made

    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)

    assert set(Rendition.objects.values_list("pk", "file")) == made
    assert not [q for q in queries.captured_queries if "INSERT" in q["sql"].upper()]
    assert image_srcs(second) == image_srcs(first)


def test_a_home_page_of_new_pictures_makes_their_renditions_once_and_shows_them(client):
    # Teasers load renditions as plain rows; pictures without any get theirs made on first
    # use, and the same request shows them.
    for name in ("eins.jpg", "zwei.jpg"):
        ArticleFactory(hero_image=ImageFactory(file=imagefiles.upload(name, imagefiles.jpeg())))
    assert not Rendition.objects.exists()

    first = client.get(reverse("articles:home"))
    made = Rendition.objects.count()
    second = client.get(reverse("articles:home"))

    assert made and Rendition.objects.count() == made
    files = {name.split("/")[-1] for name in Rendition.objects.values_list("file", flat=True)}
    listed = {url.split("/")[-1] for url in image_srcs(first)}
    assert listed <= files
    assert {name[:4] for name in listed} == {"eins", "zwei"}
    assert image_srcs(second) == image_srcs(first)


def test_rendition_addresses_follow_the_media_address(client, article_with_hero, settings):
    url = article_with_hero.get_absolute_url()
    assert all(src.startswith("/media/") for src in image_srcs(client.get(url)))

    settings.MEDIA_URL = "https://bilder.example.de/media/"

    assert all(
        src.startswith("https://bilder.example.de/media/") for src in image_srcs(client.get(url))
    )


def test_renditions_are_read_with_the_page_not_one_by_one(client, article_with_hero):
    url = article_with_hero.get_absolute_url()
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        client.get(url)

    rendition_reads = [q for q in queries.captured_queries if "images_rendition" in q["sql"]]
    assert len(rendition_reads) == 1, [q["sql"] for q in rendition_reads]


@pytest.mark.parametrize(("width", "height"), [(500, 400), (300, 300), (200, 150)])
def test_renditions_are_never_larger_than_the_original(client, section, width, height):
    image = ImageFactory(file=imagefiles.upload("klein.jpg", imagefiles.jpeg(width, height)))
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    source, img = parts(hero_picture(response))
    assert srcset(img), "even a small picture gets a rendition"
    for url, w in srcset(source) + srcset(img):
        assert w <= width
        assert open_media(url).width <= width
    assert int(img.get("width")) <= width


def test_a_rotated_camera_picture_is_not_upscaled(client, section):
    # Stored 640×480 with "rotate 90°": the upright picture is 480 wide, its 16:9 crop too.
    data = imagefiles.jpeg(640, 480, exif=imagefiles.exif(orientation=6))
    image = ImageFactory(file=imagefiles.upload("hochkant.jpg", data))
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    _, img = parts(hero_picture(response))
    assert max(w for _, w in srcset(img)) <= 480


@pytest.fixture
def located_original(section):
    """A camera original with GPS position, serial number and the photographer's EXIF."""
    data = imagefiles.jpeg(
        1280,
        720,
        exif=imagefiles.exif(artist="Jana Beispiel", copyright="© dpa", gps=True, serial=True),
    )
    assert piexif.load(data)["GPS"], "the test original must carry a GPS position"
    image = ImageFactory(
        file=imagefiles.upload("vor-ort.jpg", data),
        credit_line="picture alliance/dpa",
        photographer="Jana Beispiel",
        copyright="© dpa-infocom GmbH",
    )
    return ArticleFactory(section=section, hero_image=image)


def test_renditions_drop_gps_and_the_camera_serial_but_keep_the_credit(client, located_original):
    response = client.get(located_original.get_absolute_url())

    urls = all_rendition_urls(hero_picture(response))
    assert any(url.endswith(".webp") for url in urls) and any(url.endswith(".jpg") for url in urls)
    for url in set(urls):
        opened = open_media(url)
        exif = opened.getexif()
        assert not exif.get_ifd(piexif.ImageIFD.GPSTag), f"GPS left in {url}"
        assert piexif.ImageIFD.GPSTag not in exif
        assert piexif.ExifIFD.BodySerialNumber not in exif.get_ifd(piexif.ImageIFD.ExifTag)
        assert imagefiles.CAMERA_SERIAL.encode() not in media_bytes(url)
        assert exif_text(exif.get(piexif.ImageIFD.Artist)) == "Jana Beispiel"
        assert exif_text(exif.get(piexif.ImageIFD.Copyright)) == "© dpa-infocom GmbH"


def test_without_a_copyright_notice_renditions_carry_the_credit(client, section):
    image = ImageFactory(
        file=imagefiles.upload("ohne.jpg", imagefiles.jpeg(640, 360)),
        credit_line="LVZ",
        photographer="Eva Beispiel",
        copyright="",
    )
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    for url in set(all_rendition_urls(hero_picture(response))):
        exif = open_media(url).getexif()
        assert exif_text(exif.get(piexif.ImageIFD.Copyright)) == "LVZ | Eva Beispiel"


def test_a_missing_original_shows_a_placeholder_instead_of_failing(client, article_with_hero):
    image = article_with_hero.hero_image
    default_storage.delete(image.file.name)

    response = client.get(article_with_hero.get_absolute_url())

    assert response.status_code == 200
    figure = html(response).xpath('//figure[contains(@class, "article__hero")]')[0]
    assert not figure.xpath(".//picture")
    assert figure.xpath('.//*[contains(@class, "image-placeholder")]')


def exif_text(value):
    """EXIF text as tools read it: Pillow decodes as Latin-1, the bytes are UTF-8."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def test_umlauts_in_the_credit_survive_in_renditions(client, section):
    image = ImageFactory(
        file=imagefiles.upload("umlaut.jpg", imagefiles.jpeg(640, 360)),
        photographer="Jürgen Müßig",
        copyright="© Jürgen Müßig / LVZ",
    )
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    for url in set(all_rendition_urls(hero_picture(response))):
        exif = open_media(url).getexif()
        assert exif_text(exif.get(piexif.ImageIFD.Artist)) == "Jürgen Müßig"
        assert exif_text(exif.get(piexif.ImageIFD.Copyright)) == "© Jürgen Müßig / LVZ"


def focal_form(image, **values):
    """The image change form as the admin submits it, focal point included."""
    return {
        "alt_text": image.alt_text,
        "caption": image.caption,
        "credit_line": image.credit_line,
        "photographer": image.photographer,
        "copyright": image.copyright,
        "usable_until": "",
        "usage_notes": image.usage_notes,
        "focal_x": image.focal_x,
        "focal_y": image.focal_y,
        "_save": "Sichern",
        **values,
    }


def test_a_new_focal_point_makes_new_renditions_and_drops_the_stale_ones_after_a_grace_period(
    admin_client, client, article_with_hero, django_capture_on_commit_callbacks
):
    image = article_with_hero.hero_image
    old_urls = set(
        all_rendition_urls(hero_picture(client.get(article_with_hero.get_absolute_url())))
    )
    old_rows = set(Rendition.objects.filter(image=image).values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(change_url(image), focal_form(image, focal_x=90, focal_y=20))

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (90, 20)
    new_urls = set(
        all_rendition_urls(hero_picture(client.get(article_with_hero.get_absolute_url())))
    )
    assert new_urls and not new_urls & old_urls
    for url in new_urls:
        assert default_storage.exists(media_name(url))

    # Feeds and social networks handed out the old addresses: they keep working for now.
    for url in old_urls:
        assert default_storage.exists(media_name(url))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_orphan_images", stdout=StringIO())
    assert Rendition.objects.filter(pk__in=old_rows).count() == len(old_rows)

    # Two days after the last change, the cleanup drops them.
    Image.objects.filter(pk=image.pk).update(modified_at=timezone.now() - timedelta(hours=49))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_orphan_images", stdout=StringIO())
    assert not Rendition.objects.filter(pk__in=old_rows).exists()
    for url in old_urls:
        assert not default_storage.exists(media_name(url)), f"stale {url} left behind"
    for url in new_urls:
        assert default_storage.exists(media_name(url))


def test_saving_without_changing_the_focal_point_keeps_the_renditions(
    admin_client, client, article_with_hero, django_capture_on_commit_callbacks
):
    image = article_with_hero.hero_image
    client.get(article_with_hero.get_absolute_url())
    before = set(Rendition.objects.filter(image=image).values_list("pk", "file"))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(change_url(image), focal_form(image, caption="Neuer Bildtext"))

    assert before <= set(Rendition.objects.filter(image=image).values_list("pk", "file"))
    assert Image.objects.get(pk=image.pk).caption == "Neuer Bildtext"
