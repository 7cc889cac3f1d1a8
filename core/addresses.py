"""Absolute addresses for what leaves the page: feeds, sitemaps, the API, structured data,
canonical links, share links.

With ``SITE_URL`` set (``https://zeitung.example.de``), every absolute address names that
site, whichever of its host names a request came in on: a feed item keeps its GUID and a
page its canonical address under www. and without. Unset, the request's host is used (the
demo, a site with one host name)."""

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse


def site_url():
    """The configured base address without a trailing slash, or ''."""
    return settings.SITE_URL.rstrip("/")


def site_host(request):
    """The host name (without port) that absolute addresses name."""
    base = site_url()
    if base:
        return urlsplit(base).hostname
    return split_domain_port(request.get_host())[0]


def absolute_url(request, url):
    """``url`` as an absolute URL on this site; one that already is (a CDN, object storage)
    stays as it is, and so does every URL when there is neither a site URL nor a request."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url
    base = site_url()
    if base:
        return base + (url if url.startswith("/") else f"/{url}")
    return request.build_absolute_uri(url) if request is not None else url


def offline_url(url):
    """``url`` as an absolute URL for what leaves without a request (mails sent by the
    worker): on ``SITE_URL``, which production must set (newsletter's deploy check); in
    development without it, on the development server's address."""
    base = site_url() or ("http://127.0.0.1:8000" if settings.DEBUG else "")
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not base:
        return url
    return base + (url if url.startswith("/") else f"/{url}")


def reverse(viewname, **kwargs):
    """Django's ``reverse()`` by keyword arguments, remembered: a home page links about sixty
    articles and sections, and Django matches the pattern anew each time (a fifth of the
    page's template time). The same name, arguments, URLconf and script prefix always give
    the same address, so the answer is kept (the newest 20,000 in each process)."""
    return _reverse(
        settings.ROOT_URLCONF,
        get_urlconf(),
        get_script_prefix(),
        viewname,
        tuple(sorted(kwargs.items())),
    )


@lru_cache(maxsize=20_000)
def _reverse(_root_urlconf, urlconf, _prefix, viewname, kwargs):
    return django_reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))
