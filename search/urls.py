from django.urls import path

from core import surrogate

from . import views

app_name = "search"

# Results change whenever an article's text or visibility does (pagecache/keys.py).
urlpatterns = [path("", surrogate.keyed("search")(views.results), name="results")]
