"""
Serve the site as in production and load it with wrk: requests/s, p50 and p99 per page,
cached and uncached, as ratios to a trivial Django view served by the same processes.

    .venv/bin/python bench/load.py [--seconds 10] [--workers 2] [--connections 4]

Builds a throwaway database with the demo newsroom (SQLite in a temporary folder, or the
PostgreSQL database named by DATABASE_URL, which it empties and fills), then for each mode
(page cache off: PAGE_CACHE_SECONDS=0; on: 300) starts gunicorn with DEBUG off and the real
middleware on 127.0.0.1, and drives each page for --seconds with wrk from a second process
(`apt-get install wrk`), asking for gzip as browsers do. The trivial view is /healthz (plain
text, no database), driven again right before each page: each ratio is to that measurement.
Queries per page are counted in-process for the same pages. With
varnishd installed, the cached pages are also driven through deploy/varnish.vcl in front of
the same gunicorn ("varnish" rows, compared with the trivial view served by gunicorn).
Only 127.0.0.1 is ever contacted.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8765

MIX_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def environment(workdir, page_cache_seconds):
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-bench-only-secret-key-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=f"{workdir}/media",
        STATIC_ROOT=f"{workdir}/static",
        CACHE_DIR=f"{workdir}/cache",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        LOG_LEVEL="WARNING",
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def pages_and_queries(env, page_cache_seconds):
    """The pages to load, chosen from the demo, and the SQL queries each takes (the second
    request of a page: with the page cache on, that is a hit)."""
    code = r"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from articles.models import Article
articles = list(Article.objects.public().order_by("-published_at")[:30])
article = articles[0]
pages = {
    "trivial view": "/healthz",
    "article page": article.get_absolute_url(),
    "article mix (30)": [a.get_absolute_url() for a in articles],
    "home page": "/",
    "section page": article.section.get_absolute_url(),
    "search": "/suche/?q=Leipzig",
    "RSS feed": "/feeds/rss/",
}
client = Client(HTTP_HOST="127.0.0.1")
queries = {}
for name, url in pages.items():
    first = url if isinstance(url, str) else url[0]
    client.get(first)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(first).status_code == 200, first
    queries[name] = len(captured)
print(json.dumps({"pages": pages, "queries": queries}))
"""
    out = subprocess.run(
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={
            **env,
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        },
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    import json

    return json.loads(out.strip().splitlines()[-1])


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not come up at {url}")


# What every browser (and Varnish, towards the backend) sends: pages come gzipped, as readers
# get them. The trivial view is too small to be compressed.
ACCEPT_ENCODING = "gzip, deflate, br"


def run_wrk(url, seconds, connections, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    command += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {}
    for percent in ("50", "99"):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", output).groups()
        latency[percent] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rps, latency["50"], latency["99"]


VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
)
VARNISH_PORT = 8766


def behind_varnish(workdir, pages, args):
    """The shipped deploy/varnish.vcl in front of the same gunicorn: article pages and the
    home page through Varnish (the trivial view passes Varnish, so it is not repeated)."""
    vcl = Path(workdir) / "bench.vcl"
    shipped = (ROOT / "deploy" / "varnish.vcl").read_text()
    vcl.write_text(shipped.replace('.port = "8000";', f'.port = "{PORT}";'))
    for path in (Path(workdir), vcl):
        path.chmod(0o755 if path.is_dir() else 0o644)  # varnishd reads it as its own user
    varnish = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-n",
            f"{workdir}/varnish",
            "-a",
            f"127.0.0.1:{VARNISH_PORT}",
            "-f",
            str(vcl),
            "-s",
            "malloc,64m",
            "-T",
            "none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    found = {}
    try:
        wait_until_up(f"http://127.0.0.1:{VARNISH_PORT}/")
        for name in ("article page", "article mix (30)", "home page", "RSS feed"):
            path, script = pages[name], None
            if isinstance(path, list):
                script = Path(workdir) / "mix.lua"
                script.write_text(MIX_SCRIPT % ", ".join(f'"{p}"' for p in path))
                for each in path:  # warm up every page of the mix
                    urllib.request.urlopen(f"http://127.0.0.1:{VARNISH_PORT}{each}").read()
                path = path[0]
            url = f"http://127.0.0.1:{VARNISH_PORT}{path}"
            urllib.request.urlopen(url, timeout=10).read()
            found[("varnish", name)] = run_wrk(url, args.seconds, args.connections, script)
            print(f"  varnish   {name:<18} {found[('varnish', name)][0]:>9.0f} req/s", flush=True)
    finally:
        varnish.terminate()
        varnish.wait(timeout=30)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    workdir = tempfile.mkdtemp(prefix="newsroom-http-bench-")
    base_env = environment(workdir, 0)
    print(f"database: {base_env['DATABASE_URL'].split('@')[-1]}", flush=True)
    manage(base_env, "flush", "--noinput")
    manage(base_env, "migrate", "--noinput")
    manage(base_env, "load_demo", "--no-admin", "--image-scale", "0.3")
    manage(base_env, "collectstatic", "--noinput")
    found = pages_and_queries(base_env, 0)
    pages = found["pages"]
    queries = {"uncached": found["queries"], "cached": pages_and_queries(base_env, 300)["queries"]}

    results = {}
    # The trivial view measured again right before each page: this machine's speed drifts
    # within a run (by a third, some days), and a ratio of two measurements taken minutes
    # apart would show the drift, not the page.
    baselines = {}
    for mode, seconds in (("uncached", 0), ("cached", 300)):
        env = environment(workdir, seconds)
        server = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "-w",
                str(args.workers),
                "-b",
                f"127.0.0.1:{PORT}",
                "--access-logfile",
                "/dev/null",
                "newsroom.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{PORT}/healthz")
            for name, path in pages.items():
                script = None
                paths = path if isinstance(path, list) else [path]
                if isinstance(path, list):
                    script = Path(workdir) / "mix.lua"
                    script.write_text(MIX_SCRIPT % ", ".join(f'"{p}"' for p in path))
                    path = path[0]
                for each in paths:  # warm up (and store) every page, the whole mix too
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}{each}", timeout=10).read()
                url = f"http://127.0.0.1:{PORT}{path}"
                if name != "trivial view":
                    trivial = f"http://127.0.0.1:{PORT}{pages['trivial view']}"
                    baselines[(mode, name)] = run_wrk(trivial, args.seconds, args.connections)[0]
                results[(mode, name)] = run_wrk(url, args.seconds, args.connections, script)
                print(f"  {mode:<9} {name:<18} {results[(mode, name)][0]:>9.0f} req/s", flush=True)
            if mode == "cached" and VARNISHD:
                results.update(behind_varnish(workdir, pages, args))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    print()
    print(
        f"gunicorn {args.workers} sync workers, wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s, DEBUG off"
    )
    print(
        f"{'page':<18} {'mode':<9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'trivial':>8} {'x trivial':>9} {'queries':>8}"
    )
    for mode in ("uncached", "cached", "varnish"):
        for name in pages:
            if (mode, name) not in results:
                continue
            rps, p50, p99 = results[(mode, name)]
            # Behind Varnish, compared with the trivial view served by gunicorn itself.
            trivial = baselines.get(("cached" if mode == "varnish" else mode, name))
            if trivial is None:  # the trivial view's own row
                trivial = results[("cached" if mode == "varnish" else mode, "trivial view")][0]
            count = queries["cached" if mode == "varnish" else mode][name]
            print(
                f"{name:<18} {mode:<9} {rps:>9.0f} {p50:>8.2f} {p99:>8.2f} "
                f"{trivial:>8.0f} {rps / trivial:>9.3f} {count:>8}"
            )
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
