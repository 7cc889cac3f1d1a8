"""
Time the reader's pages, search and the admin on a large database, and check the plans.

    DATABASE_URL=postgres://…/scale .venv/bin/python bench/scale.py [--requests 50]

Fill the database first (`manage.py load_scale --articles 100000 --images 20000`). Each
page is requested in-process through the full stack (DEBUG off, page cache off) and the
median and 95th percentile are printed, with the ratio to a trivial view measured in the
same run. On PostgreSQL every query of every page is EXPLAINed and a sequential scan of
the articles or pictures tables is reported. Only the given database is touched (one
superuser, `scale-bench`, is added for the admin pages).
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIG_TABLES = ("articles_article", "images_image", "articles_byline", "taggit_taggeditem")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per page")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL to the database load_scale filled.")
    os.environ.update(
        DEBUG="false",
        PAGE_CACHE_SECONDS="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "scale-bench-secret-" + "x" * 40),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        # The editor's pages are timed for a superuser without an authenticator app.
        SECOND_FACTOR_REQUIRED="false",
        REQUEST_LOG="false",
        DJANGO_SETTINGS_MODULE="newsroom.settings",
    )
    import django

    django.setup()
    from django.conf import settings

    # Pages name their static files; without a collectstatic run there is no manifest.
    settings.STORAGES["staticfiles"]["BACKEND"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from articles.selectors import public_authors, public_tags

    article = Article.objects.public().order_by("-published_at")[500]
    tag = public_tags().order_by("pk").first()
    author = public_authors().order_by("pk").first()
    user, _ = get_user_model().objects.get_or_create(
        username="scale-bench", defaults={"is_staff": True, "is_superuser": True}
    )
    auto = "/admin/autocomplete/?app_label=articles&model_name=crosslink&field_name=target"
    pages = {
        "trivial view (/healthz)": ("/healthz", False),
        "article page": (article.get_absolute_url(), False),
        "home page": ("/", False),
        "section page 1": (article.section.get_absolute_url(), False),
        "section page 500": (article.section.get_absolute_url() + "?seite=500", False),
        "tag page": (f"/thema/{tag.slug}/", False),
        "author page": (author.get_absolute_url(), False),
        "RSS feed": ("/feeds/rss/", False),
        "sitemap index": ("/sitemap.xml", False),
        "article sitemap p1": ("/sitemap-artikel.xml?p=1", False),
        "search ?q=Stadt": ("/suche/?q=Stadt", False),
        "search ?q=Hochwasser Brücke": ("/suche/?q=Hochwasser+Br%C3%BCcke", False),
        "admin change list": ("/admin/articles/article/", True),
        "admin change list search": ("/admin/articles/article/?q=Stadt", True),
        "admin change form": (f"/admin/articles/article/{article.pk}/change/", True),
        "autocomplete articles": (auto + "&term=Stadt", True),
        "autocomplete authors": (
            "/admin/autocomplete/?app_label=articles&model_name=byline&field_name=author&term=Au",
            True,
        ),
        "autocomplete pictures": (
            "/admin/autocomplete/?app_label=articles&model_name=article&field_name=hero_image"
            "&term=Bild",
            True,
        ),
    }
    reader, editor = Client(), Client()
    editor.force_login(user)
    count = Article.objects.count()
    print(f"{count} articles, {connection.vendor}, {args.requests} requests per page")
    print(f"{'page':<28} {'p50 ms':>8} {'p95 ms':>8} {'x trivial':>10} {'queries':>8}")
    trivial = None
    seq_scans = {}
    for name, (url, admin) in pages.items():
        client = editor if admin else reader
        response = client.get(url)
        if response.status_code != 200:
            print(f"{name:<28} answered {response.status_code}")
            continue
        times = []
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        trivial = trivial or p50
        print(f"{name:<28} {p50:>8.1f} {p95:>8.1f} {trivial / p50:>10.3f} {len(captured):>8}")
        if connection.vendor == "postgresql":
            seq_scans[name] = sequential_scans(connection, captured.captured_queries)
    for name, found in seq_scans.items():
        for table, sql in found:
            print(f"  sequential scan of {table} on {name}: {sql[:160]}")
    if seq_scans and not any(seq_scans.values()):
        print("No sequential scan of articles, pictures, bylines or tags on any page.")


def sequential_scans(connection, queries):
    found = []
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            # A word boundary: articles_article is not articles_articleevent.
            found += [(t, sql) for t in BIG_TABLES if re.search(rf"Seq Scan on {t}\b", plan)]
    return found


if __name__ == "__main__":
    main()
