"""A request's route found among the routes its path can reach (issue 17.3).

FastAPI (0.165) keeps every included router as one entry of the app's route list and asks each
in turn, route by route, with bookkeeping per candidate of some 3 µs: intake's last operation
cost 427 µs of a worker's CPU only to be found, its median operation 131 µs (now 92 and 10;
docs/performance.md, session 15). Every route of this system starts with literal segments
(``/api/v1/<resource>``, ``/health/live``), and a route can only match a path that starts with
its own literal segments. So the app's router is copied once per such beginning, each copy
holding only the entries that can match it, in the app's order; a request is handed to its
copy, or to the whole router when no copy exists for its beginning. The first route that
matches is therefore the one the whole router would have found, and a path nothing matches is
answered by the whole router, as before. Which entries a copy holds is read from the routes of
each router as it is included; an entry that is not a plain route (a mount, a host, a
frontend) is in every copy.

A 405 names in ``Allow`` every method of the resource (the routes with the path template that
matches the path most closely), not only those of the first route whose path matched
(Starlette's way: ``/aanbieders`` answered ``Allow: POST`` beside its GET).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from re import Pattern
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette._utils import get_route_path  # as FastAPI's router imports it
from starlette.exceptions import HTTPException
from starlette.routing import BaseRoute, Route, Router, compile_path
from starlette.types import Receive, Scope, Send

# How many leading segments key a path: ``/api/v1/<resource>``.
DEPTH = 3

Key = tuple[str, ...]
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def key_of(path: str) -> Key:
    """The first ``DEPTH`` segments of a path (``/api/v1/clienten/x`` → api, v1, clienten)."""
    return tuple(path.split("/", DEPTH + 1)[1 : DEPTH + 1])


def literal_key(path_format: str | None) -> Key | None:
    """The key every path a route template matches has, or None when a parameter lies
    within the key's segments (then the route can match paths with any key)."""
    if not path_format or not path_format.startswith("/"):
        return None
    key = key_of(path_format)
    if any("{" in segment for segment in key):
        return None
    return key


def _router_keys(router: APIRouter, prefix: str) -> frozenset[Key] | None:
    """The keys of the paths ``router``'s routes have once included under ``prefix``; None
    when one of them is not a plain route (it may match paths with any key)."""
    keys: set[Key] = set()
    for route in router.routes:
        key = literal_key(prefix + route.path_format) if isinstance(route, Route) else None
        if key is None:
            return None
        keys.add(key)
    return frozenset(keys)


def _resources(
    routes: list[tuple[str, Route]],
) -> list[tuple[Pattern[str], int, str, frozenset[str]]]:
    """Per plain route with methods: its full path template compiled as Starlette compiles it,
    its number of parameters, the template and its methods."""
    return [
        (compile_path(template)[0], template.count("{"), template, frozenset(route.methods))
        for template, route in routes
        if route.methods
    ]


class RouteIndex:
    """The app router's entries per key, each as a copy of the router (built on first use,
    when every router is included). The keys of an included router are read from the
    router's own routes, which :meth:`include` remembers with the entry it became: FastAPI
    builds an included route's request handler when it is first matched, and asking the
    app's entries for their routes would build every one at once (3 MB more for intake
    before its first request)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.router = app.router
        self.full = self.router.middleware_stack
        self.copies: dict[Key, Router] | None = None
        self._built_for = -1  # how many entries the app's router had when the copies were made
        # Per router included: the app's entry it became (None when it did not become exactly
        # one; its routes are then in every copy), the router and its prefix.
        self.included: list[tuple[BaseRoute | None, APIRouter, str]] = []
        # For a 405's Allow, made when the first one is answered (``_resources``).
        self._resources: list[tuple[Pattern[str], int, str, frozenset[str]]] | None = None

    def include(self, router: APIRouter, *, prefix: str = "", **options: Any) -> None:
        """``app.include_router(router, prefix=prefix, **options)``, remembering the keys."""
        before = len(self.router.routes)
        self.app.include_router(router, prefix=prefix, **options)
        entry = self.router.routes[-1] if len(self.router.routes) == before + 1 else None
        self.included.append((entry, router, prefix))

    def keys(self, entry: BaseRoute) -> frozenset[Key] | None:
        """The keys of the paths ``entry`` of the app's router can match; None: any path."""
        for included, router, prefix in self.included:
            if included is entry:
                return _router_keys(router, prefix)
        if isinstance(entry, Route):
            key = literal_key(entry.path_format)
            return None if key is None else frozenset({key})
        return None  # a mount, a host, a router not included through the index

    def _current(self) -> dict[Key, Router]:
        """The copies, made again when a route was added to the app after they were made."""
        if self.copies is None or len(self.router.routes) != self._built_for:
            self._built_for = len(self.router.routes)
            self.copies = self.build()
        return self.copies

    def build(self) -> dict[Key, Router]:
        self._resources = None
        keyed = [(entry, self.keys(entry)) for entry in self.router.routes]
        every_key: set[Key] = set().union(*(keys for _, keys in keyed if keys is not None))
        copies: dict[Key, Router] = {}
        for key in every_key:
            sub = copy.copy(self.router)
            sub.routes = [entry for entry, keys in keyed if keys is None or key in keys]
            copies[key] = sub
        return copies

    def candidates(self, path: str) -> Iterable[BaseRoute]:
        """The entries a request for ``path`` is matched against, in order (for tests)."""
        sub = self._current().get(key_of(path))
        return self.router.routes if sub is None else sub.routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.full(scope, receive, send)
            return
        path = get_route_path(scope)
        sub = self._current().get(key_of(path))
        try:
            if sub is None:
                await self.full(scope, receive, send)
                return
            # the whole router stays the request's router (url_path_for reaches every route)
            scope.setdefault("router", self.router)
            await sub.app(scope, receive, send)
        except HTTPException as exc:
            if exc.status_code != 405:
                raise
            # Starlette names the methods of the first route whose path matched; RFC 9110
            # (15.5.6) asks for every method the resource supports.
            allow = self.allowed(path)
            if allow is None:
                raise
            raise HTTPException(405, exc.detail, headers={"Allow": ", ".join(allow)}) from None

    def allowed(self, path: str) -> list[str] | None:
        """The methods of the resource at ``path``: of every route with the path template
        that matches it most closely (the fewest parameters: ``/x/_zoek`` rather than
        ``/x/{id}``); None when no template matches."""
        self._current()
        if self._resources is None:
            self._resources = _resources(
                [
                    (prefix + route.path, route)
                    for _, router, prefix in self.included
                    for route in router.routes
                    if isinstance(route, Route)
                ]
                + [(entry.path, entry) for entry in self.router.routes if isinstance(entry, Route)]
            )
        resources = self._resources
        matching = [
            (parameters, n, template)
            for n, (pattern, parameters, template, _) in enumerate(resources)
            if pattern.match(path)
        ]
        if not matching:
            return None
        _, _, closest = min(matching)
        methods = set().union(*(m for _, _, t, m in resources if t == closest))
        return [m for m in METHODS if m in methods] + sorted(methods.difference(METHODS))

    def install(self) -> None:
        """Route the app's requests through this index. Only where the router has no
        middleware of its own: a copy's ``app`` would pass it by."""
        if self.full != self.router.app:
            raise RuntimeError("the route index needs a router without middleware of its own")
        self.router.middleware_stack = self
