"""Feeds, sitemaps, robots.txt and the web app manifest, all at the top level of the site."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.cache import cache_control

from core import surrogate

from . import views
from .feedgenerators import MediaAtomFeed, MediaRssFeed
from .feeds import ArticleFeed, AuthorFeed, CorrectionFeed, SectionFeed, TagFeed
from .sitemaps import SITEMAPS

app_name = "distribution"


# Feed readers, crawlers and caches in between may keep feeds and sitemaps for five minutes:
# a new article reaches them that much later, in exchange for far fewer requests.
# Nothing is cached on the server: a feed is four queries, and a server-side copy would
# outlive an article's depublication time, which no job announces.
# Their surrogate key "lists" is purged whenever an article enters or leaves a list.
def cached(view, key="lists"):
    return cache_control(max_age=5 * 60)(surrogate.keyed(key)(view))


# robots.txt only changes with a deploy.
cached_long = cache_control(max_age=24 * 60 * 60)

rss, atom = MediaRssFeed, MediaAtomFeed

urlpatterns = [
    path("feeds/rss/", cached(ArticleFeed(rss)), name="rss"),
    path("feeds/atom/", cached(ArticleFeed(atom)), name="atom"),
    path("feeds/ressort/<slug:slug>/rss/", cached(SectionFeed(rss)), name="section_rss"),
    path("feeds/ressort/<slug:slug>/atom/", cached(SectionFeed(atom)), name="section_atom"),
    # uslug, not slug: taggit keeps umlauts in tag slugs ("lärmschutz").
    path("feeds/thema/<uslug:slug>/rss/", cached(TagFeed(rss)), name="tag_rss"),
    path("feeds/thema/<uslug:slug>/atom/", cached(TagFeed(atom)), name="tag_atom"),
    path("feeds/autor/<slug:slug>/rss/", cached(AuthorFeed(rss)), name="author_rss"),
    path("feeds/autor/<slug:slug>/atom/", cached(AuthorFeed(atom)), name="author_atom"),
    # Its own list key: a correction changes it, and no other list.
    path(
        "feeds/korrekturen/rss/",
        cached(CorrectionFeed(rss), key="corrections"),
        name="corrections_rss",
    ),
    path(
        "feeds/korrekturen/atom/",
        cached(CorrectionFeed(atom), key="corrections"),
        name="corrections_atom",
    ),
    path(
        "sitemap.xml",
        cached(views.sitemap_index),
        {"sitemaps": SITEMAPS},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        cached(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS, "template_name": "distribution/sitemap.xml"},
        name="sitemap",
    ),
    path("news-sitemap.xml", cached(views.news_sitemap), name="news_sitemap"),
    path("robots.txt", cached_long(views.robots_txt), name="robots_txt"),
    # The site's name is in it: the page cache keeps it, and the settings' key purges it.
    path("manifest.webmanifest", cached_long(views.web_manifest), name="web_manifest"),
]
