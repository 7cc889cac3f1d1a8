"""Desk notices: what other apps have to say about an article, shown loudly on its admin form
and in the article list, without the articles knowing those apps.

An app that builds on the articles (agency copy, say) registers a source of notices in its
``AppConfig.ready()``::

    desk.register("wire", "wire.notices.desk_notices")

A source is called with a list of articles and returns ``{article pk: [Notice, ...]}`` for
those it has something to say about, in a fixed number of queries whatever the list's length.
Notices of level ``INFO`` show on the form only; warnings and errors in the list, too. A notice
that ``blocks_going_live`` keeps the workflow from scheduling or publishing the
article (``workflow._check_ready``) until the source withdraws it.
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string

_sources: dict[str, str] = {}

INFO, WARNING, ERROR = "info", "warning", "error"


@dataclass(frozen=True)
class Notice:
    message: str
    level: str = WARNING
    url: str = ""  # where to read more (an admin page)
    blocks_going_live: bool = False


def register(name, path):
    """Ask the callable at dotted ``path`` for notices on every article shown to the desk."""
    _sources[name] = path


def notices_for(articles):
    """{article pk: [Notice, ...]} of every registered source for ``articles``."""
    articles = [article for article in articles if article.pk]
    found = {}
    if not articles:
        return found
    for path in _sources.values():
        for pk, notices in import_string(path)(articles).items():
            found.setdefault(pk, []).extend(notices)
    return found


def notices(article):
    """The notices on one article, the loudest first."""
    found = notices_for([article]).get(article.pk, [])
    return sorted(found, key=lambda notice: [ERROR, WARNING, INFO].index(notice.level))


def blocking(article):
    """The notices that keep ``article`` from going live."""
    return [notice for notice in notices(article) if notice.blocks_going_live]
