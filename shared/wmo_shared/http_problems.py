"""What ``wmo_shared.http_server`` answers for a request it refuses before the app sees it: the
refusal, its problem+json answer written as bytes onto the socket, and its log line."""

from __future__ import annotations

import json
import uuid

import httptools
import structlog
from uvicorn.protocols.http.httptools_impl import STATUS_LINE

log = structlog.get_logger("wmo.http")


class Refusal(httptools.HttpParserError):
    """A request refused before its head is complete. An ``HttpParserError``: raised in a parser
    callback it ends the parse, and uvicorn answers it through ``send_400_response``."""

    def __init__(self, status: int, naam: str | None, code: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.naam = naam
        self.code = code
        self.detail = detail


def problem_bytes(
    refusal: Refusal, headers: list[tuple[bytes, bytes]], retry_after_seconds: int
) -> bytes:
    """The answer to ``refusal``: status line, ``headers`` (uvicorn's ``date`` and ``server``,
    the service's) and a problem+json body (RFC 9457) as ``wmo_shared.problems`` writes one;
    that module cannot be imported here (it imports the middleware, which imports the server),
    so its type base and media type are written out (tests/shared/api/test_http_server.py
    holds them equal). A 503 says when to try again."""
    rid = str(uuid.uuid4())
    body = json.dumps(
        {
            "type": f"https://problemen.wmo.example/{refusal.code}",
            "code": refusal.code,
            "title": refusal.title,
            "status": refusal.status,
            "detail": refusal.detail,
            "instance": f"urn:uuid:{rid}",
            **(
                {}
                if refusal.naam is None
                else {
                    "invalidParams": [
                        {"name": refusal.naam, "code": refusal.code, "reason": refusal.detail}
                    ]
                }
            ),
        },
        ensure_ascii=False,
    ).encode()
    lines = [
        STATUS_LINE[refusal.status],
        b"content-type: application/problem+json\r\n",
        b"content-length: %d\r\n" % len(body),
        b"connection: close\r\n",
        b"x-request-id: " + rid.encode() + b"\r\n",
    ]
    if refusal.status == 503:
        lines.append(b"retry-after: %d\r\n" % retry_after_seconds)
    lines += [name + b": " + value + b"\r\n" for name, value in headers]
    return b"".join([*lines, b"\r\n", body])


_LOGGED: dict[str, tuple[float, int]] = {}  # per code: when last logged, refusals since


def log_refusal(now: float, refusal: Refusal) -> None:
    """At most one line per second per code: a flood is counted in the metric, not logged
    connection by connection."""
    last, since = _LOGGED.get(refusal.code, (-1.0, 0))
    if now - last < 1.0:
        _LOGGED[refusal.code] = (last, since + 1)
        return
    _LOGGED[refusal.code] = (now, 0)
    log.info("http-verzoek geweigerd", status=refusal.status, code=refusal.code, sinds=since)
