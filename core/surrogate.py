"""Surrogate keys: what a page shows, named so that a proxy or CDN can drop exactly the pages
that show something when it changes.

While a page renders, every object it loads from the database adds its key (the content
models call ``add()`` from ``from_db``), so the keys follow the data, not the templates: a
page that loads an article shows it. List pages add the key of their list as well, so an
article that enters or leaves a list purges the list it did not show yet.

Keys are short words of ``[a-z0-9-]``: ``a12`` (article 12), ``p3`` (author), ``t7`` (tag),
``s2`` (section), ``i40`` (picture), and list keys such as ``home``, ``ls2`` (the list of
section 2), ``feeds``. A page that would carry more than ``MAX_KEYS`` keys (a sitemap of
thousands of articles) carries ``many`` instead of its object keys; every change of an
article purges ``many`` too.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

MAX_KEYS = 150
MANY = "many"
SITE = "site"

_collected: ContextVar[set | None] = ContextVar("surrogate_keys", default=None)
VALID = re.compile(r"^[a-z0-9-]{1,40}$")


@contextmanager
def collecting():
    """Collect the keys added while the block runs; yields the set."""
    keys = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def add(*keys):
    """Record keys for the page being rendered (nothing happens outside a page)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)


def header_value(keys):
    """The keys as one header value: sorted, the site key always, ``many`` past MAX_KEYS."""
    keys = {key for key in keys if VALID.match(key)} | {SITE}
    if len(keys) > MAX_KEYS:
        keys = {key for key in keys if not key[1:].isdigit()} | {MANY}
    return " ".join(sorted(keys))


def keyed(*keys):
    """A view decorator: the view's pages carry ``keys`` (the lists they are)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            add(*keys)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
