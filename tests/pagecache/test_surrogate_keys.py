"""Surrogate keys and purges for a proxy or CDN in front: every public page names what it
shows, and every change of content sends, once its transaction commits, one purge request
naming exactly the pages that show the changed object."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import transaction

from articles import workflow
from articles.models import Article, HomePage, Section
from articles.navigation import nav_sections
from sitecontent.models import SiteSettings
from tests.helpers.accounts import SUPERUSER, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    CrossLinkFactory,
    ImageFactory,
    SectionFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import open_form
from tests.helpers.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


class PurgeReceiver(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.received.append((self.path, set(self.headers["xkey-purge"].split())))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purges(settings):
    """A purge receiver on a free port; the list of (path, keys) it received."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CACHE_PURGE_URL = f"http://127.0.0.1:{server.server_port}/"
    yield server.received
    server.shutdown()
    server.server_close()


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


def keys_of(response):
    return set(response["xkey"].split())


# --- The keys a page carries -----------------------------------------------------------------


def test_an_article_page_names_the_article_its_section_authors_tags_and_picture(client):
    article = complete(hero_image=ImageFactory())
    article.tags.add("Verkehr")
    other = complete()
    response = client.get(article.get_absolute_url())
    keys = keys_of(response)
    tag = article.tags.get()
    author = article.bylines.get().author
    assert {f"a{article.pk}", f"s{article.section_id}", f"p{author.pk}", f"t{tag.pk}"} <= keys
    assert f"i{article.hero_image_id}" in keys
    assert "site" in keys
    assert f"a{other.pk}" not in keys
    # The same header for Fastly-style CDNs, also on a hit from the page cache.
    assert response["Surrogate-Key"] == response["xkey"]
    hit = client.get(article.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit"
    assert hit["xkey"] == response["xkey"]


def test_list_pages_name_every_article_they_show_and_the_list_they_are(client):
    section = SectionFactory()
    shown = [complete(section=section) for _ in range(3)]
    elsewhere = complete()
    shown[0].tags.add("Verkehr")
    tag = shown[0].tags.get()
    author = shown[0].bylines.get().author
    pages = {
        "/": "home",
        section.get_absolute_url(): f"ls{section.pk}",
        f"/thema/{tag.slug}/": f"lt{tag.pk}",
        f"/autor/{author.slug}/": f"lp{author.pk}",
        "/feeds/rss/": "lists",
        "/sitemap.xml": "lists",
        "/suche/?q=Stadt": "search",
    }
    for url, list_key in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert list_key in keys_of(response), url
    section_keys = keys_of(client.get(section.get_absolute_url()))
    assert {f"a{article.pk}" for article in shown} <= section_keys
    assert f"a{elsewhere.pk}" not in section_keys


def test_a_page_showing_very_many_objects_carries_the_many_key_instead(client, settings):
    from core import surrogate

    keys = {f"a{n}" for n in range(surrogate.MAX_KEYS + 10)} | {"lists"}
    value = surrogate.header_value(keys).split()
    assert set(value) == {"lists", "many", "site"}


def test_pages_that_are_not_kept_carry_no_keys(admin_client):
    article = complete()
    assert "xkey" not in admin_client.get(change_url(article))
    assert "xkey" not in admin_client.get(f"/vorschau/{article.pk}/")
    assert "xkey" not in admin_client.get("/api/articles/")


# --- What a change purges --------------------------------------------------------------------


def test_an_edit_in_the_admin_purges_the_article_once_after_commit(client, purges):
    article = complete(headline="Alt")
    purges.clear()
    login(client, make_user(SUPERUSER))
    response = (
        open_form(client, change_url(article))
        .fill(headline="Neu")
        .submit(client, change_url(article))
    )
    assert response.status_code == 302
    assert len(purges) == 1, "one purge request per save, however many rows it wrote"
    path, keys = purges[0]
    assert path == "/"
    assert f"a{article.pk}" in keys
    # The headline is not what decides the lists: they keep the article by its key.
    assert "home" not in keys and f"ls{article.section_id}" not in keys


def test_nothing_is_sent_before_commit_or_after_a_rollback(purges):
    article = complete()
    purges.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        article.headline = "Nie gespeichert"
        article.save()
        raise RuntimeError("rolled back")
    assert purges == []
    with transaction.atomic():
        article.headline = "Gespeichert"
        article.save()
        assert purges == []
    assert [keys for _path, keys in purges] == [{f"a{article.pk}", "many"}]


def test_a_new_publication_purges_every_list_it_enters(purges):
    section = SectionFactory()
    article = complete(status=Article.Status.DRAFT, section=section)
    article.tags.add("Verkehr")
    tag = article.tags.get()
    author = article.bylines.get().author
    purges.clear()
    workflow.perform(article, "publish", make_user(SUPERUSER))
    keys = set().union(*(keys for _path, keys in purges))
    assert {f"a{article.pk}", "home", f"ls{section.pk}", f"lt{tag.pk}", f"lp{author.pk}"} <= keys
    assert {"lists", "search"} <= keys


def test_a_withdrawal_purges_the_lists_it_leaves(purges):
    article = complete()
    purges.clear()
    workflow.perform(article, "withdraw", make_user(SUPERUSER))
    keys = set().union(*(keys for _path, keys in purges))
    assert {f"a{article.pk}", "home", f"ls{article.section_id}", "lists"} <= keys


def test_a_move_to_another_section_purges_both_sections(purges):
    article = complete()
    old, new = article.section, SectionFactory()
    purges.clear()
    article.section = new
    article.save()
    keys = set().union(*(keys for _path, keys in purges))
    assert {f"ls{old.pk}", f"ls{new.pk}", f"a{article.pk}"} <= keys


def test_an_article_going_live_purges_the_pages_that_link_to_it(purges):
    target = complete(status=Article.Status.DRAFT)
    source = complete()
    CrossLinkFactory(article=source, target=target)
    purges.clear()
    workflow.perform(target, "publish", make_user(SUPERUSER))
    keys = set().union(*(keys for _path, keys in purges))
    assert f"a{source.pk}" in keys


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda a: setattr_save(a.bylines.get().author, name="Neu Name"), "author"),
        (lambda a: setattr_save(a.hero_image, credit_line="dpa"), "image"),
        (lambda a: setattr_save(SiteSettings.current(), name="Neue Zeitung"), "site"),
        (lambda a: setattr_save(a.section, name="Neu"), "site"),
        (lambda a: setattr_save(HomePage.load(), lead=a), "home"),
    ],
)
def test_each_kind_of_content_purges_its_key(purges, change, expected):
    article = complete(hero_image=ImageFactory())
    purges.clear()
    change(article)
    keys = set().union(*(keys for _path, keys in purges))
    wanted = {
        "author": f"p{article.bylines.get().author_id}",
        "image": f"i{article.hero_image_id}",
        "site": "site",
        "home": "home",
    }[expected]
    assert wanted in keys


def setattr_save(obj, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()


def test_without_a_purge_url_nothing_is_sent(settings, purges):
    settings.CACHE_PURGE_URL = ""
    complete()
    assert purges == []


def test_an_unreachable_purge_receiver_is_logged_and_the_save_succeeds(settings, caplog):
    settings.CACHE_PURGE_URL = "http://127.0.0.1:9/"  # discard port: nobody listens
    author = AuthorFactory()
    author.name = "Gespeichert trotzdem"
    author.save()
    author.refresh_from_db()
    assert author.name == "Gespeichert trotzdem"
    assert "Purge of" in caplog.text


def test_a_failed_purge_is_sent_again_by_the_worker(settings, purges):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver = settings.CACHE_PURGE_URL
    settings.CACHE_PURGE_URL = "http://127.0.0.1:9/"  # down for now
    author = AuthorFactory()
    retry = DBTaskResult.objects.get(task_path="pagecache.purge.retry")
    assert retry.args_kwargs["args"][1] == [f"p{author.pk}"]
    assert purges == []
    # The receiver is back (the worker sends to the address the failed purge was for).
    retry.args_kwargs["args"][0] = receiver
    retry.run_after = retry.enqueued_at
    retry.save()
    run_worker()
    assert [keys for _path, keys in purges] == [{f"p{author.pk}"}]


def test_forget_cached_content_ends_every_page_and_what_was_cached_from_the_database(
    client, purges
):
    """After a restore (scripts/restore runs it) or rows changed with update(), which sends
    no signal: every stored page ends, the proxy drops its copies, and the site settings
    and navigation are read anew."""
    SiteSettings.objects.create(site_name="Vorher-Zeitung")
    article = ArticleFactory(headline="Vor der Wiederherstellung")
    BylineFactory(article=article)
    url = article.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    Article.objects.filter(pk=article.pk).update(headline="Aus der Sicherung")
    SiteSettings.objects.update(site_name="Nachher-Zeitung")
    Section.objects.filter(pk=article.section.pk).update(name="Neues Ressort")
    cache.set("not-ours", "bleibt")
    stale = client.get(url)
    assert stale["X-Page-Cache"] == "hit" and "Vorher-Zeitung" in stale.content.decode()
    purges.clear()

    call_command("forget_cached_content", stdout=io.StringIO())

    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"
    page = fresh.content.decode()
    assert "Aus der Sicherung" in page and "Nachher-Zeitung" in page
    assert "Neues Ressort" in [section.name for section in nav_sections()]
    assert purges == [("/", {"site"})]
    assert cache.get("not-ours") == "bleibt"
