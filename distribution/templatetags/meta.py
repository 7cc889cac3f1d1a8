"""What other sites read from a page: the canonical address, the social preview picture and
the structured data. ``{% load meta %}``."""

from django import template

from core import text
from core.addresses import absolute_url
from images.data import image_data

from .. import structured_data

register = template.Library()


@register.filter
def xml_safe(value):
    """Text without the characters XML 1.0 cannot carry (for XML templates)."""
    return text.xml_safe(value)


@register.simple_tag(takes_context=True)
def og_image(context, *images):
    """URL, width, height and alt text for social previews (a rendition) of the first of
    ``images`` that can be shown (set, licensed, with renditions); None when none can."""
    for image in images:
        if not image:  # not set, or not given by the template ("")
            continue
        data = image_data(image, request=context.get("request"))
        if data:
            return data
    return None


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's absolute address without its query string, except a page number > 1.

    A view may name the address with ``canonical_path`` (an article's preview, say)."""
    request = context["request"]
    url = absolute_url(request, context.get("canonical_path") or request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?seite={page.number}"
    return url


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article's schema.org ``NewsArticle`` as a JSON-LD script element."""
    request = context.get("request")
    return structured_data.json_ld(structured_data.news_article(article, request, context["site"]))


@register.simple_tag(takes_context=True)
def home_json_ld(context):
    """The publisher and the website (with its search) as a JSON-LD script element."""
    return structured_data.json_ld(
        structured_data.home_page(context.get("request"), context["site"])
    )
