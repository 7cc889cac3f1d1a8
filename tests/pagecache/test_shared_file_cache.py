"""One machine without Redis: the page cache and the site's other cached data live in files
that every process of the site shares (core.cache.SharedFileCache), so a change made in one
process (a gunicorn worker, the task worker, a command, the shell) ends the stored pages in
all the others at once. Per-process memory could not: the others kept serving the old page."""

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from django.conf import settings as django_settings
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection, connections
from django.test import override_settings

from core import cache as core_cache
from core.cache import SharedFileCache
from newsroom import caches
from tests.helpers.factories import ArticleFactory, BylineFactory, TeaserBulletFactory

pytestmark = pytest.mark.django_db(transaction=True)


def file_caches(folder):
    """The project's caches as settings.py configures them without REDIS_URL."""
    return caches.in_files(folder, django_settings.DATABASES["default"], "newsroom")


def in_another_process(work):
    """Run ``work`` in a forked process, as another gunicorn worker or the shell would."""
    connections.close_all()  # each process opens its own connection
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            work()
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_save_in_another_process_ends_the_stored_page_here(client, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory(headline="Vorher")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    other = ArticleFactory(headline="Unbeteiligt")
    BylineFactory(article=other)
    url, other_url = article.get_absolute_url(), other.get_absolute_url()

    with override_settings(CACHES=file_caches(tmp_path)):
        for address in (url, other_url):
            assert client.get(address)["X-Page-Cache"] == "miss"
            assert client.get(address)["X-Page-Cache"] == "hit"

        def save_elsewhere():
            article.headline = "Nachher"
            article.save()

        in_another_process(save_elsewhere)

        changed = client.get(url)
        assert changed["X-Page-Cache"] == "miss"
        if connection.vendor == "postgresql":  # SQLite's test database is per process
            assert "Nachher" in changed.content.decode()
        # Only the pages that show the article: the other stays stored.
        assert client.get(other_url)["X-Page-Cache"] == "hit"


def manage_shell(code, tmp_path, database="one"):
    """``manage.py shell -c code`` with the project's own settings, as an operator runs it."""
    env = {
        **os.environ,
        "DEBUG": "true",
        "SECRET_KEY": "test-only-secret",
        "DATABASE_URL": f"sqlite:///{tmp_path}/{database}.sqlite3",
        "CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",
        "CACHE_URL": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_redis_every_process_shares_the_cache_of_its_database(tmp_path):
    write = "from django.core.cache import caches; caches['{}'].set('probe', 'from {}')"
    read = (
        "from django.core.cache import caches; "
        "print(type(caches['{0}']).__name__, caches['{0}'].get('probe'))"
    )
    for alias in ("default", "pages"):
        manage_shell(write.format(alias, alias), tmp_path)

        assert manage_shell(read.format(alias), tmp_path) == f"SharedFileCache from {alias}"
        # A checkout used with another database never reads this one's entries.
        assert manage_shell(read.format(alias), tmp_path, "two") == "SharedFileCache None"


def test_the_file_cache_culls_at_most_every_few_seconds_per_process(tmp_path):
    cache = SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    for number in range(30):  # one change's key versions, written in a burst
        cache.set(f"v:{number}", number)
    assert len(list(tmp_path.glob("*.djcache"))) == 30

    cache.CULL_EVERY = 0
    cache.set("one-more", 1)

    assert len(list(tmp_path.glob("*.djcache"))) < 30


def test_the_file_cache_reads_back_what_it_stored_until_it_expires(tmp_path, time_machine):
    time_machine.move_to(datetime(2026, 12, 4, 12, tzinfo=UTC), tick=False)
    cache = SharedFileCache(str(tmp_path), {})
    page = ({"a1": "3f2c"}, 200, [("Content-Type", "text/html")], b"\x1f\x8b gzipped")
    cache.set("page", page, 60)

    assert cache.get("page") == page
    assert cache.get_many(["page", "none"]) == {"page": page}
    assert cache.add("page", "other") is False
    assert cache.touch("page", 600) is True
    time_machine.shift(120)
    assert cache.get("page") == page  # touched: ten minutes now
    time_machine.shift(600)
    assert cache.get("page") is None
    assert cache.touch("page") is False


def test_an_entry_in_djangos_compressed_format_is_a_miss(tmp_path):
    FileBasedCache(str(tmp_path), {}).set("old", "compressed by Django")

    assert SharedFileCache(str(tmp_path), {}).get("old", "missed") == "missed"


def test_a_cache_folder_that_cannot_be_used_means_pages_from_the_database_not_errors(
    client, settings, tmp_path, caplog, monkeypatch
):
    """A full disk or a folder made by another user: the page renders (the cache is an
    accelerator), the log says why, and /readyz takes the machine out of rotation."""
    monkeypatch.setattr(core_cache, "_last_warnings", {})
    settings.PAGE_CACHE_SECONDS = 300
    blocked = tmp_path / "kein-ordner"
    blocked.write_text("a file where the cache folder should be")  # refuses even root
    article = ArticleFactory(headline="Trotzdem lesbar")
    BylineFactory(article=article)

    with override_settings(CACHES=file_caches(blocked)):
        for _ in range(2):
            response = client.get(article.get_absolute_url())
            assert response.status_code == 200
            assert "Trotzdem lesbar" in response.content.decode()
        assert client.get("/readyz").status_code == 503

    assert "File cache unavailable" in caplog.text
