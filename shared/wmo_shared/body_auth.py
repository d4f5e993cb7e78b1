"""A request body is read only from a caller the route accepts.

FastAPI reads and parses a route's JSON body before it solves the route's dependencies, the
caller's token and roles among them, and parsing JSON costs many times the body's size in
memory: an unauthenticated POST of 14 MB of JSON held 330 MB of a worker (2.4 s of CPU) before it
was answered 401, so a few of them at once would have had the pod killed for its memory limit.
So when a route starts to read its body (``wmo_shared.middleware``, the first ``receive``), the
route's own caller checks run first: those marked ``caller_check`` in ``wmo_shared.auth`` (the
token; the roles the route asks). They store the principal in the request's state, so the
route's dependencies find the token verified (a cached token costs a lookup). A route without
such a check (none reads a body) reads as before."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Scope

from wmo_shared.problems import ProblemError

_MARK = "wmo_caller_check"
_CACHED = "_wmo_caller_checks"
Check = Callable[[Request], Awaitable[Any]]
C = TypeVar("C", bound=Check)


def caller_check(check: C) -> C:
    """Marks a dependency ``(request) -> principal`` that refuses a caller with a problem."""
    setattr(check, _MARK, True)
    return check


class CallerRefused(HTTPException):
    """The problem a caller check raised (``refusal``), raised from ``receive``: FastAPI hands
    an HTTPException met while reading the body to the problem handlers, and turns any other
    exception into a 400 of its own."""

    def __init__(self, refusal: ProblemError) -> None:
        super().__init__(refusal.status, refusal.detail)
        self.refusal = refusal


def _marked(dependant: Any) -> Iterator[Check]:
    if getattr(dependant.call, _MARK, False):
        yield dependant.call
    for sub in dependant.dependencies:
        yield from _marked(sub)


def _checks(route: Any) -> tuple[Check, ...]:
    found: tuple[Check, ...] | None = getattr(route, _CACHED, None)
    if found is None:
        dependant = getattr(route, "dependant", None)
        found = tuple(dict.fromkeys(_marked(dependant))) if dependant is not None else ()
        if route is not None:
            setattr(route, _CACHED, found)
    return found


async def check_caller(scope: Scope) -> None:
    """Runs the caller checks of the request's route; raises ``CallerRefused``."""
    checks = _checks(scope.get("route"))
    if not checks:
        return
    request = Request(scope)
    try:
        for check in checks:
            await check(request)
    except ProblemError as refusal:
        raise CallerRefused(refusal) from None
