"""One log line per request, for operators: method, path, status, duration and, for staff,
the user id. Nothing personal about readers: no address, no query string (search terms),
no user agent, no cookie.

    INFO newsroom.requests method=GET path=/politik/haushalt/ status=200 duration_ms=12.4

Placed first in MIDDLEWARE, so pages from the page cache and error answers are logged too.
"""

import logging
import time

logger = logging.getLogger("newsroom.requests")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": f"{(time.monotonic() - started) * 1000:.1f}",
        }
        # Only a user authentication already loaded: logging must not cost a query.
        user = getattr(request, "_cached_user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            fields["user"] = user.pk
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        logger.log(level, " ".join(f"{name}={value}" for name, value in fields.items()))
        return response
