"""A picture on a public page changes only through the desk.

An Autor:in changes the pictures they uploaded while only drafts show them; anyone else's
picture, or one on a submitted, scheduled, published or withdrawn article, an author's page
or the site logo, opens read-only for them and a forged POST answers 403.
"""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from images.models import Image
from tests.helpers.accounts import CHIEF, DESK, REPORTER, SUPERUSER, login, make_user
from tests.helpers.factories import ArticleFactory, AuthorFactory, ImageFactory
from tests.helpers.forms import open_form
from tests.helpers.images import change_url

pytestmark = pytest.mark.django_db

FORM = "image_form"


@pytest.fixture
def reporter(client):
    return login(client, make_user(REPORTER))


def save_caption(client, image, caption, form_data=None):
    """The change form as the editor's browser submits it, with a new caption typed in."""
    data = form_data or open_form(client, change_url(image), FORM).data
    return client.post(change_url(image), {**data, "caption": caption, "_save": "Sichern"})


def editable(response):
    return b'name="caption"' in response.content


def test_a_reporter_changes_an_own_picture_nothing_public_shows(reporter):
    image = ImageFactory(uploaded_by=reporter.user)
    ArticleFactory(hero_image=image, draft=True)

    response = save_caption(reporter, image, "Neue Bildunterschrift")

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.caption == "Neue Bildunterschrift"


@pytest.mark.parametrize(
    "status",
    [
        Article.Status.REVIEW,
        Article.Status.SCHEDULED,
        Article.Status.PUBLISHED,
        Article.Status.WITHDRAWN,
    ],
)
def test_a_reporter_cannot_change_an_own_picture_once_an_article_left_the_drafts(client, status):
    desk = login(client, make_user(DESK))
    image = ImageFactory(uploaded_by=make_user(REPORTER, "autorin"))
    article = ArticleFactory(hero_image=image)
    Article.objects.filter(pk=article.pk).update(status=status)
    form_data = open_form(desk, change_url(image), FORM).data  # what a browser would send
    reporter = login(client, image.uploaded_by)

    page = reporter.get(change_url(image))
    response = save_caption(reporter, image, "Heimlich geändert", form_data)

    assert page.status_code == 200 and not editable(page)
    assert response.status_code == 403
    image.refresh_from_db()
    assert image.caption != "Heimlich geändert"


def test_a_reporter_cannot_change_a_colleagues_picture(client):
    colleague = make_user(REPORTER, "kollegin")
    image = ImageFactory(uploaded_by=colleague)
    form_data = open_form(login(client, colleague), change_url(image), FORM).data
    reporter = login(client, make_user(REPORTER))

    page = reporter.get(change_url(image))
    response = save_caption(reporter, image, "Fremd geändert", form_data)

    assert page.status_code == 200 and not editable(page)
    assert response.status_code == 403
    assert Image.objects.get(pk=image.pk).caption != "Fremd geändert"


def test_a_reporter_cannot_change_an_own_picture_shown_as_an_authors_photo(client):
    owner = make_user(REPORTER)
    image = ImageFactory(uploaded_by=owner)
    form_data = open_form(login(client, owner), change_url(image), FORM).data
    AuthorFactory(photo=image)

    response = save_caption(client, image, "Anderes Porträt", form_data)

    assert response.status_code == 403
    assert Image.objects.get(pk=image.pk).caption != "Anderes Porträt"


@pytest.mark.parametrize("role", [DESK, CHIEF, SUPERUSER])
def test_the_desk_changes_the_picture_of_a_published_article(client, role):
    image = ImageFactory(uploaded_by=make_user(REPORTER))
    ArticleFactory(hero_image=image)
    desk = login(client, make_user(role))

    response = save_caption(desk, image, "Vom Desk korrigiert")

    assert response.status_code == 302
    assert Image.objects.get(pk=image.pk).caption == "Vom Desk korrigiert"


def test_only_the_desk_roles_hold_the_permission_to_change_any_picture():
    holders = Group.objects.filter(
        permissions__content_type__app_label="images",
        permissions__codename="change_any_image",
    )
    assert set(holders.values_list("name", flat=True)) == {DESK, CHIEF}
