"""One log line per request with method, path, status and duration (and the user id for
staff); nothing personal about readers; log lines carry time and level."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers.accounts import DESK, login, make_user
from tests.helpers.factories import ArticleFactory

pytestmark = pytest.mark.django_db

LINE = re.compile(
    r"^method=(?P<method>\S+) path=(?P<path>\S+) status=(?P<status>\d{3}) "
    r"duration_ms=(?P<duration>\d+\.\d)( user=(?P<user>\d+))?$"
)


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="newsroom.requests")

    def lines():
        found = []
        for record in caplog.records:
            if record.name == "newsroom.requests":
                match = LINE.match(record.getMessage())
                assert match, record.getMessage()
                found.append({**match.groupdict(), "level": record.levelname})
        return found

    return lines


def test_a_readers_request_is_one_line_without_anything_personal(client, request_log):
    ArticleFactory(headline="Stadtrat tagt")

    client.get("/suche/?q=Meier+Stra%C3%9Fe", HTTP_USER_AGENT="Lesegerät/1.0")

    (line,) = request_log()
    assert line["method"] == "GET"
    assert line["path"] == "/suche/"
    assert line["status"] == "200"
    assert float(line["duration"]) > 0
    assert line["user"] is None
    assert line["level"] == "INFO"


def test_staff_requests_name_the_user_id(client, request_log):
    desk = login(client, make_user(DESK))

    desk.get("/admin/")

    (line,) = request_log()
    assert line["user"] == str(desk.user.pk)
    assert line["status"] == "200"


def test_errors_and_pages_from_the_cache_are_logged_too(client, request_log, settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory()

    client.get("/gibt-es-nicht/")
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())  # from the page cache
    client.get("/vorschau/link/gefaelscht/")

    statuses = [line["status"] for line in request_log()]
    assert statuses == ["404", "200", "200", "403"]


def test_log_lines_carry_time_level_and_source():
    env = {**os.environ, "DEBUG": "true"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import logging; logging.getLogger('articles.publishing').error('Fehler X')",
        ],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert re.search(
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR articles\.publishing Fehler X$",
        result.stderr,
        re.MULTILINE,
    ), result.stderr
