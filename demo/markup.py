"""The tiny markup article bodies are written in, in demo/data/articles.json, and its HTML."""

import re

_LIST_ITEM = re.compile(r"^(?:- |\d+\. )")


def render_body(text):
    """
    Turn the tiny body markup of the demo articles into the HTML an article body stores.

    One block per paragraph, blank lines between blocks: "## " a subheading, "> " a block
    quote, "- " and "1. " list items (an item may continue on the next line), anything else a
    paragraph. Inline HTML (<strong>, <em>, <a>) is kept.
    """
    html = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.strip().splitlines()]
        first = lines[0]
        if first.startswith("## "):
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
