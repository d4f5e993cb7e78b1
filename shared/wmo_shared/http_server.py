"""The HTTP/1.1 protocol every service is served with: uvicorn's httptools protocol with bounds
on the request head, which uvicorn sets for h11 but not for httptools (uvicorn #157; the pull
requests that would have added them, #1684 and #2019, were closed). Without them one
connection could send 300 MB of header lines, unauthenticated, and the worker held 410 MB after
it (measured; the chart's memory limit is 320Mi).

- The request target (path and query) at most ``URL_MAX_BYTES``: else 414, naming ``url``.
- At most ``HEAD_MAX_FIELDS`` header fields, together at most ``HEAD_MAX_BYTES``: else 431,
  naming ``headers`` (a bearer token and a proxy's forwarding headers fit many times over).
- The head complete within ``HEAD_TIMEOUT_SECONDS`` of its first byte or of the connection:
  else 408 and the connection closed, so that a client trickling its head (slowloris) does not
  hold a connection for ever.
- A body that stops coming: when ``BODY_IDLE_SECONDS`` pass without a byte of it while the app
  waits for it, the connection is closed (the app sees the client gone: 499 in the access log).
  Time in which the server itself stopped reading (the app had not taken what came) is not
  counted against the client.
- An answer the client stops reading: when ``SEND_IDLE_SECONDS`` pass in which not a byte of
  what waits to be sent is taken, the connection is dropped (as nginx's send_timeout), so that
  clients that never read cannot hold their answers in the worker's memory.
- At most ``MAX_CONNECTIONS`` open connections (``WMO_HTTP_MAX_CONNECTIONS``): each costs
  ~7 KB of the worker before it sends a byte (measured: 5,000 idle connections +35 MB), so the
  requests of a flood of them are answered 503 with Retry-After and the connections closed,
  and the pod stays within its memory. Clients keep a few connections each; uvicorn closes an
  idle one after 5 s. A connection beyond the bound is not refused before its request is read,
  though: a probe or a scrape (``PROBE_PATHS``) is still served, so that the kubelet does not
  restart a pod for a flood it is refusing, and the operator can watch it. Such a connection
  has ``OVERFLOW_HEAD_SECONDS`` for its head (a probe sends it at once), and beyond twice the
  bound a connection is refused at once, so what a flood holds stays bounded.
- A request httptools cannot parse is answered as problem+json too (uvicorn: text/plain).
- Shutting down (SIGTERM, as Kubernetes stops a pod), uvicorn closes an idle keep-alive
  connection at once; a client sending its next request on it at that moment gets a broken
  connection (seen in a rolling update on a real cluster under load: one request in 45,000).
  Here an idle connection stays open ``DRAIN_SECONDS`` more: a request that comes on it is
  answered with ``Connection: close``, so the client moves to another pod; one that stays idle
  is closed after that time.

httptools hands a header over only once its name and value are complete; what it gathers of an
unfinished one is bounded by the bytes read while the head is open. A refused head or
connection is answered with a problem+json with the service's ``API-Version`` and the
connection closed: the app never sees that request. Every refusal, an idle body or answer
included, is logged at info (no part of the request; at most a line a second per code) and
counted in ``wmo_http_refused_total``.

Served with ``uvicorn --http wmo_shared.http_server:HttpProtocol`` (``UVICORN_ARGS``).
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from wmo_shared.http_problems import Refusal, log_refusal, problem_bytes
from wmo_shared.metrics import refused_by_server
from wmo_shared.types import ascii_digits

URL_MAX_BYTES = 8 * 1024
HEAD_MAX_FIELDS = 100
HEAD_MAX_BYTES = 64 * 1024
HEAD_TIMEOUT_SECONDS = 30.0
BODY_IDLE_SECONDS = 60.0  # as nginx's client_body_timeout
SEND_IDLE_SECONDS = 60.0
DRAIN_SECONDS = 3.0


def _max_connections(value: str) -> int:
    if not ascii_digits(value) or not 10 <= int(value) <= 100_000:
        raise ValueError(f"WMO_HTTP_MAX_CONNECTIONS={value!r}: a whole number from 10 to 100000")
    return int(value)


MAX_CONNECTIONS = _max_connections(os.environ.get("WMO_HTTP_MAX_CONNECTIONS", "1000"))
RETRY_AFTER_SECONDS = 5
# Served on a connection beyond MAX_CONNECTIONS: the kubelet's probes and Prometheus' scrape.
PROBE_PATHS = frozenset({b"/health/live", b"/health/ready", b"/metrics"})
OVERFLOW_HEAD_SECONDS = 2.0
_BODY_HEADERS = (b"content-length", b"transfer-encoding")
# The bytes read while a head is open are counted per chunk, and the chunk in which a pipelined
# request begins may hold the end of the one before: the margin of one read (uvloop reads up to
# 256 KiB) keeps such a request from being refused for what came before it.
_UNFINISHED_MAX_BYTES = HEAD_MAX_BYTES + 256 * 1024

UVICORN_ARGS = (
    "--no-access-log",  # the middleware writes the access log (no raw path, no query)
    "--loop",
    "uvloop",
    "--http",
    "wmo_shared.http_server:HttpProtocol",
    "--ws",
    "none",  # no route is a websocket: not loading the library saves memory
)

_served: dict[str, Any] = {"service": "wmo", "headers": []}


class _RefusalsLoggedHere(logging.Filter):
    """uvicorn logs a warning for every request its parser gave up on; every such request is
    a refusal of this protocol, logged at most once a second per code and counted: without
    this filter a flood of them would be a warning line each."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != "Invalid HTTP request received."


logging.getLogger("uvicorn.error").addFilter(_RefusalsLoggedHere())


def serve_as(service: str, headers: list[tuple[bytes, bytes]]) -> None:
    """The service's name (for the counter) and the headers every answer carries
    (``API-Version`` and the security headers), set by ``WmoMiddleware``."""
    _served["service"] = service
    _served["headers"] = headers


def _too_long_url() -> Refusal:
    return Refusal(
        414,
        "url",
        "te-lang",
        "Het adres van het verzoek is te lang.",
        f"Het pad met de zoekvragen van het verzoek is langer dan {URL_MAX_BYTES} bytes.",
    )


def _too_many_headers() -> Refusal:
    return Refusal(
        431,
        "headers",
        "te-groot",
        "De kop van het verzoek is te groot.",
        f"Het verzoek heeft meer dan {HEAD_MAX_FIELDS} kopregels (headers) of samen meer dan "
        f"{HEAD_MAX_BYTES} bytes.",
    )


def _malformed() -> Refusal:
    return Refusal(
        400,
        "verzoek",
        "ongeldig-http",
        "Het verzoek is ongeldig.",
        "Het verzoek is geen geldig HTTP/1.1-verzoek.",
    )


def _too_many_connections() -> Refusal:
    return Refusal(
        503,
        None,
        "te-veel-verbindingen",
        "De dienst heeft te veel open verbindingen.",
        f"Deze dienst heeft al {MAX_CONNECTIONS} open verbindingen; probeer het over "
        f"{RETRY_AFTER_SECONDS} seconden opnieuw.",
    )


def _not_read() -> Refusal:
    """Not sent (the client reads nothing): named in the log line and the counter."""
    return Refusal(
        408,
        None,
        "niet-gelezen",
        "Het antwoord werd niet gelezen.",
        f"De client las {SEND_IDLE_SECONDS:g} seconden niets van het antwoord.",
    )


def _body_stopped() -> Refusal:
    """Not answered (the app waits for the body): named in the log line and the counter."""
    return Refusal(
        408,
        None,
        "te-traag",
        "De inhoud van het verzoek bleef uit.",
        f"Van de inhoud van het verzoek kwam {BODY_IDLE_SECONDS:g} seconden niets.",
    )


def _too_slow() -> Refusal:
    return Refusal(
        408,
        "headers",
        "te-traag",
        "De kop van het verzoek kwam te traag.",
        f"De kop van het verzoek was niet binnen {HEAD_TIMEOUT_SECONDS:g} seconden compleet.",
    )


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the bounds above."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_open = True
        self._head_bytes = 0
        self._head_fields = 0
        self._url_bytes = 0
        self._unfinished = 0
        self._refusal: Refusal | None = None
        self._has_body = False
        self._body_read_at = 0.0
        self._body_timer: asyncio.TimerHandle | None = None
        self._send_timer: asyncio.TimerHandle | None = None
        self._send_left = 0
        self._head_timer: asyncio.TimerHandle | None = None
        self._draining = False
        self._drain_timer: asyncio.TimerHandle | None = None
        open_now = len(self.connections)  # this one counted
        self._overflow = open_now > MAX_CONNECTIONS
        if open_now > 2 * MAX_CONNECTIONS:
            self._refuse(_too_many_connections())
            return
        self._start_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        self._stop_body_timer()
        self._stop_send_timer()
        if self._drain_timer is not None:
            self._drain_timer.cancel()
            self._drain_timer = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._head_open and self._refusal is None:
            self._unfinished += len(data)
            if self._unfinished > _UNFINISHED_MAX_BYTES:
                self._refuse(_too_many_headers())

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_open = True
        self._head_bytes = self._head_fields = self._url_bytes = self._unfinished = 0
        self._has_body = False
        if self._head_timer is None:
            self._start_head_timer()

    def on_url(self, url: bytes) -> None:
        self._url_bytes += len(url)
        if self._url_bytes > URL_MAX_BYTES:
            raise self._refusing(_too_long_url())
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._head_fields += 1
        self._head_bytes += len(name) + len(value) + 4  # ": " and CRLF
        if self._head_fields > HEAD_MAX_FIELDS or self._head_bytes > HEAD_MAX_BYTES:
            raise self._refusing(_too_many_headers())
        if name.lower() in _BODY_HEADERS:
            self._has_body = True
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        if self._overflow and self.url.partition(b"?")[0] not in PROBE_PATHS:
            raise self._refusing(_too_many_connections())
        self._head_open = False
        self._stop_head_timer()
        super().on_headers_complete()
        if self._draining and self.cycle is not None:
            self.cycle.keep_alive = False  # answered with Connection: close
        if self._has_body:
            self._body_read_at = self.loop.time()
            self._body_timer = self.loop.call_later(BODY_IDLE_SECONDS, self._body_idle)

    def on_body(self, body: bytes) -> None:
        self._body_read_at = self.loop.time()
        super().on_body(body)

    def on_message_complete(self) -> None:
        self._stop_body_timer()
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to what the parser refused: the refusal this protocol raised, or a
        request that is no HTTP."""
        self._refuse(self._refusal or _malformed())

    def _refusing(self, refusal: Refusal) -> Refusal:
        self._refusal = refusal
        return refusal

    def _refuse(self, refusal: Refusal) -> None:
        """Answers ``refusal`` and closes the connection (a head or connection refused)."""
        self._refusal = refusal
        self._head_open = False
        self._stop_head_timer()
        if self.transport.is_closing():
            return
        self._count(refusal)
        headers = [*self.server_state.default_headers, *_served["headers"]]
        self.transport.write(problem_bytes(refusal, headers, RETRY_AFTER_SECONDS))
        self.transport.close()

    def _count(self, refusal: Refusal) -> None:
        log_refusal(self.loop.time(), refusal)
        refused_by_server(_served["service"], refusal.code)

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if not self._head_open or self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            # a pipelined head behind a request still being answered: that answer goes first
            self._head_timer = self.loop.call_later(HEAD_TIMEOUT_SECONDS, self._head_timed_out)
            return
        if self._overflow:
            self._refuse(_too_many_connections())
        elif self._unfinished == 0 and self._url_bytes == 0:
            self.transport.close()  # an idle connection: nothing to answer
        else:
            self._refuse(_too_slow())

    def shutdown(self) -> None:
        """The server stops (SIGTERM): a request being answered is the last on its connection
        (uvicorn's own); an idle connection is closed only after ``DRAIN_SECONDS`` (above)."""
        self._draining = True
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.keep_alive = False
        elif self._drain_timer is None:
            self._drain_timer = self.loop.call_later(DRAIN_SECONDS, self._drained)

    def _drained(self) -> None:
        self._drain_timer = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._send_timer is None:
            self._send_left = self.transport.get_write_buffer_size()
            self._send_timer = self.loop.call_later(SEND_IDLE_SECONDS, self._send_idle)

    def resume_writing(self) -> None:
        self._stop_send_timer()
        super().resume_writing()

    def _send_idle(self) -> None:
        self._send_timer = None
        if self.transport.is_closing() or not self.flow.write_paused:
            return
        left = self.transport.get_write_buffer_size()
        if left < self._send_left:  # the client reads, slowly: no fault
            self._send_left = left
            self._send_timer = self.loop.call_later(SEND_IDLE_SECONDS, self._send_idle)
            return
        self._count(_not_read())
        self.transport.abort()

    def _body_idle(self) -> None:
        self._body_timer = None
        if self.transport.is_closing():
            return
        now = self.loop.time()
        if self.flow.read_paused:  # the server stopped reading, not the client
            self._body_read_at = now
        idle = now - self._body_read_at
        if idle < BODY_IDLE_SECONDS:
            self._body_timer = self.loop.call_later(BODY_IDLE_SECONDS - idle, self._body_idle)
            return
        self._count(_body_stopped())
        self.transport.close()

    def _start_head_timer(self) -> None:
        wait = OVERFLOW_HEAD_SECONDS if self._overflow else HEAD_TIMEOUT_SECONDS
        self._head_timer = self.loop.call_later(wait, self._head_timed_out)

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _stop_body_timer(self) -> None:
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None

    def _stop_send_timer(self) -> None:
        if self._send_timer is not None:
            self._send_timer.cancel()
            self._send_timer = None
