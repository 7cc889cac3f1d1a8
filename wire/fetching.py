"""Getting the agencies' bytes: over HTTP(S) with a timeout and a size limit, or from a folder
the agency delivers to, each file read once.

HTTP uses the standard library's urllib: one GET with a timeout and a streamed, capped read is
all that is needed, and it brings no dependency. Only http and https are followed, redirects
included (urllib would follow ftp too).
"""

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings

CHUNK = 64 * 1024
SCHEMES = ("http", "https")


class FetchError(Exception):
    """The source could not be read; the message says why, in German, for the admin."""


def timeout():
    return getattr(settings, "WIRE_TIMEOUT", 20)


def max_bytes():
    return getattr(settings, "WIRE_MAX_BYTES", 10 * 1024 * 1024)


class _OnlyHttpRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in SCHEMES:
            raise urllib.error.HTTPError(newurl, code, "redirect to a refused scheme", headers, fp)
        allow = getattr(req, "allow", None)
        if allow and not allow(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect to a refused host", headers, fp)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.allow = allow
        return new


_opener = urllib.request.build_opener(_OnlyHttpRedirects)


def same_host(url, other):
    """Whether ``url`` is on the host and port of ``other`` (the address an operator gave)."""
    first, second = urllib.parse.urlsplit(url), urllib.parse.urlsplit(other)
    return bool(first.hostname) and (first.hostname, first.port) == (
        second.hostname,
        second.port,
    )


def public_host(url):
    """Whether every address ``url``'s host resolves to is on the public internet: no
    loopback, private network, link-local (cloud metadata) or reserved address."""
    host = urllib.parse.urlsplit(url).hostname
    if not host:
        return False
    try:
        found = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    return bool(found) and all(ipaddress.ip_address(info[4][0]).is_global for info in found)


def fetch_url(url, *, limit=None, allow=None):
    """The body of ``url`` (at most ``limit`` bytes, else FetchError, never read further).

    ``allow(url)``, if given, must accept the address and every address it redirects to:
    links inside agency copy are fetched only where ``allow`` says (see takeover.py).
    """
    limit = limit or max_bytes()
    if urllib.parse.urlsplit(url).scheme.lower() not in SCHEMES:
        raise FetchError(f"Nur http- und https-Adressen werden abgerufen: {url}")
    if allow and not allow(url):
        raise FetchError(f"{url} liegt nicht im öffentlichen Netz und wird nicht abgerufen.")
    request = urllib.request.Request(
        url, headers={"User-Agent": "newsroom-wire/1.0", "Accept-Encoding": "identity"}
    )
    request.allow = allow
    try:
        with _opener.open(request, timeout=timeout()) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(_too_big(url, limit))
            return _read_capped(response, limit, url)
    except urllib.error.HTTPError as error:
        if error.msg == "redirect to a refused host":
            raise FetchError(
                f"{url} leitet auf {error.filename} um, das nicht im öffentlichen Netz liegt."
            ) from None
        raise FetchError(f"HTTP {error.code} von {url}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url} nicht erreichbar: {reason}") from None


def _read_capped(stream, limit, name):
    chunks, size = [], 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise FetchError(_too_big(name, limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(name, limit):
    return f"{name} ist größer als {limit // (1024 * 1024)} MB und wurde nicht gelesen."


def fingerprint(path):
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def folder_files(folder):
    """The regular files directly in ``folder``, oldest first: [(Path, fingerprint)]."""
    root = Path(folder)
    if not root.is_dir():
        raise FetchError(f"Ordner {folder} nicht gefunden.")
    files = [
        path
        for path in root.iterdir()
        if path.is_file() and not path.is_symlink() and not path.name.startswith(".")
    ]
    files.sort(key=lambda path: (path.stat().st_mtime_ns, path.name))
    return [(path, fingerprint(path)) for path in files]


def read_file(path, *, limit=None):
    """The bytes of ``path`` (FetchError above the limit; the rest is never read)."""
    limit = limit or max_bytes()
    if path.stat().st_size > limit:
        raise FetchError(_too_big(path.name, limit))
    with path.open("rb") as fh:
        return _read_capped(fh, limit, path.name)


def file_in_folder(folder, name):
    """``name`` resolved inside ``folder``, or None if it leads out of it (../, absolute)."""
    root = Path(folder).resolve()
    candidate = (root / name).resolve()
    if root not in candidate.parents or not candidate.is_file():
        return None
    return candidate
