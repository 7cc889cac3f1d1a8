"""deploy/varnish.vcl in a real varnishd in front of the site: pages are served from Varnish,
an edit in the admin purges exactly the pages that show the article, and the next request
shows the change at once; the admin and previews never come from Varnish."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from tests.helpers.accounts import SUPERUSER, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.factories import (
    ArticleFactory,
    BylineFactory,
    SectionFactory,
    TeaserBulletFactory,
)
from tests.helpers.forms import open_form

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        VARNISHD is None and os.environ.get("CI") != "true",
        reason="varnishd is not installed (apt-get install varnish); CI installs it",
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """varnishd with the shipped VCL, its backend pointed at the live server."""
    assert VARNISHD, "varnishd is missing: CI must install Debian's varnish package"
    backend_port = live_server.url.rsplit(":", 1)[1]
    shipped = VCL.read_text()
    assert '.port = "8000";' in shipped and '.host = "127.0.0.1";' in shipped
    vcl = tmp_path / "test.vcl"
    vcl.write_text(shipped.replace('.port = "8000";', f'.port = "{backend_port}";'))
    # Started as root, varnishd reads the file as its own unprivileged user.
    for path in (*tmp_path.parents[:2], tmp_path, vcl):
        path.chmod(path.stat().st_mode | 0o055 if path.is_dir() else 0o644)
    port = free_port()
    workdir = tmp_path / "varnish"
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-n",
            str(workdir),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,32m",
            "-T",
            "none",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
    settings.CACHE_PURGE_URL = f"{base}/"
    settings.PAGE_CACHE_SECONDS = 300
    settings.ALLOWED_HOSTS = ["*"]
    caches["pages"].clear()
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    caches["pages"].clear()


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read().decode()


def test_an_admin_edit_purges_exactly_the_pages_that_show_the_article(varnish, client):
    sports, culture = SectionFactory(name="Sport"), SectionFactory(name="Kultur")
    article = ArticleFactory(section=sports, headline="Der alte Titel")
    BylineFactory(article=article)
    TeaserBulletFactory(article=article)
    unrelated = ArticleFactory(section=culture, headline="Ein anderes Thema")
    BylineFactory(article=unrelated)
    pages = {
        "article": varnish + article.get_absolute_url(),
        "home": varnish + "/",
        "section": varnish + sports.get_absolute_url(),
        "other section": varnish + culture.get_absolute_url(),
        "other article": varnish + unrelated.get_absolute_url(),
    }
    for url in pages.values():
        headers, _body = fetch(url)
        assert headers["X-Cache"] == "miss"
        assert "xkey" not in headers and "Surrogate-Key" not in headers
    for name, url in pages.items():
        # A reader's cookies do not keep them from the cache.
        headers, body = fetch(url, cookie="sessionid=abc; csrftoken=def")
        assert headers["X-Cache"] == "hit", name

    login(client, make_user(SUPERUSER))
    edited = open_form(client, change_url(article)).fill(headline="Der neue Titel")
    assert edited.submit(client, change_url(article)).status_code == 302
    started = time.monotonic()

    for name in ("article", "home", "section"):
        headers, body = fetch(pages[name])
        assert headers["X-Cache"] == "miss", name
        assert "Der neue Titel" in body and "Der alte Titel" not in body, name
    assert time.monotonic() - started < 1.0
    for name in ("other section", "other article"):
        headers, _body = fetch(pages[name])
        assert headers["X-Cache"] == "hit", f"{name} does not show the article: kept"


def test_the_admin_and_previews_never_come_from_varnish(varnish, client):
    article = ArticleFactory()
    user = make_user(SUPERUSER)
    login(client, user)
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    for path in ("/admin/", change_url(article), f"/vorschau/{article.pk}/"):
        for _ in range(2):
            headers, _body = fetch(varnish + path, cookie=cookie)
            assert headers["X-Cache"] == "miss", path
    # The cookie reached the site: the admin answered as the logged-in user.
    _headers, body = fetch(varnish + "/admin/", cookie=cookie)
    assert user.username in body


@pytest.mark.parametrize("keys", ["a1 ) | .*", "a1  home", "a1|home", ""])
def test_a_malformed_purge_is_refused_and_purges_nothing(varnish, keys):
    article = ArticleFactory()
    fetch(varnish + article.get_absolute_url())
    request = urllib.request.Request(varnish + "/", method="PURGE", headers={"xkey-purge": keys})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 400
    headers, _body = fetch(varnish + article.get_absolute_url())
    assert headers["X-Cache"] == "hit"
