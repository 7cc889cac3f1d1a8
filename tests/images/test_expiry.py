"""Licences that end: after an image's last usable day (in Europe/Berlin) readers get the
page as if it had no picture (no grey box, no credit, no caption); the desk sees why in the
preview and the expiry in the admin."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, AuthorFactory, BylineFactory, ImageFactory
from tests.helpers.html import html
from tests.helpers.images import CHANGELIST_URL

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
LAST_DAY = datetime.date(2026, 6, 30)


def berlin(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=BERLIN)


@pytest.fixture
def clock(time_machine):
    """The frozen clock; starts on 1 June 2026, before the licence ends."""
    time_machine.move_to(berlin("2026-06-01 10:00"), tick=False)
    return time_machine


@pytest.fixture
def licensed():
    return ImageFactory(
        file=imagefiles.upload("lizenz.jpg", imagefiles.jpeg(1600, 900)),
        caption="Der Oberbürgermeister bei der Eröffnung.",
        credit_line="Imago",
        photographer="Max Muster",
        usable_until=LAST_DAY,
    )


@pytest.fixture
def article(clock, licensed):
    return ArticleFactory(hero_image=licensed, published_at=berlin("2026-06-01 09:00"))


WHEN = [
    ("2026-06-29 12:00", True),
    ("2026-06-30 00:01", True),
    ("2026-06-30 23:59", True),
    # 00:01 in Berlin is still 30 June in UTC: the licence ends by the newsroom's calendar.
    ("2026-07-01 00:01", False),
    ("2026-09-01 12:00", False),
]


def hero(response):
    (figure,) = html(response).xpath('//figure[contains(@class, "article__hero")]')
    return figure


@pytest.mark.parametrize(("moment", "usable"), WHEN)
def test_the_article_page_shows_the_picture_until_its_last_day(
    client, clock, article, licensed, moment, usable
):
    clock.move_to(berlin(moment), tick=False)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    heroes = html(response).xpath('//figure[contains(@class, "article__hero")]')
    if usable:
        (figure,) = heroes
        assert figure.xpath(".//picture")
        assert "Bild: Imago | Max Muster" in figure.text_content()
        assert licensed.caption in figure.text_content()
    else:
        # Laid out as an article without a hero: no grey box that looks broken.
        assert heroes == []
        assert "image-placeholder" not in content
        assert "Bild nicht verfügbar" not in content
        assert "Imago" not in content and "Max Muster" not in content, "credit left behind"
        assert licensed.caption not in content, "caption left behind"
        assert f"/renditions/{licensed.pk}/" not in content
        assert licensed.file.name not in content
        assert 'property="og:image"' not in content


def test_the_desk_sees_the_expired_picture_and_why_in_the_preview(admin_client, clock, article):
    clock.move_to(berlin("2026-07-02 10:00"), tick=False)

    response = admin_client.get(f"/vorschau/{article.pk}/")

    (figure,) = html(response).xpath('//figure[contains(@class, "article__hero")]')
    (placeholder,) = figure.xpath('.//*[contains(@class, "image-placeholder")]')
    assert placeholder.get("style") is None  # the Content-Security-Policy forbids it
    # (lxml's HTML parser lowercases attribute names)
    assert placeholder.xpath("./svg/@viewbox") == ["0 0 16 9"]
    assert "Bildrechte am 30.06.2026 abgelaufen" in figure.text_content()
    assert "Imago" not in figure.text_content()


@pytest.mark.parametrize(("moment", "usable"), WHEN[2:4])
def test_teasers_become_text_teasers_after_the_last_day(client, clock, article, moment, usable):
    clock.move_to(berlin(moment), tick=False)

    for url in (article.section.get_absolute_url(), reverse("articles:home")):
        response = client.get(url)

        assert response.status_code == 200
        (teaser,) = html(response).xpath(
            f'//article[contains(@class, "teaser")][.//a[@href="{article.get_absolute_url()}"]]'
        )
        assert bool(teaser.xpath('.//figure[contains(@class, "teaser__image")]')) is usable
        assert bool(teaser.xpath(".//picture")) is usable
        assert "image-placeholder" not in response.content.decode()
        assert ("Bild: Imago | Max Muster" in teaser.text_content()) is usable


@pytest.mark.parametrize(("moment", "usable"), WHEN[2:4])
def test_an_expired_author_photo_is_left_out(client, clock, licensed, moment, usable):
    author = AuthorFactory(photo=licensed)
    BylineFactory(author=author, article=ArticleFactory(published_at=berlin("2026-06-01 09:00")))
    clock.move_to(berlin(moment), tick=False)

    response = client.get(author.get_absolute_url())

    assert response.status_code == 200
    figures = html(response).xpath('//figure[contains(@class, "author-profile__photo")]')
    assert bool(figures) is usable
    assert "image-placeholder" not in response.content.decode()
    assert ("Max Muster" in response.content.decode()) is usable


def result_rows(response):
    """{image pk: row element} of the admin change list."""
    rows = {}
    for row in html(response).xpath('//table[@id="result_list"]/tbody/tr'):
        (checkbox,) = row.xpath('.//input[@name="_selected_action"]')
        rows[int(checkbox.get("value"))] = row
    return rows


def test_the_change_list_flags_expired_images(admin_client, clock, licensed):
    unlimited = ImageFactory()
    clock.move_to(berlin("2026-07-01 08:00"), tick=False)

    response = admin_client.get(CHANGELIST_URL)

    rows = result_rows(response)
    assert rows[licensed.pk].xpath('.//*[contains(@class, "nr-expired")]')
    assert "30.06.2026" in rows[licensed.pk].text_content()
    assert not rows[unlimited.pk].xpath('.//*[contains(@class, "nr-expired")]')


def test_the_change_list_does_not_flag_an_image_on_its_last_day(admin_client, clock, licensed):
    clock.move_to(berlin("2026-06-30 23:00"), tick=False)

    response = admin_client.get(CHANGELIST_URL)

    row = result_rows(response)[licensed.pk]
    assert not row.xpath('.//*[contains(@class, "nr-expired")]')
    assert "30.06.2026" in row.text_content()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("expired", {"gone"}),
        ("expiring", {"today", "soon"}),
        ("limited", {"gone", "today", "soon", "later"}),
        ("unlimited", {"forever"}),
        (None, {"gone", "today", "soon", "later", "forever"}),
    ],
)
def test_the_rights_filter(admin_client, clock, choice, expected):
    clock.move_to(berlin("2026-06-15 12:00"), tick=False)
    today = datetime.date(2026, 6, 15)
    images = {
        "gone": ImageFactory(usable_until=today - datetime.timedelta(days=1)),
        "today": ImageFactory(usable_until=today),
        "soon": ImageFactory(usable_until=today + datetime.timedelta(days=30)),
        "later": ImageFactory(usable_until=today + datetime.timedelta(days=31)),
        "forever": ImageFactory(usable_until=None),
    }
    names = {image.pk: name for name, image in images.items()}

    response = admin_client.get(CHANGELIST_URL, {"rechte": choice} if choice else {})

    assert response.status_code == 200
    assert {names[image.pk] for image in response.context["cl"].result_list} == expected


def test_the_rights_filter_offers_its_choices(admin_client):
    response = admin_client.get(CHANGELIST_URL)

    links = html(response).xpath('//*[@id="changelist-filter"]//a/@href')
    for choice in ("expired", "expiring", "limited", "unlimited"):
        assert f"?rechte={choice}" in links


def test_the_credits_page_drops_expired_images(client, clock, article, licensed):
    other = ImageFactory(credit_line="Leipziger Volkszeitung", photographer="Eva Beispiel")
    ArticleFactory(hero_image=other, published_at=berlin("2026-06-01 09:00"))
    url = reverse("images:credits")

    clock.move_to(berlin("2026-06-30 22:00"), tick=False)
    before = client.get(url).content.decode()
    clock.move_to(berlin("2026-07-01 00:30"), tick=False)
    after = client.get(url).content.decode()

    assert "Bild: Imago | Max Muster" in before
    assert "Bild: Imago | Max Muster" not in after
    assert "Bild: Leipziger Volkszeitung | Eva Beispiel" in after


def test_planning_flags_articles_whose_picture_expired_or_expires_before_publication(
    admin_client, clock
):
    expired = ImageFactory(usable_until=datetime.date(2026, 5, 31))
    ends_first = ImageFactory(usable_until=datetime.date(2026, 6, 2))
    fine = ImageFactory(usable_until=datetime.date(2026, 12, 31))
    scheduled = {
        name: ArticleFactory(
            scheduled=True,
            published_at=berlin("2026-06-03 08:00"),
            hero_image=image,
            headline=f"Geplant mit {name}",
        )
        for name, image in (("expired", expired), ("ends_first", ends_first), ("fine", fine))
    }

    response = admin_client.get(reverse("admin:articles_article_planning"))

    assert response.status_code == 200
    rows = {
        name: html(response).xpath(f'//tr[.//a[contains(., "{article.headline}")]]')
        for name, article in scheduled.items()
    }
    assert rows["expired"][0].xpath('.//*[contains(@class, "nr-expired")]')
    assert "31.05.2026" in rows["expired"][0].text_content()
    assert rows["ends_first"][0].xpath('.//*[contains(@class, "nr-expired")]')
    assert "02.06.2026" in rows["ends_first"][0].text_content()
    assert not rows["fine"][0].xpath('.//*[contains(@class, "nr-expired")]')
