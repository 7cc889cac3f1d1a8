"""``{% load meta %}`` for the XML templates (the news sitemap). What the reader's pages
give other sites (canonical address, social picture, structured data) is in
distribution/templating.py."""

from django import template

from core import text

register = template.Library()


@register.filter
def xml_safe(value):
    """Text without the characters XML 1.0 cannot carry (for XML templates)."""
    return text.xml_safe(value)
