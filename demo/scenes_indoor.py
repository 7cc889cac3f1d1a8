"""Demo scenes indoors and up close: stock chart, concert stage, bookshelves, gallery, lab and
portraits. Each draws onto a background gradient, see demo.pictures."""

import math

from .drawing import disc, font, rgb, rgba, shade

BOOK_COLORS = ["#9b2226", "#005f73", "#ee9b00", "#0a9396", "#3d405b", "#e9d8a6", "#6a994e"]
SKIN_TONES = ["#f1c27d", "#e0ac69", "#c68642", "#8d5524", "#ffdbac"]
HAIR_COLORS = ["#2c1b18", "#4a312c", "#b55239", "#d6b370", "#71635a"]


def _scene_chart(draw, w, h, rng, picture):
    accent = picture.colors[2]
    for i in range(1, 10):
        draw.line((0.06 * w, i * h / 10, 0.96 * w, i * h / 10), fill=(255, 255, 255, 30))
    count, value, points = 24, 0.35, []
    bar = 0.9 * w / count
    for i in range(count):
        value = min(0.85, max(0.1, value + rng.uniform(-0.06, 0.09)))
        x = 0.06 * w + i * bar
        draw.rectangle(
            (x + bar * 0.15, h * (1 - value * 0.8), x + bar * 0.85, 0.95 * h),
            fill=rgba(accent, 70),
        )
        points.append((x + bar / 2, h * (1 - value * 0.8) - 0.04 * h))
    draw.line(points, fill=rgb(accent), width=max(1, int(0.004 * w)), joint="curve")
    draw.text((0.06 * w, 0.05 * h), picture.label, font=font(int(0.1 * h)), fill="white")
    draw.text((0.06 * w, 0.17 * h), "+1,2 %", font=font(int(0.06 * h)), fill=rgb(accent))


def _scene_stage(draw, w, h, rng, picture):
    accent = picture.colors[2]
    draw.rectangle((0, 0.78 * h, w, h), fill=(72, 46, 32))
    for i in range(3):
        sx = (0.3 + 0.2 * i) * w
        cone = [(sx - 0.01 * w, 0), (sx + 0.01 * w, 0), (sx + 0.13 * w, 0.86 * h)]
        draw.polygon([*cone, (sx - 0.13 * w, 0.86 * h)], fill=rgba(accent, 40))
        draw.ellipse((sx - 0.13 * w, 0.8 * h, sx + 0.13 * w, 0.92 * h), fill=rgba(accent, 60))
    for row, (base, size, count) in enumerate(((0.7, 0.8, 8), (0.84, 1.0, 7))):
        for i in range(count):
            x = (0.22 + (0.56 / (count - 1)) * i + rng.uniform(-0.01, 0.01) + row * 0.02) * w
            r, y = 0.018 * w * size, base * h
            draw.rounded_rectangle(
                (x - 1.4 * r, y - 4 * r, x + 1.4 * r, y), radius=r, fill=(15, 15, 15)
            )
            disc(draw, x, y - 5 * r, r, (30, 24, 28))
            if rng.random() < 0.5:  # a violin bow
                draw.line(
                    (x - 2 * r, y - 4.5 * r, x + 2.5 * r, y - 2 * r),
                    fill=(200, 170, 120),
                    width=max(1, int(0.002 * w)),
                )
    red, fold = (157, 2, 8), (110, 0, 6)
    for side in (0, 1):
        edge = [(0, 0), (0.14 * w, 0), (0.09 * w, h), (0, h)]
        curtain = [(w - x if side else x, y) for x, y in edge]
        draw.polygon(curtain, fill=red)
        for k in range(1, 4):
            fx = k * 0.03 * w
            draw.line(
                (w - fx if side else fx, 0, w - fx * 0.7 if side else fx * 0.7, h),
                fill=fold,
                width=max(1, int(0.004 * w)),
            )
    draw.rectangle((0, 0, w, 0.07 * h), fill=fold)


def _scene_books(draw, w, h, rng, picture):
    wood = rgb(picture.colors[2])
    shelf = h / 4
    for r in range(4):
        floor = (r + 1) * shelf - 0.03 * h
        x = 0.01 * w
        while x < 0.99 * w:
            bw = rng.uniform(0.012, 0.03) * w
            bh = rng.uniform(0.6, 0.9) * (shelf - 0.04 * h)
            color = rgb(rng.choice(BOOK_COLORS))
            draw.rectangle((x, floor - bh, x + bw, floor), fill=color)
            band = floor - bh * 0.8
            draw.rectangle((x, band, x + bw, band + 0.008 * h), fill=shade(color, 1.5))
            x += bw + 0.002 * w + (0.03 * w if rng.random() < 0.04 else 0)
        draw.rectangle((0, floor, w, floor + 0.03 * h), fill=wood)


def _scene_gallery(draw, w, h, rng, picture):
    accent = picture.colors[2]
    draw.rectangle((0, 0.8 * h, w, h), fill=(176, 140, 104))
    draw.line((0, 0.8 * h, w, 0.8 * h), fill=(90, 70, 50), width=max(1, int(0.004 * w)))
    palette = [rgb(accent), (38, 70, 83), (42, 157, 143), (233, 196, 106), (244, 162, 97)]
    for i, x in enumerate((0.08, 0.39, 0.7)):
        x0, frame_h = x * w, rng.uniform(0.36, 0.46) * h
        y0 = 0.42 * h - frame_h / 2
        x1, y1 = x0 + 0.22 * w, y0 + frame_h
        draw.rectangle((x0, y0, x1, y1), fill=(60, 48, 38))
        pad = 0.012 * w
        draw.rectangle((x0 + pad, y0 + pad, x1 - pad, y1 - pad), fill=(244, 240, 230))
        for k in range(6):
            cx, cy = (
                rng.uniform(x0 + 2 * pad, x1 - 2 * pad),
                rng.uniform(y0 + 2 * pad, y1 - 2 * pad),
            )
            r = rng.uniform(0.015, 0.05) * w
            box = (
                max(cx - r, x0 + pad),
                max(cy - r, y0 + pad),
                min(cx + r, x1 - pad),
                min(cy + r, y1 - pad),
            )
            shape = draw.ellipse if (i + k) % 2 else draw.rectangle
            shape(box, fill=(*rng.choice(palette), 210))
        draw.rectangle(
            (x0 + 0.08 * w, y1 + 0.04 * h, x0 + 0.14 * w, y1 + 0.06 * h), fill=(240, 240, 240)
        )
    draw.rectangle((0.38 * w, 0.86 * h, 0.62 * w, 0.9 * h), fill=(40, 40, 40))


def _scene_lab(draw, w, h, rng, picture):
    accent = picture.colors[2]
    side = 0.05 * w
    for row in range(int(h / side) + 2):
        for col in range(int(w / side) + 2):
            cx, cy = col * side * 1.5, row * side * 1.7 + (col % 2) * side * 0.85
            hexagon = [
                (cx + side * math.cos(a), cy + side * math.sin(a))
                for a in (k * math.pi / 3 for k in range(6))
            ]
            draw.polygon(hexagon, outline=(0, 80, 120, 25))
    colors = [rgb(accent), (17, 138, 178), (239, 71, 111), (7, 59, 76), (255, 209, 102)]
    for _ in range(3):
        cx, cy = rng.uniform(0.12, 0.55) * w, rng.uniform(0.2, 0.8) * h
        nodes = [(cx, cy)]
        for _ in range(rng.randint(4, 7)):
            px, py = rng.choice(nodes)
            angle = rng.uniform(0, 2 * math.pi)
            node = (px + 0.07 * w * math.cos(angle), py + 0.07 * w * math.sin(angle))
            draw.line((px, py, *node), fill=(60, 60, 70), width=max(1, int(0.004 * w)))
            nodes.append(node)
        for x, y in nodes:
            disc(draw, x, y, rng.uniform(0.015, 0.028) * w, rng.choice(colors))
    fx, line = 0.78 * w, max(1, int(0.004 * w))
    flask = [
        (fx - 0.03 * w, 0.2 * h),
        (fx - 0.03 * w, 0.45 * h),
        (fx - 0.14 * w, 0.86 * h),
        (fx + 0.14 * w, 0.86 * h),
        (fx + 0.03 * w, 0.45 * h),
        (fx + 0.03 * w, 0.2 * h),
    ]
    liquid = [(fx - 0.085 * w, 0.65 * h), (fx + 0.085 * w, 0.65 * h), *flask[3:1:-1]]
    draw.polygon(liquid, fill=rgba(accent, 190))
    draw.line([*flask], fill=(80, 90, 100), width=line)
    for _ in range(6):
        disc(
            draw,
            fx + rng.uniform(-0.05, 0.05) * w,
            rng.uniform(0.68, 0.82) * h,
            rng.uniform(0.004, 0.01) * w,
            (255, 255, 255, 160),
        )


def _scene_portrait(draw, w, h, rng, picture):
    clothes = rgb(picture.colors[2])
    skin, hair = rgb(rng.choice(SKIN_TONES)), rgb(rng.choice(HAIR_COLORS))
    if picture.variant == "long":
        draw.rounded_rectangle((0.25 * w, 0.15 * h, 0.75 * w, 0.75 * h), radius=0.2 * w, fill=hair)
    draw.ellipse((0.06 * w, 0.72 * h, 0.94 * w, 1.4 * h), fill=clothes)
    draw.rectangle((0.43 * w, 0.5 * h, 0.57 * w, 0.78 * h), fill=shade(skin, 0.9))
    draw.polygon(
        [(0.4 * w, 0.74 * h), (0.5 * w, 0.86 * h), (0.6 * w, 0.74 * h)], fill=shade(skin, 0.9)
    )
    draw.ellipse((0.31 * w, 0.18 * h, 0.69 * w, 0.6 * h), fill=skin)
    draw.chord((0.29 * w, 0.14 * h, 0.71 * w, 0.5 * h), 180, 360, fill=hair)
    for ex in (0.43, 0.57):
        disc(draw, ex * w, 0.4 * h, 0.012 * w, (40, 30, 30))
    draw.arc(
        (0.43 * w, 0.44 * h, 0.57 * w, 0.52 * h),
        20,
        160,
        fill=(150, 70, 70),
        width=max(1, int(0.006 * w)),
    )


# scene name -> drawing function(draw, w, h, rng, picture)
SCENES = {
    "chart": _scene_chart,
    "stage": _scene_stage,
    "books": _scene_books,
    "gallery": _scene_gallery,
    "lab": _scene_lab,
    "portrait": _scene_portrait,
}
