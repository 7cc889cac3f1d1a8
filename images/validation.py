"""Upload safety: what the library accepts, checked on the file's content, not its name."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

# Pillow format name: file extension the stored file gets.
ACCEPTED_FORMATS = {
    "JPEG": ".jpg",
    # A JPEG with extra pictures (embedded preview, depth or gain map), as cameras and phones
    # write them; renditions use its main picture.
    "MPO": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
    "AVIF": ".avif",
}


def max_bytes():
    return settings.NEWSROOM_IMAGE_MAX_BYTES


def max_pixels():
    return settings.NEWSROOM_IMAGE_MAX_PIXELS


# Markup a browser would run if it were made to read the file as a page: a picture that also
# holds it is a polyglot (say, a JPEG with an HTML page after its end), refused outright.
_MARKUP = re.compile(
    rb"<\s*(script|html|body|iframe|svg|object|embed|meta|!doctype\s+html)[\s/>]"
    rb"|javascript\s*:",
    re.IGNORECASE,
)
_CHUNK = 1024 * 1024


def _holds_markup(uploaded):
    """Whether the file's bytes hold HTML or script anywhere (read in overlapping chunks)."""
    uploaded.seek(0)
    tail = b""
    try:
        while chunk := uploaded.read(_CHUNK):
            if _MARKUP.search(tail + chunk):
                return True
            tail = chunk[-32:]
        return False
    finally:
        uploaded.seek(0)


def _looks_like_svg(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in text[:1024]


def check_image_file(uploaded):
    """Raise ValidationError with a clear, German message unless `uploaded` is an image the
    library accepts. Returns the Pillow format name (e.g. "JPEG") of an accepted file."""
    name = getattr(uploaded, "name", "") or ""
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes():
        raise ValidationError(
            _("“%(name)s” is %(size)s; at most %(max)s are allowed."),
            params={"name": name, "size": filesizeformat(size), "max": filesizeformat(max_bytes())},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty."), params={"name": name}, code="empty")
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    if _looks_like_svg(head):
        raise ValidationError(
            _(
                "“%(name)s” is an SVG drawing. SVG files can carry scripts and are not accepted; "
                "export it as PNG or JPEG."
            ),
            params={"name": name},
            code="svg",
        )
    if _holds_markup(uploaded):
        raise ValidationError(
            _(
                "“%(name)s” holds HTML or script code besides the picture and is not "
                "accepted. Export the picture again (as JPEG or PNG) and upload that file."
            ),
            params={"name": name},
            code="markup",
        )
    try:
        with PILImage.open(uploaded) as image:
            fmt = image.format
            width, height = image.size
            if fmt not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("“%(name)s” is a %(format)s file; accepted are JPEG, PNG, WebP and AVIF."),
                    params={"name": name, "format": fmt},
                    code="format",
                )
            if width * height > max_pixels():
                raise ValidationError(
                    _(
                        "“%(name)s” has %(width)s × %(height)s pixels, more than the "
                        "%(max)s megapixels allowed."
                    ),
                    params={
                        "name": name,
                        "width": width,
                        "height": height,
                        "max": round(max_pixels() / 1_000_000),
                    },
                    code="too_many_pixels",
                )
            animated = getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1
            if animated and fmt != "MPO":
                raise ValidationError(
                    _("“%(name)s” is animated; animated images are not supported."),
                    params={"name": name},
                    code="animated",
                )
            image.load()  # decode it all: a broken or truncated file fails here
    except ValidationError:
        raise
    except PILImage.DecompressionBombError as exc:
        raise ValidationError(
            _("“%(name)s” has too many pixels to be processed safely."),
            params={"name": name},
            code="too_many_pixels",
        ) from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(
            _("“%(name)s” is not an image (whatever its file name says)."),
            params={"name": name},
            code="not_an_image",
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValidationError(
            _("“%(name)s” is damaged or incomplete and cannot be read."),
            params={"name": name},
            code="broken",
        ) from exc
    finally:
        uploaded.seek(0)
    return fmt


def pixel_count(uploaded):
    """Width × height from the file's header (nothing decoded); 0 if it is no image."""
    try:
        with PILImage.open(uploaded) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return 0
    except PILImage.DecompressionBombError:
        return 0  # check_image_file refuses it with its reason
    finally:
        uploaded.seek(0)
    return width * height


def normalized_name(name, fmt):
    """The upload's name with the extension of its real format."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return f"{stem or 'bild'}{ACCEPTED_FORMATS[fmt]}"
