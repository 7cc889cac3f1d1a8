"""RSS 2.0 and Atom writers that carry what Django's own leave out: every author, and the
picture with its credit and caption as Media RSS (https://www.rssboard.org/media-rss).

Items take two extra keys (passed through ``Feed.item_extra_kwargs``):

- ``creators``: a list of ``(name, url)`` pairs, the byline in order. RSS's own
  ``<author>`` must hold an e-mail address and fits one person, so RSS gets one Dublin Core
  ``<dc:creator>`` per name (as Django itself does for a single name without an address);
  Atom gets one ``<author>`` per person with ``<name>`` and ``<uri>`` (the author page).
- ``media``: ``None`` or a dict with ``url``, ``mime_type``, ``width``, ``height``,
  ``credit`` and ``description``, written as ``<media:content>``.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
MEDIA_RSS_NS = "http://search.yahoo.com/mrss/"


def write_media_content(handler, media):
    """``<media:content>`` with the credit and the caption of the picture."""
    attrs = {"url": media["url"], "type": media["mime_type"], "medium": "image"}
    # Width and height are 0 when the library does not know them; leave them out then.
    if media["width"] and media["height"]:
        attrs.update(width=str(media["width"]), height=str(media["height"]))
    handler.startElement("media:content", attrs)
    if media["credit"]:
        handler.addQuickElement("media:credit", media["credit"])
    if media["description"]:
        handler.addQuickElement("media:description", media["description"], {"type": "plain"})
    handler.endElement("media:content")


class MediaRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE_NS, "xmlns:media": MEDIA_RSS_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item.get("creators", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("media"):
            write_media_content(handler, item["media"])


class MediaAtomFeed(Atom1Feed):
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
        if item.get("media"):
            write_media_content(handler, item["media"])
