"""What "public" means, and what the lists and the article page load with an article, in a
fixed number of queries."""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.query import ModelIterable
from django.utils import timezone

from .. import page_parts
from .parts import Byline, CrossLink


class WithHeroRenditions(ModelIterable):
    """Articles as model instances, their hero images' 16:9 renditions (the only ones
    teasers and article pages show) loaded in one more query as plain rows, not as a model
    instance each (images.renditions.load_renditions)."""

    def __iter__(self):
        from images.renditions import load_renditions  # images refers to articles (usage)

        articles = list(super().__iter__())
        load_renditions([article.hero_image for article in articles], "wide")
        yield from articles


def public_filter(prefix=""):
    """The rule of ``ArticleQuerySet.public()`` as a condition on the article at ``prefix``
    (``"target__"``: a cross-link's target), so a query that joins the article anyway
    checks that row instead of asking ``IN (every public article)``, which PostgreSQL
    answers by reading the whole archive."""
    # articles.py builds its manager from this module: the model from the registry.
    live = apps.get_model("articles", "Article").LIVE_STATUSES
    now = timezone.now()

    def on(lookup, value):
        return Q(**{prefix + lookup: value})

    return (
        (on("depublish_at__isnull", True) | on("depublish_at__gt", now))
        & (on("embargo_until__isnull", True) | on("embargo_until__lte", now))
        & on("status__in", live)
        & on("published_at__lte", now)
    )


class ArticleQuerySet(models.QuerySet):
    def public(self):
        """Articles readers may see, decided at query time so no job must run first:
        published or scheduled, their publication time has come and, if they have one,
        their depublication time has not."""
        return self.filter(public_filter())

    def for_teasers(self):
        """What a list of teasers shows, in a fixed number of queries."""
        return self.select_related(
            "section", "hero_image", *page_parts.related()
        )._with_hero_renditions()

    def for_page(self):
        """Everything an article page shows, in a fixed number of queries."""
        # External links, and links to articles that are public now (a story that goes
        # live later appears here once it does).
        public_targets = CrossLink.objects.filter(
            Q(target__isnull=True) | public_filter("target__")
        ).select_related("target__section")
        return (
            self.select_related("section", "hero_image", "social_image", *page_parts.related())
            ._with_hero_renditions()
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("author")),
                "bullets",
                Prefetch("cross_links", queryset=public_targets, to_attr="public_cross_links"),
                "tags",
                # Newest first: the model's order.
                "corrections",
            )
        )

    def _with_hero_renditions(self):
        clone = self._chain()
        # Where values() and values_list() set theirs: how rows become results.
        clone._iterable_class = WithHeroRenditions
        return clone
