"""Sitemaps of what readers may see: articles, the section, topic and author pages that list
at least one public article, and the corrections page once it lists one. Plus the Google
News sitemap of the last 48 hours.

An article's ``lastmod`` is its last material change: the update time when the editors
marked a material update, else its publication (the rule of ``Article.is_updated``). A list
page's ``lastmod`` is the newest such change among its public articles.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import selectors
from articles.models import Article, Section
from core import surrogate
from core.addresses import site_url
from people.models import Author

from .data import tag_page_url


def last_change():
    """``Article.is_updated``'s rule as SQL: updated_at if later than published_at, else
    published_at. (Coalesce first: SQLite's MAX() of a NULL is NULL.)"""
    return Greatest(Coalesce("updated_at", "published_at"), "published_at")


def _to_seconds(moment):
    # Sitemaps show whole seconds; "2026-11-04T10:00:00+01:00" rather than microseconds.
    return moment.replace(microsecond=0) if moment else None


class SiteSitemap(Sitemap):
    """Addresses on the configured SITE_URL when there is one, else on the request's host
    (core/addresses.py)."""

    def get_protocol(self, protocol=None):
        base = site_url()
        return urlsplit(base).scheme if base else super().get_protocol(protocol)

    def get_domain(self, site=None):
        base = site_url()
        return urlsplit(base).netloc if base else super().get_domain(site)


class ArticleSitemap(SiteSitemap):
    # Pages of this many articles, oldest first, so that earlier pages stay the same as new
    # articles appear and crawlers can skip them.
    limit = 2000

    def items(self):
        return (
            Article.objects.public()
            .select_related("section")
            .only("slug", "section__slug")
            .annotate(last_change=last_change())
            .order_by("published_at", "pk")
        )

    def lastmod(self, article):
        return _to_seconds(article.last_change)

    def get_latest_lastmod(self):
        # One aggregate instead of Sitemap's default, which would load every article.
        latest = Article.objects.public().aggregate(latest=Max(last_change()))["latest"]
        return _to_seconds(latest)


class ListPageSitemap(SiteSitemap):
    """Pages listing articles of one subject, if that subject has a public article.

    Every subject's ``lastmod`` comes from one grouped query over the public articles (not a
    subquery per subject), read once per sitemap and shared by the index and the pages.
    """

    model = None
    # The lookup from Article to the subject, e.g. "section".
    article_lookup = None
    ordering = ("pk",)

    def min_articles(self):
        """Subjects with fewer public articles are left out."""
        return 1

    def last_changes(self):
        """{subject pk: newest change among its public articles}, in one query."""
        if not hasattr(self, "_last_changes"):
            grouped = (
                Article.objects.public()
                .filter(**{f"{self.article_lookup}__isnull": False})
                .order_by()
                .values_list(self.article_lookup)
                .annotate(last=Max(last_change()), articles=Count("pk"))
            )
            least = self.min_articles()
            self._last_changes = {pk: last for pk, last, count in grouped if count >= least}
        return self._last_changes

    def items(self):
        # A list: the paginator counts it without another query.
        subjects = self.model.objects.filter(pk__in=list(self.last_changes()))
        return list(subjects.order_by(*self.ordering))

    def lastmod(self, subject):
        return _to_seconds(self.last_changes().get(subject.pk))

    def get_latest_lastmod(self):
        return _to_seconds(max(self.last_changes().values(), default=None))


class SectionSitemap(ListPageSitemap):
    model = Section
    article_lookup = "section"
    ordering = ("position", "name")


class AuthorSitemap(ListPageSitemap):
    model = Author
    article_lookup = "bylines__author"
    ordering = ("name", "pk")


class TagSitemap(ListPageSitemap):
    model = Tag
    article_lookup = "tags"
    ordering = ("name", "pk")

    def items(self):
        # Only tags whose page has an address (see tag_page_url); a list, so it is counted
        # and paginated after that check.
        return [tag for tag in super().items() if tag_page_url(tag)]

    def location(self, tag):
        return tag_page_url(tag)

    def min_articles(self):
        # Thin topic pages are noindex (articles.views.tag): not offered to crawlers either.
        return settings.NEWSROOM_TAG_INDEX_MIN_ARTICLES


class CorrectionsSitemap(SiteSitemap):
    """/korrekturen/, once a public article has a correction; its ``lastmod`` is the newest."""

    def newest(self):
        if not hasattr(self, "_newest"):
            # What a correction changes: the page's own list key, as on the page itself.
            surrogate.add("corrections")
            found = selectors.public_corrections().values_list("corrected_at", flat=True)
            self._newest = found.first()
        return self._newest

    def items(self):
        return ["articles:corrections"] if self.newest() else []

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return _to_seconds(self.newest())

    def get_latest_lastmod(self):
        return _to_seconds(self.newest())


# The sections of /sitemap.xml, named as they appear in the URLs (/sitemap-artikel.xml).
SITEMAPS = {
    "artikel": ArticleSitemap,
    "ressorts": SectionSitemap,
    "themen": TagSitemap,
    "autoren": AuthorSitemap,
    "korrekturen": CorrectionsSitemap,
}


class NewsSitemap(SiteSitemap):
    """Google News: public articles published in the last 48 hours, newest first, at most
    1,000 (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
    """

    limit = 1000
    window = timedelta(hours=48)

    def items(self):
        return (
            Article.objects.public()
            .filter(published_at__gte=timezone.now() - self.window)
            .select_related("section")
            .only("kicker", "headline", "slug", "published_at", "section__slug")
            .order_by("-published_at", "-pk")[: self.limit]
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["publication_date"] = _to_seconds(url["item"].published_at)
        return urls
