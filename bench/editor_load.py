"""
Load the production-like server with readers while an editor saves and publishes in the admin.

    .venv/bin/python bench/editor_load.py [--seconds 60] [--workers 2] [--connections 8]
                                          [--threads 2] [--postgres]

Builds a throwaway database with the demo newsroom (SQLite in a temporary folder; with
--postgres a database it creates and drops on the PostgreSQL server of DATABASE_URL, or
postgres://postgres@127.0.0.1:5432), then serves it as in production: gunicorn with
deploy/gunicorn.conf.py, DEBUG off, the page cache in the local Redis (db 15, under a key
prefix of this run only, deleted at the end) and `manage.py worker` beside it for the
database task queue. Plain HTTP on 127.0.0.1, so the secure-cookie and HTTPS-redirect
settings are off; the editor is a desk user ("Redaktion / CvD"), who needs no second factor,
so the production default SECOND_FACTOR_REQUIRED stays on.

The workers are never recycled during the run (--max-requests 0 instead of the shipped
5000): a slow leak must show in their memory instead of being restarted away.

With wrk (-t2 -c8 by default, which saturates two cores), /healthz is driven for 10 s (the
trivial view), then a mix of the home page, articles, sections, topics, authors, feeds,
sitemaps, searches and the JSON API for --seconds. Meanwhile an editor, using the standard
library only, logs in through /admin/login/ and every second opens an article's change form,
reads it as a browser submits it, gives it a new lead and saves; every tenth step it also
publishes a draft with the workflow's button. Afterwards every saved lead is looked up in the
article's revisions (django-reversion) and every published draft must answer 200.

Exits non-zero on any 5xx, any socket error, any editor save not kept (or not on the page
right after it), any failed publication, and any worker whose memory grew more than 30 %
between the 10-s mark and the end. Only 127.0.0.1 is contacted; every process, file, database
and cache key it made is removed on exit, also on Ctrl+C and at the hard time limit.
"""

import argparse
import contextlib
import http.cookiejar
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import PYTHON, environment, wait_until_up  # noqa: E402
from tests.helpers.forms import _FormReader  # noqa: E402

HOST = "127.0.0.1"
MAX_SECONDS = 600
TRIVIAL_SECONDS = 10
EDIT_INTERVAL = 1.0
PUBLISH_EVERY = 10
SAMPLE_EVERY = 10
MAX_GROWTH = 0.30
REDIS_URL = "redis://127.0.0.1:6379/15"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
EDITOR = "lasttest-cvd"
DESK_GROUP = "Redaktion / CvD"
ADMIN = "/admin/"
CHANGE_LIST = f"{ADMIN}articles/article/"
SEARCH_TERMS = ["Leipzig", "Stadtrat", "Orchester", "Lärmschutz"]
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}

# Readers: each wrk thread walks the list from its own offset. response() counts the answers
# by class (wrk itself only reports "Non-2xx or 3xx"), done() adds up the threads' counts.
WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  counter = id * 7
  c5xx, c4xx, c3xx = 0, 0, 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then
    c5xx = c5xx + 1
  elseif status >= 400 then
    c4xx = c4xx + 1
  elseif status >= 300 then
    c3xx = c3xx + 1
  end
end

function done(summary, latency, requests)
  local t5, t4, t3 = 0, 0, 0
  for _, thread in ipairs(threads) do
    t5 = t5 + thread:get("c5xx")
    t4 = t4 + thread:get("c4xx")
    t3 = t3 + thread:get("c3xx")
  end
  io.write(string.format("BENCH-STATUS 5xx=%%d 4xx=%%d 3xx=%%d\\n", t5, t4, t3))
end
"""

# Run in the server's environment (manage.py shell -c): the editor, the pages of the mix and
# enough drafts ready to go live (the demo has four; copies of them make up the rest).
SETUP = r"""
import json, os
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from articles.models import Article, Section
from people.models import Author

editor = User.objects.create_user(
    os.environ["BENCH_EDITOR"], password=os.environ["BENCH_PASSWORD"], is_staff=True
)
editor.groups.add(Group.objects.get(name=os.environ["BENCH_DESK_GROUP"]))

newest = Article.objects.public().select_related("section").order_by("-published_at", "-pk")
public = list(newest[:12])
edited = public[:3]
sections = list(Section.objects.order_by("pk"))
tags = []
for article in public:
    for tag in article.tags.all():
        if tag.slug not in tags:
            tags.append(tag.slug)
authors = list(
    Author.objects.filter(bylines__article__in=Article.objects.public()).distinct().order_by("pk")[:4]
)
day = timezone.localtime(public[0].published_at).date()
pages = {
    "home": ["/", reverse("articles:day", args=[day.year, day.month, day.day])],
    "articles": [a.get_absolute_url() for a in public],
    "sections": [s.get_absolute_url() for s in sections],
    "topics": [reverse("articles:tag", kwargs={"slug": slug}) for slug in tags[:4]],
    "authors": [a.get_absolute_url() for a in authors],
    "feeds": ["/feeds/rss/", "/feeds/atom/"]
    + [reverse("distribution:section_rss", kwargs={"slug": s.slug}) for s in sections[:3]],
    "sitemaps": ["/sitemap.xml", "/sitemap-artikel.xml", "/news-sitemap.xml"],
    "API": [
        "/api/v1/",
        "/api/v1/articles/",
        f"/api/v1/articles/?section={sections[0].slug}",
        "/api/v1/sections/",
        f"/api/v1/sections/{sections[0].slug}/",
        "/api/v1/authors/",
        f"/api/v1/authors/{authors[0].slug}/",
    ]
    + [f"/api/v1/articles/{a.pk}/" for a in public[:3]],
}

unpublished = Article.objects.filter(status=Article.Status.DRAFT).select_related("section")
ready = [a for a in unpublished.order_by("pk") if a.bylines.exists() and a.bullets.exists()]
drafts = list(ready)
copies = 0
while ready and len(drafts) < int(os.environ["BENCH_DRAFTS"]):
    base = ready[copies % len(ready)]
    copies += 1
    copy = Article.objects.get(pk=base.pk)
    topics = list(copy.tags.names())
    copy.pk, copy.slug = None, ""
    copy._state.adding = True
    copy.headline = f"{base.headline[:160]} (Lasttest-Entwurf {copies})"
    copy.save()
    for part in [*base.bylines.all(), *base.bullets.all()]:
        part.pk, part.article = None, copy
        part._state.adding = True
        part.save()
    copy.tags.add(*topics)
    drafts.append(copy)

print("RESULT " + json.dumps({
    "pages": pages,
    "edited": [{"pk": a.pk, "url": a.get_absolute_url()} for a in edited],
    "drafts": [{"pk": a.pk, "url": a.get_absolute_url()} for a in drafts],
    "demo_drafts": len(ready),
    "copies": copies,
}))
"""

# After the run, against the same database: is every lead the editor saved the lead of one of
# the article's revisions, is the last one the stored lead, are the published drafts public?
VERIFY = r"""
import json, os
from reversion.models import Version
from articles.models import Article

with open(os.environ["BENCH_CHECK_FILE"]) as file:
    check = json.load(file)
result = {"articles": [], "drafts": []}
for pk, markers in check["saved"].items():
    article = Article.objects.get(pk=pk)
    leads = [version.field_dict.get("lead") for version in Version.objects.get_for_object(article)]
    result["articles"].append({
        "pk": int(pk),
        "saved": len(markers),
        "in_revisions": sum(1 for marker in markers if marker in leads),
        "revisions_with_markers": sum(1 for lead in leads if lead in markers),
        "last_is_stored": not markers or article.lead == markers[-1],
    })
for pk in check["published"]:
    article = Article.objects.get(pk=pk)
    result["drafts"].append({
        "pk": pk,
        "status": article.status,
        "public": Article.objects.public().filter(pk=pk).exists(),
    })
print("RESULT " + json.dumps(result))
"""


class Stopped(Exception):
    """Ctrl+C, SIGTERM or the hard time limit: clean up and leave."""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """The editor looks at every redirect itself (302 after a save means: kept)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def opener(*handlers):
    # No proxy, whatever the environment says: only 127.0.0.1 is contacted.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), *handlers)


def percentile(values, percent):
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def shell(env, code, log, timeout=600):
    """Run ``code`` with `manage.py shell -c` and return what it printed after "RESULT "."""
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    log.write(done.stdout + done.stderr)
    if done.returncode:
        raise SystemExit(f"manage.py shell failed:\n{done.stderr[-3000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    return json.loads(lines[-1].removeprefix("RESULT "))


def worker_pids(master):
    """The gunicorn workers: the children of the master process."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return sorted(int(pid) for pid in children)
    except OSError:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                # The command may hold spaces and parentheses; the parent follows the last ")".
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                    pids.append(int(stat.parent.name))
        return sorted(pids)


def rss_kib(pid):
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


class MemorySampler(threading.Thread):
    """VmRSS of every worker at the start, every SAMPLE_EVERY seconds and at the end."""

    def __init__(self, master):
        super().__init__(daemon=True)
        self.master = master
        self.samples = []  # (seconds since the start, {pid: KiB})
        self.finished = threading.Event()
        self.started_at = time.monotonic()

    def sample(self):
        pids = worker_pids(self.master)
        self.samples.append(
            (time.monotonic() - self.started_at, {pid: rss_kib(pid) for pid in pids})
        )

    def run(self):
        mark = 1
        while not self.finished.wait(
            max(0.0, self.started_at + mark * SAMPLE_EVERY - time.monotonic())
        ):
            self.sample()
            mark += 1

    def stop(self):
        self.finished.set()
        self.join(timeout=10)
        self.sample()


class Editor(threading.Thread):
    """An editor in a browser: logs in, then edits and saves once a second, publishes a draft
    every PUBLISH_EVERY steps. Uses the admin's pages exactly as they are served."""

    def __init__(self, base, password, edited, drafts, run_id):
        super().__init__(daemon=True)
        self.base = base
        self.password = password
        self.edited = edited
        self.drafts = list(drafts)
        self.run_id = run_id
        self.jar = http.cookiejar.CookieJar()
        self.browser = opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.reader = opener(NoRedirect())  # a reader without cookies, for the public pages
        self.saves = []  # dicts: article, marker, status, seconds, kept, visible, note
        self.publishes = []  # dicts: article, url, ok, page_status, note
        self.problems = []
        self.stopping = threading.Event()

    def request(self, method, path, data=None, browser=True):
        headers = {"User-Agent": "newsroom-bench-editor"}
        body = None
        if data is not None:
            pairs = [
                (name, item)
                for name, value in data.items()
                for item in (value if isinstance(value, list) else [value])
            ]
            body = urllib.parse.urlencode(pairs).encode()
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.base,
                "Referer": self.base + path,
            }
        request = urllib.request.Request(self.base + path, body, headers, method=method)
        started = time.perf_counter()
        try:
            with (self.browser if browser else self.reader).open(request, timeout=30) as answer:
                status, answer_headers, content = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, content = error.code, error.headers, error.read()
        return (
            status,
            answer_headers,
            content.decode("utf-8", "replace"),
            (time.perf_counter() - started),
        )

    def form(self, html, form_id):
        reader = _FormReader(form_id)
        reader.feed(html)
        reader.close()
        return reader

    def login(self):
        path = f"{ADMIN}login/?next={ADMIN}"
        status, _, html, _ = self.request("GET", path)
        form = self.form(html, "login-form")
        if status != 200 or "username" not in form.controls:
            raise SystemExit(f"the admin login form did not show (HTTP {status})")
        data = {**form.data, "username": EDITOR, "password": self.password}
        status, headers, html, _ = self.request("POST", path, data)
        if status != 302 or urllib.parse.urlsplit(headers["Location"]).path != ADMIN:
            raise SystemExit(f"the editor's login was refused (HTTP {status}): {errors_in(html)}")

    def run(self):
        started = time.monotonic()
        step = 0
        while not self.stopping.is_set():
            step += 1
            article = self.edited[(step - 1) % len(self.edited)]
            save = {"article": article["pk"], "kept": False, "visible": None, "note": ""}
            self.saves.append(save)
            try:
                self.save(article, step, save)
            except Exception as error:  # no answer is a lost save: count it, go on
                save["note"] = repr(error)
            if step % PUBLISH_EVERY == 0 and self.drafts:
                draft = self.drafts.pop(0)
                done = {"article": draft["pk"], "url": draft["url"], "ok": False, "note": ""}
                self.publishes.append(done)
                try:
                    self.publish(draft, done)
                except Exception as error:
                    done["note"] = repr(error)
            elif step % PUBLISH_EVERY == 0:
                self.problems.append(f"no draft left to publish at step {step}")
            self.stopping.wait(max(0.0, started + step * EDIT_INTERVAL - time.monotonic()))

    def save(self, article, step, save):
        path = f"{CHANGE_LIST}{article['pk']}/change/"
        status, _, html, _ = self.request("GET", path)
        form = self.form(html, "article_form")
        if status != 200 or "lead" not in form.controls:
            save["note"] = f"change form: HTTP {status}"
            return
        marker = (
            f"Lasttest {self.run_id}, Schritt {step}: Die Redaktion ändert diesen Vorspann, "
            f"während Leserinnen und Leser die Seite laden."
        )
        save["marker"] = marker
        status, headers, html, seconds = self.request(
            "POST", path, {**form.data, "lead": marker, "_save": "Sichern"}
        )
        save |= {"status": status, "seconds": seconds}
        location = urllib.parse.urlsplit(headers.get("Location", "")).path
        save["kept"] = status == 302 and location == CHANGE_LIST
        if not save["kept"]:
            save["note"] = f"HTTP {status} {location} {errors_in(html)}".strip()
            return
        # What a reader sees right after the save (through the page cache).
        status, _, page, _ = self.request("GET", article["url"], browser=False)
        save["visible"] = status == 200 and marker in page

    def publish(self, draft, done):
        change = f"{CHANGE_LIST}{draft['pk']}/change/"
        status, _, html, _ = self.request("GET", change)
        action = f"{CHANGE_LIST}{draft['pk']}/transition/publish/"
        button = re.search(
            re.escape(f'action="{action}"') + r'.*?name="csrfmiddlewaretoken" value="([^"]+)"',
            html,
            re.S,
        )
        if status != 200 or not button:
            done["note"] = f"no publish button on the change form (HTTP {status})"
            return
        data = {"csrfmiddlewaretoken": button.group(1), "transition": "publish"}
        status, headers, _, seconds = self.request("POST", action, data)
        done["seconds"] = seconds
        if status != 302:
            done["note"] = f"publish: HTTP {status}"
            return
        # The workflow answers with the change form and a message saying what happened.
        status, _, html, _ = self.request("GET", urllib.parse.urlsplit(headers["Location"]).path)
        message = re.search(r'<ul class="messagelist">\s*<li class="(\w+)">(.*?)</li>', html, re.S)
        page_status = self.request("GET", draft["url"], browser=False)[0]
        done["page_status"] = page_status
        done["ok"] = bool(message and message.group(1) == "success" and page_status == 200)
        if not done["ok"]:
            said = strip_tags(message.group(2)) if message else "no message"
            done["note"] = f"{said}; page: HTTP {page_status}"


def strip_tags(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def errors_in(html):
    found = re.findall(
        r'<(?:ul|p) class="error(?:list|note)[^"]*"[^>]*>(.*?)</(?:ul|p)>', html, re.S
    )
    return "; ".join(strip_tags(error) for error in found)[:500]


def run_wrk(url, seconds, threads, connections, script):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "5s", "-s", str(script), url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode:
        raise SystemExit(f"wrk failed: {done.stderr}")
    output = done.stdout
    latency = {}
    for percent in ("50", "99"):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M).groups()
        latency[percent] = float(value) * UNITS_MS[unit]
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    classes = re.search(r"BENCH-STATUS 5xx=(\d+) 4xx=(\d+) 3xx=(\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": latency["50"],
        "p99": latency["99"],
        "sockets": dict(
            zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()), strict=True)
        )
        if sockets
        else {"connect": 0, "read": 0, "write": 0, "timeout": 0},
        "non_2xx_3xx": int(non_ok.group(1)) if non_ok else 0,
        "5xx": int(classes.group(1)),
        "4xx": int(classes.group(2)),
        "3xx": int(classes.group(3)),
        "output": output,
    }


class Run:
    """One run, and everything it must take down again."""

    def __init__(self, args):
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="newsroom-editor-load-"))
        self.processes = []  # (name, Popen), each in a session of its own
        self.postgres = None  # (server URL, throwaway database name)
        self.cache_prefix = f"bench-editor-{os.getpid()}-{secrets.token_hex(4)}"
        self.editor = None
        self.sampler = None
        self.log = (self.workdir / "setup.log").open("w")

    # --- Setting up ----------------------------------------------------------------------

    def database_url(self):
        if not self.args.postgres:
            return f"sqlite:///{self.workdir}/bench.sqlite3", "SQLite"
        import psycopg

        server = os.environ.get("DATABASE_URL", DEFAULT_POSTGRES)
        parts = urllib.parse.urlsplit(server)
        if not parts.scheme.startswith("postgres"):
            server, parts = DEFAULT_POSTGRES, urllib.parse.urlsplit(DEFAULT_POSTGRES)
        if parts.hostname not in (HOST, "localhost"):
            raise SystemExit(f"only 127.0.0.1 is contacted; DATABASE_URL names {parts.hostname}")
        name = f"newsroom_editor_load_{os.getpid()}"
        maintenance = parts._replace(path="/postgres").geturl()
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        self.postgres = (maintenance, name)
        return parts._replace(path=f"/{name}").geturl(), f"PostgreSQL ({name}, dropped after)"

    def environment(self, database_url, port):
        env = environment(str(self.workdir), 300)
        env.update(
            DATABASE_URL=database_url,
            REDIS_URL=REDIS_URL,
            CACHE_URL="",
            CACHE_KEY_PREFIX=self.cache_prefix,
            PAGE_CACHE_SECONDS="300",
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            ADMIN_URL=ADMIN.strip("/") + "/",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            # Nothing leaves 127.0.0.1: no purges, no error reports, files on the local disk.
            CACHE_PURGE_URL="",
            SENTRY_DSN="",
            MEDIA_STORAGE="filesystem",
            BIND=f"{HOST}:{port}",
            WEB_CONCURRENCY=str(self.args.workers),
            PYTHONUNBUFFERED="1",
        )
        for name in ("GUNICORN_CMD_ARGS", "CONN_MAX_AGE", "PROXY_COUNT", "SECOND_FACTOR_REQUIRED"):
            env.pop(name, None)
        return env

    def manage(self, env, *args, timeout=900):
        done = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            timeout=timeout,
        )
        if done.returncode:
            self.log.flush()
            tail = (self.workdir / "setup.log").read_text()[-3000:]
            raise SystemExit(f"manage.py {args[0]} failed:\n{tail}")

    def start(self, name, command, env):
        log = (self.workdir / f"{name}.log").open("w")
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((name, process))
        return process

    # --- The run -------------------------------------------------------------------------

    def execute(self):
        args = self.args
        check_redis()
        port = free_port()
        base = f"http://{HOST}:{port}"
        database_url, database = self.database_url()
        env = self.environment(database_url, port)
        password = secrets.token_urlsafe(18)
        # The demo's pictures and search index are made at once while setting up.
        setup_env = {
            **env,
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "BENCH_EDITOR": EDITOR,
            "BENCH_PASSWORD": password,
            "BENCH_DESK_GROUP": DESK_GROUP,
            "BENCH_DRAFTS": str(args.seconds // PUBLISH_EVERY + 1),
        }
        print(f"database: {database}; building the demo newsroom …", flush=True)
        self.manage(setup_env, "migrate", "--noinput")
        self.manage(setup_env, "load_demo", "--no-admin", "--image-scale", "0.3")
        self.manage(setup_env, "collectstatic", "--noinput")
        setup = shell(setup_env, SETUP, self.log)
        if not setup["drafts"]:
            raise SystemExit("the demo has no draft ready to go live (author and bullets)")
        paths = [path for group in setup["pages"].values() for path in group]
        paths += [f"/suche/?{urllib.parse.urlencode({'q': term})}" for term in SEARCH_TERMS]

        worker = self.start("worker", [PYTHON, "manage.py", "worker", "--no-reload"], env)
        gunicorn = Path(PYTHON).parent / "gunicorn"
        server = self.start(
            "gunicorn",
            [
                *(str(gunicorn), "-c", "deploy/gunicorn.conf.py", "--max-requests", "0"),
                *("--workers", str(args.workers), "--bind", f"{HOST}:{port}", "newsroom.wsgi"),
            ],
            env,
        )
        wait_until_up(f"{base}/healthz")
        time.sleep(1)  # every worker booted
        reader = opener(NoRedirect())
        not_ok = {}
        for path in paths:  # warm up; every page of the mix must answer 200
            try:
                with reader.open(base + path, timeout=30) as answer:
                    answer.read()
            except urllib.error.HTTPError as error:
                not_ok[path] = error.code
        if not_ok:
            raise SystemExit(f"pages of the mix that do not answer 200: {not_ok}")

        script = self.workdir / "mix.lua"
        script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
        trivial_script = self.workdir / "trivial.lua"
        trivial_script.write_text(WRK_SCRIPT % {"paths": '"/healthz"'})

        self.editor = Editor(
            base, password, setup["edited"], setup["drafts"], time.strftime("%H%M%S")
        )
        self.editor.login()

        print(f"trivial view /healthz for {TRIVIAL_SECONDS} s …", flush=True)
        trivial = run_wrk(
            base + "/healthz", TRIVIAL_SECONDS, args.threads, args.connections, trivial_script
        )
        print(f"mix of {len(paths)} paths for {args.seconds} s, the editor at work …", flush=True)
        self.sampler = MemorySampler(server.pid)
        self.sampler.sample()
        self.sampler.start()
        self.editor.start()
        mix = run_wrk(base + "/", args.seconds, args.threads, args.connections, script)
        self.editor.stopping.set()
        self.editor.join(timeout=90)
        self.sampler.stop()
        alive = {name: process.poll() is None for name, process in self.processes}

        # The published drafts, once more at the end, and the saved leads in the revisions.
        published = [p for p in self.editor.publishes if p.get("ok")]
        final_pages = {}
        for done in published:
            try:
                with reader.open(base + done["url"], timeout=30) as answer:
                    final_pages[done["article"]] = answer.status
            except urllib.error.HTTPError as error:
                final_pages[done["article"]] = error.code
        saved = {}
        for save in self.editor.saves:
            if save.get("kept"):
                saved.setdefault(str(save["article"]), []).append(save["marker"])
        check_file = self.workdir / "check.json"
        check_file.write_text(
            json.dumps({"saved": saved, "published": [p["article"] for p in published]})
        )
        verified = shell({**env, "BENCH_CHECK_FILE": str(check_file)}, VERIFY, self.log)

        self.stop_processes()
        report = {
            "args": args,
            "database": database,
            "paths": paths,
            "groups": {name: len(group) for name, group in setup["pages"].items()},
            "setup": setup,
            "trivial": trivial,
            "mix": mix,
            "alive": alive,
            "final_pages": final_pages,
            "verified": verified,
            "worker_pid": worker.pid,
        }
        return print_report(report, self.editor, self.sampler, self.workdir)

    # --- Taking it all down --------------------------------------------------------------

    def stop_processes(self):
        while self.processes:
            stop(*self.processes.pop())

    def cleanup(self):
        if self.editor:
            self.editor.stopping.set()
        if self.sampler:
            self.sampler.finished.set()
        self.stop_processes()
        if self.postgres:
            with contextlib.suppress(Exception):
                import psycopg

                maintenance, name = self.postgres
                with psycopg.connect(maintenance, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        with contextlib.suppress(Exception):
            import redis

            client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
            keys = list(client.scan_iter(match=f"{self.cache_prefix}:*", count=1000))
            for start in range(0, len(keys), 500):
                client.delete(*keys[start : start + 500])
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def check_redis():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as error:
        raise SystemExit(f"Redis does not answer at {REDIS_URL}: {error}") from error


def stop(name, process):
    """SIGTERM to the process (gunicorn stops its workers gracefully); SIGKILL to its
    session's process group if it lingers or left anything behind."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            print(f"{name} did not stop within 40 s; killed", flush=True)
    # Its own session: anything left in the group (workers of a killed master) goes too.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def mib(kib):
    return f"{kib / 1024:.1f}" if kib is not None else "-"


def print_report(report, editor, sampler, workdir):
    args, trivial, mix = report["args"], report["trivial"], report["mix"]
    failures = []
    print()
    print(
        f"gunicorn {args.workers} sync workers (deploy/gunicorn.conf.py, --max-requests 0), "
        f"DEBUG off, {report['database']}, page cache in Redis (300 s), tasks: database "
        f"queue run by `manage.py worker` beside gunicorn"
    )
    groups = ", ".join(f"{count} {name}" for name, count in report["groups"].items())
    print(
        f"wrk -t{args.threads} -c{args.connections}: /healthz {TRIVIAL_SECONDS} s, then the mix "
        f"{args.seconds} s over {len(report['paths'])} paths ({groups}, "
        f"{len(SEARCH_TERMS)} searches)"
    )
    print()
    print(
        f"{'load':<14} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} {'5xx':>5} "
        f"{'4xx':>5} {'non-2xx/3xx':>11} {'socket errors':>14}"
    )
    for name, result in (("/healthz", trivial), ("mix", mix)):
        errors = sum(result["sockets"].values())
        print(
            f"{name:<14} {result['rps']:>9.0f} {result['p50']:>8.2f} {result['p99']:>8.2f} "
            f"{result['requests']:>9} {result['5xx']:>5} {result['4xx']:>5} "
            f"{result['non_2xx_3xx']:>11} {errors:>14}"
        )
        if result["5xx"]:
            failures.append(f"{result['5xx']} answers 5xx ({name})")
        if errors:
            failures.append(f"socket errors ({name}): {result['sockets']}")
        if result["4xx"]:
            failures.append(f"{result['4xx']} answers 4xx ({name})")
    print(f"{'mix/trivial':<14} {mix['rps'] / trivial['rps']:>9.3f}")

    saves = editor.saves
    kept = [s for s in saves if s.get("kept")]
    refused = [s for s in saves if s.get("status") == 200]
    lost = [s for s in saves if not s.get("kept") and s not in refused]
    stale = [s for s in kept if s.get("visible") is False]
    seconds = [s["seconds"] * 1000 for s in saves if "seconds" in s]
    published = [p for p in editor.publishes if p.get("ok")]
    print()
    print(
        f"{'editor':<14} {'tried':>6} {'kept':>6} {'refused':>8} {'lost':>6} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'on page at once':>16}"
    )
    print(
        f"{'saves':<14} {len(saves):>6} {len(kept):>6} {len(refused):>8} {len(lost):>6} "
        f"{percentile(seconds, 50):>8.1f} {percentile(seconds, 99):>8.1f} "
        f"{len(kept) - len(stale):>9}/{len(kept)}"
    )
    publish_ms = [p["seconds"] * 1000 for p in editor.publishes if "seconds" in p]
    print(
        f"{'publishes':<14} {len(editor.publishes):>6} {len(published):>6} {'':>8} "
        f"{len(editor.publishes) - len(published):>6} {percentile(publish_ms, 50):>8.1f} "
        f"{percentile(publish_ms, 99):>8.1f} {len(published):>9}/{len(editor.publishes)}"
    )
    for save in [*refused, *lost][:10]:
        print(f"  save not kept (article {save.get('article')}): {save.get('note')}")
    for save in stale[:10]:
        print(f"  saved lead not on the page right after (article {save['article']})")
    for done in editor.publishes:
        if not done.get("ok"):
            print(f"  publication failed (article {done.get('article')}): {done.get('note')}")
    if not saves:
        failures.append("the editor saved nothing")
    if len(kept) != len(saves):
        failures.append(f"{len(saves) - len(kept)} of {len(saves)} editor saves not kept")
    if stale:
        failures.append(f"{len(stale)} kept saves not on the public page right after")
    if len(published) != len(editor.publishes) or editor.problems:
        failures.append(
            f"{len(editor.publishes) - len(published)} publications failed {editor.problems}"
        )

    verified = report["verified"]
    in_revisions = sum(a["in_revisions"] for a in verified["articles"])
    revisions = sum(a["revisions_with_markers"] for a in verified["articles"])
    last_stored = sum(a["last_is_stored"] for a in verified["articles"])
    public = sum(d["public"] and d["status"] == "published" for d in verified["drafts"])
    pages_ok = sum(status == 200 for status in report["final_pages"].values())
    print()
    print(
        f"stored: {in_revisions}/{len(kept)} saved leads found in the revisions "
        f"({revisions} revisions carry them), last lead stored for "
        f"{last_stored}/{len(verified['articles'])} articles; published drafts public "
        f"{public}/{len(published)}, pages 200 at the end {pages_ok}/{len(published)} "
        f"({report['setup']['demo_drafts']} demo drafts, {report['setup']['copies']} copies)"
    )
    if (
        in_revisions != len(kept)
        or revisions != len(kept)
        or last_stored != len(verified["articles"])
    ):
        failures.append("saved leads missing from the stored revisions")
    if public != len(published) or pages_ok != len(published):
        failures.append("published drafts not public at the end")

    print()
    samples = sampler.samples
    pids = sorted({pid for _, sample in samples for pid in sample})
    mark = next((s for t, s in samples if t >= SAMPLE_EVERY - 1), samples[0][1])
    print(
        f"{'worker pid':<12} {'start MiB':>10} {f'{SAMPLE_EVERY} s MiB':>10} {'max MiB':>9} "
        f"{'end MiB':>9} {'growth 10 s→end':>16}"
    )
    for pid in pids:
        series = [sample.get(pid) for _, sample in samples]
        known = [value for value in series if value is not None]
        start, end, at_mark = series[0], series[-1], mark.get(pid)
        growth = (end - at_mark) / at_mark if end and at_mark else None
        print(
            f"{pid:<12} {mib(start):>10} {mib(at_mark):>10} {mib(max(known)):>9} {mib(end):>9} "
            f"{f'{growth:+.1%}' if growth is not None else '-':>16}"
        )
        if start is None or end is None:
            failures.append(f"gunicorn worker {pid} was not there for the whole run (replaced)")
        elif growth is not None and growth > MAX_GROWTH:
            failures.append(f"worker {pid} memory grew {growth:.0%} from the 10-s mark")
    for name, alive in report["alive"].items():
        if not alive:
            failures.append(f"{name} was no longer running at the end")

    server_log = (workdir / "gunicorn.log").read_text(errors="replace")
    worker_log = (workdir / "worker.log").read_text(errors="replace")
    problems = log_problems(server_log)
    if problems:
        print()
        print("gunicorn's log (errors and tracebacks, first 120 lines):")
        print("\n".join(problems[:120]))
    worker_problems = log_problems(worker_log)
    if worker_problems:
        print()
        print("worker's log (errors and tracebacks, first 60 lines):")
        print("\n".join(worker_problems[:60]))
    print()
    if failures:
        print("FAIL: " + "; ".join(failures))
        return 1
    print("PASS: no 5xx, no socket errors, every editor save kept, worker memory flat")
    return 0


def log_problems(log):
    """Answers 5xx in the access log, and every traceback and error line."""
    lines, keep = [], 0
    for line in log.splitlines():
        if "Traceback" in line:
            keep = 60
        if (
            keep
            or re.search(r'" 5\d\d ', line)
            or re.search(r"\b(ERROR|CRITICAL)\b|WORKER TIMEOUT|Worker \(pid", line)
        ):
            lines.append(line)
            keep = max(0, keep - 1)
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=int, default=60, help=f"wrk duration of the mix (≤ {MAX_SECONDS})"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL database")
    args = parser.parse_args()
    if not 20 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be between 20 and {MAX_SECONDS}")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    urllib.request.install_opener(opener())  # wait_until_up, too, ignores any proxy

    def stopped(signum, frame):
        raise Stopped(signal.Signals(signum).name)

    hard_limit = 900 + 2 * args.seconds
    signal.signal(signal.SIGTERM, stopped)
    signal.signal(signal.SIGALRM, stopped)
    signal.alarm(hard_limit)
    run = Run(args)
    code = 1
    try:
        code = run.execute()
    except (KeyboardInterrupt, Stopped) as reason:
        if str(reason) == "SIGALRM":
            print(f"\nstopped at the hard time limit ({hard_limit} s)", flush=True)
            code = 124
        else:
            print("\ninterrupted", flush=True)
            code = 130
    finally:
        signal.alarm(0)
        for name in (signal.SIGINT, signal.SIGTERM):
            signal.signal(name, signal.SIG_IGN)  # cleaning up is not interrupted
        run.cleanup()
    sys.exit(code)


if __name__ == "__main__":
    main()
