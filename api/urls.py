"""The API's addresses: /api/v1/… (see docs/api.md); anything else under /api/ is a JSON 404."""

from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from . import views


class Router(DefaultRouter):
    APIRootView = views.RootView
    # One renderer (JSON), so no ".json" suffixes.
    include_format_suffixes = False


router = Router()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("sections", views.SectionViewSet, basename="section")
router.register("authors", views.AuthorViewSet, basename="author")

app_name = "api"

urlpatterns = [
    path("v1/", include((router.urls, "v1"))),
    # Only paths ending in "/", so that CommonMiddleware still adds a missing slash; [\s\S]
    # rather than "." so that a newline in the path is matched too.
    re_path(r"^(?:[\s\S]*/)?\Z", views.NotFoundView.as_view(), name="not-found"),
]
