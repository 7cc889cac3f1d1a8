"""The ticker's own feed: its newest entries, each linking to its place on the page."""

from django.contrib.syndication.views import Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles import blocks
from articles.models import public_filter
from core.addresses import absolute_url, site_host
from core.dates import german_time
from distribution.data import body_html
from distribution.feedgenerators import MediaRssFeed
from distribution.feeds import FeedScope, publication_name
from search.text import plain_text

from .models import Entry, Ticker

FEED_ITEMS = 30


class TickerFeed(Feed):
    feed_type = MediaRssFeed
    item_guid_is_permalink = False

    def get_object(self, request, pk):
        # Not public (a draft, embargoed, withdrawn) or no ticker: DoesNotExist, a 404.
        ticker = Ticker.objects.select_related("article__section").get(
            public_filter("article__"), pk=pk
        )
        return FeedScope(request=request, subject=ticker)

    def title(self, scope):
        return f"{publication_name()} – {_('Live ticker')}: {scope.subject.article.title}"

    def link(self, scope):
        return absolute_url(scope.request, scope.subject.article.get_absolute_url())

    def description(self, scope):
        return scope.subject.article.lead  # plain text: the feed writer escapes it as HTML

    def items(self, scope):
        entries = blocks.load_pictures(
            Entry.objects.filter(ticker=scope.subject).select_related("author")[:FEED_ITEMS]
        )
        for entry in entries:
            entry.scope = scope
        return entries

    def item_title(self, entry):
        return entry.title or _("Entry of %(time)s") % {"time": german_time(entry.published_at)}

    def item_description(self, entry):
        # As in the article feeds: the description is plain text (escaped, as RSS readers
        # take it for HTML), the entry's HTML goes into <content:encoded>.
        return escape(plain_text(entry.body))

    def item_link(self, entry):
        return f"{self.link(entry.scope)}#{entry.anchor}"

    def item_guid(self, entry):
        host = site_host(entry.scope.request)
        return f"tag:{host},{entry.published_at:%Y-%m-%d}:ticker-entry:{entry.pk}"

    def item_pubdate(self, entry):
        return entry.published_at

    def item_extra_kwargs(self, entry):
        return {
            "creators": [(entry.author.name, "")] if entry.author else [],
            "content": body_html(entry, entry.scope.request),
        }
