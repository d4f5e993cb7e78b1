"""One plain-ASGI middleware for what every response needs (no BaseHTTPMiddleware: it costs
about a fifth of a request's CPU, see ../shared/spec/performance.md):

- the request id: taken from ``X-Request-ID`` when it looks sane, else a new UUID; echoed,
  bound into every log line and made available to outgoing httpx calls;
- ``API-Version`` with the full SemVer version on every response, errors included;
- the security headers of the NL GOV API Design Rules;
- the access log (one JSON line per request: request id, route template — never the raw path or
  query, which hold ids —, status, duration, the user's role and gemeente) and the Prometheus
  request metrics (``wmo_shared.metrics``).
"""

from __future__ import annotations

import re
import time
import uuid
from contextvars import ContextVar
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wmo_shared.metrics import observe_request

_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
access_log = structlog.get_logger("wmo.access")
# Probes and scrapes would drown the access log; they are counted in the metrics all the same.
_QUIET = frozenset({"/health/live", "/health/ready", "/metrics"})


def current_request_id() -> str | None:
    return request_id_var.get()


class WmoMiddleware:
    def __init__(self, app: ASGIApp, *, api_version: str, service: str = "wmo") -> None:
        self.app = app
        self.service = service
        self.extra_headers = [
            (b"api-version", api_version.encode()),
            (b"cache-control", b"no-store"),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"strict-transport-security", b"max-age=31536000; includeSubDomains"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                candidate = value.decode("latin-1")
                if _SANE_ID.match(candidate):
                    rid = candidate
                break
        if rid is None:
            rid = str(uuid.uuid4())
        scope.setdefault("state", {})["request_id"] = rid
        token = request_id_var.set(rid)
        structlog.contextvars.bind_contextvars(request_id=rid)
        rid_header = (b"x-request-id", rid.encode())
        extra = self.extra_headers
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append(rid_header)
                headers.extend(extra)
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            self._log(scope, status, time.perf_counter() - started)
            structlog.contextvars.unbind_contextvars("request_id")
            request_id_var.reset(token)

    def _log(self, scope: Scope, status: int, seconds: float) -> None:
        route: Any = scope.get("route")
        template = getattr(route, "path", None) or "(geen route)"
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
        )
