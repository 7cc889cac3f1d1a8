"""A picture in an article's text is a use of the picture like a hero image: the library
lists it, it cannot be deleted, its expiry warns the desk, the credits page names the
article, and a changed credit ends the stored article page."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from images.models import Image
from tests.helpers.accounts import REPORTER, login, make_user
from tests.helpers.blocks import picture_block
from tests.helpers.factories import ArticleFactory, ImageFactory
from tests.helpers.forms import open_form
from tests.helpers.html import html, text_of
from tests.helpers.images import change_url

pytestmark = pytest.mark.django_db

USAGE = '//div[contains(concat(" ", normalize-space(@class), " "), " field-usage ")]'


def test_the_library_lists_an_article_showing_the_picture_in_its_text(admin_client):
    image = ImageFactory()
    article = ArticleFactory(
        kicker="", headline="Bild im Text", body="<p>a</p>" + picture_block(image)
    )
    ArticleFactory(kicker="", headline="Auch als Aufmacher", hero_image=image)

    response = admin_client.get(change_url(image))

    (field,) = html(response).xpath(USAGE)
    links = {a.text_content(): a.get("href") for a in field.xpath(".//a")}
    assert links["Bild im Text"] == reverse("admin:articles_article_change", args=[article.pk])
    assert "Auch als Aufmacher" in links


def test_an_article_with_the_picture_as_hero_and_in_the_text_is_listed_once(admin_client):
    image = ImageFactory()
    ArticleFactory(kicker="", headline="Doppelt", hero_image=image, body=picture_block(image))

    response = admin_client.get(change_url(image))

    (field,) = html(response).xpath(USAGE)
    assert [a.text_content() for a in field.xpath(".//a")] == ["Doppelt"]


def test_the_uses_follow_the_text_on_every_save():
    first, second = ImageFactory(), ImageFactory()
    article = ArticleFactory(body=picture_block(first) + picture_block(second))
    assert set(article.inline_images.all()) == {first, second}

    article.body = "<p>Ohne Bilder.</p>" + picture_block(second)
    article.save()

    assert list(Article.objects.get(pk=article.pk).inline_images.all()) == [second]


def test_a_picture_in_a_text_cannot_be_deleted():
    image = ImageFactory()
    ArticleFactory(body=picture_block(image))

    with pytest.raises(ProtectedError):
        image.delete()
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_planning_warns_of_an_expired_picture_in_the_text(admin_client):
    expired = ImageFactory(usable_until=timezone.localdate() - timedelta(days=2))
    ArticleFactory(
        headline="Geplant mit altem Bild",
        body=picture_block(expired),
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=3),
    )

    page = text_of(admin_client.get(reverse("admin:articles_article_planning")).content.decode())

    assert "Geplant mit altem Bild" in page
    assert "⚠ Bildrechte am " in page and " abgelaufen" in page


def test_the_credits_page_names_the_article_showing_the_picture_in_its_text(client):
    image = ImageFactory(credit_line="Imago", photographer="Tom Text")
    ArticleFactory(kicker="", headline="Nur im Text", body=picture_block(image))
    ArticleFactory(kicker="", headline="Entwurf im Text", body=picture_block(image), draft=True)

    page = text_of(client.get("/bildnachweise/").content.decode())

    assert "Bild: Imago | Tom Text" in page
    assert "Nur im Text" in page
    assert "Entwurf im Text" not in page


@pytest.mark.django_db(transaction=True)
def test_a_changed_credit_of_a_picture_in_the_text_ends_the_stored_article_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    image = ImageFactory(credit_line="dpa", photographer="Alte Fotografin")
    article = ArticleFactory(body="<p>Text.</p>" + picture_block(image))
    url = article.get_absolute_url()
    assert "Alte Fotografin" in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    image.photographer = "Neue Fotografin"
    image.save()

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Neue Fotografin" in response.content.decode()
    caches["pages"].clear()


def test_a_reporter_cannot_change_an_own_picture_shown_in_a_public_text(client):
    reporter = login(client, make_user(REPORTER))
    image = ImageFactory(uploaded_by=reporter.user, caption="Alt")
    ArticleFactory(body=picture_block(image))
    data = open_form(client, change_url(image), "image_form").data

    response = client.post(change_url(image), {**data, "caption": "Neu", "_save": "Sichern"})

    assert response.status_code == 403
    image.refresh_from_db()
    assert image.caption == "Alt"
