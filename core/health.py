"""Health checks for a load balancer: ``/healthz`` (the process answers) and ``/readyz``
(the database and the cache answer too; 503 otherwise). Plain text, never cached."""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

READY_KEY = "core:readyz"


def _text(body, status=200):
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
def healthz(request):
    return _text("ok\n")


@require_safe
@never_cache
def readyz(request):
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("readyz: database unavailable: %s", error)
        problems.append("database")
    # The shared cache is an accelerator (pages render without it), but a node whose cache
    # is gone serves slowly and misses invalidations: take it out of rotation until it is back.
    token = secrets.token_hex(8)
    cache.set(READY_KEY, token, 30)
    if cache.get(READY_KEY) != token:
        problems.append("cache")
    if problems:
        return _text("unavailable: " + ", ".join(problems) + "\n", status=503)
    return _text("ok\n")
