"""What makes stored pages stale: a change of anything a public page shows. Follows the data,
not the admin: a save or delete from the admin, a command, an import or the shell gives the
surrogate keys of what changed (keys.py) new versions once its transaction commits, which
ends exactly the stored pages that show it (see store.py).

The same keys purge the pages a proxy or CDN in front keeps (purge.py).

``QuerySet.update()`` sends no signal; code that changes content that way calls
``invalidate()`` itself (without keys: every page).
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
    "articles.Correction",
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
    "liveticker.Ticker",
    "liveticker.Entry",
    "taggit.Tag",
    "taggit.TaggedItem",
    "newsletter.Newsletter",
]


def invalidate(changed=None, **kwargs):
    """End the stored pages that show ``changed`` (surrogate keys; None: every page) once
    the current transaction commits (at once outside one)."""
    changed = set(changed) if changed else None
    transaction.on_commit(lambda: store.new_generation(changed))


def _changed(changed):
    invalidate(changed)
    purge.schedule(changed)


def saved(sender, instance, created=False, **kwargs):
    _changed(keys.for_change(instance, created=created) or None)


def deleted(sender, instance, **kwargs):
    _changed(keys.for_change(instance, deleted=True) or None)


def deleting_article(sender, instance, **kwargs):
    # Its tags and bylines are still there to tell which lists it leaves.
    _changed(keys.article_lists(instance))


def tagged(sender, instance, action, pk_set=None, **kwargs):
    if action.startswith("post_"):
        _changed(keys.for_tagging(instance, pk_set))


def went_live(sender, article, **kwargs):
    _changed({f"a{article.pk}", *keys.article_lists(article)})


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
