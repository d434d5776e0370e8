"""A local web server for fetch tests: 127.0.0.1 only, in a thread, never the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from tests.conftest import TEST_FIXTURES

FIFTY_MB = 50 * 1024 * 1024
_CHUNK = b"<p>" + b"x" * 65_529 + b"</p>"  # 64 KiB


class Handler(BaseHTTPRequestHandler):
    """Routes by path; ``sent`` counts body bytes written per path (to prove a cap held)."""

    sent: ClassVar[dict[str, int]] = {}
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        route = getattr(self, "route_" + self.path.strip("/").replace("-", "_").split("?")[0], None)
        try:
            if route is None:
                self._send(404, b"<html><body><p>Not here.</p></body></html>")
            else:
                route()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the tests intend

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_original(self) -> None:
        self._send(200, (TEST_FIXTURES / "original.html").read_bytes())

    def route_rewrite(self) -> None:
        self._send(200, (TEST_FIXTURES / "rewrite.html").read_bytes())

    def route_plain(self) -> None:
        self._send(200, b"It rained in the city on Monday, officials said.", "text/plain")

    def route_nav(self) -> None:
        links = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(40))
        self._send(200, f"<html><body><nav><ul>{links}</ul></nav></body></html>".encode())

    def route_missing(self) -> None:
        self._send(404, b"<html><body><h1>Not Found</h1></body></html>")

    def route_broken(self) -> None:
        self._send(500, b"<html><body><h1>Internal Server Error</h1></body></html>")

    def route_slow(self) -> None:
        time.sleep(3)  # longer than the tests' client timeout
        self._send(200, b"<html><body><p>Too late.</p></body></html>")

    def route_image(self) -> None:
        self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")

    def route_huge(self) -> None:
        """50 MB announced in Content-Length: the client should refuse before reading it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(FIFTY_MB))
        self.end_headers()
        self._stream(FIFTY_MB)

    def route_huge_unannounced(self) -> None:
        """50 MB without a Content-Length (closed-delimited): the client must stop at its cap."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self._stream(FIFTY_MB)

    def route_loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_moved(self) -> None:
        self.send_response(301)
        self.send_header("Location", "/original")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream(self, total: int) -> None:
        key = self.path
        Handler.sent[key] = 0
        while Handler.sent[key] < total:
            self.wfile.write(_CHUNK)
            Handler.sent[key] += len(_CHUNK)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-body is expected here


@contextmanager
def serve() -> Iterator[str]:
    """Run the server for the ``with`` block; yields its base URL (``http://127.0.0.1:PORT``)."""
    server = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
