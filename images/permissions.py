"""Who may change a picture in the library.

A picture on a public page (or on its way there) changes only through the desk. Holders of
``images.change_any_image`` (Redaktion / CvD, Chefredaktion) change any picture; everyone
else with ``images.change_image`` (Autor:in) only the pictures they uploaded themselves, and
only as long as nothing but drafts shows them: a new file, caption, credit or "usable until"
on a submitted, scheduled, published or withdrawn article, an author's photo or the site logo
would otherwise go out around the review.
"""

from .models import Image, Rendition

CHANGE_ANY = "images.change_any_image"


def users_of(image, limit=200):
    """Every object that shows ``image`` (renditions aside), each once, at most ``limit`` per
    relation: whatever refers to it, as a hero image, in an article's text
    (``Article.inline_images``), as an author's photo or the site logo."""
    found = {}
    for relation in Image._meta.related_objects:
        if relation.related_model is Rendition or not relation.field.concrete:
            continue
        manager = relation.related_model._default_manager
        for obj in manager.filter(**{relation.field.name: image})[:limit]:
            found.setdefault((obj._meta.label, obj.pk), obj)
    return list(found.values())


def is_held(image):
    """Whether something beyond a draft shows ``image``.

    An object decides through ``locks_images`` (an article: once it leaves the drafts);
    anything without that attribute (an author's photo, the site logo) is always public.
    Remembered on the image instance: the admin asks several times per request.
    """
    if "_held" not in image.__dict__:
        image.__dict__["_held"] = any(getattr(obj, "locks_images", True) for obj in users_of(image))
    return image.__dict__["_held"]


def can_change(user, image):
    """Whether ``user`` may change ``image`` (None: pictures in general, as for the list)."""
    if user.has_perm(CHANGE_ANY):
        return True
    if not user.has_perm("images.change_image"):
        return False
    if image is None:
        return True
    return image.uploaded_by_id == user.pk and not is_held(image)
