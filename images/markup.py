"""A library image as a responsive <picture> of renditions, never the original, and the
desk's warning about an article's pictures whose rights end. Both template engines use
them: ``{% picture %}`` in the admin (images/templatetags/images.py), ``picture()`` on the
reader's pages (images/templating.py)."""

from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from core.dates import german_date, german_datetime
from images import renditions as rendition_lib


def srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


def picture(image, role="wide", sizes="100vw", loading="lazy", priority="", alt=None, css=""):
    """Render `image` for a role ("wide" 16:9 or "square" 1:1).

    Expired images become a placeholder of the same shape. `loading="eager"` with
    `priority="high"` is for the one image at the top of a page (the hero).

    Built in Python rather than a template: a home page shows about forty, and
    the template engine's per-include cost was a tenth of the page's render time."""
    if image is None or not image.is_usable:
        return _placeholder(image, role, css)
    sets = rendition_lib.renditions_for(image, role)
    jpegs, webps, avifs = sets["jpeg"], sets["webp"], sets["avif"]
    if not jpegs:
        return _placeholder(image, role, css)
    fallback = rendition_lib.best(jpegs, 960)
    largest = jpegs[-1]
    sources = [
        # AVIF once the worker made every size (until then WebP and JPEG serve alone).
        ("image/avif", srcset(avifs) if len(avifs) == len(jpegs) else ""),
        ("image/webp", srcset(webps)),
    ]
    return format_html(
        '<picture{}>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"'
        ' loading="{}" decoding="async"{}></picture>',
        format_html(' class="{}"', css) if css else "",
        format_html_join(
            "",
            '<source type="{}" srcset="{}" sizes="{}">',
            ((kind, candidates, sizes) for kind, candidates in sources if candidates),
        ),
        fallback.url,
        srcset(jpegs),
        sizes,
        largest.width,
        largest.height,
        image.alt_text if alt is None else alt,
        loading,
        format_html(' fetchpriority="{}"', priority) if priority else "",
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
