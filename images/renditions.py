"""Renditions: the resized, cropped, re-encoded copies that pages serve instead of originals.

A rendition is made once (on upload, or on first use) and stored through Django's storage
API, so media can live on the local disk or on S3-compatible object storage. Crops keep the
editor's focal point in frame. Renditions carry only the credit and copyright in their EXIF:
GPS positions, camera serial numbers and every other piece of embedded metadata are dropped.

Why not easy-thumbnails, sorl-thumbnail or django-imagekit: none of them crops around a focal
point or writes selected EXIF fields, so each would need custom processors for both; what is
left of them then is a cache table, which Rendition is.
"""

import hashlib
import io
import logging
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image as PILImage
from PIL import ImageOps

from .models import Image, Rendition

logger = logging.getLogger(__name__)

# EXIF tags kept in renditions, filled from the library's fields.
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298


@dataclass(frozen=True)
class Role:
    """A place where images appear: its crop ratio and the widths made for it."""

    name: str
    ratio: tuple[int, int] | None  # None: the whole picture, uncropped
    widths: tuple[int, ...]


ROLES = {
    # Hero images, teasers, feeds and social previews share one 16:9 set.
    "wide": Role("wide", (16, 9), (320, 480, 640, 960, 1200, 1600)),
    # Author photos.
    "square": Role("square", (1, 1), (96, 192, 384)),
    # Logos and other pictures that must not be cut.
    "whole": Role("whole", None, (300, 600, 1200)),
}
FORMATS = {
    # format: (Pillow name, MIME type, file extension, save options)
    # AVIF: about a third of the WebP bytes at 1600 px; speed 7 encodes a 1600-px rendition
    # in about half a second (speed 6 takes twice as long for a few per cent less).
    "avif": ("AVIF", "image/avif", "avif", {"quality": 55, "speed": 7}),
    "webp": ("WEBP", "image/webp", "webp", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", "image/jpeg", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
}
# Too slow to encode while anyone waits: made by the worker (prepare) and by
# prepare_renditions only, never on first use; pages list them once they exist.
BACKGROUND_FORMATS = {"avif"}


def crop_box(width, height, ratio, focal_x=50, focal_y=50):
    """The largest box of `ratio` inside width×height, centred on the focal point (in %)
    as far as the edges allow, so the focal point is always inside the crop."""
    if ratio is None:
        return 0, 0, width, height
    rw, rh = ratio
    if width * rh > height * rw:  # too wide: cut the sides
        crop_w, crop_h = max(1, round(height * rw / rh)), height
    else:  # too tall: cut top and bottom
        crop_w, crop_h = width, max(1, round(width * rh / rw))
    cx, cy = width * focal_x / 100, height * focal_y / 100
    left = min(max(round(cx - crop_w / 2), 0), width - crop_w)
    top = min(max(round(cy - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def widths_for(image, role):
    """The role's widths that the original can fill without upscaling (at least one)."""
    left, _top, right, _bottom = crop_box(image.width, image.height, role.ratio)
    crop_width = right - left
    widths = [w for w in role.widths if w <= crop_width]
    return widths or [crop_width]


def spec_name(image, role, width, fmt, current=None):
    # The version ties the rendition to this file and focal point: a new crop gets a new
    # name, so no cache anywhere serves a stale one.
    return f"{role.name}-{width}-{fmt}-{current or version(image)}"


def version(image):
    key = f"{image.file.name}:{image.focal_x}:{image.focal_y}"
    return hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:8]


def exif_for(image):
    # EXIF text is ASCII by the letter of the standard; UTF-8 bytes keep "©" and umlauts
    # readable in every current tool.
    exif = PILImage.Exif()
    if image.photographer:
        exif[EXIF_ARTIST] = image.photographer.encode()
    copyright_text = image.copyright or image.credit
    if copyright_text:
        exif[EXIF_COPYRIGHT] = copyright_text.encode()
    return exif


def render(image, role, width, fmt, source=None):
    """Encode one rendition; returns (bytes, width, height)."""
    pil_format, _mime, _ext, options = FORMATS[fmt]
    if source is None:
        source = open_original(image)
    box = crop_box(source.width, source.height, role.ratio, image.focal_x, image.focal_y)
    cropped = source.crop(box)
    height = max(1, round(width * cropped.height / cropped.width))
    resized = cropped.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    save_options = dict(options)
    if source.info.get("icc_profile"):
        save_options["icc_profile"] = source.info["icc_profile"]
    resized.save(out, format=pil_format, exif=exif_for(image), **save_options)
    return out.getvalue(), width, height


def open_original(image):
    """The original, upright (EXIF orientation applied) and in RGB, fully decoded."""
    with image.file.open("rb") as fh, PILImage.open(fh) as opened:
        upright = ImageOps.exif_transpose(opened)
        # A colour profile only fits pixels still in its colour space (not CMYK → RGB).
        icc = opened.info.get("icc_profile") if opened.mode == "RGB" else None
        if upright.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
            # 16-bit (or 32-bit) greyscale: scale to 8 bits. convert("RGB") would clip every
            # value above 255 to white and publish a blank picture.
            upright = _to_8_bit_grey(upright)
        if upright.mode in ("RGBA", "LA", "P"):
            rgba = upright.convert("RGBA")
            flat = PILImage.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            upright = flat
        elif upright.mode != "RGB":
            upright = upright.convert("RGB")
        else:
            upright.load()
    if icc:
        upright.info["icc_profile"] = icc
    return upright


def _to_8_bit_grey(picture):
    """A 16-bit greyscale picture as 8-bit greyscale, by its real range (a PNG's 16 bits
    are often 12 or 14 used; stretch them over 0–255 rather than guess)."""
    wide = picture.convert("I")
    low, high = wide.getextrema()
    if high <= low:
        return PILImage.new("L", wide.size, min(255, max(0, high >> 8)))
    scale = 255 / (high - low)
    return wide.point(lambda value: (value - low) * scale).convert("L")


def renditions_for(image, role_name, *, background=False):
    """All renditions of `image` for a role, {format: [Rendition, … by width]}; missing ones
    are made now (those of BACKGROUND_FORMATS only with ``background``, as the worker asks).
    Uses prefetched renditions when the queryset prefetched them."""
    role = ROLES[role_name]
    if not image.width or not image.height:
        return {fmt: [] for fmt in FORMATS}  # not measured (unreadable file): nothing to make
    current = version(image)
    loaded = getattr(image, "_loaded_renditions", {}).get(role_name)
    existing = {r.spec: r for r in (image.renditions.all() if loaded is None else loaded)}
    wanted = [
        (w, fmt, spec_name(image, role, w, fmt, current))
        for fmt in FORMATS
        for w in widths_for(image, role)
    ]
    missing = [
        (w, fmt)
        for w, fmt, spec in wanted
        if spec not in existing and (background or fmt not in BACKGROUND_FORMATS)
    ]
    if missing:
        existing.update(make_renditions(image, role, missing))
    result = {fmt: [] for fmt in FORMATS}
    for _w, fmt, spec in wanted:
        rendition = existing.get(spec)
        if rendition is not None:
            result[fmt].append(rendition)
    return result


def make_renditions(image, role, sizes):
    """Create the given (width, format) renditions; returns {spec: Rendition}."""
    made = {}
    try:
        source = open_original(image)
    except (OSError, ValueError, PILImage.DecompressionBombError):
        logger.exception("Cannot open image %s for renditions", image.pk)
        return made
    stem = image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:60]
    for width, fmt in sizes:
        spec = spec_name(image, role, width, fmt)
        data, w, h = render(image, role, width, fmt, source=source)
        ext = FORMATS[fmt][2]
        rendition = Rendition(image=image, spec=spec)
        rendition.file.save(f"{stem}-{spec}.{ext}", ContentFile(data), save=False)
        rendition.width, rendition.height, rendition.file_size = w, h, len(data)
        try:
            with transaction.atomic():
                rendition.save()
        except IntegrityError:
            # Made at the same moment by another request: use theirs, drop ours.
            rendition.file.delete(save=False)
            rendition = Rendition.objects.get(image=image, spec=spec)
        made[spec] = rendition
    # Keep prefetched or loaded lists in step, so the next lookup in this request finds them.
    cache = getattr(image, "_prefetched_objects_cache", {})
    if "renditions" in cache:
        cache["renditions"] = list(cache["renditions"]) + list(made.values())
    loaded = getattr(image, "_loaded_renditions", {})
    if role.name in loaded:
        loaded[role.name] = list(loaded[role.name]) + list(made.values())
    return made


class StoredRendition:
    """A rendition as pages read it (address, size, type), loaded as a plain row: a page of
    teasers shows a few hundred of them, and a model instance each (with its file field and
    signals) was the larger part of the home page's database time."""

    __slots__ = ("file_size", "height", "image_id", "name", "spec", "width")

    def __init__(self, image_id, spec, name, width, height, file_size):
        self.image_id, self.spec, self.name = image_id, spec, name
        self.width, self.height, self.file_size = width, height, file_size

    @property
    def url(self):
        return _url(self.name)

    @property
    def mime_type(self):
        return Rendition.mime_type_of(self.name)


def _url(name):
    storage = Rendition._meta.get_field("file").storage
    # A rendition's file name never changes (the spec carries the version), so its address
    # is the same for the life of the process, unless the storage signs addresses.
    if getattr(storage, "querystring_auth", False):
        return storage.url(name)
    return _stable_url(storage, getattr(storage, "base_url", None), name)


@lru_cache(maxsize=50_000)
def _stable_url(storage, base_url, name):
    return storage.url(name)


def load_renditions(images, role_name):
    """Load the renditions of ``images`` for one role in one query, as StoredRendition rows
    that renditions_for() uses instead of asking the database per image."""
    images = [image for image in images if image is not None and image.pk is not None]
    if not images:
        return
    by_image = defaultdict(list)
    rows = Rendition.objects.filter(
        image_id__in={image.pk for image in images}, spec__startswith=f"{role_name}-"
    ).values_list("image_id", "spec", "file", "width", "height", "file_size")
    for row in rows:
        by_image[row[0]].append(StoredRendition(*row))
    for image in images:
        loaded = image.__dict__.setdefault("_loaded_renditions", {})
        loaded[role_name] = by_image.get(image.pk, [])


def stale_renditions(image):
    """Renditions made from an earlier file or focal point of this image."""
    current = version(image)
    return [r for r in image.renditions.all() if not r.spec.endswith(f"-{current}")]


def delete_stale_renditions(image):
    """Drop renditions made from an earlier file or focal point (files go after commit)."""
    for rendition in stale_renditions(image):
        rendition.delete()


def prepare(image, *, slow_formats=True):
    """Make the renditions pages need, right after an upload or a new focal point, so no
    reader's request has to: wide crops (heroes, teasers, feeds) and squares (author photos,
    the credits page). Uncropped ones (logos) are made on first use. ``slow_formats``:
    AVIF too (BACKGROUND_FORMATS).

    Renditions of the earlier file or focal point stay for a while: feeds, the API and
    social networks handed out their addresses. clean_orphan_images deletes them once the
    picture has been left alone for its grace period."""
    renditions_for(image, "wide", background=slow_formats)
    renditions_for(image, "square", background=slow_formats)


def social(image, role="wide"):
    """The JPEG rendition for other sites (social previews, search engines, feeds): about
    1200 px wide, as they ask for; None for no image or one whose licence has run out."""
    if image is None or not image.file or not image.is_usable:
        return None
    return best(renditions_for(image, role)["jpeg"], 1200)


def best(renditions, at_least):
    """The smallest rendition at least `at_least` wide, or the largest there is."""
    for rendition in renditions:
        if rendition.width >= at_least:
            return rendition
    return renditions[-1] if renditions else None


__all__ = [
    "FORMATS",
    "ROLES",
    "Image",
    "best",
    "crop_box",
    "load_renditions",
    "prepare",
    "renditions_for",
]
