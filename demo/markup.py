"""The tiny markup article bodies are written in, in demo/data/articles.json, and its HTML."""

import re
from html import escape

_LIST_ITEM = re.compile(r"^(?:- |\d+\. )")
# "[Bild: baustelle | Caption]" and "[Einbettung: https://…]", each a block of its own.
PICTURE = re.compile(r"^\[Bild: ([a-z0-9_]+)(?: \| (.+))?\]$")
EMBED = re.compile(r"^\[Einbettung: (https://\S+)\]$")


def picture_keys(text):
    """The image keys of the pictures in a body's markup."""
    return [match.group(1) for line in text.splitlines() if (match := PICTURE.match(line.strip()))]


def embed_urls(text):
    return [match.group(1) for line in text.splitlines() if (match := EMBED.match(line.strip()))]


def render_body(text, images=None):
    """
    Turn the tiny body markup of the demo articles into the HTML an article body stores.

    One block per paragraph, blank lines between blocks: "## " a subheading, "> " a block
    quote, "- " and "1. " list items (an item may continue on the next line), anything else a
    paragraph. Inline HTML (<strong>, <em>, <a>) is kept. "[Bild: key | Caption]" is a
    picture of the library (``images``: {image key: Image}) with an optional caption,
    "[Einbettung: https://…]" embedded third-party content (articles/sanitizer.py).
    """
    html = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        first = lines[0]
        if picture := PICTURE.match(first):
            key, caption = picture.groups()
            inner = f"<figcaption>{escape(caption, quote=False)}</figcaption>" if caption else ""
            html.append(f'<figure data-image="{images[key].pk}">{inner}</figure>')
        elif embed := EMBED.match(first):
            html.append(f'<figure data-embed="{escape(embed.group(1))}"></figure>')
        elif first.startswith("## "):
            html.append(f"<h2>{' '.join(lines)[3:]}</h2>")
        elif first.startswith("> "):
            quote = " ".join(line.removeprefix(">").strip() for line in lines)
            html.append(f"<blockquote><p>{quote}</p></blockquote>")
        elif _LIST_ITEM.match(first):
            items = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append(_LIST_ITEM.sub("", line))
                else:  # an item continued on the next line
                    items[-1] += " " + line
            tag = "ul" if first.startswith("- ") else "ol"
            html.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
        else:
            html.append(f"<p>{' '.join(lines)}</p>")
    return "\n".join(html)
