"""The Google News sitemap and robots.txt; feeds and the other sitemaps are served by
django.contrib.syndication and django.contrib.sitemaps (see urls.py)."""

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.http import JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import http_date

from core.addresses import absolute_url
from sitecontent.models import SiteSettings

from .feeds import publication_name
from .sitemaps import NewsSitemap

# Paths crawlers should leave alone: the admin, previews of unpublished articles and search
# result pages (endless, thin combinations of the same articles).
# A custom ADMIN_URL is left out: robots.txt would tell every scanner where it is.
DISALLOWED_PATHS = ("/admin/", "/vorschau/", "/suche/")
# The browser's toolbar colour on phones (the site's header).
THEME_COLOR = "#1a1a1a"


@x_robots_tag
def sitemap_index(request, sitemaps):
    """/sitemap.xml: django.contrib.sitemaps' index, with the sitemaps' addresses on the
    site's configured address (core/addresses.py) rather than the request's host."""
    entries, newest, every_lastmod = [], None, True
    for section, sitemap_class in sitemaps.items():
        sitemap = sitemap_class()
        location = absolute_url(request, reverse("distribution:sitemap", args=[section]))
        lastmod = sitemap.get_latest_lastmod()
        if lastmod is None and not sitemap.paginator.count:
            continue  # nothing in it yet (the corrections page before the first correction)
        if lastmod is None:
            every_lastmod = False
        elif newest is None or lastmod > newest:
            newest = lastmod
        entries.append(SitemapIndexItem(location, lastmod))
        entries += [
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        ]
    headers = {"Last-Modified": http_date(newest.timestamp())} if every_lastmod and newest else {}
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
        headers=headers,
    )


@x_robots_tag
def news_sitemap(request):
    urls = NewsSitemap().get_urls(site=get_current_site(request), protocol=request.scheme)
    context = {
        "urlset": urls,
        "publication_name": publication_name(),
        # Google wants the ISO 639 code of the language, "de" for LANGUAGE_CODE "de" or "de-at".
        "publication_language": settings.LANGUAGE_CODE.split("-")[0].lower(),
    }
    return TemplateResponse(
        request, "distribution/news_sitemap.xml", context, content_type="application/xml"
    )


def robots_txt(request):
    context = {
        "disallowed_paths": [
            path
            for path in DISALLOWED_PATHS
            if path != "/admin/" or settings.ADMIN_PATH == "/admin/"
        ],
        "sitemap_urls": [
            absolute_url(request, reverse("distribution:sitemap_index")),
            absolute_url(request, reverse("distribution:news_sitemap")),
        ],
    }
    return render(
        request, "distribution/robots.txt", context, content_type="text/plain; charset=utf-8"
    )


def web_manifest(request):
    """The web app manifest: the site's name and icons for a home screen or a tab strip."""
    site = SiteSettings.current()
    icons = [
        {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons.append({"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"})
    data = {
        "name": site.site_name,
        "short_name": site.site_name[:12],
        "description": site.description,
        "lang": "de",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            *icons,
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(
        data,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
