"""
The one place that decides which HTML an article body may contain.

Bodies are cleaned with nh3 (the Ammonia sanitizer) when an article is saved, so
what is stored is exactly what readers are shown.
"""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"


def clean_body(html: str) -> str:
    """Return ``html`` reduced to the tags and attributes an article body may use."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        # Drop dangerous elements together with their content, not just their tags.
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        strip_comments=True,
    ).strip()
