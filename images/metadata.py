"""Read caption, credit, photographer and copyright from a picture's IPTC, XMP and EXIF.

Agency pictures carry them (IPTC By-line, Credit, Source, Caption-Abstract, Copyright
Notice; the same in XMP as dc:creator, photoshop:Credit, dc:description, dc:rights). IPTC
wins over XMP, XMP over EXIF, except where IPTC's short fields (32 bytes for By-line, Credit
and Source) cut a value off that XMP holds whole: then the complete value is taken. The
editor reviews the prefilled form before saving.
"""

import logging
import xml.etree.ElementTree as ET

from PIL import Image as PILImage
from PIL import IptcImagePlugin

logger = logging.getLogger(__name__)

IPTC_FIELDS = {
    (2, 80): "by_line",
    (2, 110): "credit",
    (2, 115): "source",
    (2, 116): "copyright",
    (2, 120): "caption",
}
# The longest value IPTC-IIM allows per dataset, in bytes: agency systems cut longer ones.
IPTC_MAX_BYTES = {
    "by_line": 32,
    "credit": 32,
    "source": 32,
    "copyright": 128,
    "caption": 2000,
}
EXIF_FIELDS = {0x013B: "by_line", 0x8298: "copyright", 0x010E: "caption"}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
}
XMP_FIELDS = {
    "dc:creator": "by_line",
    "photoshop:Credit": "credit",
    "photoshop:Source": "source",
    "dc:rights": "copyright",
    "dc:description": "caption",
}
MAX_XMP_BYTES = 512 * 1024


def _text(value):
    if isinstance(value, list | tuple):
        parts = [_text(v) for v in value]
        return ", ".join(p for p in parts if p)
    if isinstance(value, bytes):
        value = _decode(value)
    return " ".join(str(value).replace("\x00", "").split())


def _decode(value, cut_off=False):
    """Text of IPTC/EXIF bytes: UTF-8, else Windows-1252 as older agency systems write it.
    A value ``cut_off`` at a length limit may end inside a UTF-8 character: that is dropped."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError as error:
        if cut_off and error.reason == "unexpected end of data":
            try:
                return value[: error.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    try:
        return value.decode("cp1252")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def _iptc(image):
    """({field: text}, {fields whose value fills the dataset's length limit})."""
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:
        logger.info("Unreadable IPTC block ignored", exc_info=True)
        return {}, set()
    found, at_limit = {}, set()
    for key, name in IPTC_FIELDS.items():
        if key not in info:
            continue
        parts = info[key] if isinstance(info[key], list | tuple) else [info[key]]
        full = [isinstance(part, bytes) and len(part) >= IPTC_MAX_BYTES[name] for part in parts]
        found[name] = _text(
            [_decode(part, cut) if cut else part for part, cut in zip(parts, full, strict=True)]
        )
        if any(full):
            at_limit.add(name)
    return found, at_limit


def _prefer_complete(iptc, at_limit, xmp):
    """IPTC's values, except where XMP holds the same value whole and IPTC a cut-off one:
    XMP's is longer and IPTC's is its beginning, or IPTC's fills its length limit."""
    chosen = {}
    for name, value in iptc.items():
        other = xmp.get(name, "")
        cut_off = value and len(other) > len(value)
        if cut_off and (other.startswith(value) or name in at_limit):
            chosen[name] = other
        else:
            chosen[name] = value
    return chosen


def _xmp(image):
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if not raw or len(raw) > MAX_XMP_BYTES:
        return {}
    if isinstance(raw, str):
        raw = raw.encode()
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        return {}  # XMP never needs a DTD; entities could be an expansion attack
    try:
        root = ET.fromstring(raw.strip(b"\x00 \r\n\t"))
    except ET.ParseError:
        return {}
    found = {}
    for prefixed, name in XMP_FIELDS.items():
        prefix, local = prefixed.split(":")
        tag = f"{{{NS[prefix]}}}{local}"
        for element in root.iter(tag):
            items = [li.text or "" for li in element.iter(f"{{{NS['rdf']}}}li")]
            value = _text(items) if items else _text(element.text or "")
            if value:
                found[name] = value
                break
        else:
            # Simple properties may also be attributes of rdf:Description.
            for description in root.iter(f"{{{NS['rdf']}}}Description"):
                if tag in description.attrib:
                    found[name] = _text(description.attrib[tag])
                    break
    return found


def _exif(image):
    try:
        exif = image.getexif()
    except Exception:
        return {}
    return {name: _text(_utf8(exif[tag])) for tag, name in EXIF_FIELDS.items() if exif.get(tag)}


def _utf8(value):
    """Pillow reads EXIF text as Latin-1; most cameras and tools write UTF-8 into it."""
    if isinstance(value, str):
        try:
            return value.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value
    return value


def read_metadata(fileobj):
    """{caption, credit_line, photographer, copyright} found in the file; absent keys are ''."""
    fileobj.seek(0)
    try:
        with PILImage.open(fileobj) as image:
            found = {}
            xmp = _xmp(image)
            iptc, at_limit = _iptc(image)
            for source in (_exif(image), xmp, _prefer_complete(iptc, at_limit, xmp)):
                found.update({k: v for k, v in source.items() if v})
    except Exception:
        logger.info("Metadata unreadable", exc_info=True)
        found = {}
    finally:
        fileobj.seek(0)
    credit = found.get("credit", "")
    source = found.get("source", "")
    if source and source.lower() not in credit.lower():
        credit = f"{credit}/{source}" if credit else source
    return {
        "caption": found.get("caption", "")[:2000],
        "credit_line": credit[:200],
        "photographer": found.get("by_line", "")[:200],
        "copyright": found.get("copyright", "")[:300],
    }
