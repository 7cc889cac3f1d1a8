"""Every image on the site carries its credit: `Bild: <credit line> | <photographer>` under
article images, and a credit that fits the place on teasers and author photos."""

import pytest
from django.urls import reverse

from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, ImageFactory
from tests.helpers.html import html

pytestmark = pytest.mark.django_db


def hero_caption(response):
    (caption,) = html(response).xpath('//figure[contains(@class, "article__hero")]/figcaption')
    return caption


def credit_text(element):
    (credit,) = element.xpath('.//*[contains(@class, "credit")]')
    return " ".join(credit.text_content().split())


@pytest.mark.parametrize(
    ("credit_line", "photographer", "expected"),
    [
        ("picture alliance/dpa", "Jana Beispiel", "Bild: picture alliance/dpa | Jana Beispiel"),
        ("picture alliance/dpa/LVZ via Imago", "", "Bild: picture alliance/dpa/LVZ via Imago"),
        ("", "Jana Beispiel", "Bild: Jana Beispiel"),
    ],
)
def test_the_hero_image_is_credited_under_the_picture(
    client, section, credit_line, photographer, expected
):
    image = ImageFactory(credit_line=credit_line, photographer=photographer)
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert credit_text(hero_caption(response)) == expected


def test_the_caption_comes_before_the_credit(client, article_with_hero):
    response = client.get(article_with_hero.get_absolute_url())

    caption = hero_caption(response)
    text = " ".join(caption.text_content().split())
    assert text == ("Die neue Linie am Augustusplatz. Bild: picture alliance/dpa | Jana Beispiel")


@pytest.mark.parametrize(
    ("photographer", "expected"),
    [
        ("", "Bild: Leipziger Stadtanzeiger"),
        ("Eva Foto", "Bild: Leipziger Stadtanzeiger | Eva Foto"),
    ],
)
def test_the_newsrooms_own_pictures_credit_the_newsroom(
    client, settings, section, photographer, expected
):
    settings.NEWSROOM_SITE_NAME = "Leipziger Stadtanzeiger"
    image = ImageFactory(is_own=True, credit_line="", photographer=photographer)
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    assert credit_text(hero_caption(response)) == expected


def test_credit_text_is_escaped(client, section):
    image = ImageFactory(credit_line="<b>dpa</b>", photographer="Jana <script>")
    article = ArticleFactory(section=section, hero_image=image)

    response = client.get(article.get_absolute_url())

    content = response.content.decode()
    assert "Jana <script>" not in content
    assert credit_text(hero_caption(response)) == "Bild: <b>dpa</b> | Jana <script>"


def teaser_credits(response):
    return [
        " ".join(credit.text_content().split())
        for credit in html(response).xpath(
            '//figure[contains(@class, "teaser__image")]//*[contains(@class, "credit")]'
        )
    ]


@pytest.mark.parametrize("page", ["home", "section"])
def test_teaser_pictures_carry_their_credit(client, settings, section, page):
    settings.NEWSROOM_SITE_NAME = "Stadtanzeiger"
    first = ImageFactory(credit_line="dpa", photographer="Jana Beispiel")
    second = ImageFactory(credit_line="", photographer="", is_own=True)
    ArticleFactory(section=section, hero_image=first)
    ArticleFactory(section=section, hero_image=second)
    url = reverse("articles:home") if page == "home" else section.get_absolute_url()

    response = client.get(url)

    assert response.status_code == 200
    credits = teaser_credits(response)
    assert "Bild: dpa | Jana Beispiel" in credits
    assert "Bild: Stadtanzeiger" in credits
    pictures = html(response).xpath('//figure[contains(@class, "teaser__image")]//picture')
    assert len(credits) == len(pictures), "every teaser picture has its credit"


def test_the_author_photo_is_credited_on_the_author_page(client):
    photo = ImageFactory(credit_line="", photographer="Studio Lichtblick")
    author = AuthorFactory(photo=photo)
    BylineFactory(author=author)

    response = client.get(author.get_absolute_url())

    assert response.status_code == 200
    (figure,) = html(response).xpath('//figure[contains(@class, "author-profile__photo")]')
    assert figure.xpath(".//picture")
    assert credit_text(figure) == "Bild: Studio Lichtblick"
