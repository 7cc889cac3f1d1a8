"""
Keeping the search documents current.

``schedule()`` is called by the signal handlers in ``search.signals`` whenever something an
article's document is made of changes; the documents are rewritten once the transaction
has committed, so they never see half a save and a failed save leaves them alone.
``rebuild()`` rewrites all of them (``manage.py rebuild_search_index``).
"""

import threading

from django.db import connection, transaction
from django.db.models import Prefetch

from articles.models import Article, Byline

from .models import SearchDocument

BATCH_SIZE = 500


class _Pending(threading.local):
    def __init__(self):
        self.article_ids = set()


_pending = _Pending()
# Functions {article ids} -> {article id: text} that add text shown on an article's page
# (a live ticker's entries) to its document; registered by the apps that show it.
_text_sources = []


def register_text(source):
    if source not in _text_sources:
        _text_sources.append(source)


def schedule(article_ids):
    """Rewrite the documents of these articles once the current transaction commits.

    One admin save sends many signals (the article, each byline, each tag) for the same
    article; they are collected here and the first callback to run does all of them.
    Ids left over from a transaction that rolled back are rewritten with the next commit,
    which does no harm: a document is always made from the article as it is then.
    """
    ids = {pk for pk in article_ids if pk is not None}
    if not ids:
        return
    _pending.article_ids |= ids
    # robust: a failure here is logged and must not fail the editor's save, which has
    # already committed. ``rebuild_search_index`` repairs what went missing.
    transaction.on_commit(_flush, robust=True)


def _flush():
    ids, _pending.article_ids = _pending.article_ids, set()
    if ids:
        update(ids)


def update(article_ids):
    """Write the documents of these articles as they are now, in batches; returns how many.

    Ids of articles that no longer exist are skipped (their documents went with them).
    """
    ids = sorted(set(article_ids))
    return sum(
        _update_batch(ids[start : start + BATCH_SIZE]) for start in range(0, len(ids), BATCH_SIZE)
    )


def _update_batch(article_ids):
    articles = Article.objects.filter(pk__in=article_ids).prefetch_related(
        "tags",
        "corrections",
        Prefetch("bylines", queryset=Byline.objects.select_related("author")),
    )
    extra = {}
    for source in _text_sources:
        for pk, text in source(article_ids).items():
            extra[pk] = f"{extra.get(pk, '')} {text}".strip()
    documents = [
        SearchDocument.for_article(article, extra=extra.get(article.pk, "")) for article in articles
    ]
    if not documents:
        return 0
    with transaction.atomic():
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["article"],
            update_fields=SearchDocument.TEXT_FIELDS,
        )
        if connection.vendor == "postgresql":
            SearchDocument.objects.filter(pk__in=article_ids).update(vector=SearchDocument.VECTOR)
    return len(documents)


def rebuild():
    """Rewrite the documents of all articles; returns how many."""
    return update(Article.objects.values_list("pk", flat=True))
