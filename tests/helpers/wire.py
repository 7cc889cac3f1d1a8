"""Agency copy in tests: a local HTTP server that plays the agency (serving the sample files
in tests/wire/samples, pictures, a huge and a slow answer), and sources pointed at it."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import factory

from tests.helpers.factories import SectionFactory, jpeg_bytes
from wire.models import WireSource

SAMPLES = Path(__file__).resolve().parent.parent / "wire" / "samples"
HUGE_BYTES = 50 * 1024 * 1024


def sample(name, base=""):
    """A sample file's bytes, its ``{base}`` placeholders pointing at the server ``base``."""
    return (SAMPLES / name).read_bytes().replace(b"{base}", base.encode())


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up (timeout, size limit) is what some tests want


class AgencyServer:
    """``routes`` maps a path to the bytes served there (change it while running); besides,
    ``/riesig`` streams 50 MB that are never held in memory, and ``/langsam`` answers late.
    ``requests`` lists the paths asked for."""

    def __init__(self):
        self.routes = {}
        self.redirects = {}  # path: the address it sends the client on to (302)
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(self.path)
                if self.path == "/riesig":
                    return self._huge()
                if self.path == "/langsam":
                    time.sleep(2)
                if self.path in server.redirects:
                    self.send_response(302)
                    self.send_header("Location", server.redirects[self.path])
                    self.end_headers()
                    return
                body = server.routes.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _huge(self):
                # No Content-Length: the client must stop reading by itself.
                self.send_response(200)
                self.end_headers()
                chunk = b"[" * (1024 * 1024)
                try:
                    for _ in range(HUGE_BYTES // len(chunk)):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path):
        return self.base + path

    def serve_sample(self, path, name):
        self.routes[path] = sample(name, self.base)
        return self.url(path)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def serve_pictures(server):
    """The pictures the samples refer to, as small JPEGs."""
    for name, color in (
        ("rathaus", (200, 120, 40)),
        ("hafen", (20, 90, 160)),
        ("klein", (0, 0, 0)),
    ):
        server.routes[f"/bilder/{name}.jpg"] = jpeg_bytes(320, 200, color)


class WireSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WireSource

    name = factory.Sequence(lambda n: f"Beispielagentur Dienst {n}")
    agency = "Beispielagentur"
    kind = WireSource.Kind.NINJS_HTTP
    url = "http://127.0.0.1:9/leer"
    default_credit = "Beispielagentur"
    default_section = factory.SubFactory(SectionFactory)
    interval = 5
