"""Logging in to the admin: a lockout after repeated wrong passwords, per account and per
address, with a German page and an admin list to lift it; no redirect off the site; strong
passwords; a changed password ends the other sessions."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from tests.helpers.accounts import (
    CHIEF,
    DESK,
    PASSWORD,
    REPORTER,
    SUPERUSER,
    log_in_with_password,
    login,
    make_user,
)

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LOCKED = "Anmeldung vorübergehend gesperrt"


def attempt(client, username, password, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def from_address(address):
    return Client(REMOTE_ADDR=address)


def fail(client, username, times):
    """``times`` wrong passwords; the status of each answer."""
    return [attempt(client, username, "falsch-geraten").status_code for _ in range(times)]


def test_the_right_password_after_five_wrong_ones_is_refused_with_a_german_page(settings):
    user = make_user(REPORTER)
    client = from_address("203.0.113.5")
    # The form again with its error, until the fifth wrong password locks.
    assert fail(client, user.username, settings.AXES_FAILURE_LIMIT) == [200, 200, 200, 200, 429]

    response = attempt(client, user.username, PASSWORD)

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    content = response.content.decode()
    assert LOCKED in content
    assert "60 Minuten" in content
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_four_wrong_passwords_then_the_right_one_logs_in(settings):
    user = make_user(REPORTER)
    client = from_address("203.0.113.5")
    assert set(fail(client, user.username, settings.AXES_FAILURE_LIMIT - 1)) == {200}

    assert log_in_with_password(client, user.username, PASSWORD)
    # A success starts the count anew.
    assert not AccessAttempt.objects.filter(username=user.username).exists()


def test_an_account_is_locked_from_every_address(settings):
    user = make_user(REPORTER)
    fail(from_address("203.0.113.5"), user.username, settings.AXES_FAILURE_LIMIT)

    response = attempt(from_address("198.51.100.7"), user.username, PASSWORD)

    assert response.status_code == 429


def test_an_address_trying_many_accounts_is_locked_for_every_account(settings):
    victim = make_user(DESK)
    client = from_address("203.0.113.9")
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(client, f"geraten-{number}", 1)

    assert attempt(client, victim.username, PASSWORD).status_code == 429
    # The account itself is not locked for its owner elsewhere.
    assert log_in_with_password(from_address("198.51.100.7"), victim.username, PASSWORD)


def test_a_forged_forwarded_for_does_not_escape_the_address_lock(settings):
    client = from_address("203.0.113.9")
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"geraten-{number}", "x", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    victim = make_user(DESK)

    response = attempt(client, victim.username, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")

    assert response.status_code == 429


def test_behind_a_proxy_the_address_it_saw_counts(settings):
    """PROXY_COUNT=1 (Varnish in front): every request comes from 127.0.0.1; the lock holds
    the client the proxy names last in X-Forwarded-For, whatever the client wrote before."""
    settings.PROXY_COUNT = 1
    proxy = from_address("127.0.0.1")
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            proxy, f"geraten-{number}", "x", HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 203.0.113.9"
        )
    victim = make_user(DESK)

    locked = attempt(proxy, victim.username, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9")
    other = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert locked.status_code == 429
    assert log_in_with_password(other, victim.username, PASSWORD)


def test_the_lock_ends_after_the_cool_off(settings):
    user = make_user(REPORTER)
    client = from_address("203.0.113.5")
    fail(client, user.username, settings.AXES_FAILURE_LIMIT)

    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        assert log_in_with_password(client, user.username, PASSWORD)


@pytest.mark.parametrize("role", [CHIEF, SUPERUSER])
def test_the_chief_editors_lift_a_lock_in_the_admin(settings, role):
    admin_client = login(Client(), make_user(role, "lifter"))
    user = make_user(REPORTER)
    client = from_address("203.0.113.5")
    fail(client, user.username, settings.AXES_FAILURE_LIMIT)
    attempts = AccessAttempt.objects.filter(username=user.username)
    assert attempts.exists()

    listing = admin_client.get("/admin/axes/accessattempt/")
    response = admin_client.post(
        "/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": [a.pk for a in attempts],
            "post": "yes",
        },
    )

    assert listing.status_code == 200 and user.username in listing.content.decode()
    assert response.status_code == 302
    assert log_in_with_password(client, user.username, PASSWORD)


def test_the_desk_cannot_lift_a_lock(settings):
    desk = login(Client(), make_user(DESK, "cvd"))
    user = make_user(REPORTER)
    fail(from_address("203.0.113.5"), user.username, settings.AXES_FAILURE_LIMIT)
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))

    response = desk.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )

    assert response.status_code == 403
    assert AccessAttempt.objects.count() == len(attempts)


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
)
def test_a_refused_next_lands_on_the_admin_index_not_off_the_site(next_url):
    user = make_user(REPORTER)
    client = Client()

    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": next_url}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_a_password_shorter_than_twelve_characters_is_refused(admin_client):
    response = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "neu",
            "password1": "Zeitung2026",
            "password2": "Zeitung2026",
            "usable_password": "true",
        },
    )

    assert response.status_code == 200
    assert "mindestens 12 Zeichen" in response.content.decode()
    assert not get_user_model().objects.filter(username="neu").exists()


def test_a_changed_password_ends_the_other_sessions():
    user = make_user(REPORTER)
    elsewhere = login(Client(), user)
    assert elsewhere.get("/admin/").status_code == 200

    user.set_password("ein-ganz-neues-passwort")
    user.save()

    assert elsewhere.get("/admin/").status_code == 302
