"""Which surrogate keys a page carries, and which keys a change of content purges.

A page carries the key of every content object it loads while it renders (``post_init``
below, so the keys follow the data: a page that loads an article shows it) and the key of
the list it is (added by the view: ``home``, ``ls<section>``, ``lt<tag>``, ``lp<author>``,
``lists`` for day pages, feeds and sitemaps, ``search``, ``corrections`` for /korrekturen/
and its feed, ``tk<article>`` for the pages that show a live ticker's entries). Every page
carries ``site``.

A change purges the keys of the pages that show the changed object; when an article enters
or leaves lists (created, deleted, published, withdrawn, rescheduled, moved to another
section), the keys of those lists as well, with the old and the new section.
"""

from django.apps import apps
from django.db.models.signals import post_init

from core import surrogate

# An article that enters or leaves lists brings its corrections into /korrekturen/ or out.
ALL_LISTS = ("home", "lists", "search", "corrections", surrogate.MANY)
# The fields that decide in which lists an article appears, and where.
LISTED_BY = ("status", "published_at", "depublish_at", "section_id")

# model label: key prefix of its objects
OBJECT_KEYS = {
    "articles.Article": "a",
    "articles.Section": "s",
    "people.Author": "p",
    "images.Image": "i",
    "taggit.Tag": "t",
}


def object_key(instance):
    return f"{OBJECT_KEYS[instance._meta.label]}{instance.pk}"


def _loaded(sender, instance, **kwargs):
    if instance.pk is not None:
        surrogate.add(object_key(instance))
    if sender._meta.label == "articles.Article":
        instance._listed_as = {name: instance.__dict__.get(name) for name in LISTED_BY}


def _rendition_loaded(sender, instance, **kwargs):
    if instance.image_id is not None:
        surrogate.add(f"i{instance.image_id}")


def connect():
    for label in OBJECT_KEYS:
        post_init.connect(_loaded, sender=apps.get_model(label), dispatch_uid=f"keys-{label}")
    post_init.connect(
        _rendition_loaded, sender=apps.get_model("images.Rendition"), dispatch_uid="keys-rend"
    )


def article_lists(article, sections=()):
    """The lists ``article`` is or was in: home, its sections, tags, authors, the rest."""
    section_ids = {article.section_id, *sections} - {None}
    keys = {*ALL_LISTS, *(f"ls{pk}" for pk in section_ids)}
    if article.pk is not None:
        keys.update(f"lt{pk}" for pk in article.tags.values_list("pk", flat=True))
        keys.update(f"lp{pk}" for pk in article.bylines.values_list("author_id", flat=True))
        # Articles that link to it show the link only while it is public.
        keys.update(f"a{pk}" for pk in article.linked_from.values_list("article_id", flat=True))
    return keys


def for_article(article, created=False, deleted=False):
    keys = {f"a{article.pk}", surrogate.MANY}
    before = getattr(article, "_listed_as", None)
    now = {name: article.__dict__.get(name) for name in LISTED_BY}
    if created or deleted or before is None or before != now:
        keys |= article_lists(article, sections=[(before or {}).get("section_id")])
    article._listed_as = now
    return keys


def for_change(instance, created=False, deleted=False):
    """The keys to purge when ``instance`` was saved (or deleted)."""
    label = instance._meta.label
    if label == "articles.Article":
        return for_article(instance, created=created, deleted=deleted)
    if label == "articles.Byline":
        return {f"a{instance.article_id}", f"lp{instance.author_id}", surrogate.MANY}
    if label in ("articles.TeaserBullet", "articles.CrossLink"):
        return {f"a{instance.article_id}", surrogate.MANY}
    if label == "articles.Correction":
        # Its article's page (and API), and the corrections page and feed.
        return {f"a{instance.article_id}", "corrections", surrogate.MANY}
    if label in ("articles.HomePage", "articles.HomePageHighlight"):
        return {"home"}
    if label in ("articles.Section", "sitecontent.SiteSettings", "sitecontent.SocialAccount"):
        # The navigation and the page frame show them: every page.
        return {surrogate.SITE}
    if label == "liveticker.Ticker":
        # Its start and end show on the article's page and teasers ("Live").
        return {f"a{instance.pk}", f"tk{instance.pk}"}
    if label == "liveticker.Entry":
        # Only the pages that show the ticker's entries: its article page, feed, endpoint.
        return {f"tk{instance.ticker_id}"}
    if label == "images.Rendition":
        return {f"i{instance.image_id}"}
    if label == "search.SearchDocument":
        return {"search"}
    if label == "newsletter.Newsletter":
        return {"newsletter"}  # the sign-up pages
    if label == "taggit.TaggedItem":
        return {f"a{instance.object_id}", f"lt{instance.tag_id}", surrogate.MANY}
    if label in OBJECT_KEYS:
        return {object_key(instance)}
    return set()


def for_tagging(instance, pk_set, **kwargs):
    """Tags added to or removed from an article (``m2m_changed``)."""
    return {f"a{instance.pk}", surrogate.MANY, *(f"lt{pk}" for pk in pk_set or ())}
