"""
The read-only JSON API: public articles, sections and authors (documented in docs/api.md).

Every view is configured here rather than in settings: JSON only, no authentication (so
no session, cookie or CSRF token is ever involved), open to everyone, GET, HEAD and OPTIONS only.
Successful answers may be cached by browsers and shared caches for a minute; errors not
at all, so that an article going live is not hidden behind a cached 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.routers import APIRootView
from rest_framework.views import APIView

from articles import selectors
from articles.models import Article, Section
from liveticker import selectors as liveticker_selectors
from liveticker.models import Ticker

from .filters import ArticleFilters
from .liveticker import EntrySerializer
from .pagination import ApiPagination
from .serializers import (
    ArticleDetailSerializer,
    ArticleListSerializer,
    AuthorSerializer,
    SectionListSerializer,
)

# A minute: corrections and withdrawals reach every cache within that time, as scheduled
# articles reach the site (publish_scheduled runs every minute), while a partner's polling
# or a burst of app traffic is answered by caches instead of the database.
CACHE_MAX_AGE = 60

# Section and author slugs are ASCII; anything else (a NUL byte, say, which PostgreSQL
# refuses in a query) falls through to the API's JSON 404 before reaching the database.
SLUG_PATTERN = "[-a-zA-Z0-9_]+"


class PublicReadOnlyAPI:
    """The API's policy, mixed into every view before DRF's own classes."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    parser_classes = []
    throttle_classes = []

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and 200 <= response.status_code < 300:
            patch_cache_control(response, public=True, max_age=CACHE_MAX_AGE)
        else:
            add_never_cache_headers(response)
        return response

    def get_object(self):
        try:
            return super().get_object()
        except Http404 as exc:
            # One message for every miss, not "No Article matches the given query."
            raise NotFound from exc


class ArticleViewSet(PublicReadOnlyAPI, viewsets.ReadOnlyModelViewSet):
    """Public articles, newest first. Filters: section, tag, author, published_after,
    published_before (see docs/api.md)."""

    pagination_class = ApiPagination
    # Digits only; anything else falls through to the API's JSON 404.
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        public = Article.objects.public().order_by("-published_at", "-pk")
        if self.action == "retrieve":
            return public.for_page()
        # The body is only shown in the detail.
        return selectors.with_bylines(public.for_teasers().defer("body"))

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleListSerializer

    @action(detail=True, url_path="liveticker")
    def liveticker(self, request, pk=None):
        """The entries of the article's live ticker, newest first (404 without one)."""
        article = get_object_or_404(Article.objects.public().select_related("section"), pk=pk)
        entries = self.paginate_queryset(
            liveticker_selectors.loaded().filter(ticker__article=article)
        )
        entries = liveticker_selectors.with_parts(entries)
        if not entries and not Ticker.objects.filter(article=article).exists():
            raise NotFound
        data = EntrySerializer(
            entries, many=True, context={"request": request, "article": article}
        ).data
        return self.get_paginated_response(data)

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        filters = ArticleFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return filters.apply(queryset)


class SectionViewSet(PublicReadOnlyAPI, viewsets.ReadOnlyModelViewSet):
    """The site's sections in their navigation order."""

    queryset = Section.objects.order_by("position", "name")
    serializer_class = SectionListSerializer
    pagination_class = ApiPagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN


class AuthorViewSet(PublicReadOnlyAPI, viewsets.ReadOnlyModelViewSet):
    """Authors with at least one public article, by name."""

    serializer_class = AuthorSerializer
    pagination_class = ApiPagination
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return (
            selectors.public_authors()
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("name", "pk")
        )


class RootView(PublicReadOnlyAPI, APIRootView):
    """The API's entry point: links to every list."""


class NotFoundView(PublicReadOnlyAPI, APIView):
    """Any other address under /api/: a JSON 404, whatever the method."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound
