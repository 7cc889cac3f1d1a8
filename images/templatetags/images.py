"""{% picture %}: a library image as a responsive <picture> of renditions, never the original."""

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import german_date
from images import renditions as rendition_lib

register = template.Library()


def srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.inclusion_tag("images/picture.html")
def picture(image, role="wide", sizes="100vw", loading="lazy", priority="", alt=None, css=""):
    """Render `image` for a role ("wide" 16:9 or "square" 1:1).

    Expired images become a placeholder of the same shape. `loading="eager"` with
    `priority="high"` is for the one image at the top of a page (the hero)."""
    ratio = rendition_lib.ROLES[role].ratio or (
        (image.width or 16, image.height or 9) if image is not None else (16, 9)
    )
    # The placeholder takes the picture's shape from an empty SVG's viewBox: no inline
    # style, which the Content-Security-Policy of public pages forbids.
    context = {"ratio_width": ratio[0], "ratio_height": ratio[1], "css": css, "image": image}
    if image is None or not image.is_usable:
        return context | {"usable": False}
    sets = rendition_lib.renditions_for(image, role)
    jpegs, webps, avifs = sets["jpeg"], sets["webp"], sets["avif"]
    if not jpegs:
        return context | {"usable": False}
    fallback = rendition_lib.best(jpegs, 960)
    largest = jpegs[-1]
    return context | {
        "usable": True,
        "alt": image.alt_text if alt is None else alt,
        "sizes": sizes,
        "loading": loading,
        "priority": priority,
        "src": fallback.url,
        "jpeg_srcset": srcset(jpegs),
        "webp_srcset": srcset(webps),
        # AVIF once the worker made every size (until then WebP and JPEG serve alone).
        "avif_srcset": srcset(avifs) if len(avifs) == len(jpegs) else "",
        "width": largest.width,
        "height": largest.height,
    }


@register.simple_tag
def rights_warning(article):
    """For the desk: why a picture of an article (the hero image or one in the text,
    ``Article.pictures``) cannot (or soon cannot) be shown; the first one that cannot."""
    for image in article.pictures:
        if image.usable_until is None:
            continue
        until = german_date(image.usable_until)
        if not image.is_usable:
            return _("Image rights expired on %(date)s") % {"date": until}
        if article.published_at and timezone.localdate(article.published_at) > image.usable_until:
            return _("Image rights end on %(date)s, before publication") % {"date": until}
    return ""
