"""How large a request body a route reads: a larger one is refused with a 413 problem naming
the body, before it is read into memory (a declared Content-Length above the limit) or as soon
as the bytes read pass it (a chunked body). The service's limit (``max_body_bytes``) lets an
absurd JSON value still be read, so its 400 names the field; a route may have a limit of its own,
by its route template (a provider's iWmo message).

Why not Starlette's ``max_body_size`` (which FastAPI passes on): its limiter answers with a
``text/plain`` 413 of its own, from outside the application's problem handlers and in place of
any response they send, so the answer would not be the problem+json every route publishes.
Raised from ``receive`` as an HTTPException, FastAPI lets it through to those handlers
(``wmo_shared.middleware`` counts; ``wmo_shared.problems`` answers)."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"De inhoud is groter dan de {limit} bytes die deze bron aanneemt.")
        self.limit = limit


class BodyLimits:
    """The service's default limit and the routes (by template) that take more or less."""

    def __init__(self, default: int, per_route: Mapping[str, int] | None = None) -> None:
        self.default = default
        self.per_route = dict(per_route or {})

    def limit(self, template: str) -> int:
        return self.per_route.get(template, self.default)


class BodyCounter:
    """The bytes of one request's body read so far, against its route's limit."""

    __slots__ = ("_limit", "_read")

    def __init__(self, limit: int, declared: int | None) -> None:
        if declared is not None and declared > limit:
            raise BodyTooLarge(limit)  # not one byte of it is read
        self._limit = limit
        self._read = 0

    def count(self, chunk: bytes) -> None:
        self._read += len(chunk)
        if self._read > self._limit:
            raise BodyTooLarge(self._limit)


def declared_length(value: bytes) -> int | None:
    """A Content-Length header's value; None when it is no number (the server refuses those)."""
    return int(value) if value.isdigit() else None
