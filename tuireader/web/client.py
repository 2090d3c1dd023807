"""One HTTP GET done politely: timeouts, redirects, conditional requests, size caps, decoding.

urllib3 does the connections (pooled per host). Its own retries and redirects
are off: a retry is scheduled by refresh (``schedule.py``), never slept here,
and redirects are followed here so each hop is counted, checked for loops and
put through the per-host limit.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import weakref
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from tuireader.ingest.urls import host_of
from tuireader.web.decoding import ACCEPT_ENCODING, DecodeError, TooLarge, decode_body
from tuireader.web.limits import HostHeld, HostLimits
from tuireader.web.settings import FetchSettings

_CHUNK = 64 * 1024
_PERMANENT = {301, 308}
_REDIRECTS = {301, 302, 303, 307, 308}
# 429 Too Many Requests and 503 Unavailable ask the client to come back later.
RETRY_LATER = {429, 503}


@dataclass
class Response:
    url: str  # the final address, after redirects
    status: int  # 200-299, or 304 Not Modified
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""
    permanent_url: str | None = None  # where permanent redirects (every hop permanent) led
    redirects: int = 0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class FetchError(Exception):
    """A request that brought no usable response; ``str()`` is one line for the user."""

    def __init__(
        self, reason: str, status: int | None = None, headers: dict[str, str] | None = None, *, too_large: bool = False
    ) -> None:
        super().__init__(reason)
        self.status = status
        self.headers = headers or {}
        self.too_large = too_large  # over the size cap: asking again brings the same


def _tracking_pools(connections: weakref.WeakSet[HTTPConnection]) -> dict[str, type[HTTPConnectionPool]]:
    """Connection pools whose connections, once connected, are added to ``connections`` (to cut them off)."""

    class Tracked(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            connections.add(self)

    class TrackedTLS(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            connections.add(self)

    class Pool(HTTPConnectionPool):
        ConnectionCls = Tracked

    class TLSPool(HTTPSConnectionPool):
        ConnectionCls = TrackedTLS

    return {"http": Pool, "https": TLSPool}


class HttpClient:
    """Thread-safe; one per refresh (its connection pools and host limits are shared by every request).

    Once ``cancel`` is set, requests still waiting for a slot are not sent and
    the ones under way are cut off (their sockets shut down), so that quitting
    never waits for a slow server up to the read timeout.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        limits: HostLimits | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.cancel = cancel  # once set, requests still waiting for a slot are not sent
        self.limits = limits or HostLimits(self.settings.per_host, self.settings.overall)
        self._pool = urllib3.PoolManager(
            num_pools=256,
            maxsize=self.settings.per_host,
            timeout=urllib3.Timeout(connect=self.settings.connect_timeout, read=self.settings.read_timeout),
            retries=False,  # no retries, no Retry-After sleeping: refresh schedules the next attempt
        )
        self._connections: weakref.WeakSet[HTTPConnection] = weakref.WeakSet()
        self._pool.pool_classes_by_scheme = _tracking_pools(self._connections)
        self._closed = threading.Event()
        if cancel is not None:
            threading.Thread(target=self._abort_on_cancel, args=(cancel,), name="fetch-cancel", daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        self._pool.clear()

    def _abort_on_cancel(self, cancel: threading.Event) -> None:
        while not self._closed.is_set():
            if cancel.wait(0.2):
                self.abort()
                return

    def abort(self) -> None:
        """Cut off every request under way: each ends at once with a "cancelled" error."""
        for connection in list(self._connections):
            sock = connection.sock
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET ``url`` following redirects; a 2xx or 304 ``Response``, else ``FetchError``."""
        # per-request headers replace the pool's in urllib3: name them all
        headers = {"Accept": accept, "User-Agent": self.settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        permanent = True
        hops = 0
        current = url
        while True:
            status, resp_headers, body = self._one(current, headers)
            if status in _REDIRECTS:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location", status, resp_headers)
                target = urljoin(current, location.strip())
                if urlsplit(target).scheme not in ("http", "https"):
                    raise FetchError(f"redirect to an address that is not http(s): {target[:200]}", status)
                hops += 1
                if target in seen:
                    raise FetchError(f"redirect loop ({hops} redirects, back to {target[:200]})", status)
                if hops > self.settings.max_redirects:
                    raise FetchError(f"more than {self.settings.max_redirects} redirects", status)
                seen.add(target)
                permanent = permanent and status in _PERMANENT
                current = target
                continue
            if status == 304 or 200 <= status < 300:
                return Response(
                    url=current,
                    status=status,
                    headers=resp_headers,
                    body=body,
                    permanent_url=current if hops and permanent else None,
                    redirects=hops,
                )
            raise FetchError(_status_reason(status), status, resp_headers)

    def _one(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """One request (no redirects): status, headers and the decoded body (empty unless 2xx)."""
        try:
            return self._request(url, headers)
        except FetchError:
            if self.cancel is not None and self.cancel.is_set():
                raise FetchError("cancelled") from None  # cut off by ``abort``, whatever broke
            raise

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        settings = self.settings
        try:
            with self.limits.slot(host_of(url)):
                if self.cancel is not None and self.cancel.is_set():
                    raise FetchError("cancelled")
                resp = self._pool.request(
                    "GET", url, headers=headers, redirect=False, preload_content=False, decode_content=False
                )
                reusable = False
                try:
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    if resp.status in RETRY_LATER:  # the host is busy: leave it alone for now
                        self.limits.hold(host_of(url), f"HTTP {resp.status}")
                    if not 200 <= resp.status < 300:
                        reusable = _skip_small_body(resp, resp_headers)
                        return resp.status, resp_headers, b""
                    raw = self._read(resp, resp_headers)
                    reusable = True
                finally:
                    if not reusable:  # a body left unread: the connection cannot serve another request
                        resp.close()
                    resp.release_conn()
        except FetchError:
            raise
        except HostHeld as exc:
            raise FetchError(f"{host_of(url)} asked to wait ({exc}); not asked again this time") from None
        except NameResolutionError:
            raise FetchError(f"DNS: host {urlsplit(url).hostname} not found") from None
        except ReadTimeoutError:
            raise FetchError(f"no answer within {settings.read_timeout:g} s (read timeout)") from None
        except SSLError as exc:
            raise FetchError(f"TLS error: {_first_line(exc)}") from None
        # NewConnectionError is a ConnectTimeoutError to urllib3: the refused connection comes first
        except NewConnectionError as exc:
            raise FetchError(f"cannot connect: {_first_line(exc.__cause__ or exc)}") from None
        except ConnectTimeoutError:
            raise FetchError(f"no connection within {settings.connect_timeout:g} s (connect timeout)") from None
        except ProtocolError as exc:
            raise FetchError(f"connection broken: {_first_line(exc)}") from None
        except (HTTPError, OSError, ValueError) as exc:
            raise FetchError(f"request failed: {_first_line(exc)}") from None
        try:
            body = decode_body(raw, resp_headers.get("content-encoding"), settings.max_bytes)
        except DecodeError as exc:
            raise FetchError(str(exc), resp.status, too_large=isinstance(exc, TooLarge)) from None
        return resp.status, resp_headers, body

    def _read(self, resp: urllib3.BaseHTTPResponse, headers: dict[str, str]) -> bytes:
        settings = self.settings
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > settings.max_bytes:
            raise FetchError(
                f"larger than {settings.max_bytes // (1024 * 1024)} MB (the limit); not read", too_large=True
            )
        deadline = time.monotonic() + settings.total_timeout
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = resp.read1(_CHUNK, decode_content=False)  # what has arrived: the deadline is checked often
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(
                    f"larger than {settings.max_bytes // (1024 * 1024)} MB (the limit); not read", too_large=True
                )
            if time.monotonic() > deadline:
                raise FetchError(f"still arriving after {settings.total_timeout:g} s; given up")
        return b"".join(chunks)


def _skip_small_body(resp: urllib3.BaseHTTPResponse, headers: dict[str, str]) -> bool:
    """Read past an error page of known small size, so its connection serves the next request."""
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) <= _CHUNK:
        resp.drain_conn()
        return True
    return False


def _status_reason(status: int) -> str:
    names = {
        400: "bad request",
        401: "needs a login",
        403: "forbidden",
        404: "not found",
        410: "gone",
        429: "too many requests",
        500: "server error",
        502: "bad gateway",
        503: "unavailable",
        504: "gateway timeout",
    }
    name = names.get(status)
    return f"HTTP {status} {name}" if name else f"HTTP {status}"


def _first_line(exc: object) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
