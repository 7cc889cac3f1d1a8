"""The demo newsroom has the newsletter "Der Morgen" with subscribers and a composed
edition for tomorrow morning from the demo home page, previewed in the admin."""

import io

import pytest
from django.core.management import call_command

from articles.selectors import curated_ids
from newsletter.models import Edition, Newsletter, Subscriber

pytestmark = pytest.mark.django_db


def load_demo():
    out = io.StringIO()
    call_command("load_demo", "--no-admin", "--image-scale=0.1", stdout=out)
    return out.getvalue()


def test_the_demo_has_der_morgen_with_an_edition_from_the_home_page(admin_client):
    summary = load_demo()
    assert "Newsletter „Der Morgen“" in summary
    newsletter = Newsletter.objects.get()
    assert newsletter.name == "Der Morgen" and newsletter.active
    assert Subscriber.objects.confirmed().count() == 2
    edition = Edition.objects.get()
    assert edition.status == Edition.Status.SCHEDULED
    assert edition.intro.startswith("Guten Morgen!")
    lead, highlights = curated_ids()
    assert list(edition.items.values_list("article_id", flat=True))[:5] == [lead, *highlights]

    preview = admin_client.get(f"/admin/newsletter/edition/{edition.pk}/vorschau/")
    assert preview.status_code == 200
    assert edition.items.first().article.headline in preview.content.decode()

    load_demo()  # again: nothing doubled, the sample edition made anew
    assert Newsletter.objects.count() == 1 and Edition.objects.count() == 1
    assert Subscriber.objects.count() == 4
