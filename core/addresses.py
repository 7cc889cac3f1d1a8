"""Absolute addresses for what leaves the page: feeds, the API, structured data, share links."""


def absolute_url(request, url):
    """``url`` as an absolute URL for this request's host; one that already is (a CDN, object
    storage) stays as it is, and so does every URL when there is no request."""
    return request.build_absolute_uri(url) if request is not None else url
