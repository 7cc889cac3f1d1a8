"""
How the API shows things: articles (compact in lists, complete in the detail), sections,
authors and images.

Every URL is absolute, every time is ISO 8601 in the newsroom's time zone (Europe/Berlin)
with its offset. Images, authors and articles are described by the same functions as in
the feeds and the structured data (``images.data``, ``distribution.data``). The serializers
expect the querysets of ``api.views``, which load everything shown in a fixed number of
queries.
"""

from urllib.parse import urlencode

from django.urls import reverse
from rest_framework import serializers

from core.addresses import absolute_url
from core.dates import iso_datetime
from distribution.data import article_url, author_data, body_html, byline_data, tag_data
from images.data import image_data
from liveticker.page import ticker_of

# What the API says about a picture: the rendition about 1200 px wide (384 px for the square
# author photos) and every size in WebP and JPEG for apps that pick their own. Never the
# original; an image whose licence has run out is left out (null).
API_IMAGE_FIELDS = (
    "url",
    "width",
    "height",
    "alt",
    "caption",
    "credit",
    "credit_label",
    "renditions",
)


def api_image(image, request, caption=None, role="wide"):
    """An image as the API shows it (see ``images.data.image_data``), or None."""
    data = image_data(image, request=request, role=role, caption=caption, all_sizes=True)
    return pick(data, API_IMAGE_FIELDS) if data else None


def pick(data, keys):
    """The entries of ``data`` the API shows, in the order of ``keys``."""
    return {key: data[key] for key in keys}


def articles_api_url(request, **filters):
    """The API's article list, filtered, e.g. all articles of one author."""
    return absolute_url(request, f"{reverse('api:v1:article-list')}?{urlencode(filters)}")


def ticker_data(article, request):
    """The article's ticker (loaded with it), or None."""
    ticker = ticker_of(article)
    if ticker is None:
        return None
    return {
        "started_at": iso_datetime(ticker.started_at),
        "ended_at": iso_datetime(ticker.ended_at) if ticker.ended_at else None,
        "is_running": ticker.is_running(),
        "entries_url": absolute_url(
            request, reverse("api:v1:article-liveticker", args=[article.pk])
        ),
    }


class ApiSerializer(serializers.Serializer):
    """Read-only serializer with the request at hand for absolute URLs."""

    @property
    def request(self):
        return self.context.get("request")


class SectionSerializer(ApiSerializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, section):
        return absolute_url(self.request, section.get_absolute_url())


class SectionListSerializer(SectionSerializer):
    """A section in /api/v1/sections/, with the link to its articles."""

    articles_url = serializers.SerializerMethodField()

    def get_articles_url(self, section):
        return articles_api_url(self.request, section=section.slug)


class AuthorSerializer(ApiSerializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    role_title = serializers.CharField()
    bio = serializers.CharField()
    url = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField()
    articles_url = serializers.SerializerMethodField()

    def get_url(self, author):
        return absolute_url(self.request, author.get_absolute_url())

    def get_photo(self, author):
        return api_image(author.photo, self.request, role="square")

    def get_articles_url(self, author):
        return articles_api_url(self.request, author=author.slug)


class ArticleParts:
    """The article parts both article serializers show, computed the same way."""

    def get_url(self, article):
        return article_url(article, self.request)

    def get_api_url(self, article):
        return absolute_url(self.request, reverse("api:v1:article-detail", args=[article.pk]))

    def get_hero_image(self, article):
        return api_image(article.hero_image, self.request, caption=article.caption)

    def get_authors(self, article):
        fields = ("name", "slug", "url")
        return [
            pick(author_data(byline.author, self.request), fields)
            for byline in article.bylines.all()
        ]

    def get_published_at(self, article):
        return iso_datetime(article.published_at)

    def get_modified_at(self, article):
        return iso_datetime(article.modified_at)


class ArticleListSerializer(ArticleParts, ApiSerializer):
    """An article in a list: enough for a teaser."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    kicker = serializers.CharField()
    headline = serializers.CharField()
    title = serializers.CharField()
    lead = serializers.CharField()
    section = SectionSerializer()
    published_at = serializers.SerializerMethodField()
    modified_at = serializers.SerializerMethodField()
    authors = serializers.SerializerMethodField()
    hero_image = serializers.SerializerMethodField()


class ArticleDetailSerializer(ArticleParts, ApiSerializer):
    """An article with every part of its page, in the order of the anatomy."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()
    slug = serializers.CharField()
    kicker = serializers.CharField()
    headline = serializers.CharField()
    title = serializers.CharField()
    section = SectionSerializer()
    hero_image = serializers.SerializerMethodField()
    byline = serializers.SerializerMethodField()
    bylines = serializers.SerializerMethodField()
    authors = serializers.SerializerMethodField()
    published_at = serializers.SerializerMethodField()
    updated_at = serializers.SerializerMethodField()
    is_updated = serializers.BooleanField()
    modified_at = serializers.SerializerMethodField()
    teaser_bullets = serializers.SerializerMethodField()
    lead = serializers.CharField()
    cross_links = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    corrections = serializers.SerializerMethodField()
    sign_off = serializers.CharField()
    tags = serializers.SerializerMethodField()
    live_ticker = serializers.SerializerMethodField()

    def get_live_ticker(self, article):
        return ticker_data(article, self.request)

    def get_body(self, article):
        # As feeds carry it: pictures as <img> with caption and credit, embeds as links.
        return body_html(article, self.request)

    def get_byline(self, article):
        return str(article.byline)

    def get_bylines(self, article):
        fields = ("name", "slug", "role", "label", "url")
        return [pick(byline_data(byline, self.request), fields) for byline in article.bylines.all()]

    def get_corrections(self, article):
        # Loaded with the article (ArticleQuerySet.for_page()), newest first.
        return [
            {
                "time": iso_datetime(correction.corrected_at),
                "kind": correction.kind,
                "note": correction.note,
            }
            for correction in article.corrections.all()
        ]

    def get_teaser_bullets(self, article):
        return [bullet.text for bullet in article.bullets.all()]

    def get_cross_links(self, article):
        # Only public targets and external links: ArticleQuerySet.for_page() loads them as
        # public_cross_links. An external link has no id and no api_url.
        return [
            {"id": None, "title": link.title, "url": link.url, "api_url": None}
            if link.is_external
            else {
                "id": link.target.pk,
                "title": link.target.title,
                "url": article_url(link.target, self.request),
                "api_url": absolute_url(
                    self.request, reverse("api:v1:article-detail", args=[link.target.pk])
                ),
            }
            for link in article.public_cross_links
        ]

    def get_tags(self, article):
        tags = sorted(article.tags.all(), key=lambda tag: tag.name.casefold())
        return [tag_data(tag, self.request) for tag in tags]

    def get_updated_at(self, article):
        return iso_datetime(article.updated_at) if article.is_updated else None
