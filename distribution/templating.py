"""What the reader's pages tell other sites: the canonical address, the social preview
picture and the structured data. The Jinja2 templates' globals (core/jinja2.py collects
them); the templates hand in what the page has (request, site, page), as arguments."""

from core.addresses import absolute_url
from images.data import image_data

from . import structured_data


def og_image(request, *images):
    """URL, width, height and alt text for social previews (a rendition) of the first of
    ``images`` that can be shown (set, licensed, with renditions); None when none can."""
    for image in images:
        if not image:  # not set, or not given by the template
            continue
        data = image_data(image, request=request)
        if data:
            return data
    return None


def canonical_url(request, canonical_path=None, page=None):
    """This page's absolute address without its query string, except a page number > 1.

    A view may name the address with ``canonical_path`` (an article's preview, say)."""
    url = absolute_url(request, canonical_path or request.path)
    number = getattr(page, "number", None)  # no page, or none given by the template
    if isinstance(number, int) and number > 1:
        url += f"?seite={number}"
    return url


def article_json_ld(request, site, article):
    """The article's schema.org ``NewsArticle`` as a JSON-LD script element."""
    return structured_data.json_ld(structured_data.news_article(article, request, site))


def home_json_ld(request, site):
    """The publisher and the website (with its search) as a JSON-LD script element."""
    return structured_data.json_ld(structured_data.home_page(request, site))


GLOBALS = {
    "og_image": og_image,
    "canonical_url": canonical_url,
    "article_json_ld": article_json_ld,
    "home_json_ld": home_json_ld,
}
