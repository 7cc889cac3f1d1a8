"""The body editor's server side: the editor is configured to the sanitizer's elements, an
untouched body survives the change form byte for byte, the editor's import map runs under
the admin's CSP with a nonce, and the picture cards' lookup is for staff only."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django_prose_editor.config import EXTENSION_MAPPING, allowlist_from_extensions

from articles.forms import BODY_EDITOR_EXTENSIONS, ArticleAdminForm
from articles.models import Article
from articles.sanitizer import ALLOWED_TAGS, TRACKING_PARAMETER, clean_body
from tests.helpers.accounts import DESK, SUPERUSER, login, make_user
from tests.helpers.article_admin import change_url
from tests.helpers.body_editor import EVERY_ELEMENT_BODY
from tests.helpers.factories import ArticleFactory, ImageFactory
from tests.helpers.forms import open_form

BODY_PICTURE_URL = "/admin/articles/article/body-picture/"


def test_the_editor_offers_exactly_the_elements_the_sanitizer_keeps():
    package_extensions = {
        name: config for name, config in BODY_EDITOR_EXTENSIONS.items() if name in EXTENSION_MAPPING
    }
    allowed = allowlist_from_extensions(package_extensions)
    # <b> and <i> stay allowed for old bodies; the editor writes <strong> and <em>.
    assert allowed["tags"] == ALLOWED_TAGS - {"b", "i"}
    # The package's ordered list knows list types and start numbers; ours (body-editor.js)
    # writes neither, which the browser tests see in what is stored.
    assert allowed["attributes"].pop("ol") == {"type", "data-type", "start"}
    # rel is written as the sanitizer sets it; "open in a new window" is not offered.
    assert allowed["attributes"] == {"a": {"href", "rel", "title"}}
    assert set(allowed["url_schemes"]) == {"http", "https", "mailto"}


def test_the_editor_is_a_module_with_the_page_s_extensions():
    config = ArticleAdminForm().fields["body"].widget.get_config()
    assert config["extensions"]["Heading"] == {"levels": [2, 3]}
    assert config["js_modules"][-1].endswith("admin_extra/body-editor.js")
    assert config["extensions"]["BodyPicture"] == {
        "lookupUrl": "/admin/images/image/",
        "thumbnailUrl": BODY_PICTURE_URL,
    }


@pytest.mark.parametrize(
    "path",
    [
        "django_prose_editor/editor.js",
        "django_prose_editor/configurable.js",
        "django_prose_editor/material-icons.woff2",
        "admin_extra/body-editor.js",
        "admin_extra/body-editor.css",
    ],
)
def test_the_editor_s_files_are_our_own_static_files(path):
    # collectstatic (make serve) gathers what the finders find; WhiteNoise serves it.
    assert finders.find(path)


@pytest.mark.django_db
def test_an_untouched_body_survives_the_change_form_unchanged(client):
    login(client, make_user(SUPERUSER))
    image = ImageFactory()
    article = ArticleFactory(draft=True, body=EVERY_ELEMENT_BODY.format(image=image.pk))
    stored = Article.objects.get(pk=article.pk).body
    assert stored == EVERY_ELEMENT_BODY.format(image=image.pk)

    form = open_form(client, change_url(article))
    assert form.data["body"] == stored
    response = form.submit(client, change_url(article), button="_continue")

    assert response.status_code == 302, response.status_code
    assert Article.objects.get(pk=article.pk).body == stored


@pytest.mark.django_db
def test_the_change_form_gives_only_the_import_map_a_nonce(client):
    login(client, make_user(SUPERUSER))
    article = ArticleFactory(draft=True)

    response = client.get(change_url(article))

    script_src = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split() and part.split()[0] == "script-src"
    )
    nonces = [source for source in script_src if source.startswith("'nonce-")]
    assert len(nonces) == 1
    assert "'unsafe-inline'" not in script_src
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    page = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert inline == [f' type="importmap" nonce="{nonce}"']
    assert re.search(r'"django-prose-editor/editor": "/static/django_prose_editor/editor', page)


@pytest.mark.django_db
def test_other_admin_pages_carry_no_nonce(client):
    login(client, make_user(SUPERUSER))
    response = client.get("/admin/articles/article/")
    assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_picture_card_shows_the_library_s_alt_text_and_credit(client):
    login(client, make_user(DESK))
    image = ImageFactory(alt_text="Eine Straßenbahn im Regen")

    response = client.get(BODY_PICTURE_URL, {"id": image.pk})

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == image.pk
    assert data["alt"] == "Eine Straßenbahn im Regen"
    assert data["credit"] == image.credit_label
    assert data["usable"] is True


@pytest.mark.django_db
def test_an_unknown_picture_is_not_found(client):
    login(client, make_user(DESK))
    assert client.get(BODY_PICTURE_URL, {"id": "999999"}).status_code == 404
    assert client.get(BODY_PICTURE_URL, {"id": "x"}).status_code == 404


@pytest.mark.django_db
def test_the_picture_lookup_is_for_people_who_may_see_the_library(client, django_user_model):
    image = ImageFactory()
    assert client.get(BODY_PICTURE_URL, {"id": image.pk}).status_code == 302  # to the login

    staff = django_user_model.objects.create_user("praktikant", password="x", is_staff=True)
    login(client, staff)
    assert client.get(BODY_PICTURE_URL, {"id": image.pk}).status_code == 403


# --- the sanitizer's part -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("https://e.org/a?utm_source=nl&utm_medium=email", "https://e.org/a"),
        ("https://e.org/a?id=7&amp;fbclid=IwAR1&amp;seite=2", "https://e.org/a?id=7&amp;seite=2"),
        ("https://e.org/a?GCLID=x#absatz", "https://e.org/a#absatz"),
        ("https://e.org/a?wt_mc=twitter&amp;mc_cid=1&amp;_hsenc=2", "https://e.org/a"),
        ("https://e.org/a?utm=1&amp;source=x", "https://e.org/a?utm=1&amp;source=x"),
    ],
)
def test_tracking_parameters_are_removed_from_links(href, kept):
    cleaned = clean_body(f'<p><a href="{href}">Link</a></p>')
    assert cleaned == f'<p><a href="{kept}" rel="noopener noreferrer">Link</a></p>'


@pytest.mark.parametrize(
    "block",
    [
        '<figure data-image="123"><figcaption>Die neue Linie</figcaption></figure>',
        '<figure data-image="123"></figure>',
        '<figure data-embed="https://www.youtube.com/watch?v=abc&amp;t=3"></figure>',
    ],
)
def test_picture_and_embed_blocks_survive_the_sanitizer(block):
    body = f"<p>Vorher.</p>{block}<p>Nachher.</p>"
    assert clean_body(body) == body


def test_figures_keep_only_their_block_attributes():
    cleaned = clean_body('<figure data-image="1" class="x" style="y" onclick="z()"></figure>')
    assert cleaned == '<figure data-image="1"></figure>'


def test_the_editor_and_the_sanitizer_strip_the_same_parameters():
    # The rule is written twice (on paste in the browser, on save on the server); this
    # keeps the two lists from drifting apart.
    script = Path(finders.find("admin_extra/body-editor.js")).read_text()
    in_editor = re.search(r"const TRACKING_PARAMETER =\s*/\^\((.+?)\)\$/i", script).group(1)
    assert in_editor.split("|") == TRACKING_PARAMETER.pattern.split("|")
