"""The answer when a request fails: a database that does not answer is an outage, not a bug.

Django calls ``server_error`` (``handler500`` in newsroom/urls.py) for any exception nothing
else handled, wherever it was raised (a view, sessions, authentication). When it is the
database that cannot be reached, readers get a German 503 page with ``Retry-After`` (a proxy
or CDN may serve its stale copy meanwhile), and an editor whose save failed gets back what
they typed, to copy: nothing was saved, nothing is lost. Everything else stays a 500.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# Form fields that are no text an editor typed (Django's bookkeeping, secrets).
_NOT_TYPED = ("csrfmiddlewaretoken", "password", "edit_version", "_save", "_continue")


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)


def database_unavailable(request):
    """503 without touching the database: no context processors, no session, no user."""
    context = {"typed": typed_text(request)}
    response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    logger.error("Database unavailable: %s %s", request.method, request.path)
    return response


def typed_text(request):
    """[(field name, text)] of an admin form that was being submitted, longest first."""
    if request.method != "POST" or not request.path.startswith(settings.ADMIN_PATH):
        return []
    typed = []
    for name, values in request.POST.lists():
        if any(marker in name for marker in _NOT_TYPED) or name.endswith("FORMS"):
            continue
        text = "\n".join(value for value in values if value.strip())
        if len(text.strip()) >= 2 and not text.strip().isdigit():
            typed.append((name, text))
    return sorted(typed, key=lambda item: -len(item[1]))
