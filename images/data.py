"""A library picture as data for other sites and apps: feeds, structured data, social
previews and the API all describe a picture with ``image_data``.

Other sites get renditions, never the original: ``url`` is the JPEG about 1200 px wide that
they ask for (``renditions.social``), and ``renditions`` (on request) every size in WebP and
JPEG. A picture whose licence has run out, or that has no file, is no data at all (None).
"""

from core.addresses import absolute_url

from . import renditions


def image_data(image, *, request=None, role="wide", caption=None, all_sizes=False):
    """``image`` as a dict, or None when there is none to show.

    Keys: ``url`` (absolute when there is a request), ``width``, ``height``, ``mime_type``,
    ``length`` (bytes), ``alt``, ``caption`` (``caption`` overrides the picture's own: pass
    an article's), ``credit``, ``credit_label`` and, with ``all_sizes``, ``renditions``.
    """
    main = renditions.social(image, role)
    if main is None:
        return None
    data = {
        "url": absolute_url(request, main.url),
        "width": main.width,
        "height": main.height,
        "mime_type": main.mime_type,
        "length": main.file_size,
        "alt": image.alt_text,
        "caption": image.caption if caption is None else caption,
        "credit": image.credit,
        "credit_label": str(image.credit_label),
    }
    if all_sizes:
        sets = renditions.renditions_for(image, role)
        data["renditions"] = [
            {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "type": rendition.mime_type,
            }
            for fmt in ("webp", "jpeg")
            for rendition in sets[fmt]
        ]
    return data
