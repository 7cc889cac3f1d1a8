"""Every response says what the browser may do with it: a Content-Security-Policy without
inline scripts, Permissions-Policy, Referrer-Policy, nosniff, COOP and no framing; the page
cache's answers carry the same. Production settings add HSTS and trust X-Forwarded-Proto only
when told to."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers.factories import ArticleFactory, ImageFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_safe_headers(response):
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["default-src"] + csp["script-src"]
    assert not any("unsafe-eval" in source for sources in csp.values() for source in sources)
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_public_pages_forbid_inline_scripts_and_styles(client):
    article = ArticleFactory()
    for path in ["/", article.get_absolute_url(), "/suche/?q=Stadt", "/feeds/rss/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_safe_headers(response)
        assert policy(response)["style-src"] == ["'self'"], path


def test_public_pages_hold_no_inline_script_or_handler_the_policy_would_block(client):
    article = ArticleFactory(hero_image=ImageFactory())
    # A picture past its licence is left out (the desk's preview shows a placeholder of the
    # same shape, without a style attribute either: tests/images/test_expiry.py).
    ArticleFactory(hero_image=ImageFactory(usable_until=date(2020, 1, 1)))
    for path in ["/", article.get_absolute_url()]:
        content = client.get(path).content.decode()
        scripts = content.count("<script")
        data_blocks = content.count('<script type="application/ld+json">')
        assert scripts == data_blocks, path
        assert " style=" not in content and " onclick=" not in content, path
    assert "image-placeholder" not in client.get("/").content.decode()


def test_a_page_from_the_page_cache_carries_the_same_headers(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory()
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())

    assert first.status_code == second.status_code == 200
    assert_safe_headers(second)
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_admin_allows_inline_styles_but_never_inline_scripts(admin_client):
    response = admin_client.get("/admin/articles/article/add/")

    assert response.status_code == 200
    assert_safe_headers(response)
    assert policy(response)["style-src"] == ["'self'", "'unsafe-inline'"]
    content = response.content.decode()
    assert " onclick=" not in content and " onload=" not in content


def test_the_login_page_is_protected_too(client):
    assert_safe_headers(client.get("/admin/login/"))


def test_media_origins_can_be_allowed_for_pictures(client, settings):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], "https://bilder.example"]}
    }
    assert "https://bilder.example" in policy(client.get("/"))["img-src"]


# --- Production settings ----------------------------------------------------------------------

SHOW = (
    "import json; from newsroom import settings as s; print(json.dumps({name: getattr(s, name, "
    "None) for name in ['SECURE_PROXY_SSL_HEADER', 'SECURE_HSTS_SECONDS', "
    "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'SILENCED_SYSTEM_CHECKS', "
    "'ADMIN_PATH']}))"
)


def production_settings(**variables):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "test-only-secret-" + "x" * 50,
        "ALLOWED_HOSTS": "zeitung.example.de",
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=BASE_DIR,
        env={name: value for name, value in env.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_trusts_x_forwarded_proto_only_when_told_to():
    assert production_settings(TRUST_X_FORWARDED_PROTO=None)["SECURE_PROXY_SSL_HEADER"] is None
    trusted = production_settings(TRUST_X_FORWARDED_PROTO="true")
    assert trusted["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_sends_hsts_for_a_year_and_preloads_only_on_request():
    default = production_settings(SECURE_HSTS_SECONDS=None, SECURE_HSTS_PRELOAD=None)
    assert default["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert default["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert default["SECURE_HSTS_PRELOAD"] is False
    assert "security.W021" in default["SILENCED_SYSTEM_CHECKS"]
    preload = production_settings(SECURE_HSTS_PRELOAD="true")
    assert preload["SECURE_HSTS_PRELOAD"] is True
    assert "security.W021" not in preload["SILENCED_SYSTEM_CHECKS"]


def test_the_admin_address_is_configurable_and_checked():
    assert production_settings(ADMIN_URL="/redaktion-intern/")["ADMIN_PATH"] == (
        "/redaktion-intern/"
    )
    env = {**os.environ, "DEBUG": "true", "ADMIN_URL": "../etc"}
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "ADMIN_URL must be a path" in result.stderr


def test_deployment_checks_pass_with_the_documented_production_environment():
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "test-only-" + "k7Qm2" * 12,
        "ALLOWED_HOSTS": "zeitung.example.de",
    }
    # The browser tests set it in this process (Playwright runs an event loop); a production
    # environment never has it, and check --deploy rightly refuses it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
