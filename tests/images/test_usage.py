"""Where an image is used: listed on its admin page, and no deleting it by accident."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext

from images.models import Image, Rendition
from tests.helpers import imagefiles
from tests.helpers.factories import ArticleFactory, AuthorFactory, ImageFactory
from tests.helpers.html import html
from tests.helpers.images import CHANGELIST_URL, change_url

pytestmark = pytest.mark.django_db


def delete_url(image):
    return reverse("admin:images_image_delete", args=[image.pk])


def usage_field(response):
    (field,) = html(response).xpath(
        '//div[contains(concat(" ", normalize-space(@class), " "), " field-usage ")]'
    )
    return field


def test_the_change_page_lists_every_article_using_the_image(admin_client):
    image = ImageFactory()
    public = ArticleFactory(hero_image=image, kicker="", headline="Linie 16 kommt")
    draft = ArticleFactory(hero_image=image, draft=True, kicker="", headline="Noch ein Entwurf")
    ArticleFactory(hero_image=ImageFactory(), headline="Anderes Bild")

    response = admin_client.get(change_url(image))

    assert response.status_code == 200
    field = usage_field(response)
    links = {a.text_content(): a.get("href") for a in field.xpath(".//a")}
    assert links == {
        "Linie 16 kommt": reverse("admin:articles_article_change", args=[public.pk]),
        "Noch ein Entwurf": reverse("admin:articles_article_change", args=[draft.pk]),
    }
    assert "Anderes Bild" not in field.text_content()


def test_the_change_page_lists_authors_whose_photo_it_is(admin_client):
    image = ImageFactory()
    author = AuthorFactory(name="Ruth Tester", photo=image)

    response = admin_client.get(change_url(image))

    field = usage_field(response)
    links = {a.text_content(): a.get("href") for a in field.xpath(".//a")}
    assert links == {"Ruth Tester": reverse("admin:people_author_change", args=[author.pk])}


def test_an_unused_image_says_so(admin_client):
    image = ImageFactory()

    response = admin_client.get(change_url(image))

    assert gettext("Not used anywhere yet.") in usage_field(response).text_content()


@pytest.fixture(params=["article", "author photo"])
def image_in_use(request):
    image = ImageFactory(file=imagefiles.upload("in-gebrauch.jpg", imagefiles.jpeg()))
    if request.param == "article":
        ArticleFactory(hero_image=image, headline="Bild im Einsatz")
    else:
        AuthorFactory(name="Ruth Tester", photo=image)
    return image


def test_an_image_in_use_cannot_be_deleted(admin_client, image_in_use):
    confirmation = admin_client.get(delete_url(image_in_use))

    assert confirmation.status_code == 200
    assert confirmation.context["protected"], "the confirmation names what protects it"
    (content,) = html(confirmation).xpath('//*[@id="content"]')
    assert not content.xpath(".//form"), "no button to confirm the deletion"

    response = admin_client.post(delete_url(image_in_use), {"post": "yes"})

    assert response.status_code == 200
    assert Image.objects.filter(pk=image_in_use.pk).exists()
    assert default_storage.exists(image_in_use.file.name)


def test_an_image_in_use_survives_the_bulk_delete_action(admin_client, image_in_use):
    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "delete_selected", "_selected_action": [image_in_use.pk], "post": "yes"},
    )

    assert response.status_code == 200
    assert Image.objects.filter(pk=image_in_use.pk).exists()


def test_deleting_an_unused_image_removes_it_its_renditions_and_their_files(
    admin_client, django_capture_on_commit_callbacks
):
    image = ImageFactory(file=imagefiles.upload("weg.jpg", imagefiles.jpeg(1600, 900)))
    admin_client.get(CHANGELIST_URL)  # the list's thumbnail makes the renditions
    files = [image.file.name, *Rendition.objects.filter(image=image).values_list("file", flat=True)]
    assert len(files) > 1 and all(default_storage.exists(name) for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(delete_url(image), {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not Rendition.objects.filter(image_id=image.pk).exists()
    for name in files:
        assert not default_storage.exists(name), f"{name} was left behind"


def test_a_deletion_that_is_rolled_back_keeps_the_files(
    admin_client, django_capture_on_commit_callbacks
):
    """Files go only once the deletion is committed: the callbacks that would remove them
    belong to the transaction."""
    image = ImageFactory(file=imagefiles.upload("bleibt.jpg", imagefiles.jpeg()))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin_client.post(delete_url(image), {"post": "yes"})

    assert callbacks, "the files are removed on commit, not before"
    assert default_storage.exists(image.file.name)
