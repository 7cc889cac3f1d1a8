"""Signing up and leaving: double opt-in, one-click unsubscribe.

Nothing but the confirmation mail goes to an address before its owner clicked the link in
it. The sign-up form answers the same whatever it does (a new address, one already on the
list, one asked for too often), so it never tells whether an address is subscribed.
Confirmation mails are throttled per address and per client address (in the cache, under a
hash, for an hour); the client address is not stored anywhere else.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.addresses import absolute_url, offline_url

from . import tokens
from .models import Subscriber

log = logging.getLogger(__name__)

# Confirmation mails per address: one every 10 minutes, at most 3 a day.
ADDRESS_PAUSE = 10 * 60
ADDRESS_DAILY = 3
# Sign-ups per client address (a household, an office) in an hour.
CLIENT_HOURLY = 10


def consent_text(name):
    """The wording a reader agrees to by signing up to the newsletter ``name`` (stored with
    the consent)."""
    return _(
        "I would like to receive the newsletter “%(name)s” by email. I can unsubscribe at "
        "any time with the link in every mail."
    ) % {"name": name}


def _hashed(kind, value):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"newsletter:{kind}:{digest}"


def _count(key, seconds):
    """Add one to a counter that lives ``seconds``; its new value."""
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        return 1


def client_allowed(client_ip):
    """Whether this client may sign up once more this hour (and count it)."""
    if not client_ip:
        return True
    return _count(_hashed("client", client_ip), 3600) <= CLIENT_HOURLY


def _address_allowed(email):
    if not cache.add(_hashed("pause", email), True, ADDRESS_PAUSE):
        return False
    return _count(_hashed("day", email), 24 * 3600) <= ADDRESS_DAILY


def subscribe(newsletter, email, request=None):
    """Ask ``email`` to confirm a subscription to ``newsletter`` (a mail with a link),
    unless it is subscribed already or was asked too often. Returns nothing on purpose."""
    email = email.strip()
    normalized = email.lower()
    subscriber = Subscriber.objects.filter(newsletter=newsletter, email__iexact=email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        return
    if not _address_allowed(normalized):
        log.info("Newsletter sign-up throttled for one address")
        return
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(newsletter=newsletter, email=email)
        except IntegrityError:  # the same address at the same moment
            return
    else:
        subscriber.status = Subscriber.Status.PENDING
        subscriber.requested_at = timezone.now()
        subscriber.save(update_fields=["status", "requested_at"])
    send_confirmation(subscriber, request)


def send_confirmation(subscriber, request=None):
    newsletter = subscriber.newsletter
    path = reverse("newsletter:confirm", args=[tokens.confirm_token(subscriber)])
    link = absolute_url(request, path) if request is not None else offline_url(path)
    context = {
        "newsletter": newsletter,
        "link": link,
        "days": settings.NEWSLETTER_CONFIRM_MAX_AGE // (24 * 3600),
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=_("Please confirm: newsletter “%(name)s”") % {"name": newsletter.name},
        body=render_to_string("newsletter/mail/confirm.txt", context),
        from_email=newsletter.from_email,
        to=[subscriber.email],
    )
    message.attach_alternative(
        render_to_string("newsletter/mail/confirm.html", context), "text/html"
    )
    try:
        message.send()
    except Exception:
        # The reader sees the same page; the log tells the operator the server is down.
        log.exception("Confirmation mail to subscriber %s failed", subscriber.pk)


def confirm(token):
    """Confirm the subscription a link names; the subscriber. InvalidToken otherwise."""
    with transaction.atomic():
        subscriber = subscriber_to_confirm(token, lock=True)
        if subscriber.status != Subscriber.Status.CONFIRMED:
            subscriber.status = Subscriber.Status.CONFIRMED
            subscriber.consent_at = timezone.now()
            subscriber.consent_text = consent_text(subscriber.newsletter.name)
            subscriber.unsubscribed_at = None
            subscriber.save()
    return subscriber


def subscriber_to_confirm(token, lock=False):
    """The subscriber a confirmation link names, or InvalidToken."""
    pk, digest = tokens.read_confirm_token(token)
    subscribers = Subscriber.objects.select_related("newsletter")
    if lock:
        subscribers = subscribers.select_for_update(of=("self",))
    subscriber = subscribers.filter(pk=pk).first()
    if subscriber is None or tokens.address_digest(subscriber.email) != digest:
        raise tokens.InvalidToken
    return subscriber


def subscriber_to_leave(token):
    """The subscriber an unsubscribe link names, or InvalidToken."""
    pk = tokens.read_unsubscribe_token(token)
    subscriber = Subscriber.objects.select_related("newsletter").filter(pk=pk).first()
    if subscriber is None:
        raise tokens.InvalidToken
    return subscriber


def unsubscribe(token):
    """End the subscription a link names (at once, nothing to confirm); the subscriber."""
    subscriber = subscriber_to_leave(token)
    Subscriber.objects.filter(pk=subscriber.pk).exclude(
        status=Subscriber.Status.UNSUBSCRIBED
    ).update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    return subscriber


def unsubscribe_url(subscriber):
    return offline_url(
        reverse("newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
    )
