"""Shared preview links are recorded: who shared which article until when. The desk and the
one who shared a link see its address and can revoke it; an embargoed (scheduled) article is
shared only by the desk; a withdrawn article is gone for every link at once, for good."""

import pytest
from django.test import Client

from articles import preview
from articles.models import Article, ArticleEvent, PreviewLink
from tests.helpers.accounts import CHIEF, DESK, REPORTER, login, make_user
from tests.helpers.article_admin import (
    change_url,
    do_transition,
    preview_links_on,
    revoke_preview_url,
    share_preview_in_admin,
    share_preview_url,
)
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory

pytestmark = pytest.mark.django_db

BANNER = "Vorschau – nicht öffentlich"


def own_draft(user, **kwargs):
    article = ArticleFactory(draft=True, headline="Entwurf zur Haushaltssperre", **kwargs)
    Article.objects.filter(pk=article.pk).update(created_by=user)
    return Article.objects.get(pk=article.pk)


def opens(link):
    """What a reader without an account gets at ``link``: (status, page text)."""
    response = Client().get(link)
    return response.status_code, response.content.decode()


@pytest.fixture
def reporter(client):
    return login(client, make_user(REPORTER))


@pytest.fixture
def desk():
    return login(Client(), make_user(DESK))


def test_sharing_records_who_shared_until_when_in_the_audit_trail(reporter):
    article = own_draft(reporter.user)

    link = share_preview_in_admin(reporter, article)

    recorded = PreviewLink.objects.get(article=article)
    assert recorded.created_by == reporter.user
    assert recorded.expires_at > recorded.created_at
    assert preview.path_of(recorded).split(":")[0] == link.split(":")[0]
    event = ArticleEvent.objects.get(article=article, action="preview_shared")
    assert event.user == reporter.user
    status, text = opens(link)
    assert status == 200 and BANNER in text


def test_colleagues_see_that_a_link_exists_but_not_its_address(reporter):
    article = own_draft(reporter.user)
    share_preview_in_admin(reporter, article)
    colleague = login(Client(), make_user(REPORTER, "kollegin"))

    page = colleague.get(change_url(article))

    assert page.status_code == 200
    assert "Geteilt von autorin-user" in page.content.decode()
    assert preview_links_on(page) == []
    assert "/vorschau/link/" not in page.content.decode()


def test_a_reporter_cannot_share_or_revoke_a_colleagues_draft(reporter):
    colleague = make_user(REPORTER, "kollegin")
    article = own_draft(colleague)
    link = preview.share(article, colleague)

    assert reporter.post(share_preview_url(article)).status_code == 403
    assert reporter.post(revoke_preview_url(link)).status_code == 403
    assert PreviewLink.objects.filter(article=article).count() == 1
    assert opens(preview.path_of(link))[0] == 200


def test_an_embargoed_article_is_shared_by_the_desk_only(reporter, desk):
    article = ArticleFactory(scheduled=True, headline="Unter Sperrfrist")
    Article.objects.filter(pk=article.pk).update(created_by=reporter.user)

    refused = reporter.post(share_preview_url(article))
    page = reporter.get(change_url(article))
    link = share_preview_in_admin(desk, article)

    assert refused.status_code == 403
    assert "Vorschaulink erstellen" not in page.content.decode()
    assert opens(link)[0] == 200
    # The link the desk made stays hidden from the reporter.
    assert preview_links_on(reporter.get(change_url(article))) == []


@pytest.mark.parametrize("who", ["desk", "creator"])
def test_the_desk_or_the_creator_revokes_a_link(reporter, desk, who):
    article = own_draft(reporter.user)
    link = share_preview_in_admin(reporter, article)
    recorded = PreviewLink.objects.get(article=article)
    revoker = desk if who == "desk" else reporter

    response = revoker.post(revoke_preview_url(recorded))

    assert response.status_code == 302
    status, text = opens(link)
    assert status == 410
    assert "Dieser Vorschaulink wurde widerrufen" in text
    assert article.headline not in text
    recorded.refresh_from_db()
    assert recorded.revoked_by == revoker.user
    assert ArticleEvent.objects.filter(article=article, action="preview_revoked").exists()
    assert "Geteilt von" not in revoker.get(change_url(article)).content.decode()


def test_a_revoke_url_naming_another_article_is_not_found(desk):
    link = preview.share(own_draft(desk.user), desk.user)
    other = own_draft(desk.user)

    response = desk.post(f"/admin/articles/article/{other.pk}/vorschau-link/{link.pk}/widerrufen/")

    assert response.status_code == 404
    assert opens(preview.path_of(link))[0] == 200


def test_sharing_and_revoking_take_a_post_only(desk):
    article = own_draft(desk.user)
    link = preview.share(article, desk.user)

    assert desk.get(share_preview_url(article)).status_code == 405
    assert desk.get(revoke_preview_url(link)).status_code == 405
    assert PreviewLink.objects.active().count() == 1


def test_a_withdrawn_article_is_gone_for_every_link_at_once_and_for_good():
    chief = login(Client(), make_user(CHIEF))
    article = ArticleFactory(scheduled=True, headline="Später zurückgezogen")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    link = share_preview_in_admin(chief, article)
    assert opens(link)[0] == 200

    assert do_transition(chief, article, "withdraw").status_code == 302

    status, text = opens(link)
    assert status == 410
    assert "Dieser Artikel wurde zurückgezogen" in text
    assert article.headline not in text
    page = chief.get(change_url(article)).content.decode()
    assert "Vorschaulink erstellen" not in page
    assert chief.post(share_preview_url(article)).status_code == 403
    # Back to draft: the old link stays dead (withdrawing revoked it).
    do_transition(chief, article, "back_to_draft", comment="Überarbeiten")
    status, text = opens(link)
    assert status == 410
    assert "widerrufen" in text
