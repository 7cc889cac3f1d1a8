"""schema.org data for search engines: an article page as a ``NewsArticle`` in JSON-LD."""

import json

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from images import renditions

# The logo that ships with the site, used until the site settings name one.
DEFAULT_LOGO = ("img/publisher-logo.png", 600, 60)

# As django.utils.html.json_script does: nothing in the data can end the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(request, url):
    """``url`` as an absolute URL; one that already is (a CDN, object storage) stays as is."""
    return request.build_absolute_uri(url) if request is not None else url


def image_url(request, image, role="wide"):
    """The absolute URL of a library image for other sites (social previews, search engines):
    its ~1200 px JPEG rendition, never the original; '' for no image or one whose licence has
    run out."""
    rendition = renditions.social(image, role)
    return absolute(request, rendition.url) if rendition else ""


def social_image(request, image, role="wide"):
    """URL, width and height of the picture other sites show, or None."""
    rendition = renditions.social(image, role)
    if rendition is None:
        return None
    return {
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def iso(value):
    """ISO 8601 with the offset of the site's time zone: '2026-11-03T14:05:00+01:00'."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def publisher(request, site):
    logo = social_image(request, site.logo, role="whole")
    if logo:
        logo_url, width, height = logo["url"], logo["width"], logo["height"]
    else:
        path, width, height = DEFAULT_LOGO
        logo_url = absolute(request, static(path))
    return {
        "@type": "NewsMediaOrganization",
        "name": site.site_name,
        "url": absolute(request, "/"),
        "logo": {"@type": "ImageObject", "url": logo_url, "width": width, "height": height},
    }


def news_article(article, request, site):
    """The ``NewsArticle`` for an article page (bylines, tags and section already loaded)."""
    url = absolute(request, article.get_absolute_url())
    published = iso(article.published_at)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.lead,
        "inLanguage": "de-DE",
        "datePublished": published,
        "dateModified": iso(article.updated_at) if article.is_updated else published,
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                "url": absolute(request, byline.author.get_absolute_url()),
                **({"jobTitle": byline.author.role_title} if byline.author.role_title else {}),
            }
            for byline in article.bylines.all()
        ],
        "publisher": publisher(request, site),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    hero = image_url(request, article.hero_image)
    if hero:
        data["image"] = [hero]
    return data


def json_ld(data):
    """A ``<script type="application/ld+json">`` element holding ``data``, safe in HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
