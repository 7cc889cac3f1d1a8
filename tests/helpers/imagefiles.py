"""Real image files for the library's tests, made here byte by byte: JPEGs carrying IPTC, XMP
and EXIF the way agencies and cameras write them, and the bad files uploads must refuse."""

import io
import struct
import zlib

import piexif
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

RED = (220, 20, 20)
BLUE = (20, 20, 220)


def jpeg(width=800, height=600, color=(30, 90, 160), **save_options):
    """A plain JPEG; `exif=` and `xmp=` go straight to Pillow's encoder."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format="JPEG", **save_options)
    return buffer.getvalue()


def encode(image, fmt="JPEG", **save_options):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


def two_tone(width=1600, height=900, left=RED, right=BLUE, split=0.5):
    """An image whose left part is one colour and whose right part another."""
    image = PILImage.new("RGB", (width, height), left)
    image.paste(right, (round(width * split), 0, width, height))
    return image


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


# IPTC-IIM -----------------------------------------------------------------------------------

BY_LINE = (2, 80)
CREDIT = (2, 110)
SOURCE = (2, 115)
COPYRIGHT_NOTICE = (2, 116)
CAPTION_ABSTRACT = (2, 120)


def iptc_datasets(values, encoding="utf-8"):
    """IPTC-IIM records: for UTF-8, 1:90 declares it (ESC % G); older agency systems write
    Latin-1 without a declaration. Then each (record, dataset): text (or bytes as they are,
    e.g. a value cut off at IPTC's length limit)."""
    out = bytearray(b"\x1c\x01\x5a\x00\x03\x1b%G" if encoding == "utf-8" else b"")
    for (record, dataset), text in values.items():
        data = text if isinstance(text, bytes) else text.encode(encoding)
        out += bytes((0x1C, record, dataset)) + struct.pack(">H", len(data)) + data
    return bytes(out)


def photoshop_app13(iptc):
    """A JPEG APP13 "Photoshop 3.0" segment with one 8BIM resource 0x0404 holding `iptc`."""
    padded = iptc + (b"\x00" if len(iptc) % 2 else b"")
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    payload = b"Photoshop 3.0\x00" + resource + padded
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def with_iptc(jpeg_data, values, encoding="utf-8"):
    """`jpeg_data` with an IPTC block inserted right after the SOI marker, as agencies ship."""
    assert jpeg_data[:2] == b"\xff\xd8", "not a JPEG"
    return jpeg_data[:2] + photoshop_app13(iptc_datasets(values, encoding)) + jpeg_data[2:]


# XMP ----------------------------------------------------------------------------------------


def xmp_packet(creator=None, rights=None, description=None, credit=None, source=None):
    """An XMP packet in the shape Photoshop and agency systems write."""

    def alt(text):
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{text}</rdf:li></rdf:Alt>'

    parts = []
    if creator is not None:
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>")
    if rights is not None:
        parts.append(f"<dc:rights>{alt(rights)}</dc:rights>")
    if description is not None:
        parts.append(f"<dc:description>{alt(description)}</dc:description>")
    if credit is not None:
        parts.append(f"<photoshop:Credit>{credit}</photoshop:Credit>")
    if source is not None:
        parts.append(f"<photoshop:Source>{source}</photoshop:Source>")
    body = "".join(parts)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        f"{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


# EXIF ---------------------------------------------------------------------------------------

GPS_POSITION = {
    # Leipzig, Augustusplatz.
    piexif.GPSIFD.GPSLatitudeRef: b"N",
    piexif.GPSIFD.GPSLatitude: ((51, 1), (20, 1), (25, 1)),
    piexif.GPSIFD.GPSLongitudeRef: b"E",
    piexif.GPSIFD.GPSLongitude: ((12, 1), (22, 1), (50, 1)),
}
CAMERA_SERIAL = "SN-4711-0815"


def exif(artist=None, copyright=None, description=None, gps=False, serial=False, orientation=None):
    """EXIF bytes as a camera or photo desk writes them (text as UTF-8)."""
    zeroth = {}
    if artist is not None:
        zeroth[piexif.ImageIFD.Artist] = artist.encode()
    if copyright is not None:
        zeroth[piexif.ImageIFD.Copyright] = copyright.encode()
    if description is not None:
        zeroth[piexif.ImageIFD.ImageDescription] = description.encode()
    if orientation is not None:
        zeroth[piexif.ImageIFD.Orientation] = orientation
    exif_ifd = {piexif.ExifIFD.BodySerialNumber: CAMERA_SERIAL.encode()} if serial else {}
    return piexif.dump({"0th": zeroth, "Exif": exif_ifd, "GPS": GPS_POSITION if gps else {}})


# Files the library must refuse --------------------------------------------------------------


def png_header_only(width, height):
    """A PNG that declares width × height pixels in its header but carries almost no data:
    the shape of a decompression bomb, without the bytes."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def animated(fmt):
    frames = [PILImage.new("RGB", (60, 40), color) for color in (RED, BLUE, (20, 200, 20))]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, format=fmt, save_all=True, append_images=frames[1:], duration=100, loop=0
    )
    return buffer.getvalue()


SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width="
    b'"10" height="10"/></svg>'
)
BARE_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TEXT = "Das ist kein Bild, nur Text über den Stadtrat.\n".encode()


def truncated_jpeg():
    data = encode(two_tone(640, 480), quality=90)
    return data[: len(data) // 2]
