"""RSS 2.0 and Atom feeds of the newest public articles: the whole site, a section, a topic
(tag) or an author; and of the newest corrections.

Each feed class is instantiated once per format in urls.py (``SectionFeed(MediaAtomFeed)``).
Feed instances are shared by all requests, so nothing request-specific is kept on them:
``get_object`` returns a ``FeedScope`` holding the request and the subject, and ``items``
turns articles into ``FeedEntry`` objects whose URLs are already absolute.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag

from articles import blocks, selectors
from articles.models import Article, Correction, Section
from core.addresses import absolute_url, site_host
from people.models import Author
from sitecontent.models import SiteSettings

from .data import author_data, body_html, hero_image_data, tag_page_url
from .feedgenerators import MediaRssFeed

# How many of the newest articles a feed carries.
FEED_ITEMS = 30


def publication_name():
    """The newsroom's name in feed titles and the Google News sitemap: the one the site
    shows (Website-Einstellungen), so Google News sees the same name everywhere."""
    return SiteSettings.current().site_name


def _join(*parts):
    return " – ".join(parts)


@dataclass(frozen=True)
class FeedScope:
    """What one request for a feed is about: the whole site (subject None) or one subject."""

    request: HttpRequest
    subject: Section | Tag | Author | None = None


@dataclass(frozen=True)
class FeedEntry:
    article: Article
    guid: str
    url: str
    # (name, absolute author page URL) per byline, in byline order.
    creators: list = field(default_factory=list)
    media: dict | None = None
    enclosure: Enclosure | None = None
    # The body as feed HTML (distribution.data.body_html): no script, no iframe.
    content: str = ""


class ArticleFeed(Feed):
    """The newest public articles of the whole site; subclasses narrow them to a subject."""

    item_guid_is_permalink = False

    def __init__(self, feed_type=MediaRssFeed):
        self.feed_type = feed_type

    # --- the subject ------------------------------------------------------------------------

    def get_object(self, request, **kwargs):
        # A subject that does not exist raises DoesNotExist, which Feed answers with a 404.
        return FeedScope(request=request, subject=self.get_subject(**kwargs))

    def get_subject(self):
        return None

    def select(self, articles, subject):
        return articles

    # --- the channel ------------------------------------------------------------------------

    def title(self, scope):
        return publication_name()

    def link(self, scope):
        return absolute_url(scope.request, self.page(scope))

    def page(self, scope):
        """The page the feed stands for (subclasses: the subject's page)."""
        return reverse("articles:home")

    def feed_url(self, scope):
        return absolute_url(scope.request, scope.request.path)

    def description(self, scope):
        return _("The latest articles from %(site)s") % {"site": publication_name()}

    def subtitle(self, scope):
        # Atom's name for the description (RSS ignores it).
        return self.description(scope)

    def author_name(self, scope):
        # Atom needs an author for the feed unless every entry names one; an article can
        # have no byline. RSS ignores it.
        return publication_name()

    # --- the items --------------------------------------------------------------------------

    def items(self, scope):
        # Newest first: the model's order, or the one select() chose.
        articles = selectors.with_bylines(
            self.select(selectors.teasers(), scope.subject).prefetch_related("tags")
        )[:FEED_ITEMS]
        # The pictures in all the texts at once (none asked for when no text has one).
        articles = blocks.load_pictures(articles)
        return [self.entry(article, scope.request) for article in articles]

    def entry(self, article, request):
        creators = [
            (data["name"], data["url"])
            for data in (author_data(byline.author, request) for byline in article.bylines.all())
        ]
        guid = self.guid(article, request)
        url = absolute_url(request, article.get_absolute_url())
        # The whole text, unless the site keeps its feeds to teasers (lead and picture).
        content = body_html(article, request) if settings.NEWSROOM_FEEDS_FULL_TEXT else ""
        image = hero_image_data(article, request)
        if image is None:
            return FeedEntry(article, guid=guid, url=url, creators=creators, content=content)
        media = {**image, "description": image["caption"]}
        return FeedEntry(
            article,
            guid=guid,
            url=url,
            creators=creators,
            media=media,
            enclosure=Enclosure(image["url"], str(image["length"]), image["mime_type"]),
            content=content,
        )

    def guid(self, article, request):
        """A tag URI (RFC 4151) that survives a new slug or section, unlike the article's URL,
        so feed readers do not show a moved article twice."""
        host = site_host(request)
        return f"tag:{host},{article.created_at:%Y-%m-%d}:article:{article.pk}"

    def item_title(self, entry):
        return entry.article.title

    def item_description(self, entry):
        # The lead is plain text; RSS descriptions and Atom summaries (type="html") are HTML.
        return escape(entry.article.lead)

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.article.published_at

    def item_updateddate(self, entry):
        # A material update (the editor's "Aktualisiert am") counts, a typo fix does not:
        # modified_at changes on every save and would push corrected articles up again.
        article = entry.article
        return article.updated_at if article.is_updated else article.published_at

    def item_categories(self, entry):
        article = entry.article
        return [article.section.name, *sorted(tag.name for tag in article.tags.all())]

    def item_enclosures(self, entry):
        return [entry.enclosure] if entry.enclosure else []

    def item_extra_kwargs(self, entry):
        return {
            "creators": entry.creators,
            "media": entry.media,
            "content": entry.content,
        }


class SectionFeed(ArticleFeed):
    def get_subject(self, slug):
        return Section.objects.get(slug=slug)

    def select(self, articles, section):
        return articles.filter(section=section)

    def title(self, scope):
        return _join(publication_name(), scope.subject.name)

    def page(self, scope):
        return scope.subject.get_absolute_url()

    def description(self, scope):
        return _("The latest articles in the section %(section)s") % {"section": scope.subject.name}


class TagFeed(ArticleFeed):
    def get_subject(self, slug):
        # As the topic page: a topic only unpublished articles carry has no feed either.
        return selectors.public_tags().get(slug=slug)

    def select(self, articles, tag):
        return selectors.by_tag(tag, articles)

    def title(self, scope):
        return _join(publication_name(), _("Topic: %(tag)s") % {"tag": scope.subject.name})

    def page(self, scope):
        return tag_page_url(scope.subject) or reverse("articles:home")

    def description(self, scope):
        return _("The latest articles on the topic %(tag)s") % {"tag": scope.subject.name}


class AuthorFeed(ArticleFeed):
    def get_subject(self, slug):
        # As the author page and the API: no feed before the first public article.
        return selectors.public_authors().get(slug=slug)

    def select(self, articles, author):
        return selectors.by_author(author, articles)

    def title(self, scope):
        return _join(publication_name(), scope.subject.name)

    def page(self, scope):
        return scope.subject.get_absolute_url()

    def description(self, scope):
        return _("The latest articles by %(author)s") % {"author": scope.subject.name}


@dataclass(frozen=True)
class CorrectionEntry:
    correction: Correction
    guid: str
    url: str


class CorrectionFeed(Feed):
    """The newest corrections of public articles (/korrekturen/ as a feed): one item per
    correction, linking to it at the end of its article."""

    item_guid_is_permalink = False

    def __init__(self, feed_type=MediaRssFeed):
        self.feed_type = feed_type

    def get_object(self, request):
        return FeedScope(request=request)

    def title(self, scope):
        return _join(publication_name(), _("Corrections"))

    def link(self, scope):
        return absolute_url(scope.request, reverse("articles:corrections"))

    def feed_url(self, scope):
        return absolute_url(scope.request, scope.request.path)

    def description(self, scope):
        return _("What %(site)s corrected, clarified or updated in its articles") % {
            "site": publication_name()
        }

    def subtitle(self, scope):
        return self.description(scope)

    def author_name(self, scope):
        return publication_name()

    def items(self, scope):
        request = scope.request
        host = site_host(request)
        return [
            CorrectionEntry(
                correction,
                guid=f"tag:{host},{correction.corrected_at:%Y-%m-%d}:correction:{correction.pk}",
                url=absolute_url(
                    request, f"{correction.article.get_absolute_url()}#korrektur-{correction.pk}"
                ),
            )
            for correction in selectors.public_corrections()[:FEED_ITEMS]
        ]

    def item_title(self, entry):
        # "Korrektur: Stadtrat Leipzig: Straßenbahn-Ausbau …"
        correction = entry.correction
        return f"{correction.get_kind_display()}: {correction.article.title}"

    def item_description(self, entry):
        # The note is plain text with its line breaks; descriptions are HTML.
        return linebreaksbr(entry.correction.note, autoescape=True)

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.correction.corrected_at
