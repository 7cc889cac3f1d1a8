"""What the security settings need at run time: the client's address behind trusted proxies,
and the Content-Security-Policy the admin needs on top of the public one."""

import math

from csp.constants import HEADER as CSP_HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def client_ip(request):
    """The address of the client, as the outermost of our ``PROXY_COUNT`` proxies saw it.

    Without proxies (``PROXY_COUNT=0``) it is ``REMOTE_ADDR``: an ``X-Forwarded-For`` a client
    sends itself is never believed. Each trusted proxy appends the address it saw, so the
    client is the ``PROXY_COUNT``-th entry from the right; entries further left were written
    by the client and may be forged.
    """
    count = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-count] if len(addresses) >= count else addresses[0]
    return request.META.get("REMOTE_ADDR")


class NewsroomCSPMiddleware(CSPMiddleware):
    """The public policy everywhere; the admin adds what Django's admin templates need
    (inline ``style`` attributes), never inline scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_PATH):
            parts.update = {**(parts.update or {}), **settings.ADMIN_CSP_ADDITIONS}
        return parts


def allow_frames(response, origins):
    """Let ``response`` frame ``origins`` (embeds loaded after a reader's click), and nothing
    else beyond the public policy. Written into the response itself, not left to the
    middleware: the page cache stores the response's headers (it sits inside the CSP
    middleware), so the widened policy goes out with the stored page as well."""
    if origins:
        response[CSP_HEADER] = build_policy(update={"frame-src": list(origins)})
    return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: 429 with a German page saying for how long,
    and ``Retry-After``."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {
        **admin.site.each_context(request),
        "cooloff_minutes": max(1, math.ceil(seconds / 60)),
    }
    response = render(request, "registration/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
