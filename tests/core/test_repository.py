"""No secret in the repository: no .env or database is tracked, no private key, cloud key or
literal production secret key in any tracked file; production refuses to start without its
own SECRET_KEY and ALLOWED_HOSTS."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

SECRETS = {
    "private key": re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key": re.compile(rb"AKIA[0-9A-Z]{16}"),
    "Slack or GitHub token": re.compile(
        rb"\b(xox[abpr]-[0-9A-Za-z-]{10,}|gh[pousr]_[0-9A-Za-z]{30,})"
    ),
    # A SECRET_KEY written out with a literal value, unless it says it is a throwaway.
    "literal secret key": re.compile(
        rb"SECRET_KEY\s*=\s*[\"'](?![^\"']*(?:insecure|only|example))[^\"']{20,}[\"']"
    ),
}


def tracked_files():
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    return [ROOT / name for name in listing.decode().split("\0") if name]


def test_no_environment_file_or_database_is_tracked():
    names = {path.relative_to(ROOT).as_posix() for path in tracked_files()}
    assert ".env" not in names
    assert not [name for name in names if name.endswith((".sqlite3", ".sqlite3-journal"))]


def test_no_tracked_file_holds_a_secret():
    found = []
    for path in tracked_files():
        if not path.is_file() or path.stat().st_size > 5_000_000:
            continue
        content = path.read_bytes()
        found += [(path.name, kind) for kind, pattern in SECRETS.items() if pattern.search(content)]
    assert found == []


def manage(*args, **variables):
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "z.example"}
    env.update(variables)
    # Set in this process by the browser tests; never in production (check --deploy flags it).
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_own_secret_key_and_hosts(missing):
    # `make serve` runs check --deploy before it starts anything.
    result = manage("check", "--deploy", "--fail-level", "ERROR", **{missing: ""})
    assert result.returncode != 0
    assert missing in result.stderr


def test_management_commands_run_without_allowed_hosts():
    """A checkout's .env holds only SECRET_KEY (`make` writes it): commands that serve no
    request work there."""
    result = manage("makemigrations", "--check", "--dry-run", ALLOWED_HOSTS="")
    assert result.returncode == 0, result.stderr
