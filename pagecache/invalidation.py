"""What makes stored pages stale: a change of anything a public page shows. Follows the data,
not the admin: a save or delete from the admin, a command, an import or the shell starts a
new generation once its transaction commits (see store.py).

``QuerySet.update()`` sends no signal; code that changes content that way calls
``invalidate()`` itself.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import store

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


def connect():
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(invalidate, sender=model, dispatch_uid=f"pagecache-{label}-{name}")
    article = apps.get_model("articles.Article")
    m2m_changed.connect(invalidate, sender=article.tags.through, dispatch_uid="pagecache-tags")
    # Going live changes the article with an UPDATE (no save signal).
    from articles.publishing import article_published

    article_published.connect(invalidate, dispatch_uid="pagecache-article-published")
