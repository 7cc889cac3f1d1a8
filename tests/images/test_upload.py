"""Uploading to the library in the admin: one file or several, reviewed before saving."""

import re

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from images.models import Image
from tests.helpers import imagefiles
from tests.helpers.factories import SuperUserFactory, UserFactory
from tests.helpers.html import html
from tests.helpers.images import UPLOAD_URL, post_upload, review_payload, staged_tokens

pytestmark = pytest.mark.django_db

AGENCY = {"credit_line": "picture alliance/dpa", "photographer": "Jana Beispiel"}


def described(alt_text="Straßenbahn am Augustusplatz", **values):
    return {"alt_text": alt_text, **AGENCY, **values}


def test_the_add_button_leads_to_the_upload(admin_client):
    response = admin_client.get(reverse("admin:images_image_add"))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:images_image_upload") == UPLOAD_URL


def test_the_upload_page_takes_several_files_at_once(admin_client):
    response = admin_client.get(UPLOAD_URL)

    assert response.status_code == 200
    (field,) = html(response).xpath('//input[@type="file"][@name="files"]')
    assert field.get("multiple") is not None


def test_one_uploaded_file_is_reviewed_and_saved_with_its_facts(admin_client):
    data = imagefiles.jpeg(1200, 800)

    review = post_upload(admin_client, imagefiles.upload("Stadtrat.jpg", data))

    assert review.status_code == 200
    assert len(review.context["formset"].forms) == 1
    assert not Image.objects.exists(), "nothing is saved before the editor reviewed it"
    response = admin_client.post(UPLOAD_URL, review_payload(review, described()))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:images_image_changelist")
    image = Image.objects.get()
    assert image.uploaded_by == admin_client.user
    assert (image.width, image.height) == (1200, 800)
    assert image.file_size == len(data) == default_storage.size(image.file.name)
    assert image.alt_text == "Straßenbahn am Augustusplatz"
    assert image.credit == "picture alliance/dpa | Jana Beispiel"
    assert re.fullmatch(r"images/\d{4}/\d{2}/stadtrat-[0-9a-f]{10}\.jpg", image.file.name)
    with default_storage.open(image.file.name, "rb") as stored:
        assert stored.read() == data
    assert LogEntry.objects.get(object_id=str(image.pk)).action_flag == ADDITION


def test_several_files_in_one_request_get_one_review_form_each(admin_client):
    sizes = [(1200, 800), (600, 900), (500, 500)]
    files = [
        imagefiles.upload(f"bild-{n}.jpg", imagefiles.jpeg(w, h)) for n, (w, h) in enumerate(sizes)
    ]

    review = post_upload(admin_client, *files)

    assert review.status_code == 200
    forms = review.context["formset"].forms
    assert len(forms) == 3
    assert len(set(staged_tokens(review))) == 3
    previews = html(review).xpath('//fieldset[contains(@class, "nr-review")]//img/@src')
    assert len(set(previews)) == 3
    for preview in previews:
        assert default_storage.exists(preview.removeprefix("/media/"))
    response = admin_client.post(
        UPLOAD_URL,
        review_payload(review, *(described(alt_text=f"Bild {n}") for n in range(3))),
    )

    assert response.status_code == 302
    images = {image.alt_text: image for image in Image.objects.all()}
    assert {alt: (i.width, i.height) for alt, i in images.items()} == {
        f"Bild {n}": size for n, size in enumerate(sizes)
    }
    assert len({image.file.name for image in images.values()}) == 3
    assert all(image.uploaded_by == admin_client.user for image in images.values())


def test_review_without_alt_text_keeps_what_was_typed_and_the_staged_file(admin_client):
    review = post_upload(admin_client, imagefiles.upload("rathaus.jpg", imagefiles.jpeg()))
    (token,) = staged_tokens(review)
    typed = described(
        alt_text="",
        caption="Das Neue Rathaus im Abendlicht.",
        usage_notes="Nur für die Berichterstattung über die Stadtratswahl.",
    )

    response = admin_client.post(UPLOAD_URL, review_payload(review, typed))

    assert response.status_code == 200
    form = response.context["formset"].forms[0]
    assert list(form.errors) == ["alt_text"]
    content = response.content.decode()
    assert "errornote" in content
    for text in (typed["caption"], typed["usage_notes"], *AGENCY.values()):
        assert escape(text) in content, f"the typed {text!r} was lost"
    # The file is neither lost nor needed again: the same staged file, still previewed.
    assert staged_tokens(response) == [token]
    staged_name = signing.loads(token, salt="images.staged-upload")["name"]
    assert html(response).xpath(f'//img[@src="/media/{staged_name}"]')
    assert not Image.objects.exists()

    fixed = admin_client.post(
        UPLOAD_URL, review_payload(response, {"alt_text": "Das Neue Rathaus"})
    )

    assert fixed.status_code == 302
    image = Image.objects.get()
    assert image.file.name == staged_name
    assert image.caption == typed["caption"]


def test_a_picture_without_credit_is_refused_unless_it_is_the_newsrooms_own(admin_client):
    review = post_upload(admin_client, imagefiles.upload("ohne.jpg", imagefiles.jpeg()))

    response = admin_client.post(
        UPLOAD_URL,
        review_payload(review, {"alt_text": "Ein Bild", "credit_line": "", "photographer": ""}),
    )

    assert response.status_code == 200
    assert list(response.context["formset"].forms[0].errors) == ["credit_line"]
    assert escape("Ein Bild") in response.content.decode()
    assert not Image.objects.exists()


def test_the_newsrooms_own_picture_needs_no_credit_and_is_credited_with_its_name(
    admin_client, settings
):
    settings.NEWSROOM_SITE_NAME = "Leipziger Stadtanzeiger"
    review = post_upload(admin_client, imagefiles.upload("eigen.jpg", imagefiles.jpeg()))

    response = admin_client.post(
        UPLOAD_URL,
        review_payload(
            review,
            {"alt_text": "Redaktion", "credit_line": "", "photographer": "", "is_own": True},
        ),
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.is_own
    assert image.credit_label == "Bild: Leipziger Stadtanzeiger"


def test_submitting_the_review_twice_does_not_make_a_second_image(admin_client):
    review = post_upload(admin_client, imagefiles.upload("doppelt.jpg", imagefiles.jpeg()))
    payload = review_payload(review, described())

    first = admin_client.post(UPLOAD_URL, payload)
    second = admin_client.post(UPLOAD_URL, payload)

    assert first.status_code == 302
    assert second.status_code == 200
    assert "staged" in second.context["formset"].forms[0].errors
    assert Image.objects.count() == 1


def test_one_staged_file_cannot_become_two_images_in_one_review(admin_client):
    review = post_upload(
        admin_client,
        imagefiles.upload("eins.jpg", imagefiles.jpeg()),
        imagefiles.upload("zwei.jpg", imagefiles.jpeg()),
    )
    payload = review_payload(review, described(alt_text="Eins"), described(alt_text="Zwei"))
    payload["form-1-staged"] = payload["form-0-staged"]

    admin_client.post(UPLOAD_URL, payload)

    names = list(Image.objects.values_list("file", flat=True))
    assert len(names) == len(set(names)), "two images share one file"


def forged_tokens(token, user):
    payload, _, signature = token.partition(":")
    other = signing.dumps({"name": "../../newsroom/settings.py", "user": user.pk}, salt="x")
    changed_end = "AA" if signature[-2:] != "AA" else "BB"
    return {
        "signature changed": f"{payload}:{signature[:-2]}{changed_end}",
        "payload changed": f"{payload[:-2]}xx:{signature}",
        "signed with another salt": other,
        "not a token": "images/2026/01/fremd.jpg",
    }


@pytest.mark.parametrize(
    "forgery",
    ["signature changed", "payload changed", "signed with another salt", "not a token"],
)
def test_a_tampered_staged_token_is_refused(admin_client, forgery):
    review = post_upload(admin_client, imagefiles.upload("echt.jpg", imagefiles.jpeg()))
    payload = review_payload(review, described())
    payload["form-0-staged"] = forged_tokens(payload["form-0-staged"], admin_client.user)[forgery]

    response = admin_client.post(UPLOAD_URL, payload)

    assert response.status_code == 200
    assert "staged" in response.context["formset"].forms[0].errors
    assert not Image.objects.exists()


def test_another_users_staged_upload_cannot_be_taken_over(admin_client):
    review = post_upload(admin_client, imagefiles.upload("fremd.jpg", imagefiles.jpeg()))
    payload = review_payload(review, described())
    client = Client()
    colleague = SuperUserFactory(username="kollege")
    colleague.save()  # the factory leaves the hashed password unsaved
    client.force_login(colleague)

    response = client.post(UPLOAD_URL, payload)

    assert response.status_code == 200
    assert "staged" in response.context["formset"].forms[0].errors
    assert not Image.objects.exists()


@pytest.fixture
def viewer():
    """A staff member who may look at the library but not add to it (own client, so that
    `admin_client` stays logged in as the superuser)."""
    client = Client()
    user = UserFactory(username="praktikant", is_staff=True)
    user.save()  # the factory leaves the hashed password unsaved
    user.user_permissions.add(
        Permission.objects.get(codename="view_image", content_type__app_label="images")
    )
    client.force_login(user)
    return client


def test_users_without_add_permission_cannot_upload(viewer, tmp_path):
    assert viewer.get(UPLOAD_URL).status_code == 403
    response = post_upload(viewer, imagefiles.upload("heimlich.jpg", imagefiles.jpeg()))

    assert response.status_code == 403
    assert not (tmp_path / "media" / "images").exists(), "a refused upload was stored"


def test_users_without_add_permission_cannot_save_a_review(viewer, admin_client):
    review = post_upload(admin_client, imagefiles.upload("fremd.jpg", imagefiles.jpeg()))

    response = viewer.post(UPLOAD_URL, review_payload(review, described()))

    assert response.status_code == 403
    assert not Image.objects.exists()


def test_posting_no_file_asks_for_one(admin_client):
    response = admin_client.post(UPLOAD_URL, {"files": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["files"]
