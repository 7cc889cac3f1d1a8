"""Sperrfrist (embargo): agency copy and press material not to be published before a given
time, whatever the schedule says. Before it passes the article is on no surface; it cannot
be published or scheduled earlier; the desk sees it in previews and the planning; and it
lifts on time with no job running (visibility is decided at query time)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from articles.models import Article, ArticleEvent
from pagecache import store
from tests.helpers.accounts import DESK, login, make_user
from tests.helpers.article_admin import change_url, do_transition, share_preview_in_admin
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    ImageFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import open_form, sent_messages

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)  # 11.00 in Berlin
LIFTS = NOW + timedelta(hours=8)  # 04.12.2026 19.00 in Berlin
REFUSAL = "Sperrfrist bis 04.12.2026 19.00 (dpa): Der Artikel kann frühestens dann"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def desk(client):
    return login(client, make_user(DESK))


def ready(**fields):
    """A complete draft (byline, bullet) under embargo until LIFTS."""
    fields = {
        "embargo_until": LIFTS,
        "embargo_source": "dpa",
        "status": Article.Status.DRAFT,
        **fields,
    }
    article = ArticleFactory(**fields)
    BylineFactory(article=article, author=AuthorFactory(slug="mara"))
    TeaserBulletFactory(article=article)
    return article


def surfaces(client, article):
    """Every public surface, and whether the article is on it."""
    article.tags.add("Sperrfrist-Test")
    pages = {
        "page": client.get(article.get_absolute_url()).status_code == 200,
        "home": article.headline in client.get("/").content.decode(),
        "section": article.headline
        in client.get(article.section.get_absolute_url()).content.decode(),
        "author": client.get("/autor/mara/").status_code == 200,
        "feed": article.headline in client.get(reverse("distribution:rss")).content.decode(),
        "sitemap": article.slug in client.get("/sitemap-artikel.xml").content.decode(),
        "news sitemap": article.slug in client.get("/news-sitemap.xml").content.decode(),
        "search": article.get_absolute_url() in client.get("/suche/?q=Nobelpreis").content.decode(),
        "api": client.get(f"/api/v1/articles/{article.pk}/").status_code == 200,
    }
    return pages


def test_an_embargoed_article_is_on_no_surface_until_the_embargo_lifts(
    client, clock, django_capture_on_commit_callbacks
):
    # Published in the database (as an import or the shell might leave it): the embargo
    # still holds, and no job is needed for it to lift.
    with django_capture_on_commit_callbacks(execute=True):  # the search index follows
        article = ready(
            headline="Sperrfrist: Nobelpreis geht nach Leipzig",
            published_at=NOW,
            status=Article.Status.PUBLISHED,
        )
    other = ArticleFactory(section=article.section)
    other.tags.add("Sperrfrist-Test")

    before = surfaces(client, article)
    related = client.get(other.get_absolute_url()).content.decode()
    clock.move_to(LIFTS + timedelta(seconds=1), tick=False)
    after = surfaces(client, article)

    assert not any(before.values()), before
    assert article.headline not in related
    assert all(after.values()), after


def test_scheduling_before_the_embargo_is_refused_with_its_time(desk):
    article = ready(published_at=LIFTS - timedelta(hours=1))

    response = do_transition(desk, article, "schedule")

    assert any(REFUSAL in message for message in sent_messages(response))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_publishing_now_is_refused_until_the_embargo_passes(desk, clock):
    article = ready(published_at=None)

    refused = do_transition(desk, article, "publish")
    assert any(REFUSAL in message for message in sent_messages(refused))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT

    clock.move_to(LIFTS, tick=False)
    do_transition(desk, article, "publish")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == LIFTS


def test_scheduling_at_the_embargo_is_accepted(desk):
    article = ready(published_at=LIFTS)
    do_transition(desk, article, "schedule")
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED


def test_the_form_refuses_to_move_a_scheduled_article_before_its_embargo(desk):
    article = ready(published_at=LIFTS + timedelta(hours=1), status=Article.Status.SCHEDULED)

    form = open_form(desk, change_url(article)).fill(
        published_at_0="04.12.2026", published_at_1="18:30"
    )
    response = form.submit(desk, change_url(article))

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    # What was typed is still in the form.
    assert 'value="18:30' in response.content.decode()
    article.refresh_from_db()
    assert article.published_at == LIFTS + timedelta(hours=1)


def test_a_hero_picture_under_embargo_holds_the_article_back(desk):
    picture = ImageFactory(embargo_until=LIFTS)
    article = ready(embargo_until=None, embargo_source="", hero_image=picture, published_at=None)

    response = do_transition(desk, article, "publish")

    assert any("Sperrfrist eines Bildes" in m for m in sent_messages(response))
    assert any("04.12.2026 19.00" in m for m in sent_messages(response))


def test_a_picture_in_the_text_under_embargo_holds_the_article_back(desk):
    picture = ImageFactory(embargo_until=LIFTS)
    article = ready(embargo_until=None, embargo_source="", published_at=None)
    article.body = f'<p>Vorher.</p><figure data-image="{picture.pk}"></figure>'
    article.save()

    response = do_transition(desk, article, "publish")

    assert any("Sperrfrist eines Bildes" in m for m in sent_messages(response))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_picture_under_embargo_is_shown_nowhere_until_it_lifts(client, clock):
    picture = ImageFactory(embargo_until=LIFTS, credit_line="Agentur")
    author = AuthorFactory(slug="jana", photo=picture)
    BylineFactory(author=author, article=ArticleFactory())

    before = client.get("/autor/jana/").content.decode()
    clock.move_to(LIFTS, tick=False)
    after = client.get("/autor/jana/").content.decode()

    assert "<picture" not in before and "Agentur" not in before
    assert "<picture" in after and "Agentur" in after


def test_previews_carry_a_clear_embargo_banner(desk):
    article = ready(published_at=LIFTS)

    staff = desk.get(f"/vorschau/{article.pk}/").content.decode()
    shared = desk.get(share_preview_in_admin(desk, article)).content.decode()

    for page in (staff, shared):
        assert "Sperrfrist bis 04.12.2026 19.00 (Quelle: dpa)" in page
        assert 'class="embargo-banner" role="alert"' in page


def test_the_planning_shows_the_embargo(desk):
    ready(published_at=LIFTS + timedelta(hours=1), status=Article.Status.SCHEDULED)
    ArticleFactory(
        status=Article.Status.SCHEDULED,
        published_at=LIFTS + timedelta(hours=1),
        embargo_until=LIFTS + timedelta(minutes=30),
    )
    Article.objects.filter(embargo_until=LIFTS + timedelta(minutes=30)).update(
        embargo_until=LIFTS + timedelta(hours=2)
    )  # moved later behind the desk's back: the planning says so

    page = desk.get(reverse("admin:articles_article_planning")).content.decode()

    assert "Sperrfrist bis 04.12.2026 19.00" in page
    assert "Sperrfrist bis 04.12.2026 21.00" in page


def test_a_change_of_the_embargo_is_in_the_audit(desk):
    article = ready(published_at=None)
    form = open_form(desk, change_url(article)).fill(
        embargo_until_0="05.12.2026", embargo_until_1="06:00"
    )
    form.submit(desk, change_url(article))

    (event,) = ArticleEvent.objects.filter(
        article=article, action=ArticleEvent.Action.SCHEDULE_CHANGED
    )
    assert "05.12.2026 06.00" in event.new_value


def test_a_stored_page_lives_no_longer_than_an_embargo(db):
    ready(published_at=NOW - timedelta(hours=1), status=Article.Status.PUBLISHED)
    assert store.next_change(NOW) == LIFTS

    ImageFactory(embargo_until=NOW + timedelta(hours=2))
    assert store.next_change(NOW) == NOW + timedelta(hours=2)
