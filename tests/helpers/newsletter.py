"""The newsletter in tests: factories, and a real SMTP server (aiosmtpd) in the test process
that records what it received and can refuse addresses or break off after some mails."""

import re
import socket
from datetime import UTC, datetime
from email import message_from_bytes, policy

import factory
from aiosmtpd.controller import Controller
from django.utils import timezone

from newsletter.models import Newsletter, Subscriber

SITE_URL = "https://zeitung.example.de"
LONG_AGO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


class NewsletterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Newsletter

    name = "Der Morgen"
    description = "Die wichtigsten Nachrichten des Tages, jeden Morgen um sechs."
    sender_name = "Der Morgen"
    sender_email = "morgen@zeitung.example.de"


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber by default."""

    class Meta:
        model = Subscriber

    newsletter = factory.SubFactory(NewsletterFactory)
    email = factory.Sequence(lambda n: f"leserin{n}@example.org")
    status = Subscriber.Status.CONFIRMED
    # Long before the times the tests travel to (a subscriber confirmed after an edition
    # started sending gets the next one).
    consent_at = LONG_AGO
    consent_text = "Ich möchte den Newsletter erhalten."

    class Params:
        pending = factory.Trait(status=Subscriber.Status.PENDING, consent_at=None)
        unsubscribed = factory.Trait(
            status=Subscriber.Status.UNSUBSCRIBED,
            unsubscribed_at=factory.LazyFunction(timezone.now),
        )


class Inbox:
    """An aiosmtpd handler: every accepted mail, parsed, in ``messages``."""

    def __init__(self):
        self.messages = []
        self.connections = 0
        self.refuse = set()  # addresses answered with 550 (unknown mailbox)
        self.break_after = None  # after this many mails, every DATA gets 421 (going down)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.break_after is not None and len(self.messages) >= self.break_after:
            return "421 4.3.2 Service shutting down"
        message = message_from_bytes(envelope.content, policy=policy.default)
        message.recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if address in message.recipients]

    @property
    def recipients(self):
        return [address for message in self.messages for address in message.recipients]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp_server(settings):
    """An SMTP server on a free port, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.SITE_URL = SITE_URL
    return inbox, controller


def parts(message):
    """(text, html) of a received mail."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def link(message, name):
    """The first address on the site of a kind (``bestaetigen``, ``abmelden``) in the text."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    found = re.search(rf"{re.escape(SITE_URL)}/newsletter/{name}/[^\s/]+/", text)
    assert found, text
    return found.group(0)


def path_of(url):
    return url.removeprefix(SITE_URL)


def story_on_the_home_page(**fields):
    """A public article with a picture (public since LONG_AGO), made the home page's lead
    story."""
    from articles.models import HomePage
    from tests.helpers.factories import ArticleFactory, ImageFactory, uploaded_jpeg

    fields.setdefault("published_at", LONG_AGO)
    image = ImageFactory(file=uploaded_jpeg(width=640, height=360))
    article = ArticleFactory(hero_image=image, **fields)
    home_page = HomePage.load()
    home_page.lead = article
    home_page.save()
    return article
