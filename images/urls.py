from django.urls import path

from core import surrogate

from . import views

app_name = "images"

# The credits list the pictures of public articles: it changes with the lists.
urlpatterns = [path("", surrogate.keyed("lists")(views.credits), name="credits")]
