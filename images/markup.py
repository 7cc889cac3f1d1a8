"""A library image as a responsive <picture> of renditions, never the original (``picture()``
on the reader's pages, images/templating.py), and the desk's warning about an article's
pictures whose rights end (``rights_warning()``, also ``{% rights_warning %}`` in the admin:
images/templatetags/images.py)."""

from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

from core.dates import german_date, german_datetime
from images import renditions as rendition_lib


def srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def picture(image, role="wide", sizes="100vw", loading="lazy", priority="", alt=None, css=""):
    """Render `image` for a role ("wide" 16:9 or "square" 1:1).

    Expired images become a placeholder of the same shape. `loading="eager"` with
    `priority="high"` is for the one image at the top of a page (the hero).

    Built in Python rather than a template: a home page shows about forty, and the template
    engine's per-include cost was a tenth of the page's render time. Each value is escaped
    with MarkupSafe's (Jinja2's own, in C) rather than Django's ``format_html()``, whose
    lazy-aware escaping made up half of the 50 microseconds a picture took."""
    if image is None or not image.is_usable:
        return _placeholder(image, role, css)
    sets = rendition_lib.renditions_for(image, role)
    jpegs, webps, avifs = sets["jpeg"], sets["webp"], sets["avif"]
    if not jpegs:
        return _placeholder(image, role, css)
    fallback = rendition_lib.best(jpegs, 960)
    largest = jpegs[-1]
    sizes = escape(sizes)
    sources = "".join(
        f'<source type="{kind}" srcset="{escape(srcset(candidates))}" sizes="{sizes}">'
        for kind, candidates in (
            # AVIF once the worker made every size (until then WebP and JPEG serve alone).
            ("image/avif", avifs if len(avifs) == len(jpegs) else ()),
            ("image/webp", webps),
        )
        if candidates
    )
    css = f' class="{escape(css)}"' if css else ""
    priority = f' fetchpriority="{escape(priority)}"' if priority else ""
    return Markup(
        f'<picture{css}>{sources}<img src="{escape(fallback.url)}"'
        f' srcset="{escape(srcset(jpegs))}" sizes="{sizes}" width="{int(largest.width)}"'
        f' height="{int(largest.height)}" alt="{escape(image.alt_text if alt is None else alt)}"'
        f' loading="{escape(loading)}" decoding="async"{priority}></picture>'
    )


def _placeholder(image, role, css):
    """The same shape as the picture, from an empty SVG's viewBox: no inline style, which
    the Content-Security-Policy of public pages forbids."""
    ratio = rendition_lib.ROLES[role].ratio or (
        (image.width or 16, image.height or 9) if image is not None else (16, 9)
    )
    label = _("Image not available")
    return format_html(
        '<div class="image-placeholder{}" role="img" aria-label="{}"><svg viewBox="0 0 {} {}"'
        ' aria-hidden="true" focusable="false"></svg><span aria-hidden="true">{}</span></div>',
        f" {css}" if css else "",
        label,
        ratio[0],
        ratio[1],
        label,
    )


def rights_warning(article):
    """For the desk: why a picture of an article (the hero image or one in the text,
    ``Article.pictures``) cannot (or soon cannot) be shown; the first one that cannot."""
    for image in article.pictures:
        if image.is_under_embargo:
            return _("Image under embargo until %(time)s") % {
                "time": german_datetime(image.embargo_until)
            }
        if image.usable_until is None:
            continue
        until = german_date(image.usable_until)
        if image.is_expired:
            return _("Image rights expired on %(date)s") % {"date": until}
        if article.published_at and timezone.localdate(article.published_at) > image.usable_until:
            return _("Image rights end on %(date)s, before publication") % {"date": until}
    return ""
