"""One plain-ASGI middleware for what every response needs (no BaseHTTPMiddleware: it costs
about a fifth of a request's CPU, see ../shared/spec/performance.md):

- the request id: taken from ``X-Request-ID`` when it looks sane, else a new UUID; echoed,
  bound into every log line and made available to outgoing httpx calls;
- ``API-Version`` with the full SemVer version on every response, errors included;
- the security headers of the NL GOV API Design Rules;
- the access log (one JSON line per request: request id, route template — never the raw path or
  query, which hold ids —, status, duration, the user's role and gemeente) and the Prometheus
  request metrics (``wmo_shared.metrics``);
- a request its client abandoned stops: once it has run ``WATCH_AFTER_SECONDS``, a reader
  passes the request body on to the app and, when the server reports ``http.disconnect``
  before the response is complete, cancels the request's task. The statement it was waiting
  on is cancelled with it (asyncpg sends PostgreSQL a cancel request), a transaction rolls
  back, and the access log says 499;
- a request body larger than its route takes is refused (413) before it is read into memory,
  a JSON object naming a key twice is a 400, and a worker reads only a few large bodies at
  once (``wmo_shared.body_limit``).
"""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wmo_shared.body_limit import BodyCounter, BodyLimits, LargeBodies, declared_length
from wmo_shared.http_server import PROBE_PATHS, serve_as
from wmo_shared.logging import access_log
from wmo_shared.metrics import observe_request

_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
# Probes and scrapes would drown the access log; they are counted in the metrics all the same.
_QUIET = frozenset(path.decode() for path in PROBE_PATHS)
NO_ROUTE = "(geen route)"


def route_template(scope: Scope) -> str:
    """The route template for logs and metrics (the raw path may hold ids). FastAPI's own
    routes put themselves in the scope; a plain Starlette route (the OpenAPI document, the docs
    page) leaves only its endpoint there, found among the application's routes."""
    path = getattr(scope.get("route"), "path", None)
    endpoint = scope.get("endpoint")
    if path is None and endpoint is not None:
        routes = getattr(getattr(scope.get("app"), "router", None), "routes", ())
        path = next((r.path for r in routes if getattr(r, "endpoint", None) is endpoint), None)
    return path or NO_ROUTE


def current_request_id() -> str | None:
    return request_id_var.get()


BeforeBody = Callable[[Scope], Awaitable[None]]

# nginx's "client closed request": logged and counted, never sent (nobody is listening).
CLIENT_CLOSED_REQUEST = 499


# A request still running after this long gets a watcher for its client's disconnect. Most
# requests end sooner and never pay for one (a task and a queue cost a tenth of an audited
# read's CPU); a query worth stopping runs longer than this anyway.
WATCH_AFTER_SECONDS = 0.02


class _AbandonWatch:
    """Cancels ``task`` when the client disconnects before the response is complete.

    From ``WATCH_AFTER_SECONDS`` on, a reader task reads the server's receive channel on the
    app's behalf (one message ahead, so a body keeps its flow control). Before that the app's
    own receive goes straight to the server, and a disconnect it meets there ends the request
    the same way."""

    __slots__ = (
        "_app_waiting",
        "_before_body",
        "_body",
        "_declared",
        "_is_json",
        "_large",
        "_limits",
        "_queue",
        "_reader",
        "_receive",
        "_scope",
        "_task",
        "_timer",
        "abandoned",
        "finished",
    )

    def __init__(
        self,
        receive: Receive,
        task: asyncio.Task[Any],
        scope: Scope,
        limits: BodyLimits,
        declared: int | None,
        is_json: bool,
        before_body: BeforeBody | None,
    ) -> None:
        self._receive = receive
        self._before_body = before_body
        self._task = task
        self._scope = scope
        self._limits = limits
        self._declared = declared
        self._is_json = is_json
        self._body: BodyCounter | None = None
        self._queue: asyncio.Queue[Message] | None = None
        self._reader: asyncio.Task[None] | None = None
        self._app_waiting = False
        self._large: LargeBodies | None = None  # the slot it holds
        self.finished = False
        self.abandoned = False
        self._timer: asyncio.TimerHandle | None = asyncio.get_running_loop().call_later(
            WATCH_AFTER_SECONDS, self._start
        )

    def _start(self) -> None:
        if self.finished:
            return
        if self._app_waiting:  # the app waits on the server itself: it meets a disconnect
            self._timer = asyncio.get_running_loop().call_later(WATCH_AFTER_SECONDS, self._start)
            return
        self._queue = asyncio.Queue(maxsize=1)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            await self._pass_on()
        except asyncio.CancelledError:
            # stop(): ends without keeping the exception, whose traceback would hold this
            # frame and with it the watch, the request and its body in a reference cycle until
            # the next full garbage collection (measured: ~6 MB more peak memory under 32
            # concurrent writes).
            return

    async def _pass_on(self) -> None:
        assert self._queue is not None
        while True:
            message = await self._receive()
            if message["type"] == "http.disconnect":
                if not self.finished:
                    self.abandoned = True
                    self._task.cancel()
                await self._queue.put(message)
                return
            await self._queue.put(message)

    async def receive(self) -> Message:
        """The app's receive: the next message, its body counted against the route's limit
        (the route is known by now: the app reads only after routing)."""
        if self._body is None:
            if self._before_body is not None:
                await self._before_body(self._scope)  # the caller, before a byte is read
            self._body = BodyCounter(
                self._limits.limit(route_template(self._scope)), self._declared, self._is_json
            )
            if self._declared is not None:
                await self._enter_if_large(self._declared)
        message = await self._next()
        if message["type"] == "http.request":
            self._body.count(message.get("body", b""), not message.get("more_body", False))
            await self._enter_if_large(self._body.read)  # a body of no declared length
        return message

    async def _enter_if_large(self, size: int) -> None:
        large = self._limits.large
        if large is not None and self._large is None and size > large.threshold:
            await large.enter()
            self._large = large

    async def _next(self) -> Message:
        if self._queue is None:
            self._app_waiting = True
            try:
                message = await self._receive()
            finally:
                self._app_waiting = False
            if message["type"] == "http.disconnect" and not self.finished:
                self.abandoned = True  # ends the request here, as the watcher's cancel would
                raise asyncio.CancelledError
            return message
        message = await self._queue.get()
        if message["type"] == "http.disconnect":
            self._queue.put_nowait(message)  # it stays disconnected for whoever asks next
        return message

    def stop(self) -> None:
        # Drops its references too: the timer holds the bound _start (the watch) until the
        # loop lets go of it, the reader task holds its frame (the watch).
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None
        if self._large is not None:
            self._large.leave()
            self._large = None


class WmoMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        api_version: str,
        service: str = "wmo",
        body_limits: BodyLimits | None = None,
        before_body: BeforeBody | None = None,
    ) -> None:
        """``before_body``: awaited with the scope when the route starts to read the body, so
        it may refuse the request before (``wmo_shared.body_auth``)."""
        self.app = app
        self.before_body = before_body
        self.service = service
        self.body_limits = body_limits or BodyLimits(33_554_432)
        self.extra_headers = [
            (b"api-version", api_version.encode()),
            (b"cache-control", b"no-store"),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
        ]
        serve_as(service, self.extra_headers)  # what the HTTP server's own refusals carry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = None
        declared = None
        is_json = False
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                candidate = value.decode("latin-1")
                if _SANE_ID.match(candidate):
                    rid = candidate
            elif name == b"content-length":
                declared = declared_length(value)
            elif name == b"content-type":
                is_json = b"json" in value.lower()
        if rid is None:
            rid = str(uuid.uuid4())
        scope.setdefault("state", {})["request_id"] = rid
        token = request_id_var.set(rid)
        structlog.contextvars.bind_contextvars(request_id=rid)
        rid_header = (b"x-request-id", rid.encode())
        extra = self.extra_headers
        started = time.perf_counter()
        status = 500
        task = asyncio.current_task()
        assert task is not None
        watch = _AbandonWatch(
            receive, task, scope, self.body_limits, declared, is_json, self.before_body
        )

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append(rid_header)
                headers.extend(extra)
                message["headers"] = headers
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                watch.finished = True  # a disconnect from now on is the normal end
            await send(message)

        try:
            await self.app(scope, watch.receive, send_with_headers)
        except asyncio.CancelledError:
            if not watch.abandoned:
                raise  # the server is shutting down: not ours to swallow
        finally:
            watch.stop()
            if watch.abandoned:
                task.uncancel()
                status = CLIENT_CLOSED_REQUEST
            self._log(scope, status, time.perf_counter() - started)
            structlog.contextvars.unbind_contextvars("request_id")
            request_id_var.reset(token)

    def _log(self, scope: Scope, status: int, seconds: float) -> None:
        template = route_template(scope)
        method = scope["method"]
        observe_request(self.service, method, template, status, seconds)
        if template in _QUIET:
            return
        principal = scope.get("state", {}).get("principal")
        access_log.info(
            "request",
            method=method,
            route=template,
            status=status,
            duration_ms=round(seconds * 1000, 2),
            rol=getattr(principal, "role", None),
            gemeente=getattr(principal, "gemeente", None),
            request_id=scope["state"]["request_id"],
        )
