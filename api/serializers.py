"""
How the API shows things: articles (compact in lists, complete in the detail), sections,
authors and images.

Every URL is absolute, every time is ISO 8601 in the newsroom's time zone (Europe/Berlin)
with its offset. Images are shown by one function, ``image_data``, so renditions and
usability rules are added in one place. The serializers expect the querysets of
``api.views``, which load everything shown in a fixed number of queries.
"""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from rest_framework import serializers

from images import renditions


def absolute_url(request, path):
    """``path`` as an absolute URL for this request's host (a full URL stays as it is)."""
    return request.build_absolute_uri(path) if request is not None else path


def image_data(image, caption=None, request=None, role="wide"):
    """An image as the API shows it, or None when there is none to show.

    ``caption`` overrides the image's own caption (pass an article's ``caption``). An image
    that may no longer be shown (``is_usable`` False: its licence has run out) or has no
    file is left out. The API hands out renditions, never the original: ``url`` is a JPEG
    about 1200 px wide (384 px for the square author photos), ``renditions`` lists every
    size in WebP and JPEG for apps that pick their own.
    """
    main = renditions.social(image, role)
    if main is None:
        return None
    sets = renditions.renditions_for(image, role)
    return {
        "url": absolute_url(request, main.url),
        "width": main.width,
        "height": main.height,
        "alt": image.alt_text,
        "caption": image.caption if caption is None else caption,
        "credit": image.credit,
        "credit_label": str(image.credit_label),
        "renditions": [
            {
                "url": absolute_url(request, r.url),
                "width": r.width,
                "height": r.height,
                "type": r.mime_type,
            }
            for fmt in ("webp", "jpeg")
            for r in sets[fmt]
        ],
    }


def berlin_time(value):
    """'2026-11-03T14:05:00+01:00': local time with its offset, to the second; None stays."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def articles_api_url(request, **filters):
    """The API's article list, filtered, e.g. all articles of one author."""
    return absolute_url(request, f"{reverse('api:v1:article-list')}?{urlencode(filters)}")


def tag_url(request, tag):
    """The tag's page, or None where the site has no address for its slug."""
    try:
        return absolute_url(request, reverse("articles:tag", kwargs={"slug": tag.slug}))
    except NoReverseMatch:
        # Tag slugs keep non-ASCII letters ("straße"); a tag route limited to ASCII slugs
        # cannot take them, and no address is better than a broken one.
        return None


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
        return image_data(author.photo, request=self.request, role="square")

    def get_articles_url(self, author):
        return articles_api_url(self.request, author=author.slug)


class ArticleParts:
    """The article parts both article serializers show, computed the same way."""

    def get_url(self, article):
        return absolute_url(self.request, article.get_absolute_url())

    def get_api_url(self, article):
        return absolute_url(self.request, reverse("api:v1:article-detail", args=[article.pk]))

    def get_hero_image(self, article):
        return image_data(article.hero_image, caption=article.caption, request=self.request)

    def get_authors(self, article):
        return [
            {
                "name": byline.author.name,
                "slug": byline.author.slug,
                "url": absolute_url(self.request, byline.author.get_absolute_url()),
            }
            for byline in article.bylines.all()
        ]

    def get_published_at(self, article):
        return berlin_time(article.published_at)

    def get_modified_at(self, article):
        return berlin_time(article.modified_at)


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
    body = serializers.CharField()
    correction_note = serializers.CharField()
    sign_off = serializers.CharField()
    tags = serializers.SerializerMethodField()

    def get_byline(self, article):
        return str(article.byline)

    def get_bylines(self, article):
        return [
            {
                "name": byline.author.name,
                "slug": byline.author.slug,
                "role": byline.role or byline.author.role_title,
                "label": byline.label,
                "url": absolute_url(self.request, byline.author.get_absolute_url()),
            }
            for byline in article.bylines.all()
        ]

    def get_teaser_bullets(self, article):
        return [bullet.text for bullet in article.bullets.all()]

    def get_cross_links(self, article):
        # Only public targets: ArticleQuerySet.for_page() loads them as public_cross_links.
        return [
            {
                "id": link.target.pk,
                "title": link.target.title,
                "url": absolute_url(self.request, link.target.get_absolute_url()),
                "api_url": absolute_url(
                    self.request, reverse("api:v1:article-detail", args=[link.target.pk])
                ),
            }
            for link in article.public_cross_links
        ]

    def get_tags(self, article):
        tags = sorted(article.tags.all(), key=lambda tag: tag.name.casefold())
        return [
            {"name": tag.name, "slug": tag.slug, "url": tag_url(self.request, tag)} for tag in tags
        ]

    def get_updated_at(self, article):
        return berlin_time(article.updated_at) if article.is_updated else None
