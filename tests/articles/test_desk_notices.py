"""Desk notices (articles/desk.py): what another app registers is shown on the article's form
and, unless merely informative, in the list; a blocking notice keeps it from going live."""

import pytest

from articles import desk
from articles.models import Article
from tests.helpers.article_admin import CHANGELIST_URL, change_url, do_transition
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory
from tests.helpers.forms import sent_messages
from tests.helpers.html import text_of

pytestmark = pytest.mark.django_db

STOPPED = set()


def notices_for_test(articles):
    return {
        article.pk: [
            desk.Notice("Nur zur Info", level=desk.INFO),
            desk.Notice("Halt: Quelle prüfen", level=desk.ERROR, blocks_going_live=True),
        ]
        for article in articles
        if article.pk in STOPPED
    }


@pytest.fixture
def stopped(monkeypatch):
    monkeypatch.setattr(desk, "_sources", {})
    desk.register("test", f"{__name__}.notices_for_test")
    article = ArticleFactory(draft=True, headline="Ein Artikel mit Hinweis")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    STOPPED.clear()
    STOPPED.add(article.pk)
    return article


def test_notices_show_on_the_form_the_loudest_first_and_only_loud_ones_in_the_list(
    admin_client, stopped
):
    form = text_of(admin_client.get(change_url(stopped)).content.decode())
    assert form.index("Halt: Quelle prüfen") < form.index("Nur zur Info")
    listing = text_of(admin_client.get(CHANGELIST_URL).content.decode())
    assert "Ein Artikel mit Hinweis Halt: Quelle prüfen" in listing
    assert "Nur zur Info" not in listing


def test_a_blocking_notice_keeps_the_article_from_going_live(admin_client, stopped):
    response = do_transition(admin_client, stopped, "publish")
    assert sent_messages(response) == ["Halt: Quelle prüfen"]
    stopped.refresh_from_db()
    assert stopped.status == Article.Status.DRAFT
    STOPPED.clear()
    do_transition(admin_client, stopped, "publish")
    stopped.refresh_from_db()
    assert stopped.status == Article.Status.PUBLISHED
