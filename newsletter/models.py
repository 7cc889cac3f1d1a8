"""The newsletter: lists readers subscribe to, their subscribers, the editions the desk
composes and one delivery per edition and subscriber (what was sent to whom)."""

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import dates

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class Newsletter(models.Model):
    """A list readers subscribe to, such as "Der Morgen", sent at a time of day on some days
    of the week."""

    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences on the sign-up page: what comes and how often."),
    )
    send_time = models.TimeField(
        _("send time"), default=datetime.time(6, 0), help_text=_("Local time (Europe/Berlin).")
    )
    weekdays = models.CharField(
        _("weekdays"),
        max_length=7,
        default="0123456",
        validators=[RegexValidator(r"^[0-6]{1,7}$")],
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive: no sign-ups, no automatic editions, nothing is sent."),
    )
    sender_name = models.CharField(_("sender name"), max_length=80, blank=True)
    sender_email = models.EmailField(
        _("sender address"), blank=True, help_text=_("Empty: the site's default sender.")
    )
    max_items = models.PositiveSmallIntegerField(
        _("articles per edition"),
        default=6,
        help_text=_("How many of the home page's top stories a new edition takes."),
    )
    default_intro = models.TextField(
        _("default intro"),
        blank=True,
        help_text=_("The intro of editions prepared automatically."),
    )

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def from_email(self):
        address = self.sender_email or settings.DEFAULT_FROM_EMAIL
        if self.sender_name and self.sender_email:
            return f"{self.sender_name} <{self.sender_email}>"
        return address

    def sends_on(self, day):
        return str(day.weekday()) in self.weekdays

    def slot_on(self, day):
        """The moment it goes out on ``day`` (a local date), or None on a day off. A send
        time that does not exist that day (the hour clocks skip) is taken an hour later."""
        if not self.sends_on(day):
            return None
        return dates.local_moment(day, self.send_time)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    """A reader's address on one newsletter.

    What is kept, and why: the address (to send to), when the sign-up was asked for and
    confirmed (the proof of consent that double opt-in gives) with the wording that was
    agreed to, and when it ended. No IP address or browser is stored: throttling needs the
    address only for an hour, in the cache, and the confirmed link is the proof."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    newsletter = models.ForeignKey(
        Newsletter, verbose_name=_("newsletter"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("email address"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One row per address and newsletter, however it is capitalised.
            models.UniqueConstraint("newsletter", Lower("email"), name="subscriber_once"),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(consent_at__isnull=False),
                name="subscriber_confirmed_with_consent",
            ),
        ]

    def __str__(self):
        return self.email


class Edition(models.Model):
    """One issue of a newsletter ("Ausgabe"): intro and articles, sent at ``send_at``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft (not sent)")
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    newsletter = models.ForeignKey(
        Newsletter, verbose_name=_("newsletter"), on_delete=models.PROTECT, related_name="editions"
    )
    subject = models.CharField(_("subject"), max_length=150)
    intro = models.TextField(_("intro"), blank=True)
    send_at = models.DateTimeField(_("send at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    # Set on the edition prepared automatically for a day: two workers preparing the same
    # day at once make one edition, not two.
    prepared_for = models.DateField(_("prepared automatically for"), null=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, editable=False)
    finished_at = models.DateTimeField(_("sending finished at"), null=True, editable=False)
    # The last time a batch of it made progress: a sending edition that makes none for a
    # while gets a new batch task (its worker may have died).
    progress_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-send_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "prepared_for"], name="edition_prepared_once"
            ),
        ]
        indexes = [models.Index(fields=["status", "send_at"])]

    def __str__(self):
        return f"{self.newsletter} – {dates.german_datetime(self.send_at)}"


class EditionItem(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(
        "articles.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("article of the edition")
        verbose_name_plural = _("articles of the edition")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "article"], name="edition_article_once"),
        ]

    def __str__(self):
        return str(self.article)


class Delivery(models.Model):
    """One edition to one subscriber: made when sending starts, claimed by a batch, then
    sent or failed. A delivery is handed to the mail server at most once."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        CLAIMED = "claimed", _("claimed by a batch")
        SENDING = "sending", _("handed to the mail server")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("not sent: unsubscribed meanwhile")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(_("email address"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    # The batch that claimed it (a random id), so a batch sends only what it claimed itself.
    batch = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True)
    sent_at = models.DateTimeField(_("sent at"), null=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="delivery_once"),
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self):
        return self.email
