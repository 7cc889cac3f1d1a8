from django.urls import path
from django.views.decorators.cache import cache_control

from core import surrogate

from . import views
from .feeds import TickerFeed

app_name = "liveticker"


def keyed_by_ticker(view):
    """The ticker's pages carry its key (``tk<pk>``): a new entry ends them, nothing else."""

    def wrapped(request, pk):
        surrogate.add(f"tk{pk}")
        return view(request, pk=pk)

    return wrapped


urlpatterns = [
    path("<int:pk>/eintraege/", views.entries, name="entries"),
    path(
        "<int:pk>/rss/",
        cache_control(max_age=60)(keyed_by_ticker(TickerFeed())),
        name="feed",
    ),
]
