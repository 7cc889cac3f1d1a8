"""Parts another app adds to the article page and to teasers, so that the articles app shows
them without knowing their models (the live ticker registers itself in liveticker/apps.py).

An app registers from its ``AppConfig.ready()``:

- ``related``: names of one-to-one relations loaded with every article page and teaser
  (``select_related``), so that a part costs no query for the articles that have none;
- ``provider(request, article)`` returning a ``PagePart`` or None: what the page shows
  between the lead (with its links) and the body;
- ``badge(article)`` returning a ``Badge`` or None: a short label on teasers ("Live").
"""

from dataclasses import dataclass, field

_related = []
_providers = []
_badges = []


@dataclass
class PagePart:
    template: str
    # Added to the page's context (a part may set ``page_obj``: the page is then paginated).
    context: dict = field(default_factory=dict)
    # Origins of the iframes its embeds may load after a click (frame-src).
    frame_origins: tuple = ()
    # A JSON-LD element that replaces the article's own (e.g. a LiveBlogPosting).
    structured_data: str = ""


@dataclass(frozen=True)
class Badge:
    label: str
    css: str


def register(*, related=(), provider=None, badge=None):
    _related.extend(name for name in related if name not in _related)
    if provider is not None and provider not in _providers:
        _providers.append(provider)
    if badge is not None and badge not in _badges:
        _badges.append(badge)


def related():
    return tuple(_related)


def for_article(request, article):
    return [part for provider in _providers if (part := provider(request, article))]


def badges(article):
    return [found for badge in _badges if (found := badge(article))]
