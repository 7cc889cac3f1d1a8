"""Settings for mail and the newsletter (docs/newsletter.md), read from the environment like
the rest (settings.py imports them; they live here as settings.py is at its size limit)."""

import environ

env = environ.Env()
DEBUG = env.bool("DEBUG", default=False)

# The mail server, as one address: smtp://user:password@host:25, smtp+tls://…:587 (STARTTLS),
# smtp+ssl://…:465. Development prints mails to the console instead; production without
# EMAIL_URL hands them to a server on this machine (localhost:25).
_email = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# The sender of mails that name no other (a newsletter's own sender comes first).
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="newsroom <newsletter@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# A mailbox that takes unsubscriptions by mail (the List-Unsubscribe header's mailto:); the
# desk unsubscribes those senders in the admin. Unset: the one-click address only.
NEWSLETTER_UNSUBSCRIBE_EMAIL = env("NEWSLETTER_UNSUBSCRIBE_EMAIL", default="")
# Mails one task sends over one SMTP connection.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
# How long a confirmation link works, in seconds (default seven days).
NEWSLETTER_CONFIRM_MAX_AGE = env.int("NEWSLETTER_CONFIRM_MAX_AGE", default=7 * 24 * 3600)

__all__ = [
    "DEFAULT_FROM_EMAIL",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_HOST_USER",
    "EMAIL_PORT",
    "EMAIL_TIMEOUT",
    "EMAIL_USE_SSL",
    "EMAIL_USE_TLS",
    "NEWSLETTER_BATCH_SIZE",
    "NEWSLETTER_CONFIRM_MAX_AGE",
    "NEWSLETTER_UNSUBSCRIBE_EMAIL",
    "SERVER_EMAIL",
]
