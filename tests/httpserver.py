"""A real HTTP server on 127.0.0.1 for tests that fetch: routes map a path to a `Reply`.

Tests of fetching and `dateline refresh` talk to this server instead of a mock, so redirects,
conditional GET, compression, timeouts and truncated bodies go through real sockets.

    with serve() as server:
        server.route("/feed.xml", conditional(b"<rss/>", etag='"v1"'))
        fetch(server.url("/feed.xml"))
        assert server.requests[0].headers["user-agent"].startswith("Dateline")

Every server binds port 0 (a free port), runs in a daemon thread, and stops when the `with`
block ends; a handler that is waiting out a `delay` wakes up as soon as the server stops.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Request:
    """What the server received; header names are lower-cased."""

    method: str
    path: str
    headers: Mapping[str, str]


@dataclass(frozen=True)
class Reply:
    """A response. `body` may be an iterable of chunks, sent one by one with a flush.

    `content_length`: True sends the real length (bytes bodies only), False sends none (the
    body then ends when the connection closes), an int sends that number whatever the body is.
    `delay` waits that many seconds before answering (or until the server stops).
    """

    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_length: bool | int = True
    delay: float = 0.0


Route = Reply | Callable[[Request], Reply]


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location})


def conditional(
    body: bytes,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    content_type: str = "application/rss+xml; charset=utf-8",
) -> Callable[[Request], Reply]:
    """A resource that answers 304 when the request's validators match, as a feed server does."""
    validators = {"Content-Type": content_type}
    if etag:
        validators["ETag"] = etag
    if last_modified:
        validators["Last-Modified"] = last_modified

    def reply(request: Request) -> Reply:
        if_none_match = request.headers.get("if-none-match")
        if_modified_since = request.headers.get("if-modified-since")
        if (etag and if_none_match == etag) or (
            last_modified and not if_none_match and if_modified_since == last_modified
        ):
            return Reply(status=304, headers=validators)
        return Reply(body=body, headers=validators)

    return reply


class LocalServer:
    """The running server: add routes, build URLs, read the requests it received."""

    def __init__(self, httpd: _Server) -> None:
        self._httpd = httpd
        self.port: int = httpd.server_address[1]

    @property
    def requests(self) -> list[Request]:
        with self._httpd.lock:
            return list(self._httpd.received)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, reply: Route) -> str:
        """Serve `reply` at `path` (query strings ignored); returns the full URL."""
        with self._httpd.lock:
            self._httpd.routes[path] = reply
        return self.url(path)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = {}
        self.received: list[Request] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _answer(self, *, send_body: bool) -> None:
        request = Request(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
        )
        with self.server.lock:
            self.server.received.append(request)
            route = self.server.routes.get(self.path.split("?", 1)[0])
        if route is None:
            reply = Reply(status=404, body=b"not found")
        else:
            reply = route(request) if callable(route) else route
        if reply.delay and self.server.stopping.wait(reply.delay):
            return
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.content_length is not False:
                if reply.content_length is True:
                    if not isinstance(reply.body, bytes):
                        raise TypeError("content_length=True needs a bytes body")
                    length = len(reply.body)
                else:
                    length = reply.content_length
                self.send_header("Content-Length", str(length))
            self.send_header("Connection", "close")
            self.end_headers()
            if not send_body:
                return
            chunks = [reply.body] if isinstance(reply.body, bytes) else reply.body
            for chunk in chunks:
                if self.server.stopping.is_set():
                    return
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size limit, timeout): that is what the test wanted


@contextlib.contextmanager
def serve(routes: Mapping[str, Route] | None = None) -> Iterator[LocalServer]:
    """Run a server on 127.0.0.1 for the duration of the `with` block."""
    httpd = _Server()
    server = LocalServer(httpd)
    for path, reply in (routes or {}).items():
        server.route(path, reply)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        httpd.stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
