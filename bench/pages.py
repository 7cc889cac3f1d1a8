"""
Time the reader's pages, feeds, API and the admin planning against a trivial Django view.

    .venv/bin/python bench/pages.py [--requests 200]

Builds a throwaway SQLite database with the demo newsroom, then serves each page
in-process through Django's full request stack (middleware, URL routing, templates,
database) with the test client, and prints the median time per request and its
ratio to a view that returns "ok" — measured in the same run, so the ratios compare
across machines while the milliseconds do not. Also prints the SQL queries per page.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument(
        "--profile",
        metavar="PAGE",
        help="instead of timing, profile one page (e.g. 'home page') with cProfile and "
        "print the functions with the most cumulative and own time",
    )
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="newsroom-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    os.environ["CACHE_DIR"] = f"{workdir}/cache"
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    # The planning page is timed for a superuser without an authenticator app; no request
    # log lines between the figures.
    os.environ.setdefault("SECOND_FACTOR_REQUIRED", "false")
    os.environ.setdefault("REQUEST_LOG", "false")
    # The render cost; bench/load.py measures the page cache.
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"

    # WhiteNoise warns that collectstatic never ran; pages don't need it here.
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.http import HttpResponse
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import include, path

    from articles.models import Article

    settings.STORAGES["staticfiles"]["BACKEND"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", "--no-admin", "--image-scale", "0.1", stdout=quiet)

    def trivial(request):
        return HttpResponse("ok")

    urlpatterns = [path("bench/trivial/", trivial), path("", include("newsroom.urls"))]
    sys.modules[__name__].urlpatterns = urlpatterns

    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    article = Article.objects.public().order_by("-published_at").first()
    author = article.bylines.first().author
    pages = {
        "trivial view": ("/bench/trivial/", None),
        "home page": ("/", None),
        "article page": (article.get_absolute_url(), None),
        "section page": (article.section.get_absolute_url(), None),
        "author page": (author.get_absolute_url(), None),
        "search": ("/suche/?q=Leipzig+Stadtrat", None),
        "image credits": ("/bildnachweise/", None),
        "RSS feed": ("/feeds/rss/", None),
        "news sitemap": ("/news-sitemap.xml", None),
        "API list": ("/api/v1/articles/", None),
        "API detail": (f"/api/v1/articles/{article.pk}/", None),
        "admin planning": ("/admin/articles/article/planning/", staff),
    }

    with override_settings(ROOT_URLCONF=__name__, DEBUG=False, SECURE_SSL_REDIRECT=False):
        if args.profile:
            return profile(pages[args.profile], args.requests)
        results = {}
        for name, (url, user) in pages.items():
            client = Client()
            if user:
                client.force_login(user)
            assert client.get(url).status_code == 200, url  # warm up, check it works
            timings = []
            for _ in range(args.requests):
                start = time.perf_counter()
                client.get(url)
                timings.append(time.perf_counter() - start)
            with override_settings(DEBUG=True):
                reset_queries()
                client.get(url)
                queries = len(connection.queries)
            results[name] = (statistics.median(timings), queries)

    base = results["trivial view"][0]
    print(f"{'page':<16} {'median ms':>10} {'x trivial':>10} {'queries':>8}")
    for name, (median, queries) in results.items():
        print(f"{name:<16} {median * 1000:>10.2f} {median / base:>10.1f} {queries:>8}")
    print(
        "(The file cache the processes share, as without Redis; the site settings and section"
        " list are cached, and renditions exist from the demo load, so no page makes images"
        " while being timed.)"
    )


def profile(page, requests):
    import cProfile
    import pstats

    from django.test import Client

    url, user = page
    client = Client()
    if user:
        client.force_login(user)
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
