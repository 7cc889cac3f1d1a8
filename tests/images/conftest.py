"""Shared fixtures of the image library tests: a section, an agency picture, an article with it."""

import pytest

from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, ImageFactory, SectionFactory


@pytest.fixture
def section():
    return SectionFactory(name="Leipzig", slug="leipzig")


@pytest.fixture
def hero_image():
    """A 1600×900 agency picture with a full credit."""
    return ImageFactory(
        file=imagefiles.upload("strassenbahn.jpg", imagefiles.jpeg(1600, 900)),
        caption="Die neue Linie am Augustusplatz.",
        alt_text="Eine Straßenbahn am Augustusplatz",
        credit_line="picture alliance/dpa",
        photographer="Jana Beispiel",
    )


@pytest.fixture
def article_with_hero(section, hero_image):
    return ArticleFactory(section=section, hero_image=hero_image, headline="Linie 16 kommt")
