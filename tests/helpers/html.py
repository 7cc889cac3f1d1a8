"""Parsing HTML in tests: the start tags of a page, the visible text of a fragment, and an
lxml tree of a response for XPath."""

import re
from html import unescape
from html.parser import HTMLParser

import lxml.html


class _TagCollector(HTMLParser):
    """Every start tag (and self-closing tag) of a document with its attributes, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def start_tags(markup, name):
    """The attributes of every <name ...> start tag in ``markup``, in document order."""
    parser = _TagCollector()
    parser.feed(markup)
    return [attrs for tag, attrs in parser.tags if tag == name]


def text_of(fragment):
    """The visible text of an HTML fragment, tags removed and whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def html(response):
    """The response's page as an lxml tree, for XPath."""
    return lxml.html.fromstring(response.content.decode())
