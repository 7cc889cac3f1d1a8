from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("newsroom editorial office")
admin.site.site_title = _("newsroom editorial office")
admin.site.index_title = _("Overview")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("suche/", include("search.urls")),
    path("bildnachweise/", include("images.urls")),
    # Feeds, sitemaps and robots.txt live at the top level (/robots.txt, /sitemap.xml, /feeds/…).
    path("", include("distribution.urls")),
    # Last: the articles app owns /<section>/ and /<section>/<slug>/.
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
