"""Serving uploaded pictures and their renditions from ``MEDIA_ROOT`` when no web server or
object storage does it (the single-machine setup of ``make serve``).

File names never repeat (uploads get a random suffix, renditions a version hash), so every
file may be cached for a year by browsers and a CDN. Big sites put media on object storage
with a CDN in front (``MEDIA_STORAGE=s3``) and do not need this.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

ONE_YEAR = 365 * 24 * 3600


@require_safe
def serve(request, path):
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except (SuspiciousFileOperation, ValueError) as exc:  # "../", NUL bytes
        raise Http404 from exc
    if not full_path.is_file():
        raise Http404
    content_type, _encoding = mimetypes.guess_type(full_path.name)
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    # Nothing in a media file may run, even if a browser were made to read one as a page
    # (originals are kept byte for byte; a JPEG/HTML polyglot stays inert).
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
