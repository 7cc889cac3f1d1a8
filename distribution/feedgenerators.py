"""RSS 2.0 and Atom writers that carry what Django's own leave out: every author, and the
picture with its credit and caption as Media RSS (https://www.rssboard.org/media-rss).

Items take two extra keys (passed through ``Feed.item_extra_kwargs``):

- ``creators``: a list of ``(name, url)`` pairs, the byline in order. RSS's own
  ``<author>`` must hold an e-mail address and fits one person, so RSS gets one Dublin Core
  ``<dc:creator>`` per name (as Django itself does for a single name without an address);
  Atom gets one ``<author>`` per person with ``<name>`` and ``<uri>`` (the author page).
- ``content``: the article's body as HTML (``distribution.data.body_html``: pictures as
  ``<img>``, embeds as links, never a script or an iframe), as RSS's ``<content:encoded>``
  and Atom's ``<content type="html">``.
- ``media``: ``None`` or a dict with ``url``, ``mime_type``, ``width``, ``height``,
  ``credit`` and ``description``, written as ``<media:content>``.

RSS leaves open whether its texts are plain text or HTML, and many readers render channel
and item titles as HTML. So the RSS writer sends every name an editor typed (channel title
and description, item titles, categories, creators) as HTML-escaped text: a topic named
``<img src=x onerror=…>`` shows as text instead of running. Item descriptions are HTML
already (``Feed.item_description`` escapes the lead); ``media:description`` says it is plain.
Atom says ``type="text"`` for its own texts; ``media:credit`` says nothing in either format,
so it is escaped the same way in both. Both writers drop the characters XML 1.0 cannot carry.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.text import xml_safe

DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_RSS_NS = "http://search.yahoo.com/mrss/"


def write_media_content(handler, media):
    """``<media:content>`` with the credit and the caption of the picture."""
    attrs = {"url": media["url"], "type": media["mime_type"], "medium": "image"}
    # Width and height are 0 when the library does not know them; leave them out then.
    if media["width"] and media["height"]:
        attrs.update(width=str(media["width"]), height=str(media["height"]))
    handler.startElement("media:content", attrs)
    if media["credit"]:
        # Readers treat the credit as they treat titles (escaped once more). The role is the
        # one Media RSS names for pictures, in its default scheme (EBU roles).
        handler.addQuickElement(
            "media:credit", as_html_text(media["credit"]), {"role": "photographer"}
        )
    if media["description"]:
        handler.addQuickElement("media:description", media["description"], {"type": "plain"})
    handler.endElement("media:content")


def as_html_text(value):
    """``value`` as HTML that shows it as written (only what HTML would read as markup is
    escaped, so "O'Brien" stays legible in readers that take the text as plain)."""
    if value is None:
        return None
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class XmlSafeFeed:
    """Texts without the characters XML 1.0 cannot carry (core.text.xml_safe): Django's
    writer refuses them, and one pasted into a headline would break every feed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_safe(args), **xml_safe(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_safe(args), **xml_safe(kwargs))


class MediaRssFeed(XmlSafeFeed, Rss201rev2Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(as_html_text(title), link, as_html_text(description), **kwargs)

    def add_item(self, title, link, description, categories=(), creators=(), **kwargs):
        super().add_item(
            as_html_text(title),
            link,
            description,
            categories=[as_html_text(category) for category in categories or ()],
            creators=[(as_html_text(name), url) for name, url in creators or ()],
            **kwargs,
        )

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DUBLIN_CORE_NS,
            "xmlns:media": MEDIA_RSS_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item.get("creators", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        if item.get("media"):
            write_media_content(handler, item["media"])


class MediaAtomFeed(XmlSafeFeed, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("creators", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        if item.get("media"):
            write_media_content(handler, item["media"])
