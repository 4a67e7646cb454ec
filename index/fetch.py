"""Fetching feed and article URLs over HTTP, politely and within fixed bounds.

`dateline add URL` and `dateline refresh` talk to servers we do not control, so every fetch is
bounded: one deadline for the whole fetch (every redirect hop and the body), a redirect limit,
and a size limit enforced while the body streams in (on the *decoded* bytes, so neither a
missing or lying Content-Length nor a gzip bomb gets past it). Feeds are fetched with a
conditional GET (If-None-Match / If-Modified-Since) so an unchanged feed costs one 304.

Redirects are followed here rather than by httpx: httpx reads every redirect body whole before
following it (no size limit) and would only notice a non-http Location when it fails to send.
"""

from __future__ import annotations

import socket
import ssl
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

import httpx

from .freshness import max_age_seconds
from .httpcoding import ACCEPT_ENCODING, DecodingError, decoded, printable

DEFAULT_USER_AGENT = "Dateline/0.1 (+terminal news reader)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 10 * 2**20
DEFAULT_MAX_REDIRECTS = 5
#: Feeds first, then pages; servers that negotiate on Accept then hand us the feed.
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
)
SCHEME_REASON = "only http and https URLs can be fetched"


@dataclass(frozen=True)
class FetchResult:
    """A successful fetch: a 2xx with its body, or a 304 (`not_modified`, `content` None).

    `url` is the final URL after redirects. `content_type` is the whole header (charset
    included) so a parser can use the declared encoding. On a 304 that repeats no validators,
    `etag`/`last_modified` are the ones that were sent, so the caller can store them as they are.
    `max_age` is how many seconds the server says the response stays fresh (Cache-Control
    `max-age`, else `Expires`), capped at a day; None when it says nothing, or `no-cache`/
    `no-store`. A scheduled refresh leaves the feed alone that long (index.schedule).
    """

    url: str
    status: int
    content: bytes | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    max_age: int | None = None


class FetchError(Exception):
    """A URL that could not be fetched; `reason` is short and meant for the user."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason

    def __reduce__(self) -> tuple[type[FetchError], tuple[str, str]]:
        # Exceptions pickle their `args` by default, which would not match `__init__`; the
        # error must survive the trip from a job's child process to the UI.
        return (FetchError, (self.url, self.reason))


@dataclass(frozen=True)
class FetchRequest:
    """One URL for `fetch_many`, with the validators stored from its last fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    user_agent: str = DEFAULT_USER_AGENT,
) -> FetchResult:
    """GET `url` (conditionally when `etag`/`last_modified` are given); raise `FetchError`.

    `timeout` bounds the whole fetch, redirects and body included, not each socket read, so a
    server that trickles one byte a second cannot hold a refresh for ever.
    """
    with _client(user_agent, max_connections=1) as client:
        return _fetch(
            client,
            url,
            etag=etag,
            last_modified=last_modified,
            timeout=timeout,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
        )


def fetch_many(
    requests: Sequence[FetchRequest],
    *,
    max_workers: int = 8,
    on_done: Callable[[str, FetchResult | FetchError], None] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    user_agent: str = DEFAULT_USER_AGENT,
) -> dict[str, FetchResult | FetchError]:
    """Fetch many URLs concurrently; the result for each requested URL, keyed by that URL.

    A failure is a `FetchError` value in the result, never raised, so one bad feed cannot stop
    a refresh. `on_done(url, outcome)` is called in the calling thread as each fetch finishes,
    so a progress callback needs no locking. A URL requested twice is fetched once (with the
    validators of its first request). One pooled client serves every worker.
    """
    unique: dict[str, FetchRequest] = {}
    for request in requests:
        unique.setdefault(request.url, request)
    results: dict[str, FetchResult | FetchError] = {}
    if not unique:
        return results
    workers = max(1, min(max_workers, len(unique)))
    with (
        _client(user_agent, max_connections=workers) as client,
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dateline-fetch") as pool,
    ):
        futures = {
            pool.submit(
                _fetch,
                client,
                r.url,
                etag=r.etag,
                last_modified=r.last_modified,
                timeout=timeout,
                max_bytes=max_bytes,
                max_redirects=max_redirects,
            ): r.url
            for r in unique.values()
        }
        try:
            for future in as_completed(futures):
                url = futures[future]
                outcome: FetchResult | FetchError
                try:
                    outcome = future.result()
                except FetchError as exc:
                    outcome = exc
                except Exception as exc:  # a bug in one fetch must not lose the others
                    outcome = FetchError(url, f"unexpected error: {type(exc).__name__}: {exc}")
                results[url] = outcome
                if on_done is not None:
                    on_done(url, outcome)
        finally:
            # If on_done raised, do not start fetches nobody will look at.
            pool.shutdown(wait=True, cancel_futures=True)
    return {r.url: results[r.url] for r in requests if r.url in results}


def _client(user_agent: str, *, max_connections: int) -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,
        limits=httpx.Limits(max_connections=max_connections),
        # Even without following, httpx builds the next request of a redirect inside `send`,
        # and fails there on a "data:" or "javascript:" Location: look at it first.
        event_hooks={"response": [_refuse_other_schemes]},
    )


class _BadRedirect(Exception):
    """A redirect to somewhere we never go; carries the reason for the FetchError."""


def _refuse_other_schemes(response: httpx.Response) -> None:
    if not response.has_redirect_location:
        return
    from urllib.parse import urlsplit

    location = response.headers.get("Location", "").strip()
    try:
        scheme = urlsplit(location).scheme.lower()
    except ValueError:
        raise _BadRedirect("redirected to an invalid URL") from None
    if scheme and scheme not in ("http", "https"):
        raise _BadRedirect(f"redirected to a non-http(s) URL ({printable(scheme)}:)")


def _fetch(
    client: httpx.Client,
    url: str,
    *,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
) -> FetchResult:
    deadline = time.monotonic() + timeout
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    target = _parse_url(url)
    try:
        for _hop in range(max_redirects + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(url, _timeout_reason(timeout))
            request = client.build_request("GET", target, headers=headers, timeout=remaining)
            try:
                response = client.send(request, stream=True)
            except _BadRedirect as exc:
                raise FetchError(url, str(exc)) from None
            except httpx.InvalidURL as exc:
                raise FetchError(url, f"redirected to an invalid URL ({exc})") from None
            try:
                if response.has_redirect_location:
                    target = _redirect_target(url, response)
                    continue
                return _result(url, response, etag, last_modified, deadline, timeout, max_bytes)
            finally:
                response.close()
        raise FetchError(url, f"too many redirects (more than {max_redirects})")
    except httpx.HTTPError as exc:
        raise FetchError(url, _reason(exc, timeout)) from exc


def _redirect_target(url: str, response: httpx.Response) -> httpx.URL:
    """Where a redirect points, refused unless it is http(s).

    The scheme is read from the raw Location before httpx resolves it: httpx cannot even
    build a URL like "data:text/html,..." (it fails with an unrelated message about paths).
    """
    from urllib.parse import urlsplit

    location = response.headers.get("Location", "")
    try:
        scheme = urlsplit(location.strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme and scheme not in ("http", "https"):
        raise FetchError(url, f"redirected to a non-http(s) URL ({printable(scheme)}:)")
    try:
        # Relative Locations are resolved the way httpx would resolve them.
        next_request = response.next_request
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchError(url, f"redirected to an invalid URL ({exc})") from None
    if next_request is None or next_request.url.scheme not in ("http", "https"):
        raise FetchError(url, f"redirected to a non-http(s) URL ({printable(scheme)}:)")
    if not next_request.url.host:
        raise FetchError(url, "redirected to an invalid URL (no host)")
    return next_request.url


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(url, f"not a valid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(url, SCHEME_REASON)
    if not parsed.host:
        raise FetchError(url, "not a valid URL (no host)")
    return parsed


def _result(
    url: str,
    response: httpx.Response,
    etag: str | None,
    last_modified: str | None,
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> FetchResult:
    status = response.status_code
    new_etag = response.headers.get("ETag")
    new_last_modified = response.headers.get("Last-Modified")
    if status == 304:
        return FetchResult(
            url=str(response.url),
            status=status,
            content=None,
            content_type=response.headers.get("Content-Type"),
            etag=new_etag or etag,
            last_modified=new_last_modified or last_modified,
            not_modified=True,
            max_age=max_age_seconds(response.headers),
        )
    if not 200 <= status < 300:
        phrase = _phrase(status) or response.reason_phrase
        raise FetchError(url, f"HTTP {status} {phrase}".strip())
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        # Compressed bytes never decode to fewer, so this holds with Content-Encoding too.
        raise FetchError(url, _size_reason(max_bytes))
    body = bytearray()
    try:
        stream = decoded(response.iter_raw(), response.headers.get("Content-Encoding", ""))
        for chunk in stream:
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(url, _size_reason(max_bytes))
            if time.monotonic() > deadline:
                raise FetchError(url, _timeout_reason(timeout))
    except DecodingError as exc:
        raise FetchError(url, str(exc)) from exc
    return FetchResult(
        url=str(response.url),
        status=status,
        content=bytes(body),
        content_type=response.headers.get("Content-Type"),
        etag=new_etag,
        last_modified=new_last_modified,
        not_modified=False,
        max_age=max_age_seconds(response.headers),
    )


def _phrase(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except ValueError:
        return ""


def _reason(exc: httpx.HTTPError, timeout: float) -> str:
    """A short human reason for an httpx error, from the OS error underneath when there is one."""
    if isinstance(exc, httpx.TimeoutException):
        return _timeout_reason(timeout)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return SCHEME_REASON
    if isinstance(exc, httpx.DecodingError):
        return "the response could not be decoded (corrupt compression)"
    if isinstance(exc, httpx.ProxyError):
        return f"proxy error: {exc}"
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return "could not resolve host"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate not trusted ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error ({cause.reason or cause})"
        if isinstance(cause, TimeoutError):
            return _timeout_reason(timeout)
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({exc})"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _timeout_reason(timeout: float) -> str:
    return f"timed out after {timeout:g} s"


def _size_reason(max_bytes: int) -> str:
    if max_bytes >= 2**20 and max_bytes % 2**20 == 0:
        size = f"{max_bytes // 2**20} MB"
    elif max_bytes >= 2**10 and max_bytes % 2**10 == 0:
        size = f"{max_bytes // 2**10} KB"
    else:
        size = f"{max_bytes} bytes"
    return f"response larger than {size}"
