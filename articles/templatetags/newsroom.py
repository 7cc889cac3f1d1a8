"""Template tags and filters for the reader's pages: German formats, canonical URLs and the
data other sites read (social previews, structured data)."""

from django import template
from django.utils import timezone

from .. import structured_data

register = template.Library()


@register.filter
def german_datetime(value):
    """'03.11.2026 14.05': day, month, year, hours and minutes in the site's time zone."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%d.%m.%Y %H.%M")


@register.filter
def german_short_datetime(value):
    """'14.05' for a time today, '03.11. 14.05' for another day: for compact lists."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if local.date() == timezone.localdate():
        return local.strftime("%H.%M")
    return local.strftime("%d.%m. %H.%M")


@register.filter
def iso_datetime(value):
    """An ISO 8601 timestamp with offset, for <time datetime> and machines."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="minutes")


@register.simple_tag(takes_context=True)
def og_image(context, image):
    """URL, width and height of ``image`` for social previews (a rendition); None when there
    is none to show."""
    return structured_data.social_image(context.get("request"), image)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's absolute address without its query string, except a page number > 1.

    A view may name the address with ``canonical_path`` (an article's preview, say)."""
    request = context["request"]
    url = request.build_absolute_uri(context.get("canonical_path") or request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?seite={page.number}"
    return url


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article's schema.org ``NewsArticle`` as a JSON-LD script element."""
    request = context.get("request")
    return structured_data.json_ld(structured_data.news_article(article, request, context["site"]))
