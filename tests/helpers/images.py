"""The image library in tests: the admin's two-step upload (send the files, then review
them), reading pictures off a page, and the media files behind their addresses."""

import io

from django import forms
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image as PILImage

from tests.helpers.html import html

UPLOAD_URL = "/admin/images/image/hochladen/"
CHANGELIST_URL = "/admin/images/image/"


def change_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def post_upload(client, *files):
    """Step 1 of the upload: send one or several files in one request."""
    return client.post(UPLOAD_URL, {"files": list(files)})


def review_payload(response, *changes):
    """What the review page submits: every form's values as the page shows them, with
    `changes[i]` typed into form i (a value of None unticks a checkbox or empties a field)."""
    formset = response.context["formset"]
    data = {
        "form-TOTAL_FORMS": str(formset.total_form_count()),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "100",
    }
    for index, form in enumerate(formset.forms):
        typed = changes[index] if index < len(changes) else {}
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            value = typed.get(name, form[name].value())
            if isinstance(field.widget, forms.CheckboxInput):
                if value:
                    data[key] = "on"
                continue
            data[key] = "" if value is None else value
    return data


def staged_tokens(response):
    return [form["staged"].value() for form in response.context["formset"].forms]


def refused(response):
    """The refusal messages the upload or review page lists for the files it did not take."""
    return list(response.context["refused"])


def image_srcs(response):
    """Every address an <img> or <source> of the page points to (src and srcset entries)."""
    tree = html(response)
    urls = [img.get("src") for img in tree.xpath("//img[@src]")]
    for element in tree.xpath("//*[@srcset]"):
        urls += [entry.strip().split(" ")[0] for entry in element.get("srcset").split(",")]
    return urls


def srcset(element):
    """[(url, width)] of a srcset attribute."""
    entries = [entry.strip().rsplit(" ", 1) for entry in element.get("srcset").split(",")]
    return [(url, int(descriptor.removesuffix("w"))) for url, descriptor in entries]


def media_name(url):
    """The storage name behind a media URL."""
    assert url.startswith(settings.MEDIA_URL), url
    return url.removeprefix(settings.MEDIA_URL)


def media_bytes(url):
    with default_storage.open(media_name(url), "rb") as fh:
        return fh.read()


def open_media(url):
    """A Pillow image of the file behind a media URL (read into memory, nothing left open)."""
    image = PILImage.open(io.BytesIO(media_bytes(url)))
    image.load()
    return image
