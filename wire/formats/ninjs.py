"""ninjs, the IPTC's news in JSON, as dpa delivers it: versions 1.x and 2.x.

The differences that matter here: 1.x has ``headline``, ``body_html``/``body_text``,
``description_text``/``description_html`` and ``byline``, and ``associations`` and
``renditions`` as objects keyed by name; 2.x has lists of ``headlines``, ``bodies`` and
``descriptions`` (each ``{"value", "role", "contenttype"}``), ``by``, and ``associations`` and
``renditions`` as lists whose entries carry their ``name``. Both have ``uri``, ``version``,
``versioncreated``, ``pubstatus`` (usable/withheld/canceled), ``urgency``, ``embargoed``,
``copyrightnotice`` and ``usageterms``.

A payload is one item, a list of items, or ``{"items": [...]}``.
"""

import html
import json

from . import (
    ParsedItem,
    ParseError,
    Picture,
    parse_each,
    parse_time,
    parse_urgency,
    parse_version,
    text,
)

PICTURE_TYPES = {"picture", "image", "graphic"}
IMAGE_MIME_TYPES = {"image/jpeg", "image/png", "image/webp", "image/avif"}


def parse(data):
    try:
        payload = json.loads(data)
    except (UnicodeDecodeError, ValueError) as error:
        raise ParseError(f"not valid JSON: {error}") from None
    if isinstance(payload, dict) and isinstance(payload.get("items"), list):
        raw_items = payload["items"]
    elif isinstance(payload, list):
        raw_items = payload
    elif isinstance(payload, dict):
        raw_items = [payload]
    else:
        raise ParseError("not a ninjs item or list of items")
    return parse_each(raw_items, parse_item)


def _entries(value):
    """2.x lists of named entries and 1.x objects keyed by name, alike: [(name, entry)]."""
    if isinstance(value, dict):
        return [(name, entry) for name, entry in value.items() if isinstance(entry, dict)]
    if isinstance(value, list):
        return [(entry.get("name", ""), entry) for entry in value if isinstance(entry, dict)]
    return []


def _pick(entries, *roles):
    """The value of the entry with the first of ``roles``, else of the first entry."""
    entries = [entry for entry in entries or [] if isinstance(entry, dict) and entry.get("value")]
    for role in roles:
        for entry in entries:
            if entry.get("role") == role:
                return entry
    return entries[0] if entries else None


def _headline(raw):
    entry = _pick(raw.get("headlines"), "main", "headline")
    return entry["value"] if entry else raw.get("headline", "")


def _body(raw):
    bodies = [entry for entry in raw.get("bodies") or [] if isinstance(entry, dict)]
    for entry in bodies:
        if "html" in str(entry.get("contenttype", "")) and entry.get("value"):
            return str(entry["value"])
    entry = _pick(bodies)
    if entry:
        return _paragraphs(entry["value"])
    if raw.get("body_html"):
        return str(raw["body_html"])
    return _paragraphs(raw.get("body_text", ""))


def _paragraphs(plain):
    blocks = [block.strip() for block in str(plain or "").split("\n\n") if block.strip()]
    return "".join(f"<p>{html.escape(block)}</p>" for block in blocks)


def _description(raw):
    entry = _pick(raw.get("descriptions"), "summary", "abstract", "teaser")
    if entry:
        return entry["value"]
    return raw.get("description_text") or raw.get("description_html") or ""


def _rendition(renditions):
    """The href of the biggest picture rendition."""
    best, best_width = "", -1
    for _name, rendition in _entries(renditions):
        href = rendition.get("href", "")
        mimetype = rendition.get("mimetype") or rendition.get("contenttype") or "image/jpeg"
        if not isinstance(href, str) or not href or mimetype not in IMAGE_MIME_TYPES:
            continue
        width = rendition.get("width") if isinstance(rendition.get("width"), int) else 0
        if width > best_width:
            best, best_width = href, width
    return best


def _picture(raw, item):
    href = _rendition(raw.get("renditions"))
    if not href:
        return None
    caption = text(_description(raw), 2000)
    embargo = parse_time(raw.get("embargoed") or item.get("embargoed"))
    return Picture(
        href=href,
        caption=caption,
        alt=text(_headline(raw), 300) or caption[:300],
        credit=text(raw.get("creditline") or raw.get("copyrightholder"), 200),
        photographer=text(raw.get("by") or raw.get("byline"), 200),
        copyright=text(raw.get("copyrightnotice"), 300),
        usage=text(raw.get("usageterms"), 2000),
        embargo_until=embargo.isoformat() if embargo else "",
    )


def parse_item(raw):
    if not isinstance(raw, dict):
        raise ParseError("an item is not a JSON object")
    guid = raw.get("uri") or raw.get("guid")
    if not isinstance(guid, str) or not guid.strip():
        raise ParseError("item without uri")
    headline = text(_headline(raw), 500)
    if not headline:
        raise ParseError(f"{guid}: no headline")
    pictures = []
    for _name, association in _entries(raw.get("associations")):
        if association.get("type") in PICTURE_TYPES:
            picture = _picture(association, raw)
            if picture:
                pictures.append(picture)
    uri = guid.strip()
    return ParsedItem(
        guid=uri[:500],
        headline=headline,
        version=parse_version(raw.get("version")),
        version_created_at=parse_time(raw.get("versioncreated")),
        status=str(raw.get("pubstatus") or "usable").lower(),
        urgency=parse_urgency(raw.get("urgency")),
        lead=text(_description(raw), 5000),
        body=_body(raw),
        byline=text(raw.get("by") or raw.get("byline"), 300),
        credit=text(raw.get("creditline") or raw.get("copyrightholder"), 200),
        copyright=text(raw.get("copyrightnotice"), 300),
        usage_terms=text(raw.get("usageterms"), 2000),
        embargo_until=parse_time(raw.get("embargoed")),
        link=uri if uri.startswith(("http://", "https://")) else "",
        pictures=pictures,
    )
