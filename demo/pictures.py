"""
The demo pictures, drawn with Pillow: a background gradient, a scene (see ``SCENES``) and a
small "newsroom · Demo" watermark, saved as JPEG.

Everything is deterministic: the same picture (its key, scene, colours, label and variant) and
the same scale give the same bytes, so picture files are drawn once and reused.
"""

import io
import random

from PIL import ImageDraw

from . import scenes_indoor, scenes_outdoor
from .drawing import font, gradient

# The same seed gives the same pictures, and (in demo.loader) the same order of articles and
# the same times relative to now.
SEED = 1989
LANDSCAPE_SIZE = (1600, 900)
PORTRAIT_SIZE = (720, 900)
JPEG_QUALITY = 80

# scene name (DemoImage.scene) -> function(draw, w, h, rng, picture) drawing it
SCENES = {**scenes_outdoor.SCENES, **scenes_indoor.SCENES}


def _watermark(draw, w, h):
    label_font = font(int(min(w, h) * 0.03))
    text = "newsroom · Demo"
    left, top, right, bottom = draw.textbbox((0, 0), text, font=label_font)
    pad = max(2, int(min(w, h) * 0.012))
    x1, y1 = w - pad, h - pad
    x0, y0 = x1 - (right - left) - 2 * pad, y1 - (bottom - top) - 2 * pad
    draw.rectangle((x0, y0, x1, y1), fill=(0, 0, 0, 110))
    draw.text((x0 + pad - left, y0 + pad - top), text, font=label_font, fill=(255, 255, 255, 230))


def render_picture(picture, scale=1.0):
    """Draw one demo picture and return it as JPEG bytes (same picture for the same key)."""
    base = PORTRAIT_SIZE if picture.portrait else LANDSCAPE_SIZE
    w, h = (max(16, round(side * scale)) for side in base)
    rng = random.Random(f"{SEED}-{picture.key}")
    canvas = gradient((w, h), picture.colors[0], picture.colors[1])
    draw = ImageDraw.Draw(canvas, "RGBA")
    SCENES[picture.scene](draw, w, h, rng, picture)
    _watermark(draw, w, h)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
