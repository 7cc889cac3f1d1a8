"""Reading the reader's pages in tests: tags, meta tags, teaser titles."""

import html
import re
from html.parser import HTMLParser


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def start_tags(markup, name):
    """The attributes of every <name ...> start tag in ``markup``, in document order."""
    parser = _Parser()
    parser.feed(markup)
    return [attrs for tag, attrs in parser.tags if tag == name]


def meta(page, key):
    """The content of <meta property=key> or <meta name=key>; all of them, in order."""
    return [
        tag.get("content")
        for tag in start_tags(page, "meta")
        if tag.get("property") == key or tag.get("name") == key
    ]


def canonical(page):
    return [tag["href"] for tag in start_tags(page, "link") if tag.get("rel") == "canonical"]


def text_of(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def element(page, tag, css_class):
    """The inner HTML of the first <tag class="... css_class ...">."""
    match = re.search(
        rf'<{tag}\b[^>]*class="[^"]*\b{re.escape(css_class)}\b[^"]*"[^>]*>(.*?)</{tag}>',
        page,
        re.S,
    )
    assert match, f"no <{tag} class={css_class!r}> in the page"
    return match.group(1)


def linked_titles(fragment):
    """The text of every teaser title link (big teasers and one-line teasers) in order."""
    titles = re.findall(
        r'<h[23] class="teaser(?:-line)?__title">\s*<a href="[^"]+">(.*?)</a>', fragment, re.S
    )
    return [text_of(title) for title in titles]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()
