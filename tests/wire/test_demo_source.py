"""The demo newsroom has a sample agency source whose items are in the inbox."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from wire.models import WireItem, WireSource

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", "--no-admin", "--image-scale=0.1", stdout=io.StringIO())


def test_the_demo_inbox_has_the_sample_items_once_however_often_it_is_loaded():
    load_demo()
    load_demo()
    source = WireSource.objects.get()
    assert source.kind == WireSource.Kind.NINJS_FOLDER and source.is_active
    assert (source.error_count, source.skipped_count) == (0, 0)
    items = WireItem.objects.all()
    assert items.count() == 4
    assert all("Beispielmeldung" in item.lead or "Beispielmeldung" in item.body for item in items)
    assert items.under_embargo(timezone.now()).count() == 1
