"""How large a request body a route reads, and whether its JSON names a key twice.

A body larger than its route takes is refused with a 413 problem naming the body, before it is
read into memory (a declared Content-Length above the limit) or as soon as the bytes read pass
it (a chunked body). The service's limit (``max_body_bytes``) lets an absurd JSON value still be
read, so its 400 names the field; a route may have a limit of its own, by its route template (a
provider's iWmo message).

Why not Starlette's ``max_body_size`` (which FastAPI passes on): its limiter answers with a
``text/plain`` 413 of its own, from outside the application's problem handlers and in place of
any response they send, so the answer would not be the problem+json every route publishes.
Raised from ``receive`` as an HTTPException, FastAPI lets it through to those handlers
(``wmo_shared.middleware`` counts; ``wmo_shared.problems`` answers).

A JSON object that names a key twice (``{"bsn": "…", "bsn": "…"}``) is a 400 naming the key:
Python keeps the last value, other parsers the first, so a gateway or front-end that checked one
value and this service that stores another would disagree about the same request. The body is
read once more for it, with the keys of every object, when it is complete (a write's JSON is
kilobytes; a request without JSON pays nothing)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.exceptions import HTTPException


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"De inhoud is groter dan de {limit} bytes die deze bron aanneemt.")
        self.limit = limit


class DubbeleSleutel(HTTPException):
    def __init__(self, sleutel: str) -> None:
        sleutel = sleutel[:100]  # a client's key, named in the answer and the log line
        super().__init__(400, f"De sleutel {sleutel!r} staat twee keer in hetzelfde object.")
        self.sleutel = sleutel


def _enkelvoudig(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(paren)
    if len(obj) != len(paren):
        gezien: set[str] = set()
        for sleutel, _ in paren:
            if sleutel in gezien:
                raise DubbeleSleutel(sleutel)
            gezien.add(sleutel)
    return obj


def check_unique_keys(body: bytes) -> None:
    """Raises ``DubbeleSleutel`` for the first key an object of ``body`` names twice; a body
    that is no JSON at all passes (FastAPI answers it, naming the body)."""
    try:
        json.loads(body, object_pairs_hook=_enkelvoudig)
    except DubbeleSleutel:
        raise
    except (ValueError, RecursionError):
        return


class BodyLimits:
    """The service's default limit and the routes (by template) that take more or less."""

    def __init__(self, default: int, per_route: Mapping[str, int] | None = None) -> None:
        self.default = default
        self.per_route = dict(per_route or {})

    def limit(self, template: str) -> int:
        return self.per_route.get(template, self.default)


class BodyCounter:
    """The bytes of one request's body read so far, against its route's limit; a JSON body
    is checked for keys named twice once it is complete."""

    __slots__ = ("_chunks", "_limit", "_read")

    def __init__(self, limit: int, declared: int | None, is_json: bool) -> None:
        if declared is not None and declared > limit:
            raise BodyTooLarge(limit)  # not one byte of it is read
        self._limit = limit
        self._read = 0
        self._chunks: list[bytes] | None = [] if is_json else None

    def count(self, chunk: bytes, complete: bool) -> None:
        self._read += len(chunk)
        if self._read > self._limit:
            raise BodyTooLarge(self._limit)
        if self._chunks is None:
            return
        self._chunks.append(chunk)
        if complete:
            body = self._chunks[0] if len(self._chunks) == 1 else b"".join(self._chunks)
            self._chunks = None
            if body:
                check_unique_keys(body)


def declared_length(value: bytes) -> int | None:
    """A Content-Length header's value; None when it is no number (the server refuses those)."""
    return int(value) if value.isdigit() else None
