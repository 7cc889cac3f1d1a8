"""A live ticker's entries in the API (``/api/v1/articles/<id>/liveticker/``), newest first;
its times are on the article's detail (serializers.ticker_data)."""

from rest_framework import serializers

from core.dates import iso_datetime
from distribution.data import article_url, author_data, body_html

from .serializers import ApiSerializer, api_image, pick


class EntrySerializer(ApiSerializer):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    published_at = serializers.SerializerMethodField()
    title = serializers.CharField()
    body = serializers.SerializerMethodField()
    image = serializers.SerializerMethodField()
    embed_url = serializers.CharField()
    author = serializers.SerializerMethodField()
    pinned = serializers.BooleanField()
    key_event = serializers.BooleanField()

    def get_url(self, entry):
        return f"{article_url(self.context['article'], self.request)}#{entry.anchor}"

    def get_published_at(self, entry):
        return iso_datetime(entry.published_at)

    def get_body(self, entry):
        return body_html(entry, self.request)

    def get_image(self, entry):
        return api_image(entry.image, self.request) if entry.image else None

    def get_author(self, entry):
        if entry.author is None:
            return None
        return pick(author_data(entry.author, self.request), ("name", "slug", "url"))
