"""Drawing helpers shared by the demo scenes: colours, fonts, gradients, hills and houses."""

import math
from functools import lru_cache

from PIL import Image as PILImage
from PIL import ImageColor, ImageFont


def rgb(color):
    return ImageColor.getrgb(color)[:3] if isinstance(color, str) else tuple(color[:3])


def rgba(color, alpha=255):
    return (*rgb(color), alpha)


def shade(color, factor):
    """Darker (factor < 1) or lighter (factor > 1, towards white) version of a colour."""
    if factor <= 1:
        return tuple(int(c * factor) for c in rgb(color))
    return tuple(int(c + (255 - c) * (factor - 1)) for c in rgb(color))


@lru_cache
def font(size):
    return ImageFont.load_default(size=max(8, size))


def text_in_box(draw, box, text, font, fill):
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = (box[0] + box[2] - (right - left)) / 2 - left
    y = (box[1] + box[3] - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=fill)


def gradient(size, top, bottom):
    mask = PILImage.linear_gradient("L").resize(size)
    return PILImage.composite(
        PILImage.new("RGB", size, rgb(bottom)), PILImage.new("RGB", size, rgb(top)), mask
    )


def disc(draw, cx, cy, r, fill):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)


def hill(draw, w, h, rng, base, amplitude, color):
    freq, phase = rng.uniform(1.2, 3.2), rng.uniform(0, 2 * math.pi)
    step = max(1, w // 80)
    points = [
        (x, base - amplitude * math.sin(freq * 2 * math.pi * x / w + phase))
        for x in range(0, w + step, step)
    ]
    draw.polygon([*points, (w, h), (0, h)], fill=color)


def buildings(draw, w, h, rng, ground, heights, color, windows=None, until=1.0):
    """A row of houses from the left edge to ``until`` (a fraction of the width)."""
    x = -rng.uniform(0, 0.04) * w
    while x < until * w:
        width = rng.uniform(0.05, 0.1) * w
        top = ground - rng.uniform(*heights) * h
        draw.rectangle((x, top, x + width, ground), fill=color)
        if windows:
            win_w, win_h, gap_x, gap_y = 0.012 * w, 0.022 * h, 0.012 * w, 0.02 * h
            y = top + gap_y
            while y + win_h < ground - gap_y:
                wx = x + gap_x
                while wx + win_w < x + width - gap_x / 2:
                    if rng.random() < 0.4:
                        draw.rectangle((wx, y, wx + win_w, y + win_h), fill=rgba(windows, 220))
                    wx += win_w + gap_x
                y += win_h + gap_y
        x += width + rng.uniform(0, 0.01) * w


def town_sign(draw, w, h, text):
    box = (0.05 * w, 0.07 * h, 0.3 * w, 0.19 * h)
    draw.rectangle(box, fill=(255, 204, 0), outline=(20, 20, 20), width=max(1, int(0.004 * w)))
    text_in_box(draw, box, text, font(int(0.06 * h)), (20, 20, 20))
