from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from accounts.forms import AdminLoginForm
from core import health, media

admin.site.site_header = _("newsroom editorial office")
admin.site.site_title = _("newsroom editorial office")
admin.site.index_title = _("Overview")
# Username, password and, for those who set it up, the code of the second factor.
admin.site.login_form = AdminLoginForm

# A database that does not answer is a 503 with the editor's typed text, not a crash.
handler500 = "core.errors.server_error"

urlpatterns = [
    # For load balancers: the process answers; the database and the cache answer too.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path(f"{settings.ADMIN_URL}zwei-faktor/", include("accounts.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include("api.urls")),
    path("suche/", include("search.urls")),
    path("bildnachweise/", include("images.urls")),
    path("liveticker/", include("liveticker.urls")),
    path("newsletter/", include("newsletter.urls")),
    # Feeds, sitemaps and robots.txt live at the top level (/robots.txt, /sitemap.xml, /feeds/…).
    path("", include("distribution.urls")),
    # Last: the articles app owns /<section>/ and /<section>/<slug>/.
    path("", include("articles.urls")),
]

if settings.NEWSROOM_SERVE_MEDIA:
    # Uploads and renditions from MEDIA_ROOT, when no web server or object storage serves them.
    prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.insert(0, re_path(rf"^{prefix}/(?P<path>.+)$", media.serve, name="media"))
