"""
The one place that decides which HTML an article body may contain.

Bodies are cleaned with nh3 (the Ammonia sanitizer) when an article is saved, so
what is stored is exactly what readers are shown. Links lose the tracking parameters
(``utm_*``, ``fbclid``, ``gclid`` …) that come along when a link is copied from a
newsletter, a social network or an ad; the editor does the same on paste, but this
holds for any input.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"

# --- Pictures and embeds in the body (issue 13) ---------------------------------------------
# Only what the editor's picture and embed blocks need to survive a save:
#   <figure data-image="123"><figcaption>…</figcaption></figure>
#   <figure data-embed="https://…"></figure>
# Validating the ids and URLs, and rendering them, is the server side's work (merged
# separately); keep this block apart so that merge replaces it in one piece.
BODY_BLOCK_TAGS = {"figure", "figcaption"}
BODY_BLOCK_ATTRIBUTES = {"figure": {"data-image", "data-embed"}}
# --- end of pictures and embeds -------------------------------------------------------------

# Query parameters that only say where a click came from (analytics, ad and newsletter
# tools); a link in an article never needs them. Matched case-insensitively.
TRACKING_PARAMETER = re.compile(
    r"utm_[a-z0-9_]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|twclid|ttclid|yclid"
    r"|igshid|igsh|li_fat_id|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|wt_mc|wt_zmc",
    re.IGNORECASE,
)


def strip_tracking(url: str) -> str:
    """Return ``url`` without tracking query parameters; anything else stays byte for byte."""
    if "?" not in url:
        return url
    base, _, rest = url.partition("?")
    query, hash_mark, fragment = rest.partition("#")
    kept = [
        part
        for part in query.split("&")
        if part and not TRACKING_PARAMETER.fullmatch(part.split("=", 1)[0])
    ]
    if len(kept) == len([part for part in query.split("&") if part]):
        return url
    return base + ("?" + "&".join(kept) if kept else "") + hash_mark + fragment


def _filter_attribute(tag, attribute, value):
    if tag == "a" and attribute == "href":
        return strip_tracking(value)
    return value


def clean_body(html: str) -> str:
    """Return ``html`` reduced to the tags and attributes an article body may use."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS | BODY_BLOCK_TAGS,
        attributes=ALLOWED_ATTRIBUTES | BODY_BLOCK_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        # Drop dangerous elements together with their content, not just their tags.
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        strip_comments=True,
    ).strip()
