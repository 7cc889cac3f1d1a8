"""Previews of articles that are not public yet: for staff at /vorschau/<id>/, for anyone with
a signed, expiring link at /vorschau/link/<token>/. Never cached, never indexed."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import signing
from django.test import Client
from django.utils import timezone

from articles import preview
from articles.models import Article
from tests.helpers.accounts import DESK, make_user
from tests.helpers.article_admin import change_url, share_preview_in_admin
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    TeaserBulletFactory,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
BANNER = "Vorschau – nicht öffentlich"
ROBOTS_META = '<meta name="robots" content="noindex, nofollow">'
EXPIRED = "Dieser Vorschaulink ist abgelaufen"


def staff_url(article_or_pk):
    return f"/vorschau/{getattr(article_or_pk, 'pk', article_or_pk)}/"


def full_article(**kwargs):
    """An article with every part a page shows, each with its own recognisable text."""
    kwargs.setdefault("headline", "Neue Brücke über die Weiße Elster")
    article = ArticleFactory(
        kicker="Stadtentwicklung",
        lead="Die Stadt plant eine Fußgängerbrücke im Süden.",
        body="<p>Der Bau soll 2028 beginnen.</p><h2>Was sie kostet</h2>",
        **kwargs,
    )
    BylineFactory(article=article, author=AuthorFactory(name="Mara Muster"), position=1)
    TeaserBulletFactory(article=article, text="Baubeginn 2028", position=1)
    TeaserBulletFactory(article=article, text="Kosten: 12 Millionen Euro", position=2)
    return article


PARTS = [
    "Stadtentwicklung:",
    "Neue Brücke über die Weiße Elster",
    "Baubeginn 2028",
    "Kosten: 12 Millionen Euro",
    "Die Stadt plant eine Fußgängerbrücke im Süden.",
    "<p>Der Bau soll 2028 beginnen.</p><h2>Was sie kostet</h2>",
    "Mara Muster",
]


def cache_directives(response):
    return {part.strip().lower() for part in response.get("Cache-Control", "").split(",")}


def assert_is_preview(response, article):
    assert response.status_code == 200
    content = response.content.decode()
    assert BANNER in content
    assert article.headline in content
    assert {"no-cache", "no-store", "private"} <= cache_directives(response)
    assert "noindex" in response.get("X-Robots-Tag", "")
    assert ROBOTS_META in content
    return content


def shared_path(article):
    """The path of a new preview link to ``article``, shared by someone at the desk."""
    return preview.path_of(preview.share(article, desk_member()))


def desk_member():
    return User.objects.filter(username="cvd-teilt").first() or make_user(DESK, "cvd-teilt")


def token_of(link):
    return link.rstrip("/").rsplit("/", 1)[1]


@pytest.fixture
def anonymous():
    return Client()


# --- Staff preview -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trait", "status"),
    [("draft", "Entwurf"), ("scheduled", "Geplant")],
    ids=["draft", "scheduled"],
)
def test_staff_see_a_preview_of_an_unpublished_article_with_every_part(admin_client, trait, status):
    article = full_article(**{trait: True})
    assert not article.is_public

    content = assert_is_preview(admin_client.get(staff_url(article)), article)

    assert f"Status: {status}." in content
    for part in PARTS:
        assert part in content, f"{part!r} is missing from the preview"


def test_the_preview_is_never_cached_and_never_indexed(admin_client):
    response = admin_client.get(staff_url(full_article(draft=True)))

    assert response.status_code == 200
    assert "max-age=0" in cache_directives(response)
    assert {"no-cache", "no-store", "must-revalidate", "private"} <= cache_directives(response)
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert ROBOTS_META in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_admin_login(anonymous):
    article = full_article(draft=True)

    response = anonymous.get(staff_url(article))

    assert response.status_code == 302
    assert response.url == f"/admin/login/?next={staff_url(article)}"
    assert article.headline not in response.content.decode()


def test_logged_in_readers_without_staff_status_are_sent_to_the_admin_login(client):
    reader = User.objects.create_user("leserin", "leserin@example.org", "geheim-passwort-123")
    client.force_login(reader)
    article = full_article(draft=True)

    response = client.get(staff_url(article))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert article.headline not in response.content.decode()


def test_staff_without_permission_to_view_articles_get_no_preview(client):
    trainee = User.objects.create_user(
        "praktikant", "praktikant@newsroom.example", "geheim-passwort-123", is_staff=True
    )
    client.force_login(trainee)
    article = full_article(draft=True)

    response = client.get(staff_url(article))

    assert response.status_code == 403
    assert article.headline not in response.content.decode()


def test_the_preview_of_an_unknown_article_is_not_found(admin_client):
    missing = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 100

    assert admin_client.get(staff_url(missing)).status_code == 404


def test_posting_to_a_preview_is_not_allowed(admin_client, anonymous):
    article = full_article(draft=True)
    link = shared_path(article)

    assert admin_client.post(staff_url(article)).status_code == 405
    assert anonymous.post(link).status_code == 405


def test_the_public_page_of_a_public_article_has_no_preview_banner(anonymous):
    article = full_article()
    assert article.is_public

    response = anonymous.get(article.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert article.headline in content
    assert BANNER not in content
    assert ROBOTS_META not in content
    assert "X-Robots-Tag" not in response


# --- The change form offers the previews -----------------------------------------------------


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_the_change_form_of_an_unpublished_article_offers_both_previews(
    admin_client, settings, trait
):
    article = full_article(**{trait: True})
    hours = settings.NEWSROOM_PREVIEW_MAX_AGE // 3600

    response = admin_client.get(change_url(article))

    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="{staff_url(article)}"' in content
    assert "Vorschaulink erstellen" in content
    assert f"für {hours} Stunden" in content
    assert share_preview_in_admin(admin_client, article).startswith("/vorschau/link/")


def test_the_change_form_of_a_public_article_offers_no_preview(admin_client):
    article = full_article()

    response = admin_client.get(change_url(article))

    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="{staff_url(article)}"' not in content
    assert "/vorschau/link/" not in content
    assert "Vorschaulink erstellen" not in content


# --- The shared link ----------------------------------------------------------------------------


def test_the_shared_link_from_the_change_form_works_without_an_account(admin_client, anonymous):
    article = full_article(draft=True)
    link = share_preview_in_admin(admin_client, article)

    content = assert_is_preview(anonymous.get(link), article)

    for part in PARTS:
        assert part in content, f"{part!r} is missing from the shared preview"


def test_the_shared_link_shows_only_its_own_article(anonymous):
    article = full_article(draft=True)
    other = ArticleFactory(draft=True, headline="Geheimer Entwurf zur Haushaltssperre")

    response = anonymous.get(shared_path(article))

    assert_is_preview(response, article)
    assert other.headline not in response.content.decode()
    # Opening the link grants nothing else: the other draft's preview still needs a login.
    assert anonymous.get(staff_url(other)).status_code == 302
    assert other.headline not in anonymous.get(staff_url(other)).content.decode()


def test_the_shared_link_still_works_shortly_before_it_expires(anonymous, settings):
    article = full_article(draft=True)
    link = shared_path(article)

    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PREVIEW_MAX_AGE - 60)
    with time_machine.travel(later, tick=False):
        response = anonymous.get(link)

    assert_is_preview(response, article)


def test_an_expired_shared_link_is_gone_with_a_german_explanation(anonymous, settings):
    article = full_article(draft=True)
    link = shared_path(article)

    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PREVIEW_MAX_AGE + 60)
    with time_machine.travel(later, tick=False):
        response = anonymous.get(link)

    assert response.status_code == 410
    content = response.content.decode()
    assert EXPIRED in content
    assert "Bitte fragen Sie die Redaktion nach einem neuen." in content
    assert article.headline not in content
    assert BANNER not in content
    assert ROBOTS_META in content
    assert {"no-cache", "no-store", "private"} <= cache_directives(response)


def _changed(char):
    return "A" if char != "A" else "B"


@pytest.mark.parametrize("where", ["signature", "payload", "timestamp"])
def test_a_tampered_shared_link_is_refused(anonymous, where):
    article = full_article(draft=True)
    token = token_of(shared_path(article))
    payload, timestamp, signature = token.rsplit(":", 2)
    if where == "signature":
        signature = signature[:-1] + _changed(signature[-1])
    elif where == "payload":
        payload = payload[:-1] + _changed(payload[-1])
    else:
        timestamp = timestamp[:-1] + _changed(timestamp[-1])
    tampered = f"{payload}:{timestamp}:{signature}"
    assert tampered != token

    response = anonymous.get(f"/vorschau/link/{tampered}/")

    assert response.status_code == 403
    assert article.headline not in response.content.decode()


def test_a_link_rewritten_for_another_article_is_refused(anonymous):
    shared = full_article(draft=True, headline="Der freigegebene Entwurf")
    secret = full_article(draft=True, headline="Der geheime Entwurf")
    _payload, timestamp, signature = token_of(shared_path(shared)).rsplit(":", 2)
    # The same signature and time, with a payload naming the other article.
    secret_link = preview.share(secret, desk_member())
    payload = signing.b64_encode(json.dumps({"link": secret_link.pk}).encode()).decode()
    forged = f"{payload}:{timestamp}:{signature}"
    # Control: the same payload, properly signed, would name the other article's link.
    properly_signed = signing.TimestampSigner(salt=preview.SALT).sign(payload)
    assert signing.loads(properly_signed, salt=preview.SALT) == {"link": secret_link.pk}

    response = anonymous.get(f"/vorschau/link/{forged}/")

    assert response.status_code == 403
    content = response.content.decode()
    assert secret.headline not in content
    assert shared.headline not in content


def test_a_token_signed_for_another_purpose_is_refused(anonymous):
    article = full_article(draft=True)
    link = preview.share(article, desk_member())
    token = signing.dumps({"link": link.pk}, compress=True)  # the default salt

    response = anonymous.get(f"/vorschau/link/{token}/")

    assert response.status_code == 403
    assert article.headline not in response.content.decode()


def test_a_shared_link_to_a_deleted_article_is_not_found(anonymous):
    article = full_article(draft=True)
    link = shared_path(article)
    article.delete()

    assert anonymous.get(link).status_code == 404
