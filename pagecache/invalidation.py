"""What makes stored pages stale: a change of anything a public page shows. Follows the data,
not the admin: a save or delete from the admin, a command, an import or the shell starts a
new generation once its transaction commits (see store.py).

The same changes purge the pages a proxy or CDN in front keeps (purge.py), by the surrogate
keys of what changed (keys.py).

``QuerySet.update()`` sends no signal; code that changes content that way calls
``invalidate()`` itself.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import keys, purge, store

# Everything a public page, feed or sitemap shows is stored in one of these.
CONTENT_MODELS = [
    "articles.Article",
    "articles.Byline",
    "articles.TeaserBullet",
    "articles.CrossLink",
    "articles.Section",
    "articles.ArticleRedirect",
    "articles.HomePage",
    "articles.HomePageHighlight",
    "people.Author",
    "images.Image",
    "images.Rendition",
    "sitecontent.SiteSettings",
    "sitecontent.SocialAccount",
    "search.SearchDocument",
    "taggit.Tag",
    "taggit.TaggedItem",
]


def invalidate(**kwargs):
    """Start a new generation once the current transaction commits (at once outside one)."""
    transaction.on_commit(store.new_generation)


def saved(sender, instance, created=False, **kwargs):
    invalidate()
    if purge.receivers():  # (the keys of an article's lists cost a few queries)
        purge.schedule(keys.for_change(instance, created=created))


def deleted(sender, instance, **kwargs):
    invalidate()
    if purge.receivers():
        purge.schedule(keys.for_change(instance, deleted=True))


def deleting_article(sender, instance, **kwargs):
    # Its tags and bylines are still there to tell which lists it leaves.
    if purge.receivers():
        purge.schedule(keys.article_lists(instance))


def tagged(sender, instance, action, pk_set=None, **kwargs):
    if action.startswith("post_"):
        invalidate()
        purge.schedule(keys.for_tagging(instance, pk_set))


def went_live(sender, article, **kwargs):
    invalidate()
    if purge.receivers():
        purge.schedule({f"a{article.pk}", *keys.article_lists(article)})


def connect():
    keys.connect()
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        for name, signal, receiver in (
            ("saved", post_save, saved),
            ("deleted", post_delete, deleted),
        ):
            signal.connect(receiver, sender=model, dispatch_uid=f"pagecache-{label}-{name}")
    article = apps.get_model("articles.Article")
    pre_delete.connect(deleting_article, sender=article, dispatch_uid="pagecache-article-deleting")
    m2m_changed.connect(tagged, sender=article.tags.through, dispatch_uid="pagecache-tags")
    # Going live changes the article with an UPDATE (no save signal).
    from articles.publishing import article_published

    article_published.connect(went_live, dispatch_uid="pagecache-article-published")
