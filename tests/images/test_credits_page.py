"""Bildnachweise: the credits of the pictures readers can see, and of no others."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from articles.models import Article
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, ImageFactory
from tests.helpers.html import html

pytestmark = pytest.mark.django_db

URL = "/bildnachweise/"


def entries(response):
    """{credit label: list item} of the credits page."""
    found = {}
    for item in html(response).xpath('//li[contains(@class, "credits-list__item")]'):
        (credit,) = item.xpath('.//*[contains(@class, "credits-list__credit")]')
        label = " ".join(credit.text_content().split()).split(" · ")[0]
        assert label not in found, f"{label} is listed twice"
        found[label] = item
    return found


def links(item):
    return {" ".join(a.text_content().split()): a.get("href") for a in item.xpath(".//a")}


def test_the_credits_page_has_its_address():
    assert reverse("images:credits") == URL


def test_pictures_of_public_articles_are_listed_with_their_articles(client):
    image = ImageFactory(
        credit_line="picture alliance/dpa",
        photographer="Jana Beispiel",
        copyright="© dpa-infocom GmbH",
        caption="Die Zeppelinbrücke im Nebel.",
    )
    article = ArticleFactory(hero_image=image, kicker="", headline="Brücke gesperrt")

    response = client.get(URL)

    assert response.status_code == 200
    item = entries(response)["Bild: picture alliance/dpa | Jana Beispiel"]
    assert "© dpa-infocom GmbH" in item.text_content()
    assert "Die Zeppelinbrücke im Nebel." in item.text_content()
    assert links(item) == {"Brücke gesperrt": article.get_absolute_url()}
    assert image.file.name not in response.content.decode()
    assert item.xpath(".//picture//img/@srcset")


def test_author_photos_of_authors_with_public_articles_are_listed(client):
    photo = ImageFactory(credit_line="", photographer="Studio Lichtblick")
    author = AuthorFactory(name="Ruth Tester", photo=photo)
    BylineFactory(author=author)

    response = client.get(URL)

    item = entries(response)["Bild: Studio Lichtblick"]
    assert author.get_absolute_url() in links(item).values()


def unpublished(kind, image):
    now = timezone.now()
    return {
        "draft": lambda: ArticleFactory(draft=True, hero_image=image),
        "in review": lambda: ArticleFactory(
            status=Article.Status.REVIEW, published_at=None, hero_image=image
        ),
        "scheduled": lambda: ArticleFactory(scheduled=True, hero_image=image),
        "withdrawn": lambda: ArticleFactory(
            status=Article.Status.WITHDRAWN, published_at=now - timedelta(days=2), hero_image=image
        ),
        "depublished": lambda: ArticleFactory(
            published_at=now - timedelta(days=3),
            depublish_at=now - timedelta(days=1),
            hero_image=image,
        ),
    }[kind]()


KINDS = ["draft", "in review", "scheduled", "withdrawn", "depublished"]


@pytest.mark.parametrize("kind", KINDS)
def test_pictures_only_used_by_articles_readers_cannot_see_are_not_listed(client, kind):
    hidden = ImageFactory(credit_line="Geheim", photographer="Nicht Öffentlich")
    unpublished(kind, hidden)
    ArticleFactory(hero_image=ImageFactory(credit_line="dpa", photographer="Sichtbar"))

    response = client.get(URL)

    assert list(entries(response)) == ["Bild: dpa | Sichtbar"]
    assert "Nicht Öffentlich" not in response.content.decode()


@pytest.mark.parametrize("kind", KINDS)
def test_photos_of_authors_without_public_articles_are_not_listed(client, kind):
    photo = ImageFactory(credit_line="", photographer="Porträtstudio")
    author = AuthorFactory(photo=photo)
    BylineFactory(author=author, article=unpublished(kind, None))
    AuthorFactory(photo=ImageFactory(credit_line="", photographer="Ohne Artikel"))

    response = client.get(URL)

    assert entries(response) == {}
    assert gettext("No pictures are published yet.") in response.content.decode()


def test_a_picture_used_publicly_and_in_a_draft_is_listed_once_with_the_public_article(client):
    image = ImageFactory(credit_line="dpa", photographer="Jana Beispiel")
    public = ArticleFactory(hero_image=image, kicker="", headline="Öffentlich")
    ArticleFactory(hero_image=image, draft=True, kicker="", headline="Entwurf")
    other = ArticleFactory(hero_image=image, kicker="", headline="Auch öffentlich")

    response = client.get(URL)

    item = entries(response)["Bild: dpa | Jana Beispiel"]
    assert links(item) == {
        "Öffentlich": public.get_absolute_url(),
        "Auch öffentlich": other.get_absolute_url(),
    }
    assert "Entwurf" not in response.content.decode()


def test_unused_pictures_are_not_listed(client):
    ImageFactory(credit_line="Unbenutzt", photographer="Niemand")

    response = client.get(URL)

    assert entries(response) == {}


def test_own_pictures_credit_the_newsroom(client, settings):
    settings.NEWSROOM_SITE_NAME = "Leipziger Stadtanzeiger"
    ArticleFactory(hero_image=ImageFactory(is_own=True, credit_line="", photographer=""))

    response = client.get(URL)

    assert list(entries(response)) == ["Bild: Leipziger Stadtanzeiger"]


def make_credits(count, batch="A"):
    """`count` public articles, each with a picture and an author with a photo."""
    for number in range(count):
        image = ImageFactory(credit_line=f"Agentur {batch}{number:02d}")
        article = ArticleFactory(hero_image=image)
        author = AuthorFactory(photo=ImageFactory(credit_line=f"Porträt {batch}{number:02d}"))
        BylineFactory(author=author, article=article)


def test_the_credits_page_takes_the_same_number_of_queries_for_more_pictures(client):
    def queries():
        client.get(URL)  # makes missing renditions
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        assert response.status_code == 200
        return len(captured), len(entries(response))

    make_credits(2)
    few, shown = queries()
    make_credits(5, batch="B")
    many, shown_more = queries()

    assert (shown, shown_more) == (4, 14)
    assert many == few
    assert few <= 10


def test_the_credits_page_is_paginated(client, monkeypatch):
    monkeypatch.setattr("images.views.CREDITS_PER_PAGE", 3)
    make_credits(2)

    first = client.get(URL)
    second = client.get(URL, {"seite": "2"})

    assert len(entries(first)) == 3
    assert len(entries(second)) == 1
    assert not set(entries(first)) & set(entries(second))


@pytest.mark.parametrize("page", ["3", "0", "abc", "-1"])
def test_a_page_that_does_not_exist_is_a_404(client, monkeypatch, page):
    monkeypatch.setattr("images.views.CREDITS_PER_PAGE", 3)
    make_credits(2)

    assert client.get(URL, {"seite": page}).status_code == 404
