"""An article and the people and topics around it as data for other sites and apps: feeds,
sitemaps, structured data (JSON-LD), Open Graph and the API all describe them with these
functions, so an address or a time is written the same way on every surface.

Pictures are described by ``images.data.image_data``; times by ``core.dates.iso_datetime``.
"""

from django.urls import NoReverseMatch, reverse

from core.addresses import absolute_url
from images.data import image_data


def tag_page_url(tag):
    """The path of the tag's page, or None if it has none: taggit makes an empty slug of a
    name without letters or digits ("???"), and no URL pattern takes an empty segment. Links
    and sitemap entries then leave the page out rather than fail."""
    try:
        return reverse("articles:tag", kwargs={"slug": tag.slug})
    except NoReverseMatch:
        return None


def tag_data(tag, request=None):
    path = tag_page_url(tag)
    return {"name": tag.name, "slug": tag.slug, "url": path and absolute_url(request, path)}


def author_data(author, request=None):
    """An author: ``name``, ``slug``, ``role`` (the author's own) and the page's ``url``."""
    return {
        "name": author.name,
        "slug": author.slug,
        "role": author.role_title,
        "url": absolute_url(request, author.get_absolute_url()),
    }


def byline_data(byline, request=None):
    """A byline: the author, with the ``role`` in this article and the ``label`` as printed."""
    return {
        **author_data(byline.author, request),
        "role": byline.role or byline.author.role_title,
        "label": byline.label,
    }


def article_url(article, request=None):
    return absolute_url(request, article.get_absolute_url())


def hero_image_data(article, request=None, **options):
    """The article's hero picture with the article's caption, or None."""
    return image_data(article.hero_image, request=request, caption=article.caption, **options)
