"""RSS and Atom feeds (press releases, the agencies' public feeds), through feedparser.

The bytes are first read by defusedxml, which refuses any DOCTYPE: feedparser itself would
expand entities declared in the feed. feedparser is given bytes only, never an address, so it
fetches nothing.
"""

from datetime import UTC, datetime

import feedparser

from . import ParsedItem, ParseError, parse_each, text
from .xml import parse_xml


def parse(data):
    parse_xml(data)  # refuses DTDs and broken XML before feedparser sees it
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise ParseError(f"not a feed: {feed.get('bozo_exception', '')}")
    return parse_each(feed.entries, parse_entry)


def _time(entry):
    for key in ("updated_parsed", "published_parsed"):
        parsed = dict.get(entry, key)  # without feedparser's deprecated fallback
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC)
    return None


def parse_entry(entry):
    link = entry.get("link", "")
    guid = entry.get("id") or link
    if not guid:
        raise ParseError("entry without id or link")
    headline = text(entry.get("title"), 500)
    if not headline:
        raise ParseError(f"{guid}: no title")
    content = entry.get("content") or []
    body = content[0].get("value", "") if content else ""
    summary = entry.get("summary", "")
    if not body:
        body, summary = summary, ""
    # A feed has no version numbers: an entry with a later "updated" time is a new version
    # (wire/ingest.py).
    when = _time(entry)
    return ParsedItem(
        guid=str(guid)[:500],
        headline=headline,
        version=1,
        version_created_at=when,
        lead=text(summary, 5000),
        body=body if "<" in body else f"<p>{body}</p>" if body else "",
        byline=text(entry.get("author"), 300),
        copyright=text(entry.get("rights"), 300),
        link=link if str(link).startswith(("http://", "https://")) else "",
    )
