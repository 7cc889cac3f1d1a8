"""The demo's newsletter, "Der Morgen" (demo/data/newsletter.json): the list, a few
subscribers with their consent, and tomorrow's edition composed from the demo home page."""

import datetime

from core import dates
from newsletter.editions import prepare_edition
from newsletter.models import Edition, Newsletter, Subscriber
from newsletter.subscriptions import consent_text

from .content import DATA_DIR, DemoDataError, _fields, _read

FILE = "newsletter.json"


def read_newsletter(directory=DATA_DIR):
    data = _read(directory, FILE)
    text = dict.fromkeys(["name", "description", "send_time", "sender_name", "sender_email"], str)
    _fields(data, FILE, {**text, "default_intro": str, "edition_intro": str, "subscribers": list})
    for number, entry in enumerate(data["subscribers"], start=1):
        _fields(entry, f"{FILE}, subscribers, entry {number}", {"email": str, "status": str})
        if entry["status"] not in Subscriber.Status.values:
            raise DemoDataError(f"{FILE}, subscribers, entry {number}: unknown status")
    try:
        data["send_time"] = datetime.time.fromisoformat(data["send_time"])
    except ValueError:
        raise DemoDataError(f"{FILE}: send_time must be like 06:00") from None
    return data


def load_newsletter(now):
    """Create or reset the demo newsletter; its unsent editions are made anew."""
    data = read_newsletter()
    newsletter, _created = Newsletter.objects.update_or_create(
        name=data["name"],
        defaults={
            "description": data["description"],
            "send_time": data["send_time"],
            "weekdays": "0123456",
            "active": True,
            "sender_name": data["sender_name"],
            "sender_email": data["sender_email"],
            "default_intro": data["default_intro"],
        },
    )
    for entry in data["subscribers"]:
        confirmed = entry["status"] != Subscriber.Status.PENDING
        Subscriber.objects.update_or_create(
            newsletter=newsletter,
            email=entry["email"],
            defaults={
                "status": entry["status"],
                "requested_at": now - datetime.timedelta(days=20),
                "consent_at": now - datetime.timedelta(days=20) if confirmed else None,
                "consent_text": consent_text(newsletter.name) if confirmed else "",
                "unsubscribed_at": (
                    now - datetime.timedelta(days=2)
                    if entry["status"] == Subscriber.Status.UNSUBSCRIBED
                    else None
                ),
            },
        )
    newsletter.editions.filter(status__in=[Edition.Status.DRAFT, Edition.Status.SCHEDULED]).delete()
    tomorrow = dates.local_date(now) + datetime.timedelta(days=1)
    edition = prepare_edition(newsletter, dates.local_moment(tomorrow, newsletter.send_time))
    edition.intro = data["edition_intro"]
    edition.save(update_fields=["intro"])
    return edition
