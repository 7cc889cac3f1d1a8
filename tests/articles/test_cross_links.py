"""'Lesen Sie außerdem noch:' links to a story that goes live later (shown once it does) and
to other websites, with the title readers see."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, CrossLink
from tests.helpers.article_admin import change_url
from tests.helpers.factories import (
    ArticleFactory,
    BylineFactory,
    CrossLinkFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import open_form
from tests.helpers.html import start_tags, text_of

pytestmark = pytest.mark.django_db

MAX_ARTICLE_PAGE_QUERIES = 7  # as tests/articles/test_article_page.py (no hero: no renditions)


def live_article(**values):
    """A public article the admin may save (it has an author and a teaser bullet)."""
    article = ArticleFactory(**values)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    return article


def cross_links_aside(page):
    match = re.search(r'<aside class="article__cross-links".*?</aside>', page, re.S)
    return match.group(0) if match else ""


def test_the_editor_links_a_later_story_and_an_external_page(admin_client, client):
    article = live_article(kicker="", headline="Heute")
    later = ArticleFactory(
        kicker="Morgen",
        headline="Die Fortsetzung",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=3),
    )
    form = open_form(admin_client, change_url(article))
    form.fill_row("cross_links", 0, position="1", target=str(later.pk))
    form.add_row(
        "cross_links",
        position="2",
        url="stadt-leipzig.example/beschluss",
        title="Der Beschluss im Wortlaut",
    )

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 302
    assert [(link.target, link.url, link.title) for link in article.cross_links.all()] == [
        (later, "", ""),
        (None, "https://stadt-leipzig.example/beschluss", "Der Beschluss im Wortlaut"),
    ]
    # Until the later story is public, readers see the external link only, marked as such.
    aside = cross_links_aside(client.get(article.get_absolute_url()).content.decode())
    assert text_of(aside) == "Lesen Sie außerdem noch: Der Beschluss im Wortlaut (externer Link)"
    links = start_tags(aside, "a")
    assert links == [
        {
            "href": "https://stadt-leipzig.example/beschluss",
            "class": "article__external-link",
            "rel": "noopener",
        }
    ]

    with time_machine.travel(timezone.now() + timedelta(hours=4)):
        aside = cross_links_aside(client.get(article.get_absolute_url()).content.decode())

    assert text_of(aside) == (
        "Lesen Sie außerdem noch: Morgen: Die Fortsetzung Der Beschluss im Wortlaut (externer Link)"
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"url": "https://example.org/"}, "braucht den Titel"),
        ({"title": "Nur ein Titel"}, "Wählen Sie einen Artikel oder geben Sie eine Adresse ein."),
        ({"url": "javascript:alert(1)", "title": "Böse"}, "gültige URL"),
    ],
)
def test_an_incomplete_or_unsafe_external_link_is_refused(admin_client, row, message):
    article = live_article()
    form = open_form(admin_client, change_url(article))
    form.fill_row("cross_links", 0, position="1", **row)

    response = form.submit(admin_client, change_url(article))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CrossLink.objects.exists()


def test_external_links_keep_the_article_page_query_budget(client):
    article = ArticleFactory()
    CrossLinkFactory(article=article, position=1)
    client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(article.get_absolute_url())
    for position in range(2, 6):
        CrossLink.objects.create(
            article=article,
            target=None,
            url=f"https://example.org/{position}",
            title=f"Extern {position}",
            position=position,
        )

    with CaptureQueriesContext(connection) as many:
        page = client.get(article.get_absolute_url()).content.decode()

    assert len(many) == len(few) <= MAX_ARTICLE_PAGE_QUERIES
    assert page.count("(externer Link)") == 4


def test_the_database_refuses_a_link_with_neither_article_nor_address():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CrossLink.objects.create(article=ArticleFactory(), target=None, url="", title="")
