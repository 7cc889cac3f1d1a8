"""The sections admin: the slug is made on the server, with the German transliteration."""

import pytest

from articles.models import Section
from tests.helpers.factories import SectionFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/section/add/"


def test_an_empty_section_slug_is_made_from_the_name(admin_client):
    response = admin_client.post(ADD_URL, {"name": "Größere Städte", "slug": "", "position": "1"})

    assert response.status_code == 302
    assert Section.objects.get(name="Größere Städte").slug == "groessere-staedte"


def test_a_made_section_slug_that_the_site_uses_itself_is_refused(admin_client):
    response = admin_client.post(ADD_URL, {"name": "Suche", "slug": "", "position": "1"})

    assert response.status_code == 200
    assert "verwendet die Website selbst" in response.content.decode()
    assert not Section.objects.filter(name="Suche").exists()


def test_the_section_form_leaves_the_slug_to_the_server(admin_client):
    SectionFactory(name="Politik", slug="politik")

    page = admin_client.get(ADD_URL).content.decode()

    assert 'data-prepopulated-fields="[]"' in page
