"""The second factor of staff logins: a TOTP app (Authenticator apps: Aegis, FreeOTP, Google
or Microsoft Authenticator, 1Password …) with ten one-time recovery codes (django-otp).

Required for superusers and the Chefredaktion (``SECOND_FACTOR_REQUIRED``, on in production):
until they have set it up, the admin sends them to the setup page. Optional for everyone else;
whoever set it up must give a code at every login. Wrong codes are throttled by django-otp and
count as failed logins for the lockout (django-axes), like wrong passwords.
"""

import base64
import secrets

import segno
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

REQUIRED_ROLES = ("Chefredaktion",)
RECOVERY_CODES = 10
APP_NAME = "Authenticator-App"
RECOVERY_NAME = "Wiederherstellungscodes"


class InvalidCode(Exception):
    """The code did not match (or verification is throttled); ``message`` says which."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def is_required(user):
    """Whether ``user`` must use a second factor (superusers and the Chefredaktion)."""
    if not settings.SECOND_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_ROLES).exists()


def app_device(user, *, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def is_set_up(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def start_setup(user):
    """The unconfirmed app device to scan, made anew for each setup (a scanned but never
    confirmed key is worthless)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_of(device):
    """The key in the Base32 form apps accept when typed in, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code(device):
    """The otpauth:// address as an SVG data URI for an <img> (no script, no request)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


@transaction.atomic
def confirm(request, device, code):
    """Confirm ``device`` with a first code from the app: it replaces any earlier app, the
    session counts as verified, and ten new recovery codes are returned (shown once)."""
    if not device.verify_token(_digits(code)):
        raise InvalidCode(_code_message())
    TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh recovery codes; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME)
    device.token_set.all().delete()
    codes = [
        f"{secrets.token_hex(4)[:4]}-{secrets.token_hex(4)[:4]}" for _ in range(RECOVERY_CODES)
    ]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def switch_off(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def verify(request, user, code):
    """The device that accepts ``code`` for ``user`` at login: six digits are the app's,
    anything else a recovery code (used up once accepted). Raises ``InvalidCode``, and
    reports the failure to the login lockout."""
    code = (code or "").strip()
    if code.replace(" ", "").isdigit():
        device, token = app_device(user), _digits(code)
    else:
        device, token = StaticDevice.objects.filter(user=user).first(), code.lower()
    if device is None:
        _report_failure(request, user)
        raise InvalidCode(_code_message())
    allowed, _info = device.verify_is_allowed()
    if not allowed or not device.verify_token(token):
        _report_failure(request, user)
        raise InvalidCode(_code_message(throttled=not allowed))
    return device


def verify_session(request, code):
    """Verify the logged-in user's session with a code (for a session from before setup)."""
    device = verify(request, request.user, code)
    otp_login(request, device)
    return device


def _digits(code):
    return "".join(char for char in str(code) if char.isdigit())


def _report_failure(request, user):
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username()},
        request=request,
    )


def _code_message(throttled=False):
    if throttled:
        return _("Too many wrong codes: please wait a little and try again.")
    return _("This code is not valid. Please check it and try again.")
