"""AVIF renditions: made off the request (by the worker, or prepare_renditions), offered
first in <picture> once every size exists, with WebP and JPEG still there for the rest."""

from io import StringIO

import piexif
import pytest
from django.core.management import call_command

from images.models import Rendition
from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, BylineFactory, ImageFactory
from tests.helpers.html import html
from tests.helpers.images import open_media, srcset
from tests.helpers.worker import run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(
            file=imagefiles.upload("elbe.jpg", imagefiles.jpeg(1600, 900)),
            credit_line="dpa",
            copyright="© dpa-infocom GmbH",
        )
    run_worker()
    article = ArticleFactory(hero_image=image)
    BylineFactory(article=article)
    return article


def hero_sources(client, article):
    (picture,) = html(client.get(article.get_absolute_url())).xpath(
        '//figure[contains(@class, "article__hero")]//picture'
    )
    return picture.xpath(".//source"), picture.xpath(".//img")[0]


def test_avif_comes_first_with_every_size_and_jpeg_stays_the_fallback(client, article):
    sources, img = hero_sources(client, article)
    assert [source.get("type") for source in sources] == ["image/avif", "image/webp"]
    avif_widths = [width for _url, width in srcset(sources[0])]
    assert avif_widths == [width for _url, width in srcset(img)]
    assert img.get("src").endswith(".jpg")
    url = srcset(sources[0])[-1][0]
    opened = open_media(url)
    assert opened.format == "AVIF"
    exif = opened.getexif()
    # The credit travels with the file (as the other formats carry it); nothing else does.
    copyright_text = exif.get(piexif.ImageIFD.Copyright)
    if isinstance(copyright_text, str):
        copyright_text = copyright_text.encode("latin-1")
    assert copyright_text.decode() == "© dpa-infocom GmbH"
    assert 0x8825 not in exif, "no GPS"


def test_where_tasks_run_at_once_no_upload_waits_for_avif(
    settings, client, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(file=imagefiles.upload("elbe.jpg", imagefiles.jpeg(1600, 900)))
    made = Rendition.objects.filter(image=image)
    assert made.filter(spec__contains="-webp-").exists()
    assert not made.filter(spec__contains="-avif-").exists()


def test_a_reader_never_waits_for_avif_and_prepare_renditions_makes_it(client, article):
    image = article.hero_image
    Rendition.objects.filter(image=image, spec__contains="-avif-").delete()
    sources, img = hero_sources(client, article)
    assert [source.get("type") for source in sources] == ["image/webp"]
    assert img.get("src").endswith(".jpg")
    assert not Rendition.objects.filter(image=image, spec__contains="-avif-").exists()

    call_command("prepare_renditions", str(image.pk), stdout=StringIO())
    assert Rendition.objects.filter(image=image, spec__contains="-avif-").exists()
    sources, _img = hero_sources(client, article)
    assert sources[0].get("type") == "image/avif"


def test_other_sites_still_get_jpeg(client, article):
    page = html(client.get(article.get_absolute_url()))
    (og_image,) = page.xpath('//meta[@property="og:image"]/@content')
    assert og_image.endswith(".jpg")
    assert "avif" not in client.get("/feeds/rss/").content.decode()
