"""Slugs of sections and articles are made on the server, with the German transliteration
(the same helper as for authors, see tests/people/test_admin_author.py)."""

import pytest

from articles.models import Article, Section
from tests.helpers.article_admin import ADD_URL as ARTICLE_ADD_URL
from tests.helpers.article_admin import full_article_form
from tests.helpers.factories import AuthorFactory, SectionFactory

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


def test_an_article_without_slug_gets_the_same_transliteration(admin_client):
    form = full_article_form(
        admin_client,
        section=SectionFactory(),
        authors=[AuthorFactory()],
        bullets=["Eins"],
        headline="Jörg Weiß übernimmt",
    )
    assert form.data.get("slug", "") == ""

    assert form.submit(admin_client, ARTICLE_ADD_URL).status_code == 302
    assert Article.objects.get().slug == "joerg-weiss-uebernimmt"
