"""Backup and restore as an operator runs them (scripts/backup, scripts/restore,
docs/backup.md): the demo newsroom is backed up, restored into an empty database and an empty
media folder, and the two sides are compared table by table and file by file, without
trusting the scripts' own manifest.

Everything runs in subprocesses with DATABASE_URL and MEDIA_ROOT in their environment, as on
a server; no test database of the suite is used."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

BASE_DIR = Path(settings.BASE_DIR)
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
PG_URL = os.environ.get("DATABASE_URL_POSTGRES", "postgres://postgres@127.0.0.1:5432/test")


def run(command, database_url, media_root, check=True):
    """Run a project command the way an operator does, against this database and media
    folder (the suite's own settings module and cache are not passed on)."""
    env = {
        **os.environ,
        "DEBUG": "true",
        "SECRET_KEY": "test-only-secret",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "MEDIA_STORAGE": "filesystem",
        "CACHE_DIR": str(Path(media_root).parent / "cache"),
        # Empty values win over a developer's .env: nothing outside the test is touched.
        "REDIS_URL": "",
        "CACHE_PURGE_URL": "",
        "SENTRY_DSN": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if check:
        assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def migrate(database_url, media_root):
    run([PYTHON, "manage.py", "migrate", "--noinput"], database_url, media_root)


def backup_of_a_demo_newsroom(database_url, media_root, backups):
    """Load the demo newsroom into an empty database and back it up; the backup's path."""
    migrate(database_url, media_root)
    # Small pictures (same files, same names) keep the test fast; the demo is otherwise whole.
    demo = ["load_demo", "--no-admin", "--image-scale", "0.1"]
    run([PYTHON, "manage.py", *demo], database_url, media_root)
    made = run([str(BASE_DIR / "scripts" / "backup"), str(backups)], database_url, media_root)
    backup = Path(made.stdout.strip())
    assert backup.parent == backups and (backup / "manifest.json").is_file(), made.stderr
    return backup


def restore(backup, database_url, media_root, *options):
    return run(
        [str(BASE_DIR / "scripts" / "restore"), *options, str(backup)],
        database_url,
        media_root,
        check=False,
    )


def media_files(media_root):
    """Every file under the media folder: its path there and its SHA-256."""
    return {
        str(path.relative_to(media_root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


def postgres_rows(database_url):
    """Row counts of every table in the database, and the articles' headlines and slugs."""
    with psycopg.connect(database_url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "ORDER BY tablename"
            )
        ]
        counts = {
            table: connection.execute(
                sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }
        articles = connection.execute(
            "SELECT headline, slug FROM articles_article ORDER BY id"
        ).fetchall()
    return counts, articles


def sqlite_rows(path):
    """Row counts of every table in the SQLite file, and the articles' headlines and slugs."""
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }
        articles = connection.execute(
            "SELECT headline, slug FROM articles_article ORDER BY id"
        ).fetchall()
    return counts, articles


def assert_same_newsroom(source, restored):
    """Each side is (row counts of every table, the articles' headlines and slugs, the media
    files with their SHA-256)."""
    counts, articles, files = source
    assert counts["articles_article"] > 0 and counts["images_image"] > 0, "no demo newsroom"
    assert len(counts) > 30 and articles, "the demo newsroom is incomplete"
    assert len(files) > 20, "the demo's pictures and renditions are missing"
    restored_counts, restored_articles, restored_files = restored
    assert restored_counts == counts
    assert restored_articles == articles
    assert restored_files == files


@pytest.fixture(scope="module")
def postgres_server():
    """The suite's PostgreSQL server (DATABASE_URL_POSTGRES), as a URL of its maintenance
    database. Without one the tests are skipped, except in CI, where it must be there."""
    url = urlsplit(PG_URL)._replace(path="/postgres").geturl()
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI, and {url} is not reachable: {error}")
        pytest.skip(f"PostgreSQL is not reachable at {url} (CI has one): {error}")
    return url


@pytest.fixture(scope="module")
def postgres_databases(postgres_server):
    """create(label) -> the URL of a new, empty database; all are dropped afterwards."""
    prefix = f"newsroom_backup_test_{uuid.uuid4().hex[:12]}"
    created = []

    def create(label):
        name = f"{prefix}_{label}"
        with psycopg.connect(postgres_server, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return urlsplit(postgres_server)._replace(path=f"/{name}").geturl()

    yield create
    with psycopg.connect(postgres_server, autocommit=True) as connection:
        for name in created:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.fixture(scope="module")
def postgres_demo(postgres_databases, tmp_path_factory):
    """The demo newsroom on PostgreSQL and its backup: (database URL, media folder, backup)."""
    folder = tmp_path_factory.mktemp("postgres")
    url = postgres_databases("source")
    backup = backup_of_a_demo_newsroom(url, folder / "media", folder / "backups")
    return url, folder / "media", backup


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory):
    """The demo newsroom in an SQLite file and its backup: (file, media folder, backup)."""
    folder = tmp_path_factory.mktemp("sqlite")
    path = folder / "source.sqlite3"
    backup = backup_of_a_demo_newsroom(f"sqlite:///{path}", folder / "media", folder / "backups")
    return path, folder / "media", backup


def test_a_postgresql_backup_restores_every_row_and_media_file_into_an_empty_database(
    postgres_demo, postgres_databases, tmp_path
):
    source_url, source_media, backup = postgres_demo
    restored_url, restored_media = postgres_databases("restored"), tmp_path / "media"

    restored = restore(backup, restored_url, restored_media)

    assert restored.returncode == 0, restored.stderr
    assert_same_newsroom(
        (*postgres_rows(source_url), media_files(source_media)),
        (*postgres_rows(restored_url), media_files(restored_media)),
    )
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database_engine"] == "postgresql"
    assert manifest["media_files"] == len(media_files(source_media))

    again = restore(backup, restored_url, tmp_path / "other-media")

    assert again.returncode == 1
    assert "is not empty" in again.stderr


def test_restore_refuses_a_postgresql_database_that_was_migrated_already(
    postgres_demo, postgres_databases, tmp_path
):
    """The trap on a new machine: the site was started once (and migrated) before the
    restore. The backup's rows would clash with the new ones, so restore leaves it alone."""
    backup = postgres_demo[2]
    target_url, target_media = postgres_databases("migrated"), tmp_path / "media"
    migrate(target_url, target_media)
    before = postgres_rows(target_url)

    refused = restore(backup, target_url, target_media)

    assert refused.returncode == 1
    assert "is not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert postgres_rows(target_url) == before, "the refused restore changed the database"
    assert not target_media.exists(), "the refused restore unpacked media files"


def test_an_sqlite_backup_restores_every_row_and_media_file_into_a_new_file(sqlite_demo, tmp_path):
    source_db, source_media, backup = sqlite_demo
    restored_db, restored_media = tmp_path / "restored.sqlite3", tmp_path / "media"

    restored = restore(backup, f"sqlite:///{restored_db}", restored_media)

    assert restored.returncode == 0, restored.stderr
    assert_same_newsroom(
        (*sqlite_rows(source_db), media_files(source_media)),
        (*sqlite_rows(restored_db), media_files(restored_media)),
    )
    assert json.loads((backup / "manifest.json").read_text())["database_engine"] == "sqlite"

    before = sqlite_rows(restored_db)
    refused = restore(backup, f"sqlite:///{restored_db}", tmp_path / "other-media")

    assert refused.returncode == 1
    assert "is not empty" in refused.stderr
    assert sqlite_rows(restored_db) == before, "the refused restore changed the database"


def test_restore_fails_loudly_when_a_table_has_other_rows_than_the_backup(sqlite_demo, tmp_path):
    """A restore that lost a row must not pass: the manifest here claims one article more
    than the dump holds, as if the restore had dropped it."""
    tampered = tmp_path / "tampered"
    shutil.copytree(sqlite_demo[2], tampered)
    manifest = json.loads((tampered / "manifest.json").read_text())
    articles = manifest["row_counts"]["articles_article"]
    manifest["row_counts"]["articles_article"] = articles + 1
    (tampered / "manifest.json").write_text(json.dumps(manifest))

    failed = restore(tampered, f"sqlite:///{tmp_path / 'restored.sqlite3'}", tmp_path / "media")

    assert failed.returncode == 1
    assert f"articles_article: {articles + 1} in the backup, {articles} restored" in failed.stderr
