"""Signed links in mails: confirming a sign-up (valid for NEWSLETTER_CONFIRM_MAX_AGE) and
unsubscribing (valid for good: an old mail's link must still work). Each kind has its own
salt, so one can never stand in for the other."""

import hashlib

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidToken(Exception):
    """A link that was altered, cut short or has expired."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def address_digest(email):
    """A short digest of the address: links carry it instead of the address, which would
    otherwise end up in request logs."""
    return hashlib.sha256(email.lower().encode()).hexdigest()[:12]


def confirm_token(subscriber):
    # The address is signed too (as a digest): a row that was deleted and whose number came
    # back for another address does not take an old link.
    value = f"{subscriber.pk}.{address_digest(subscriber.email)}"
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(value)


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscriber.pk))


def read_confirm_token(token):
    """(subscriber id, address digest) from a confirmation token, or InvalidToken."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise InvalidToken(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    pk, _dot, digest = value.partition(".")
    if not pk.isdigit():
        raise InvalidToken
    return int(pk), digest


def read_unsubscribe_token(token):
    """The subscriber id from an unsubscribe token, or InvalidToken."""
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not value.isdigit():
        raise InvalidToken
    return int(value)
