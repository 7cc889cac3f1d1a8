"""The access matrix: every workflow action and admin path, crafted as requests, for each
role (Autor:in with own and a colleague's article, Redaktion / CvD, Chefredaktion, superuser),
a staff account without a role, and anonymous visitors. Each gets exactly the expected answer
(allowed, a redirect to the login, 403 or 404), never a 500, and nothing non-public leaks."""

import re
from dataclasses import dataclass, field

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.test import Client
from reversion.models import Version

from articles import preview
from articles.models import Article
from tests.helpers.accounts import CHIEF, DESK, REPORTER, SUPERUSER, login, make_user
from tests.helpers.factories import (
    ArticleFactory,
    BylineFactory,
    ImageFactory,
    TeaserBulletFactory,
)
from tests.helpers.liveticker import TickerFactory

pytestmark = pytest.mark.django_db

ANONYMOUS, NO_ROLE = "anonymous", "staff without a role"
ROLES = [ANONYMOUS, NO_ROLE, REPORTER, DESK, CHIEF, SUPERUSER]
SECRET = "Geheimer Entwurf über die Fusion der Stadtwerke"

# Expected answers. LOGIN: a redirect to the admin login (nothing shown).
OK, MOVED, LOGIN, FORBIDDEN, MISSING, GONE, NOT_ALLOWED = (
    200,
    302,
    "login",
    403,
    404,
    410,
    405,
)


@dataclass
class World:
    """What the cases act on; ``own`` belongs to the reporter, ``other`` to a colleague."""

    reporter: object
    own: Article
    other: Article
    review: Article
    public: Article
    image: object
    users: dict = field(default_factory=dict)


def draft(owner, headline, **kwargs):
    article = ArticleFactory(draft=True, headline=headline, **kwargs)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    Article.objects.filter(pk=article.pk).update(created_by=owner)
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def world():
    reporter = make_user(REPORTER, "autorin")
    colleague = make_user(REPORTER, "kollege")
    users = {
        NO_ROLE: get_user_model().objects.create_user(
            "praktikant", "p@newsroom.example", "geheim-passwort-123", is_staff=True
        ),
        REPORTER: reporter,
        DESK: make_user(DESK, "cvd"),
        CHIEF: make_user(CHIEF, "chefin"),
        SUPERUSER: make_user(SUPERUSER, "admin"),
    }
    own = draft(reporter, "Eigener Entwurf")
    other = draft(colleague, SECRET)
    with reversion.create_revision():
        reversion.add_to_revision(other)
    review = draft(reporter, "Eingereicht")
    Article.objects.filter(pk=review.pk).update(status=Article.Status.REVIEW)
    public = ArticleFactory(headline="Öffentlicher Artikel")
    return World(reporter, own, other, review, public, ImageFactory(), users)


def client_for(world, role):
    if role == ANONYMOUS:
        return Client()
    return login(Client(), world.users[role])


def ticker_for(article):
    return TickerFactory(article=article)


def admin(path):
    return f"/admin/{path}"


def change(article):
    return admin(f"articles/article/{article.pk}/change/")


def form_post(article, **changes):
    """The change form's fields as a forged POST: only the article's own fields, no inlines
    (a crafted request, not a browser's)."""
    return {
        "kicker": article.kicker,
        "headline": changes.get("headline", "Übernommen"),
        "slug": article.slug,
        "lead": "x",
        "body": "<p>x</p>",
        "section": article.section_id,
        "status": "published",
        "_save": "Sichern",
    }


# Each case: (name, method, path(world), data(world) or None, {role: expected}, check(world)).
def cases():
    def expect(anonymous=LOGIN, no_role=FORBIDDEN, reporter=OK, desk=OK, chief=OK, superuser=OK):
        return {
            ANONYMOUS: anonymous,
            NO_ROLE: no_role,
            REPORTER: reporter,
            DESK: desk,
            CHIEF: chief,
            SUPERUSER: superuser,
        }

    yield "admin index", "get", lambda w: admin(""), None, expect(no_role=OK)
    yield "article list", "get", lambda w: admin("articles/article/"), None, expect()
    yield "own draft's form", "get", lambda w: change(w.own), None, expect()
    yield "colleague's draft, read", "get", lambda w: change(w.other), None, expect()
    yield (
        "colleague's draft, forged save",
        "post",
        lambda w: change(w.other),
        lambda w: form_post(w.other),
        expect(reporter=FORBIDDEN, desk=OK, chief=OK, superuser=OK),
    )
    yield (
        "own article in review, forged save",
        "post",
        lambda w: change(w.review),
        lambda w: form_post(w.review),
        expect(reporter=FORBIDDEN),
    )
    yield (
        "publish a colleague's draft",
        "post",
        lambda w: admin(f"articles/article/{w.other.pk}/transition/publish/"),
        lambda w: {"transition": "publish"},
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "submit a colleague's draft",
        "post",
        lambda w: admin(f"articles/article/{w.other.pk}/transition/submit/"),
        lambda w: {"transition": "submit"},
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "submit the own draft",
        "post",
        lambda w: admin(f"articles/article/{w.own.pk}/transition/submit/"),
        lambda w: {"transition": "submit"},
        expect(reporter=MOVED, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "publish through a forged bulk action",
        "post",
        lambda w: admin("articles/article/"),
        lambda w: {"action": "transition_publish", "_selected_action": [w.other.pk]},
        expect(reporter=MOVED, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "delete an article",
        "post",
        lambda w: admin(f"articles/article/{w.own.pk}/delete/"),
        lambda w: {"post": "yes"},
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "history",
        "get",
        lambda w: admin(f"articles/article/{w.other.pk}/history/"),
        None,
        expect(),
    )
    yield (
        "a version of the colleague's draft",
        "get",
        lambda w: admin(
            f"articles/article/{w.other.pk}/history/"
            f"{Version.objects.get_for_object(w.other).first().pk}/"
        ),
        None,
        expect(),
    )
    yield (
        "restore a version of the colleague's draft",
        "post",
        lambda w: admin(
            f"articles/article/{w.other.pk}/history/"
            f"{Version.objects.get_for_object(w.other).first().pk}/"
        ),
        lambda w: {**form_post(w.other), "headline": SECRET},
        expect(reporter=FORBIDDEN, desk=OK, chief=OK, superuser=OK),
    )
    yield (
        "compare versions",
        "get",
        lambda w: admin(f"articles/article/{w.other.pk}/history/compare/"),
        None,
        expect(reporter=MOVED, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "an unknown article",
        "get",
        lambda w: admin("articles/article/999999/change/"),
        None,
        expect(reporter=MOVED, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield "staff preview", "get", lambda w: f"/vorschau/{w.other.pk}/", None, expect()
    yield (
        "share the colleague's draft",
        "post",
        lambda w: admin(f"articles/article/{w.other.pk}/vorschau-link/"),
        lambda w: {},
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "tampered share link",
        "get",
        lambda w: preview.path_of(preview.share(w.own, w.reporter))[:-3] + "xx/",
        None,
        expect(
            anonymous=FORBIDDEN,
            no_role=FORBIDDEN,
            reporter=FORBIDDEN,
            desk=FORBIDDEN,
            chief=FORBIDDEN,
            superuser=FORBIDDEN,
        ),
    )
    yield "planning", "get", lambda w: admin("articles/article/planning/"), None, expect()
    yield (
        "home page curation",
        "get",
        lambda w: admin("articles/homepage/"),
        None,
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "site settings",
        "get",
        lambda w: admin("sitecontent/sitesettings/"),
        None,
        expect(reporter=FORBIDDEN, desk=FORBIDDEN, chief=MOVED, superuser=MOVED),
    )
    yield (
        "user accounts",
        "get",
        lambda w: admin("auth/user/"),
        None,
        expect(reporter=FORBIDDEN, desk=FORBIDDEN),
    )
    yield (
        "make oneself a superuser",
        "post",
        lambda w: admin(f"auth/user/{w.reporter.pk}/change/"),
        lambda w: {
            "username": w.reporter.username,
            "is_superuser": "on",
            "is_staff": "on",
            "is_active": "on",
            "date_joined_0": "01.11.2026",
            "date_joined_1": "10:00",
        },
        expect(reporter=FORBIDDEN, desk=FORBIDDEN, chief=MOVED, superuser=MOVED),
    )
    yield (
        "widen a role",
        "post",
        lambda w: admin("auth/group/1/change/"),
        lambda w: {"name": "Autor:in", "permissions": []},
        expect(reporter=FORBIDDEN, desk=FORBIDDEN, chief=FORBIDDEN, superuser=MOVED),
    )
    yield (
        "lift login locks",
        "get",
        lambda w: admin("axes/accessattempt/"),
        None,
        expect(reporter=FORBIDDEN, desk=FORBIDDEN),
    )
    yield (
        "change a picture nothing public shows, not one's own",
        "post",
        lambda w: admin(f"images/image/{w.image.pk}/change/"),
        lambda w: {
            "alt_text": "Neu beschrieben",
            "caption": "Neu",
            "credit_line": "dpa",
            "focal_x": 50,
            "focal_y": 50,
        },
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )
    yield (
        "upload pictures",
        "get",
        lambda w: admin("images/image/hochladen/"),
        None,
        expect(),
    )
    yield "agency inbox", "get", lambda w: admin("wire/wireitem/"), None, expect()
    yield (
        "configure an agency source",
        "get",
        lambda w: admin("wire/wiresource/add/"),
        None,
        expect(reporter=FORBIDDEN, desk=FORBIDDEN),
    )
    yield (
        "newsletter subscribers",
        "get",
        lambda w: admin("newsletter/subscriber/"),
        None,
        expect(reporter=FORBIDDEN),
    )
    yield (
        "newsletter editions",
        "get",
        lambda w: admin("newsletter/edition/"),
        None,
        expect(reporter=FORBIDDEN),
    )
    yield (
        "post to the live ticker of a colleague's draft",
        "post",
        lambda w: admin(f"liveticker/ticker/{ticker_for(w.other).pk}/eintrag/"),
        lambda w: {"title": "Eingeschmuggelt", "body": "<p>Eingeschmuggelt</p>"},
        expect(reporter=FORBIDDEN, desk=MOVED, chief=MOVED, superuser=MOVED),
    )


CASES = list(cases())
MATRIX = [(case[0], role) for case in CASES for role in ROLES]


@pytest.mark.parametrize(("case", "role"), MATRIX, ids=[f"{c} × {r}" for c, r in MATRIX])
def test_the_expected_answer_and_nothing_leaked(world, case, role):
    _name, method, path, data, expected = next(c for c in CASES if c[0] == case)
    client = client_for(world, role)
    url = path(world)

    send = client.get if method == "get" else client.post
    response = send(url, data(world) if data else {})

    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code == want, (response.status_code, want)
    if response.status_code in (302, 403, 404, 410) or role in (ANONYMOUS, NO_ROLE):
        assert SECRET not in response.content.decode()


PUBLIC_SURFACES = [
    "/",
    "/suche/?q=Fusion+Stadtwerke",
    "/feeds/rss/",
    "/feeds/atom/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/api/v1/articles/",
    "/api/v1/articles/?search=Fusion",
]


def test_public_surfaces_and_guessed_ids_show_nothing_unpublished(client, world):
    for path in PUBLIC_SURFACES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert SECRET not in response.content.decode(), path
    sitemap = client.get("/sitemap.xml").content.decode()
    for location in re.findall(r"<loc>http://testserver(/[^<]+)</loc>", sitemap):
        assert SECRET not in client.get(location).content.decode(), location
    for guessed in [world.other, world.own, world.review]:
        assert client.get(f"/api/v1/articles/{guessed.pk}/").status_code == 404
        assert client.get(f"/{guessed.section.slug}/{guessed.slug}/").status_code == 404


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\\\evil.example", "javascript:alert(1)"],
)
def test_no_redirect_leaves_the_site(world, target):
    desk = client_for(world, DESK)
    logout = desk.post("/admin/logout/", {"next": target})
    login_page = Client().get(f"/admin/login/?next={target}")
    transition = desk.post(
        f"/admin/articles/article/{world.own.pk}/transition/submit/",
        {"transition": "submit", "next": target},
    )

    for response in (logout, transition):
        location = response.get("Location", "")
        assert "evil.example" not in location and not location.startswith("javascript:")
    assert f'value="{target}"' not in login_page.content.decode()
