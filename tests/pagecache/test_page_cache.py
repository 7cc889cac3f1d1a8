"""The page cache: a hit runs no SQL query, and no page ever shows outdated content: a save
from anywhere, a scheduled article's time, a withdrawal and midnight all end a stored page."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from articles import workflow
from articles.models import Article, HomePage, Section
from pagecache import store
from sitecontent.models import SiteSettings
from tests.helpers.accounts import SUPERUSER, make_user
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def complete(**fields):
    article = ArticleFactory(**fields)
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    return article


def test_the_second_request_is_a_hit_that_runs_no_query(client, django_assert_num_queries):
    complete(headline="Ein Artikel für alle")
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/")

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Ein Artikel für alle" in second.content.decode()


def test_public_pages_say_how_long_shared_caches_may_keep_them(client):
    article = complete()

    for url in ("/", article.get_absolute_url(), article.section.get_absolute_url()):
        cache_control = client.get(url)["Cache-Control"]
        assert "public" in cache_control and "s-maxage=300" in cache_control, url
        assert "stale-while-revalidate=30" in cache_control
        assert "stale-if-error=86400" in cache_control
        assert "max-age=0" in cache_control


def test_feeds_keep_their_browser_lifetime_and_get_the_shared_one(client):
    complete()

    cache_control = client.get("/feeds/rss/")["Cache-Control"]

    assert "max-age=300" in cache_control and "s-maxage=300" in cache_control


def test_a_revalidation_of_a_stored_page_answers_304(client):
    complete()
    etag = client.get("/")["ETag"]

    response = client.get("/", headers={"if-none-match": etag})

    assert response.status_code == 304


def test_a_save_from_a_script_is_on_every_page_at_once(client):
    article = complete(headline="Alte Überschrift")
    client.get("/")
    client.get(article.get_absolute_url())

    article.headline = "Neue Überschrift"
    article.save()

    for url in ("/", article.get_absolute_url()):
        page = client.get(url)
        assert page["X-Page-Cache"] == "miss", url
        assert "Neue Überschrift" in page.content.decode()
        assert "Alte Überschrift" not in page.content.decode()


@pytest.mark.parametrize(
    ("change", "shown_on"),
    [
        pytest.param(
            lambda a: Section.objects.filter(pk=a.section_id).get().save(),
            ["/", "article"],
            id="section",
        ),
        pytest.param(lambda a: a.bylines.get().author.save(), ["article"], id="author"),
        pytest.param(lambda a: a.tags.add("Neues Thema"), ["/", "article"], id="tags"),
        pytest.param(lambda a: SiteSettings.current().save(), ["/", "article"], id="site settings"),
        pytest.param(lambda a: HomePage.load().save(), ["/"], id="home page curation"),
    ],
)
def test_every_kind_of_content_change_ends_the_stored_pages_that_show_it(client, change, shown_on):
    article = complete()
    urls = [article.get_absolute_url() if url == "article" else url for url in shown_on]
    for url in urls:
        client.get(url)

    change(article)

    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url


def test_an_editors_save_leaves_the_pages_that_do_not_show_it_stored(client):
    """The page cache stays useful while editors work: a save ends the pages that show the
    article (its page, the lists it is in), not the others."""
    changed = complete(headline="Wird bearbeitet")
    other = complete(headline="Bleibt liegen")
    for url in ("/", changed.get_absolute_url(), other.get_absolute_url()):
        client.get(url)

    changed.lead = "Ein neuer Vorspann."
    changed.save()

    assert client.get(changed.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "miss"  # it is on the home page
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_lost_key_version_counts_as_a_change(client):
    """Key versions are read once a change anywhere committed (see the next tests); one the
    cache lost then counts as changed."""
    article = complete()
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"

    store.pages().delete(f"v:a{article.pk}")
    store.new_generation({"a999999"})  # an unrelated change

    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"


def count_cache_reads(monkeypatch):
    reads = []
    real_get_many = type(store.pages()).get_many

    def get_many(cache, keys, *args, **kwargs):
        reads.append(list(keys))
        return real_get_many(cache, keys, *args, **kwargs)

    monkeypatch.setattr(type(store.pages()), "get_many", get_many)
    return reads


def test_while_nothing_changes_a_hit_is_one_round_trip_to_the_cache(client, monkeypatch):
    """A page found valid since the last change is served without reading the versions of
    its keys (a home page or feed shows dozens to a hundred)."""
    articles = [complete(headline=f"Meldung {number}") for number in range(5)]
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"  # checked every key, marked it valid
    reads = count_cache_reads(monkeypatch)

    assert client.get("/")["X-Page-Cache"] == "hit"

    assert len(reads) == 1
    assert not any(key.startswith("v:") for key in reads[0])
    # A change, even of something the home page does not show, has every page checked again.
    store.new_generation({"a999999"})
    reads.clear()
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert f"v:a{articles[0].pk}" in reads[1]
    # The next change of an article it shows ends it at once.
    articles[0].headline = "Meldung, neu"
    articles[0].save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Meldung, neu" in response.content.decode()


def test_a_change_under_way_has_every_hit_check_its_keys(client):
    """Between a change's new generation and its last key version, and while two changes
    overlap, the generation is not settled: hits read their keys' versions and see what
    changed already."""
    article = complete(headline="Alt")
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert client.get(url)["X-Page-Cache"] == "hit"  # served on the fast path now

    # Another worker's change: the generation is new, one version is set, the rest (and
    # the settled mark) not yet.
    store.pages().set(store.GENERATION_KEY, "under-way", None)
    store.pages().set(f"v:a{article.pk}", "under-way", None)

    assert client.get(url)["X-Page-Cache"] == "miss"
    # Overlapping changes leave the generation unsettled until the next change: checked.
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    store.pages().set(f"v:s{article.section_id}", "another", None)
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_page_rendered_while_a_change_commits_is_not_stored(client, monkeypatch):
    """A change that commits while a page renders may leave the page with older data than
    the new key versions stand for: such a page is not stored."""
    article = complete()
    real_lookup = store.lookup

    def change_during_render(request):
        current, stored = real_lookup(request)
        store.new_generation({f"a{article.pk}"})  # another worker's save commits now
        return current, stored

    monkeypatch.setattr(store, "lookup", change_during_render)
    client.get(article.get_absolute_url())
    monkeypatch.undo()

    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "miss"


def test_a_withdrawn_article_never_comes_back_from_the_cache(client):
    article = complete(headline="Wird zurückgezogen")
    assert "Wird zurückgezogen" in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200

    workflow.perform(article, "withdraw", make_user(SUPERUSER))

    assert "Wird zurückgezogen" not in client.get("/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_story_in_mehr_zum_thema_leaves_every_stored_page_that_shows_it(client):
    article = complete(headline="Der Haushalt")
    article.tags.add("Landtag")
    related = complete(headline="Die Abstimmung", section=article.section)
    related.tags.add("Landtag")
    page = article.get_absolute_url()
    assert "Die Abstimmung" in client.get(page).content.decode()
    assert client.get(page)["X-Page-Cache"] == "hit"

    related.headline = "Die Abstimmung im Landtag"
    related.save()
    assert "Die Abstimmung im Landtag" in client.get(page).content.decode()

    workflow.perform(related, "withdraw", make_user(SUPERUSER))
    assert "Die Abstimmung" not in client.get(page).content.decode()


def test_a_scheduled_article_appears_on_time_with_no_job_and_no_save(settings):
    settings.PAGE_CACHE_SECONDS = 3600  # the go-live, not this, must end the stored page
    start = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        complete(headline="Schon da", published_at=start - timedelta(hours=1))
        complete(
            headline="Kommt um zehn nach",
            status=Article.Status.SCHEDULED,
            published_at=start + timedelta(minutes=10),
        )
        client = Client()
        assert "Kommt um zehn nach" not in client.get("/").content.decode()
        clock.move_to(start + timedelta(minutes=9, seconds=59))
        assert client.get("/")["X-Page-Cache"] == "hit"

        clock.move_to(start + timedelta(minutes=10, seconds=1))
        page = client.get("/")

    assert page["X-Page-Cache"] == "miss"
    assert "Kommt um zehn nach" in page.content.decode()


def test_a_page_does_not_outlive_its_depublication():
    start = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as clock:
        article = complete(headline="Nur kurz online", depublish_at=start + timedelta(minutes=2))
        client = Client()
        assert client.get(article.get_absolute_url()).status_code == 200

        clock.move_to(start + timedelta(minutes=2, seconds=1))
        assert client.get(article.get_absolute_url()).status_code == 404


def test_a_page_lives_until_midnight_in_berlin_at_most():
    # 23:58 in Berlin: "today" turns into yesterday in two minutes.
    with time_machine.travel(datetime(2026, 11, 3, 22, 58, tzinfo=UTC), tick=False):
        complete()
        assert store.lifetime(store.generation()) == 120


def test_only_the_page_caches_keys_are_touched(client):
    cache.set("sessions-or-rate-limits", "bleibt")
    article = complete()
    client.get("/")

    article.save()
    client.get("/")

    assert cache.get("sessions-or-rate-limits") == "bleibt"


def test_the_admin_previews_and_the_api_are_never_stored(admin_client):
    article = complete(status=Article.Status.DRAFT, published_at=None)

    for url in ("/admin/", f"/vorschau/{article.pk}/", "/api/v1/articles/"):
        admin_client.get(url)
        response = admin_client.get(url)
        assert "X-Page-Cache" not in response, url


def test_search_results_are_stored_per_query(client):
    complete(headline="Straßenbahn fährt")

    assert client.get("/suche/?q=Straßenbahn")["X-Page-Cache"] == "miss"
    assert client.get("/suche/?q=Straßenbahn")["X-Page-Cache"] == "hit"
    assert client.get("/suche/?q=Haushalt")["X-Page-Cache"] == "miss"


def test_with_page_cache_seconds_0_every_request_renders(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    complete()
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")

    assert len(queries) > 0
    assert "X-Page-Cache" not in response
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_a_new_generation_is_per_cache_not_per_process():
    first = store.generation()
    assert store.generation() == first

    store.new_generation()

    assert store.generation() != first


def test_a_head_request_answered_from_the_cache_carries_no_body(db):
    """A WSGI server drops (and logs) a body sent with HEAD; the stored page's headers say
    its length."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from pagecache.middleware import PageCacheMiddleware

    body = "<p>Die Seite</p>"
    middleware = PageCacheMiddleware(
        lambda request: HttpResponse(body, headers={"Content-Length": len(body)})
    )
    first = middleware(RequestFactory().head("/politik/"))

    response = middleware(RequestFactory().head("/politik/"))

    assert first["X-Page-Cache"] == "miss"
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert response["Content-Length"] == str(len(body))


def test_a_page_stored_by_the_previous_release_is_a_miss_not_an_error(client):
    """After an upgrade the shared cache still holds pages in the old form (a generation
    instead of key versions) for up to PAGE_CACHE_SECONDS."""
    article = complete()
    url = article.get_absolute_url()
    request = RequestFactory().get(url)
    store.pages().set(store.page_key(request), ("abc123", 200, [], b"alt"), 300)

    response = client.get(url)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    assert response.content != b"alt"
