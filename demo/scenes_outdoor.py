"""Demo scenes in the open (and the sports arena): town, tram, landscape, industry, building site,
stadium and night sky. Each draws onto a background gradient, see demo.pictures."""

import math

from .drawing import buildings, disc, font, hill, rgb, rgba, shade, text_in_box, town_sign

GREENS = [(143, 188, 110), (104, 152, 84), (72, 120, 66)]
CROWD = [(230, 57, 70), (241, 250, 238), (29, 53, 87), (255, 183, 3), (180, 180, 190)]


def _scene_skyline(draw, w, h, rng, picture):
    top, bottom, accent = picture.colors
    # The sun (or moon) stays clear of the landmark in the middle and of the sign on the left.
    sun_x = rng.uniform(0.78, 0.9) if picture.label else rng.uniform(0.1, 0.3)
    disc(draw, sun_x * w, 0.22 * h, 0.06 * w, rgba(accent, 230))
    ground = 0.84 * h
    buildings(draw, w, h, rng, ground, (0.3, 0.55), rgba(shade(top, 0.7), 170))
    stone = shade(top, 0.5)
    if picture.variant == "tower":  # a town hall tower with a clock
        x, tw, tower_top = rng.uniform(0.55, 0.72) * w, 0.045 * w, 0.14 * h
        draw.rectangle((x, tower_top, x + tw, ground), fill=stone)
        roof = [(x - 0.006 * w, tower_top), (x + tw / 2, tower_top - 0.08 * h)]
        draw.polygon([*roof, (x + tw + 0.006 * w, tower_top)], fill=shade(stone, 0.7))
        disc(draw, x + tw / 2, tower_top + 0.05 * h, 0.012 * w, (248, 241, 229))
    elif picture.variant == "dome":  # a parliament with a glass dome
        cx = rng.uniform(0.45, 0.55) * w
        draw.chord(
            (cx - 0.07 * w, 0.3 * h, cx + 0.07 * w, 0.58 * h), 180, 360, fill=(205, 222, 235)
        )
        draw.rectangle((cx - 0.2 * w, 0.44 * h, cx + 0.2 * w, ground), fill=stone)
        for i in range(9):
            col = cx - 0.16 * w + i * 0.04 * w
            draw.rectangle((col, 0.52 * h, col + 0.012 * w, ground), fill=shade(stone, 1.4))
    elif picture.variant == "glass":  # a modern glass building
        x0, x1, y0 = 0.35 * w, 0.85 * w, 0.45 * h
        draw.rectangle((x0, y0, x1, ground), fill=(170, 200, 225))
        for i in range(1, 12):
            gx = x0 + i * (x1 - x0) / 12
            draw.line((gx, y0, gx, ground), fill=(110, 140, 170), width=max(1, int(0.002 * w)))
    until = 0.33 if picture.variant == "glass" else 1.0  # the glass front stays visible
    buildings(
        draw, w, h, rng, ground, (0.12, 0.36), shade(top, 0.35), windows="#ffd76a", until=until
    )
    if picture.variant == "glass":  # the river in front
        draw.rectangle((0, ground, w, h), fill=(60, 110, 160))
    else:
        draw.rectangle((0, ground, w, h), fill=shade(bottom, 0.35))
    if picture.label:
        town_sign(draw, w, h, picture.label)


def _scene_tram(draw, w, h, rng, picture):
    top, _, accent = picture.colors
    ground, wire = 0.84 * h, 0.2 * h
    buildings(draw, w, h, rng, ground, (0.35, 0.62), shade(top, 0.75), windows="#fefae0")
    draw.rectangle((0, ground, w, h), fill=(95, 95, 100))
    for rail in (0.92, 0.97):
        draw.line((0, rail * h, w, rail * h), fill=(200, 200, 200), width=max(1, int(0.004 * w)))
    draw.line((0, wire, w, wire - 0.02 * h), fill=(30, 30, 30), width=max(1, int(0.002 * w)))
    x0, x1, y0, y1 = 0.08 * w, 0.92 * w, 0.42 * h, 0.88 * h
    px = (x0 + x1) / 2  # pantograph up to the wire
    draw.line(
        [(px - 0.05 * w, y0), (px, wire - 0.01 * h), (px + 0.05 * w, y0)],
        fill=(40, 40, 40),
        width=max(1, int(0.003 * w)),
    )
    draw.rounded_rectangle((x0, y0, x1, y1), radius=0.03 * w, fill=rgb(accent))
    draw.rectangle((x0, y1 - 0.13 * h, x1, y1 - 0.08 * h), fill=(250, 250, 250))
    width = (x1 - x0 - 0.06 * w) / 6
    for i in range(6):
        wx = x0 + 0.03 * w + i * width
        draw.rounded_rectangle(
            (wx + 0.006 * w, y0 + 0.1 * h, wx + width - 0.006 * w, y0 + 0.25 * h),
            radius=0.008 * w,
            fill=(40, 60, 80),
        )
    display = (x0 + 0.03 * w, y0 + 0.02 * h, x0 + 0.36 * w, y0 + 0.08 * h)
    draw.rectangle(display, fill=(15, 15, 15))
    text_in_box(draw, display, picture.label, font(int(0.045 * h)), (255, 176, 0))
    for bogie in (0.2, 0.5, 0.8):
        draw.rectangle(
            (bogie * w - 0.05 * w, y1, bogie * w + 0.05 * w, y1 + 0.03 * h), fill=(20, 20, 20)
        )


def _scene_landscape(draw, w, h, rng, picture):
    accent = picture.colors[2]
    disc(draw, rng.uniform(0.6, 0.85) * w, 0.2 * h, 0.055 * w, rgba(accent, 240))
    for i, green in enumerate(GREENS):
        hill(draw, w, h, rng, (0.5 + 0.1 * i) * h, rng.uniform(0.02, 0.05) * h, green)
    if picture.variant == "solar":
        for row in range(4):
            y, grow = (0.66 + row * 0.085) * h, 1 + row * 0.25
            pw, ph = 0.07 * w * grow, 0.045 * h * grow
            x = -rng.uniform(0, pw)
            while x < w:
                panel = [(x, y + ph), (x + pw, y + ph), (x + pw + 0.02 * w, y), (x + 0.02 * w, y)]
                draw.polygon(panel, fill=(29, 43, 83), outline=(150, 170, 210))
                x += pw + 0.012 * w
    elif picture.variant == "river":
        phase = rng.uniform(0, math.pi)

        def river_at(t):  # centre and half width, from the horizon (t=0) to the front (t=1)
            return w * (0.5 + 0.15 * math.sin(3 * t + phase)), w * (0.01 + 0.09 * t)

        steps = [i / 30 for i in range(31)]
        left = [(c - half, (0.6 + 0.4 * t) * h) for t in steps for c, half in [river_at(t)]]
        right = [(c + half, (0.6 + 0.4 * t) * h) for t in steps for c, half in [river_at(t)]]
        draw.polygon(left + right[::-1], fill=(77, 143, 191))
        trees = [(rng.uniform(0, w), rng.uniform(0.55, 0.98) * h) for _ in range(70)]
        for x, y in sorted(trees, key=lambda tree: tree[1]):  # back to front
            centre, half = river_at((y / h - 0.6) / 0.4) if y > 0.6 * h else (-w, 0)
            r = 0.03 * w * (0.5 + y / h)
            if abs(x - centre) < half + r:
                continue
            draw.rectangle(
                (x - r * 0.12, y - r * 0.2, x + r * 0.12, y + r * 0.8), fill=(92, 64, 51)
            )
            disc(draw, x, y - r * 0.6, r, rgba(shade(rng.choice(GREENS), 0.8), 235))


def _scene_industry(draw, w, h, rng, picture):
    accent = picture.colors[2]
    ground = 0.82 * h
    hill(draw, w, h, rng, 0.6 * h, 0.02 * h, (176, 184, 170))
    for i in range(3):
        x, cw = (0.18 + 0.26 * i + rng.uniform(-0.04, 0.04)) * w, 0.026 * w
        top = rng.uniform(0.12, 0.3) * h
        for j in range(7):
            r = 0.02 * w * (1 + j * 0.35)
            disc(draw, x + cw / 2 + j * 0.025 * w, top - j * 0.035 * h, r, (236, 236, 236, 90))
        draw.rectangle((x, top, x + cw, ground), fill=(215, 215, 215))
        for k in range(3):
            band = top + 0.01 * h + k * 0.05 * h
            draw.rectangle((x, band, x + cw, band + 0.02 * h), fill=rgb(accent))
    x = 0.0
    while x < w:
        bw = rng.uniform(0.08, 0.16) * w
        top = ground - rng.uniform(0.1, 0.25) * h
        draw.rectangle((x, top, x + bw, ground), fill=shade((120, 128, 140), rng.uniform(0.7, 1)))
        x += bw + rng.uniform(0.01, 0.05) * w
    for i in range(2):
        cx, r = (0.3 + 0.35 * i) * w, 0.06 * w
        draw.rectangle((cx - r, 0.62 * h, cx + r, ground), fill=(200, 204, 210))
        draw.ellipse((cx - r, 0.6 * h, cx + r, 0.64 * h), fill=(225, 228, 232))
    for y in (0.66, 0.7):
        draw.line((0, y * h, w, y * h), fill=(150, 150, 150), width=max(1, int(0.006 * w)))
    draw.rectangle((0, ground, w, h), fill=(110, 105, 95))


def _scene_crane(draw, w, h, rng, picture):
    accent = picture.colors[2]
    ground, line = 0.86 * h, max(1, int(0.003 * w))
    concrete = (178, 176, 170)
    x0, x1 = 0.45 * w, 0.88 * w
    floors = rng.randint(5, 7)
    for f in range(floors + 1):
        y = ground - f * 0.08 * h
        draw.rectangle((x0, y - 0.012 * h, x1, y), fill=concrete)
    for c in range(6):
        cx = x0 + c * (x1 - x0) / 5
        draw.rectangle(
            (cx - 0.005 * w, ground - floors * 0.08 * h, cx + 0.005 * w, ground), fill=concrete
        )
    mast, jib = 0.3 * w, 0.14 * h
    for side in (-1, 1):
        draw.line(
            (mast + side * 0.01 * w, jib, mast + side * 0.01 * w, ground), fill=accent, width=line
        )
    y, zig = jib, -1
    while y < ground:
        draw.line(
            (mast - zig * 0.01 * w, y, mast + zig * 0.01 * w, y + 0.03 * h), fill=accent, width=line
        )
        y, zig = y + 0.03 * h, -zig
    draw.rectangle((mast - 0.14 * w, jib - 0.015 * h, mast + 0.5 * w, jib), fill=accent)
    draw.rectangle((mast - 0.14 * w, jib, mast - 0.09 * w, jib + 0.05 * h), fill=(80, 80, 80))
    draw.rectangle((mast - 0.012 * w, jib, mast + 0.02 * w, jib + 0.04 * h), fill=(60, 60, 60))
    hook = mast + rng.uniform(0.3, 0.45) * w
    draw.line((hook, jib, hook, 0.45 * h), fill=(50, 50, 50), width=line)
    draw.rectangle((hook - 0.04 * w, 0.45 * h, hook + 0.04 * w, 0.48 * h), fill=(150, 90, 60))
    draw.rectangle((0, ground, w, h), fill=(140, 120, 95))
    banner = (0.04 * w, ground - 0.08 * h, 0.34 * w, ground)
    draw.rectangle(banner, fill=rgb(accent), outline=(40, 40, 40), width=line)
    text_in_box(draw, banner, picture.label, font(int(0.055 * h)), (30, 30, 30))


def _scene_stadium(draw, w, h, rng, picture):
    top, _, pitch = picture.colors
    indoor = picture.variant == "indoor"
    draw.rectangle((0, 0.2 * h, w, 0.52 * h), fill=shade(top, 0.6))
    dot = max(1.0, 0.004 * w)
    for _ in range(900):
        disc(draw, rng.uniform(0, w), rng.uniform(0.22, 0.5) * h, dot, rng.choice(CROWD))
    if indoor:
        for i in range(12):
            x = i * w / 11
            draw.line((x, 0, w / 2, 0.18 * h), fill=(90, 90, 95), width=max(1, int(0.002 * w)))
    else:
        for x in (0.06, 0.94):
            draw.line(
                (x * w, 0.08 * h, x * w, 0.22 * h), fill=(60, 60, 60), width=max(1, int(0.004 * w))
            )
            draw.rectangle(
                (x * w - 0.04 * w, 0.03 * h, x * w + 0.04 * w, 0.08 * h), fill=(255, 255, 230)
            )
    field = [(0.12 * w, 0.52 * h), (0.88 * w, 0.52 * h), (1.15 * w, h), (-0.15 * w, h)]
    draw.polygon(field, fill=rgb(pitch))
    if not indoor:  # mowing stripes across the pitch

        def left(y):  # x of the pitch's left edge at height y (a fraction of h)
            return (0.12 - 0.27 * (y - 0.52) / 0.48) * w

        for k in range(0, 8, 2):
            y0, y1 = 0.52 + k * 0.06, 0.52 + (k + 1) * 0.06
            band = [(left(y0), y0 * h), (w - left(y0), y0 * h), (w - left(y1), y1 * h)]
            draw.polygon([*band, (left(y1), y1 * h)], fill=(255, 255, 255, 22))
    line = max(1, int(0.003 * w))
    white = (245, 245, 245)
    draw.line((0.5 * w, 0.52 * h, 0.5 * w, h), fill=white, width=line)
    draw.ellipse((0.4 * w, 0.66 * h, 0.6 * w, 0.84 * h), outline=white, width=line)
    draw.polygon(
        [(0.14 * w, 0.54 * h), (0.86 * w, 0.54 * h), (1.1 * w, h), (-0.1 * w, h)],
        outline=white,
        width=line,
    )
    board = (0.42 * w, 0.04 * h, 0.58 * w, 0.16 * h)
    draw.rectangle(board, fill=(12, 12, 12))
    text_in_box(draw, board, picture.label, font(int(0.07 * h)), (255, 183, 3))


def _scene_stars(draw, w, h, rng, picture):
    accent = picture.colors[2]
    for _ in range(8):
        cx, cy = rng.uniform(0, w), 0.35 * h + rng.uniform(-0.1, 0.1) * h
        draw.ellipse(
            (cx - 0.2 * w, cy - 0.06 * h, cx + 0.2 * w, cy + 0.06 * h), fill=(180, 190, 255, 12)
        )
    for _ in range(450):
        r = rng.choice((0.5, 0.8, 1.2, 1.8)) * w / 1600
        disc(
            draw,
            rng.uniform(0, w),
            rng.uniform(0, 0.78) * h,
            max(0.5, r),
            (255, 255, 255, rng.randint(110, 255)),
        )
    px, py, r = 0.72 * w, 0.28 * h, 0.05 * w
    disc(draw, px, py, r, rgb(accent))
    draw.ellipse(
        (px - 2 * r, py - 0.4 * r, px + 2 * r, py + 0.4 * r),
        outline=(240, 220, 170),
        width=max(1, int(0.004 * w)),
    )
    hill(draw, w, h, rng, 0.82 * h, 0.03 * h, (5, 8, 20))
    draw.rectangle((0.18 * w, 0.74 * h, 0.32 * w, 0.9 * h), fill=(35, 38, 55))
    draw.chord((0.18 * w, 0.64 * h, 0.32 * w, 0.84 * h), 180, 360, fill=(200, 205, 215))
    draw.rectangle((0.245 * w, 0.645 * h, 0.255 * w, 0.74 * h), fill=(20, 22, 35))


# scene name -> drawing function(draw, w, h, rng, picture)
SCENES = {
    "skyline": _scene_skyline,
    "tram": _scene_tram,
    "landscape": _scene_landscape,
    "industry": _scene_industry,
    "crane": _scene_crane,
    "stadium": _scene_stadium,
    "stars": _scene_stars,
}
