"""Shared fixtures for the feeds, sitemaps and robots.txt tests: the XML Schemas, and an
article with everything a feed shows, next to articles of the same scope readers may not see."""

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import time_machine
import xmlschema

from articles.models import Article
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    SectionFactory,
)
from tests.helpers.feeds import NEWS_NS, NOW

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def sitemap_schema():
    # urlset/url allow elements of other namespaces with processContents="strict", so the
    # news extension's schema must be known to validate a news sitemap.
    return xmlschema.XMLSchema(
        SCHEMAS / "sitemap.xsd", locations=[(NEWS_NS, str(SCHEMAS / "sitemap-news.xsd"))]
    )


@pytest.fixture(scope="session")
def siteindex_schema():
    return xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd")


@pytest.fixture
def story(frozen_clock):
    """One public article with a hero image, two authors and two tags, and, in the same
    section, with the same tag and author, four articles readers may not see."""
    section = SectionFactory(name="Leipzig", slug="leipzig")
    image = ImageFactory(
        caption="Die Linie 16 am Hauptbahnhof.",
        credit_line="picture alliance/dpa",
        photographer="Jana Beispiel",
    )
    first = AuthorFactory(name="Mara Muster", slug="mara-muster")
    second = AuthorFactory(name="Ben Beispiel", slug="ben-beispiel")
    article = ArticleFactory(
        section=section,
        hero_image=image,
        kicker="Stadtrat Leipzig",
        headline="Straßenbahn kommt früher",
        lead="Linie 16 & Linie 4 fahren <bald> bis Lößnig.",
        published_at=NOW - timedelta(hours=2),
    )
    BylineFactory(article=article, author=first, position=0)
    BylineFactory(article=article, author=second, position=1)
    article.tags.add("Nahverkehr", "Stadtrat")

    hidden = [
        ArticleFactory(section=section, headline="Entwurf", draft=True),
        ArticleFactory(section=section, headline="Geplant", scheduled=True),
        ArticleFactory(
            section=section,
            headline="Abgelaufen",
            published_at=NOW - timedelta(days=3),
            depublish_at=NOW - timedelta(days=1),
        ),
        ArticleFactory(
            section=section,
            headline="Zurückgezogen",
            status=Article.Status.WITHDRAWN,
            published_at=NOW - timedelta(hours=3),
        ),
    ]
    for other in hidden:
        BylineFactory(article=other, author=first)
        other.tags.add("Nahverkehr")
    return SimpleNamespace(
        article=article,
        section=section,
        image=image,
        authors=[first, second],
        tag_slug="nahverkehr",
        hidden=hidden,
    )
