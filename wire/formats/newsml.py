"""NewsML-G2 (IPTC): a ``newsItem``, or a ``newsMessage`` with several, read with
defusedxml (no DTDs).

Read from each item: ``guid`` and ``version`` (attributes), ``itemMeta`` (``versionCreated``,
``embargoed``, ``pubStatus``: ``stat:canceled`` is a withdrawal, ``stat:withheld`` held back),
``contentMeta`` (``headline``, ``urgency``, ``by``, ``creditline``, ``description``),
``rightsInfo`` (``copyrightNotice``, ``usageTerms``) and the body from ``contentSet``: an
``inlineXML`` XHTML document, or ``inlineData`` text. Pictures (``remoteContent`` of picture
items in packages) are not read.
"""

from xml.etree.ElementTree import tostring

from . import (
    ParsedItem,
    ParseError,
    parse_each,
    parse_time,
    parse_urgency,
    parse_version,
    text,
)
from .ninjs import _paragraphs
from .xml import parse_xml

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def parse(data):
    root = parse_xml(data)
    items = [root] if root.tag == f"{NAR}newsItem" else list(root.iter(f"{NAR}newsItem"))
    if not items:
        raise ParseError("no NewsML-G2 newsItem found")
    return parse_each(items, parse_item)


def _text_of(element, *names):
    node = element
    for name in names:
        node = node.find(f"{NAR}{name}") if node is not None else None
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _body(item):
    content = item.find(f"{NAR}contentSet")
    if content is None:
        return ""
    inline = content.find(f"{NAR}inlineXML")
    if inline is not None:
        body = next((el for el in inline.iter() if el.tag.rpartition("}")[2] == "body"), None)
        root = body if body is not None else inline
        for element in root.iter():
            element.tag = element.tag.rpartition("}")[2]  # XHTML without its namespace
        inner = [tostring(child, encoding="unicode") for child in root]
        return (root.text or "").strip() + "".join(inner)
    data = content.find(f"{NAR}inlineData")
    return _paragraphs("".join(data.itertext())) if data is not None else ""


def _summary(item):
    meta = item.find(f"{NAR}contentMeta")
    if meta is None:
        return ""
    for description in meta.findall(f"{NAR}description"):
        if description.get("role", "drol:summary") in ("drol:summary", "drol:teaser", ""):
            return "".join(description.itertext())
    return ""


def parse_item(item):
    guid = (item.get("guid") or "").strip()
    if not guid:
        raise ParseError("newsItem without guid")
    headline = text(_text_of(item, "contentMeta", "headline"), 500)
    if not headline:
        raise ParseError(f"{guid}: no headline")
    status = item.find(f"{NAR}itemMeta/{NAR}pubStatus")
    qcode = status.get("qcode", "stat:usable") if status is not None else "stat:usable"
    link = item.find(f"{NAR}itemMeta/{NAR}link")
    href = link.get("href", "") if link is not None else ""
    return ParsedItem(
        guid=guid[:500],
        headline=headline,
        version=parse_version(item.get("version")),
        version_created_at=parse_time(_text_of(item, "itemMeta", "versionCreated")),
        status=qcode.rpartition(":")[2].lower() or "usable",
        urgency=parse_urgency(_text_of(item, "contentMeta", "urgency")),
        lead=text(_summary(item), 5000),
        body=_body(item),
        byline=text(_text_of(item, "contentMeta", "by"), 300),
        credit=text(_text_of(item, "contentMeta", "creditline"), 200),
        copyright=text(_text_of(item, "rightsInfo", "copyrightNotice"), 300),
        usage_terms=text(_text_of(item, "rightsInfo", "usageTerms"), 2000),
        embargo_until=parse_time(_text_of(item, "itemMeta", "embargoed")),
        link=href if href.startswith(("http://", "https://")) else "",
    )
