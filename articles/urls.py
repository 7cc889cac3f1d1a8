from django.urls import path

from . import preview, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    # Before the article pattern, which would take these two-part paths too.
    path("vorschau/<int:pk>/", preview.staff_preview, name="preview"),
    path("vorschau/link/<str:token>/", preview.shared_preview, name="preview_link"),
    # Topic slugs keep umlauts (django-taggit slugifies with allow_unicode).
    path("thema/<uslug:slug>/", views.tag, name="tag"),
    path("autor/<slug:slug>/", views.author, name="author"),
    path("archiv/<int:year>/<int:month>/<int:day>/", views.day, name="day"),
    path("korrekturen/", views.corrections, name="corrections"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/<slug:slug>/", views.article_detail, name="detail"),
]
