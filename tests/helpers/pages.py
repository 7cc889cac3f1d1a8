"""Reading the reader's pages in tests: meta tags, elements, teaser titles."""

import re

from tests.helpers.html import start_tags, text_of


def meta(page, key):
    """The content of <meta property=key> or <meta name=key>; all of them, in order."""
    return [
        tag.get("content")
        for tag in start_tags(page, "meta")
        if tag.get("property") == key or tag.get("name") == key
    ]


def canonical(page):
    return [tag["href"] for tag in start_tags(page, "link") if tag.get("rel") == "canonical"]


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
