"""The admin speaks German: no raw status values or field names in the audit trail, and
django-taggit's heading, action and merge page in German."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from taggit.models import Tag

from articles.models import Article
from tests.helpers.article_admin import ADD_URL, change_url, do_transition, full_article_form
from tests.helpers.factories import AuthorFactory, SectionFactory
from tests.helpers.forms import open_form
from tests.helpers.html import text_of

pytestmark = pytest.mark.django_db


def test_the_audit_trail_names_states_and_times_in_german(admin_client):
    full_article_form(
        admin_client, section=SectionFactory(), authors=[AuthorFactory()], bullets=["Eins"]
    ).submit(admin_client, ADD_URL)
    article = Article.objects.get()
    open_form(admin_client, change_url(article)).fill(published_at_1="15:00").submit(
        admin_client, change_url(article)
    )
    do_transition(admin_client, article, "submit")

    for url in (change_url(article), "/admin/articles/articleevent/"):
        page = text_of(admin_client.get(url).content.decode())
        assert "Veröffentlichung: 03.11.2026 14.05 MEZ" in page or (
            "Veröffentlichung: 03.11.2026 14.05 CET" in page
        )
        assert "In Prüfung" in page
        assert "published_at" not in page
        assert " draft " not in f" {page} " and " review " not in f" {page} "


def test_tags_have_a_german_heading_and_action(admin_client):
    Tag.objects.create(name="Krieg")
    index = admin_client.get("/admin/").content.decode()
    tags = admin_client.get("/admin/taggit/tag/").content.decode()

    assert "Taggit" not in index
    assert ">Schlagwörter</a>" in index
    # The other packages' headings too.
    for english in ("Otp_Totp", "Otp_Static", "Tasks Database Backend", ">Axes<"):
        assert english not in index
    for german in ("Anmeldesperren", "Zwei-Faktor-Anmeldung: Wiederherstellungscodes"):
        assert german in index
    assert "Ausgewählte Schlagwörter zusammenführen" in tags
    assert "Merge selected tags" not in tags


def test_merging_tags_speaks_german(admin_client):
    first, second = Tag.objects.create(name="Krieg"), Tag.objects.create(name="Ukraine-Krieg")

    response = admin_client.post(
        "/admin/taggit/tag/",
        {"action": "render_tag_form", ACTION_CHECKBOX_NAME: [first.pk, second.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "Zusammenführen zum Schlagwort" in page
    assert "New Tag Name" not in page

    done = admin_client.post(
        "/admin/taggit/tag/merge-tags/", {"new_tag_name": "Ukraine-Krieg"}, follow=True
    )

    assert "Die Schlagwörter wurden zusammengeführt." in done.content.decode()
    assert "Ukraine-Krieg" in set(Tag.objects.values_list("name", flat=True))
