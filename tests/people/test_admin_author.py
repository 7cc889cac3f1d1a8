"""The authors admin: adding people with their sign-off code, the list and its search."""

import lxml.html
import pytest
from django.utils.html import escape

from people.models import Author
from tests.helpers.factories import AuthorFactory, ImageFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/people/author/add/"
CHANGELIST_URL = "/admin/people/author/"


def change_url(author):
    return f"/admin/people/author/{author.pk}/change/"


def author_form(**values):
    """What the author form submits (slug as the admin's prepopulate script fills it in)."""
    return {
        "name": "Ruth Tester",
        "slug": "ruth-tester",
        "role_title": "Korrespondentin",
        "short_code": "RUT",
        "bio": "Berichtet aus Brüssel.",
        "photo": "",
        "user": "",
        "_save": "Sichern",
        **values,
    }


def test_adding_an_author_stores_the_short_code_lower_case(admin_client):
    photo = ImageFactory()

    response = admin_client.post(ADD_URL, author_form(photo=str(photo.pk)))

    assert response.status_code == 302
    author = Author.objects.get(slug="ruth-tester")
    assert author.short_code == "rut"
    assert (author.name, author.role_title, author.photo) == (
        "Ruth Tester",
        "Korrespondentin",
        photo,
    )


def test_short_code_differing_only_in_case_is_refused_with_a_form_error(admin_client):
    AuthorFactory(short_code="rut")

    response = admin_client.post(ADD_URL, author_form(short_code="Rut"))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["short_code"] == [
        "Autor:in mit diesem Wert für das Feld Kürzel existiert bereits."
    ]
    content = response.content.decode()
    assert "errornote" in content
    for typed in ("Ruth Tester", "Korrespondentin", "Berichtet aus Brüssel."):
        assert escape(typed) in content
    assert Author.objects.count() == 1


def test_an_author_may_keep_their_own_short_code_typed_in_another_case(admin_client):
    author = AuthorFactory(short_code="rut", name="Ruth Tester", slug="ruth-tester")

    response = admin_client.post(
        change_url(author), author_form(short_code=" RUT ", role_title="Redakteurin")
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert (author.short_code, author.role_title) == ("rut", "Redakteurin")


def test_author_list_shows_a_rendition_of_the_photo_as_thumbnail(admin_client):
    photo = ImageFactory(credit_line="", photographer="Studio Lichtblick")
    AuthorFactory(name="Ruth Tester", photo=photo)
    AuthorFactory(name="Ohne Foto", photo=None)

    response = admin_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    rows = lxml.html.fromstring(response.content.decode()).xpath(
        '//table[@id="result_list"]/tbody/tr'
    )
    by_name = {" ".join(row.text_content().split()): row for row in rows}
    (with_photo,) = [row for text, row in by_name.items() if "Ruth Tester" in text]
    (without_photo,) = [row for text, row in by_name.items() if "Ohne Foto" in text]
    (img,) = with_photo.xpath(".//img")
    # A small rendition, never the original upload.
    assert img.get("src").startswith("/media/renditions/")
    assert photo.file.name not in response.content.decode()
    assert img.get("alt") == photo.alt_text
    assert "Bild: Studio Lichtblick" in with_photo.text_content()
    assert not without_photo.xpath(".//img")


def test_author_change_form_previews_the_photo_with_its_credit(admin_client):
    photo = ImageFactory(credit_line="dpa", photographer="Jana Beispiel")
    author = AuthorFactory(photo=photo)

    response = admin_client.get(change_url(author))

    assert response.status_code == 200
    content = response.content.decode()
    assert photo.file.name not in content
    assert "/media/renditions/" in content
    assert "Bild: dpa | Jana Beispiel" in content


@pytest.mark.parametrize(
    ("term", "expected"),
    [("Ruth", "ruth"), ("bb", "ben"), ("Korrespondent", "ben")],
)
def test_author_search_finds_name_short_code_and_role(admin_client, term, expected):
    authors = {
        "ruth": AuthorFactory(name="Ruth Tester", short_code="rut", role_title="Redakteurin"),
        "ben": AuthorFactory(name="Ben Beispiel", short_code="bb", role_title="Korrespondent"),
    }

    response = admin_client.get(CHANGELIST_URL, {"q": term})

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {authors[expected]}


def test_an_empty_slug_is_made_from_the_name_with_german_transliteration(admin_client):
    response = admin_client.post(ADD_URL, author_form(name="Jörg Weiß", slug="", short_code="jw"))

    assert response.status_code == 302
    assert Author.objects.get(short_code="jw").slug == "joerg-weiss"


def test_the_author_form_no_longer_fills_the_slug_in_the_browser(admin_client):
    # The admin's prepopulate script transliterates on its own ("jorg-wei"); the server's
    # rule is the only one.
    page = admin_client.get(ADD_URL).content.decode()

    assert 'data-prepopulated-fields="[]"' in page


def test_a_second_author_of_the_same_name_gets_a_numbered_slug(admin_client):
    AuthorFactory(name="Jörg Weiß", slug="joerg-weiss", short_code="jw1")

    admin_client.post(ADD_URL, author_form(name="Jörg Weiß", slug="", short_code="jw2"))

    assert Author.objects.get(short_code="jw2").slug == "joerg-weiss-2"
