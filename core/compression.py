"""Compressed text responses for sites with no proxy in front that compresses (gzip).

Django's GZipMiddleware, limited to text: pictures and other media are compressed already,
and squeezing them again costs CPU for nothing. It sits right after the page cache, so a
stored page is stored compressed and a hit costs no compression (the page cache keys pages
by whether the reader accepts gzip). Django's middleware pads compressed responses against
BREACH-style attacks.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "application/ld+json",
    "application/javascript",
)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(TEXT_TYPES):
            return response
        return super().process_response(request, response)
