"""A request's route found among the routes its path can reach (issue 17.3).

FastAPI (0.165) keeps every included router as one entry of the app's route list and asks each
in turn, route by route, with bookkeeping per candidate of some 2 µs: intake's last operation
cost 360 µs of a worker's CPU only to be found, its median operation 140 µs, the toewijzingen
feed 115 µs. Every route of this system starts with literal segments (``/api/v1/<resource>``,
``/health/live``), and a route can only match a path that starts with its own literal segments.
So the app's router is copied once per such beginning, each copy holding only the entries that
can match it, in the app's order; a request is handed to its copy, or to the whole router when
no copy exists for its beginning. The first route that matches is therefore the one the whole
router would have found, and a path nothing matches is answered by the whole router, as before.
Which entries a copy holds is read from FastAPI's public ``iter_route_contexts``; an entry that
is not a plain route (a mount, a host, a frontend) is in every copy.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import BaseRoute, Route, Router
from starlette.types import Receive, Scope, Send

# How many leading segments key a path: ``/api/v1/<resource>``.
DEPTH = 3

Key = tuple[str, ...]


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


def _keys(entry: BaseRoute) -> set[Key] | None:
    """The keys of the paths ``entry`` (a route or an included router) can match; None when
    it may match any path."""
    keys: set[Key] = set()
    for context in iter_route_contexts([entry]):
        if not isinstance(context.original_route, APIRoute | Route):
            return None
        key = literal_key(context.path_format)
        if key is None:
            return None
        keys.add(key)
    return keys


def _route_path(scope: Scope) -> str:
    """The path routes match against: without the app's root path (as Starlette's
    ``get_route_path``)."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if not root or not path.startswith(root):
        return path
    if path == root:
        return ""
    return path[len(root) :] if path[len(root)] == "/" else path


class RouteIndex:
    """The app router's entries per key, each as a copy of the router (built on first use,
    when every router is included)."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.full = router.middleware_stack
        self.copies: dict[Key, Router] | None = None

    def build(self) -> dict[Key, Router]:
        entries = list(self.router.routes)
        keyed = [(entry, _keys(entry)) for entry in entries]
        every_key: set[Key] = set().union(*(keys for _, keys in keyed if keys is not None))
        copies: dict[Key, Router] = {}
        for key in every_key:
            sub = copy.copy(self.router)
            sub.routes = [entry for entry, keys in keyed if keys is None or key in keys]
            copies[key] = sub
        return copies

    def candidates(self, path: str) -> Iterable[BaseRoute]:
        """The entries a request for ``path`` is matched against, in order (for tests)."""
        if self.copies is None:
            self.copies = self.build()
        sub = self.copies.get(key_of(path))
        return self.router.routes if sub is None else sub.routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.full(scope, receive, send)
            return
        if self.copies is None:
            self.copies = self.build()
        sub = self.copies.get(key_of(_route_path(scope)))
        if sub is None:
            await self.full(scope, receive, send)
            return
        # the whole router stays the request's router (url_path_for reaches every route)
        scope.setdefault("router", self.router)
        await sub.app(scope, receive, send)


def install_route_index(app: FastAPI) -> None:
    """Route ``app``'s requests through a :class:`RouteIndex`. Only where the router has no
    middleware of its own: a copy's ``app`` would pass it by."""
    router = app.router
    if router.middleware_stack != router.app:
        raise RuntimeError("the route index needs a router without middleware of its own")
    router.middleware_stack = RouteIndex(router)
