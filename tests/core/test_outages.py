"""When the database does not answer, readers get a German 503 page with Retry-After (a page
already in the page cache is still served), and an editor whose save failed gets back what
they typed; nothing is half-saved. Any other error stays a 500."""

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from articles import selectors
from articles.models import Article
from tests.helpers.accounts import DESK, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory
from tests.helpers.forms import open_form


@pytest.fixture
def production(settings):
    """DEBUG off, so errors get the site's error pages (not Django's debug page)."""
    settings.DEBUG = False
    return Client(raise_request_exception=False)


@pytest.fixture
def database_down(db):
    """``database_down()``: from then on every query fails as with a database that refuses
    connections; ``database_down.back()`` ends it (so does the end of the test, before the
    test's transaction is rolled back)."""

    def refuse(self):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    with pytest.MonkeyPatch.context() as patch:

        class Outage:
            def __call__(self):
                patch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)

            def back(self):
                patch.undo()

        yield Outage()


def test_readers_get_a_german_503_with_retry_after(production, database_down):
    article = ArticleFactory()
    database_down()

    response = production.get(article.get_absolute_url())

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "Vorübergehend nicht erreichbar" in content
    assert "in einer Minute noch einmal" in content


def test_a_page_in_the_page_cache_is_still_served(production, database_down, settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory(headline="Schon gespeichert")
    assert production.get(article.get_absolute_url()).status_code == 200
    database_down()

    response = production.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Schon gespeichert" in response.content.decode()


def test_an_editors_failed_save_gives_back_what_they_typed(production, database_down):
    article = ArticleFactory(draft=True, headline="Alte Überschrift")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    editor = login(production, make_user(DESK))
    form = open_form(editor, change_url(article)).fill(
        headline="Neue Überschrift <b>fett</b>",
        lead="Ein langer Vorspann, den niemand zweimal tippen will.",
    )
    database_down()

    response = form.submit(editor, change_url(article))

    assert response.status_code == 503
    content = response.content.decode()
    assert "Nichts wurde gespeichert" in content
    assert "Ein langer Vorspann, den niemand zweimal tippen will." in content
    assert "Neue Überschrift &lt;b&gt;fett&lt;/b&gt;" in content
    assert "csrfmiddlewaretoken" not in content
    assert form.data["csrfmiddlewaretoken"] not in content


def test_nothing_was_saved(production, database_down):
    article = ArticleFactory(draft=True, headline="Alte Überschrift")
    editor = login(production, make_user(DESK))
    form = open_form(editor, change_url(article)).fill(headline="Neue Überschrift")
    database_down()
    form.submit(editor, change_url(article))
    database_down.back()

    assert Article.objects.get(pk=article.pk).headline == "Alte Überschrift"


def test_other_errors_stay_a_500(db, production, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(selectors, "front_page", broken)
    ArticleFactory()

    response = production.get("/")

    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
    assert "Retry-After" not in response
