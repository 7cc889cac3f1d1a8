"""The demo's agency source: a folder of sample ninjs items (demo/data/wire, fictional and
marked as such), read into the inbox ("Agenturmeldungen") on every load."""

from datetime import timedelta

from wire import polling
from wire.models import WireItem, WireSource

from .content import DATA_DIR

WIRE_DIR = DATA_DIR / "wire"
SOURCE_NAME = "Beispielagentur Landesdienst (Demo)"
# This item's embargo is moved to a few hours after loading, so the inbox shows one.
EMBARGOED = "urn:newsml:beispielagentur.example:demo:landeshaushalt"


def load_agency_source(sections, now):
    """Create or reset the demo source and read its folder; the number of items in the inbox."""
    source, _ = WireSource.objects.update_or_create(
        name=SOURCE_NAME,
        defaults={
            "agency": "Beispielagentur",
            "kind": WireSource.Kind.NINJS_FOLDER,
            "url": "",
            "folder": str(WIRE_DIR),
            "default_credit": "Beispielagentur",
            "default_section": sections["leipzig"],
            "interval": 5,
            "is_active": True,
            "next_poll_at": now,
        },
    )
    source.read_files.all().delete()  # read the folder again: a reload shows the same inbox
    polling.poll(source)
    WireItem.objects.filter(source=source, guid=EMBARGOED).update(
        embargo_until=now + timedelta(hours=5)
    )
    return WireItem.objects.filter(source=source).count()
