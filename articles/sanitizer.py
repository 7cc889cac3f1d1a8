"""
The one place that decides which HTML an article body may contain.

Bodies are cleaned with nh3 (the Ammonia sanitizer) when an article is saved, so
what is stored is exactly what readers are shown. Links lose the tracking parameters
(``utm_*``, ``fbclid``, ``gclid`` …) that come along when a link is copied from a
newsletter, a social network or an ad; the editor does the same on paste, but this
holds for any input.
"""

import html
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"

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
    """Links lose their tracking parameters; the blocks' data attributes must be well formed."""
    if tag == "a" and attribute == "href":
        return strip_tracking(value)
    return block_attribute_filter(tag, attribute, value)


def clean_body(html: str) -> str:
    """Return ``html`` reduced to the tags and attributes an article body may use."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS | BLOCK_TAGS,
        attributes={**ALLOWED_ATTRIBUTES, **BLOCK_ATTRIBUTES},
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        # Drop dangerous elements together with their content, not just their tags.
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        strip_comments=True,
    ).strip()
    if "<fig" in cleaned:
        cleaned = clean_blocks(cleaned)
    return cleaned


# --- Picture and embed blocks (issue 13) ---------------------------------------------------
#
# Between paragraphs a body may hold two kinds of block, in exactly this form:
#
#   <figure data-image="123"><figcaption>Optional caption</figcaption></figure>
#   <figure data-embed="https://www.youtube.com/watch?v=abc"></figure>
#
# ``data-image`` is the primary key of a library picture (digits only), ``data-embed`` the
# https address of a post or video as the editor pasted it; the figcaption is plain text.
# Whatever else comes with a figure (other attributes, markup in the caption, text or
# elements besides the caption) is dropped, and a figure that is not a top-level block, or
# has neither or both data attributes, is removed entirely. Whether the picture exists and
# the address is on the embed allow-list is the article form's question (articles.blocks).

BLOCK_TAGS = {"figure", "figcaption"}
BLOCK_ATTRIBUTES = {"figure": {"data-image", "data-embed"}}
IMAGE_ID = re.compile(r"[1-9][0-9]{0,17}")
EMBED_URL = re.compile(r"https://[^\s\"'<>\\`]{1,2000}")
VOID_TAGS = {"br"}


def block_attribute_filter(element, attribute, value):
    """nh3's attribute filter: only well-formed values for the blocks' data attributes."""
    if element == "figure":
        if attribute == "data-image":
            return value if IMAGE_ID.fullmatch(value.strip()) and value == value.strip() else None
        if attribute == "data-embed":
            return value if EMBED_URL.fullmatch(value) else None
    return value


def clean_blocks(cleaned):
    """Rewrite the figures of nh3's (well-formed) output into the one form above."""
    builder = _BlockBuilder()
    builder.feed(cleaned)
    builder.close()
    # Once more through nh3, so that what is stored is nh3's own serialization.
    return nh3.clean(
        "".join(builder.out),
        tags=ALLOWED_TAGS | BLOCK_TAGS,
        attributes={**ALLOWED_ATTRIBUTES, **BLOCK_ATTRIBUTES},
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    ).strip()


def canonical_block(attribute, value, caption=""):
    """A block in its stored form (``attribute``: "data-image" or "data-embed")."""
    caption = " ".join(caption.split())
    inner = f"<figcaption>{html.escape(caption, quote=False)}</figcaption>" if caption else ""
    if attribute == "data-embed":
        inner = ""  # an embed carries no caption: the provider's post speaks for itself
    return f'<figure {attribute}="{html.escape(value)}">{inner}</figure>'


class _BlockBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.open = []  # open elements outside figures
        self.figure_depth = 0  # >0: inside a figure (kept or dropped)
        self.block = None  # (attribute, value) of the figure being kept
        self.caption = None  # text of its first figcaption, while it is read
        self.captions_seen = 0

    def handle_starttag(self, tag, attrs):
        if self.figure_depth:
            if tag == "figure":
                self.figure_depth += 1
            elif tag == "figcaption" and self.figure_depth == 1 and not self.captions_seen:
                self.caption = []
            return
        if tag == "figure":
            self.figure_depth = 1
            data = {name: value for name, value in attrs if value}
            if not self.open and len(data) == 1:
                self.block = next(iter(data.items()))
            return
        if tag == "figcaption":
            return  # a caption outside a figure: its text stays, as text
        attributes = "".join(f' {name}="{html.escape(value or "")}"' for name, value in attrs)
        self.out.append(f"<{tag}{attributes}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.figure_depth:
            if tag == "figcaption" and self.caption is not None and self.figure_depth == 1:
                self.captions_seen += 1
                self.caption = "".join(self.caption)
            elif tag == "figure":
                self.figure_depth -= 1
                if not self.figure_depth:
                    self._end_figure()
            return
        if tag == "figcaption" or tag in VOID_TAGS:
            return
        if self.open and self.open[-1] == tag:
            self.open.pop()
            self.out.append(f"</{tag}>")

    def _end_figure(self):
        if self.block:
            caption = self.caption if isinstance(self.caption, str) else ""
            self.out.append(canonical_block(*self.block, caption))
        self.block, self.caption, self.captions_seen = None, None, 0

    def handle_data(self, data):
        if self.figure_depth:
            if isinstance(self.caption, list):
                self.caption.append(data)
            return
        self.out.append(html.escape(data, quote=False))
