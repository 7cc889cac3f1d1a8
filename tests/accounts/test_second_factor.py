"""Two-factor login: staff set up an authenticator app (TOTP) with recovery codes in the admin;
whoever has it gives a code at every login; superusers and the Chefredaktion must have it
(in production) before the admin opens; wrong codes count for the login lockout."""

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers.accounts import CHIEF, DESK, PASSWORD, REPORTER, SUPERUSER, login, make_user

pytestmark = pytest.mark.django_db

PAGE = "/admin/zwei-faktor/"
LOGIN = "/admin/login/"


def current_code(device):
    """What the authenticator app shows for ``device`` at this (possibly travelled) moment."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def set_up(client):
    """Go through the setup page as a person does; returns the recovery codes shown."""
    page = client.get(PAGE)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=client.user, confirmed=False)
    response = client.post(PAGE, {"code": current_code(device)})
    assert response.status_code == 200
    codes = re.findall(
        r"<li><code>([0-9a-f]{4}-[0-9a-f]{4})</code></li>", response.content.decode()
    )
    assert len(codes) == 10
    return codes


def log_in(client, username, code=None):
    data = {"username": username, "password": PASSWORD, "next": "/admin/"}
    if code is not None:
        data["otp_token"] = code
    response = client.post(LOGIN, data)
    return response, "_auth_user_id" in client.session


@pytest.fixture
def desk(client):
    return login(client, make_user(DESK))


def test_the_setup_page_shows_a_qr_code_and_the_key_and_confirms_with_a_code(desk):
    page = desk.get(PAGE)
    content = page.content.decode()
    device = TOTPDevice.objects.get(user=desk.user, confirmed=False)

    wrong = desk.post(PAGE, {"code": "000000" if current_code(device) != "000000" else "111111"})
    codes = set_up(desk)

    assert 'src="data:image/svg+xml' in content
    assert "Zwei-Faktor-Anmeldung einschalten" in content
    assert "Dieser Code ist nicht gültig" in wrong.content.decode()
    assert TOTPDevice.objects.filter(user=desk.user, confirmed=True).count() == 1
    assert len(set(codes)) == 10


def test_with_two_factor_set_up_a_login_needs_the_code(desk):
    set_up(desk)
    device = TOTPDevice.objects.get(user=desk.user)
    later = timezone.now() + timedelta(minutes=2)  # a new code, not the one used to confirm

    with time_machine.travel(later, tick=False):
        without, logged_in_without = log_in(Client(), desk.user.username)
        wrong, logged_in_wrong = log_in(Client(), desk.user.username, "123456")
    # A wrong code holds the app's codes back for a second (django-otp's throttling).
    with time_machine.travel(later + timedelta(seconds=5), tick=False):
        client = Client()
        right, logged_in = log_in(client, desk.user.username, current_code(device))
        admin = client.get("/admin/")

    assert not logged_in_without
    assert "Bitte geben Sie den Code aus Ihrer Authenticator-App ein." in without.content.decode()
    assert not logged_in_wrong
    assert "Dieser Code ist nicht gültig" in wrong.content.decode()
    assert logged_in and right.status_code == 302
    assert admin.status_code == 200


def test_a_recovery_code_works_once(desk):
    codes = set_up(desk)

    logged_in = log_in(Client(), desk.user.username, codes[0])[1]
    logged_in_again = log_in(Client(), desk.user.username, codes[0])[1]
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # past the throttling
        logged_in_other = log_in(Client(), desk.user.username, codes[1].upper())[1]

    assert logged_in
    assert not logged_in_again
    assert logged_in_other


def test_wrong_codes_count_for_the_login_lockout(desk, settings):
    set_up(desk)
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, desk.user.username, "abcd-0000")

    locked, logged_in = log_in(client, desk.user.username, "abcd-0000")

    assert locked.status_code == 429
    assert not logged_in


def test_users_without_two_factor_log_in_with_their_password_alone():
    user = make_user(REPORTER)
    response, logged_in = log_in(Client(), user.username)
    assert logged_in and response["Location"] == "/admin/"


@pytest.mark.parametrize("role", [SUPERUSER, CHIEF])
def test_superusers_and_chief_editors_must_set_it_up_before_the_admin_opens(settings, role):
    settings.SECOND_FACTOR_REQUIRED = True
    client = Client()
    user = make_user(role, "pflicht")
    client.user = user
    assert log_in(client, user.username)[1]

    for path in ["/admin/", "/admin/articles/article/", "/vorschau/1/"]:
        blocked = client.get(path)
        assert blocked.status_code == 302, path
        assert blocked["Location"] == PAGE
    page = client.get(PAGE)
    assert "Ihre Rolle verlangt die Zwei-Faktor-Anmeldung" in page.content.decode()
    set_up(client)
    assert client.get("/admin/").status_code == 200
    # It cannot be switched off while the role requires it.
    assert client.post(f"{PAGE}abschalten/").status_code == 403
    assert TOTPDevice.objects.filter(user=user).exists()


def test_the_desk_may_go_without_it_even_where_it_is_required(settings, desk):
    settings.SECOND_FACTOR_REQUIRED = True
    assert desk.get("/admin/").status_code == 200


def test_a_session_from_before_the_setup_must_give_a_code(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    chief = login(Client(), make_user(CHIEF))
    set_up(chief)
    device = TOTPDevice.objects.get(user=chief.user)
    elsewhere = login(Client(), chief.user)  # logged in without a code

    blocked = elsewhere.get("/admin/")
    with time_machine.travel(timezone.now() + timedelta(minutes=2), tick=False):
        verified = elsewhere.post(PAGE, {"code": current_code(device)})
        admin = elsewhere.get("/admin/")

    assert blocked["Location"] == PAGE
    assert verified.status_code == 302
    assert admin.status_code == 200


def test_optional_two_factor_can_be_switched_off_and_recovery_codes_renewed(desk):
    old = set_up(desk)

    renewed = desk.post(f"{PAGE}neue-codes/")
    new = re.findall(r"<code>([0-9a-f]{4}-[0-9a-f]{4})</code>", renewed.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert not log_in(Client(), desk.user.username, old[0])[1]

    response = desk.post(f"{PAGE}abschalten/")

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=desk.user).exists()
    assert log_in(Client(), desk.user.username)[1]


def test_the_setup_page_takes_no_get_for_changes(desk):
    set_up(desk)
    assert desk.get(f"{PAGE}abschalten/").status_code == 405
    assert desk.get(f"{PAGE}neue-codes/").status_code == 405


def test_production_requires_it_and_the_demo_does_not():
    show = (
        "import json; from newsroom import settings as s; "
        "print(json.dumps(s.SECOND_FACTOR_REQUIRED))"
    )

    def read(**variables):
        env = {
            **os.environ,
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "zeitung.example.de",
            **variables,
        }
        env.pop("SECOND_FACTOR_REQUIRED", None)
        result = subprocess.run(
            [sys.executable, "-c", show],
            cwd=Path(django_settings.BASE_DIR),
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert read(DEBUG="false") is True
    assert read(DEBUG="true") is False
