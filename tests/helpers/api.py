"""Helpers for the JSON API's tests: the clock they run at, addresses, reading answers."""

from datetime import UTC, datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

# 2026-11-04 09:00 UTC is 10:00 in Berlin (CET, +01:00).
NOW = datetime(2026, 11, 4, 9, 0, tzinfo=UTC)

ARTICLES = "/api/v1/articles/"
SECTIONS = "/api/v1/sections/"
AUTHORS = "/api/v1/authors/"


def get_json(client, url, status=200, **params):
    """GET ``url`` with ``params``, check the status and that the answer is JSON; the data."""
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def results(client, url=ARTICLES, **params):
    """The ``results`` of a list."""
    return get_json(client, url, **params)["results"]


def ids(client, url=ARTICLES, **params):
    """The ids in a list of articles, in the order given."""
    return [item["id"] for item in results(client, url, **params)]


def queries_for(client, url):
    """How many queries a successful GET of ``url`` runs, once its pictures' renditions
    exist (the first request makes them; they are made once, not per request)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def _renditions(image, role):
    from images import renditions

    return renditions.renditions_for(image, role)


def rendition_url(image, role="wide"):
    """The absolute URL the API gives for a picture: its ~1200 px JPEG rendition."""
    from images import renditions

    return "http://testserver" + renditions.best(_renditions(image, role)["jpeg"], 1200).url


def rendition_size(image, role="wide"):
    from images import renditions

    best = renditions.best(_renditions(image, role)["jpeg"], 1200)
    return best.width, best.height


def rendition_list(image, role="wide"):
    sets = _renditions(image, role)
    return [
        {
            "url": "http://testserver" + r.url,
            "width": r.width,
            "height": r.height,
            "type": "image/webp" if fmt == "webp" else "image/jpeg",
        }
        for fmt in ("webp", "jpeg")
        for r in sets[fmt]
    ]
