"""The route index (``wmo_shared.route_index``) finds the route the whole router finds: for
every operation of the four services, with every method, and for paths no operation has."""

from __future__ import annotations

import importlib
import re
from functools import cache
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.routing import BaseRoute, Match

from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.route_index import RouteIndex, key_of, literal_key

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
# Paths of no operation: beside, under and above the real ones, and not HTTP-shaped.
STRANGE = (
    "",
    "/",
    "//",
    "/api",
    "/api/v1",
    "/api/v1/",
    "/api/v1/onbekend",
    "/api/v1/onbekend/1",
    "/api//v1/clienten",
    "/API/v1/clienten",
    "/health",
    "/health/",
    "/health/live/x",
    "/metrics/",
    "/api/v1/openapi.json/x",
    "/api/v1/%2e%2e/metrics",
)


@cache
def _app(service: str) -> FastAPI:
    app: FastAPI = importlib.import_module(f"wmo_{service}.main").create_app()
    return app


def _index(app: FastAPI) -> RouteIndex:
    index = app.router.middleware_stack
    assert isinstance(index, RouteIndex)
    return index


def _first(routes: Any, method: str, path: str) -> tuple[Match, Any]:
    """What Starlette's router picks: the first full match, else the first partial one."""
    scope = {"type": "http", "method": method, "path": path, "root_path": "", "headers": []}
    partial: tuple[Match, Any] = (Match.NONE, None)
    for route in routes:
        match, child = route.matches(dict(scope))
        if match == Match.FULL:
            return match, child.get("route", route)
        if match == Match.PARTIAL and partial[0] == Match.NONE:
            partial = (match, child.get("route", route))
    return partial


def _filled(template: str) -> str:
    """A path of ``template``, each parameter an id."""
    return re.sub(r"\{[^}]+\}", "0f8fad5b-d9cb-469f-a165-70867728950e", template)


def _paths(app: FastAPI) -> list[str]:
    paths = []
    for path in app.openapi()["paths"]:
        filled = _filled(path)
        paths += [f"/api/v1{filled}", f"/api/v1{filled}/", f"/api/v1{filled}/x"]
    return paths


@pytest.mark.parametrize("service", SERVICES)
def test_the_index_picks_the_route_the_whole_router_picks(service: str) -> None:
    app = _app(service)
    index = _index(app)
    routes: list[BaseRoute] = app.router.routes
    for path in [*_paths(app), *STRANGE, "/health/live", "/health/ready", "/metrics"]:
        for method in METHODS:
            expected = _first(routes, method, path)
            assert _first(index.candidates(path), method, path) == expected, (method, path)


@pytest.mark.parametrize("service", SERVICES)
def test_every_operation_is_found_among_fewer_entries(service: str) -> None:
    app = _app(service)
    index = _index(app)
    total = len(app.router.routes)
    for path in _paths(app)[::3]:
        candidates = list(index.candidates(path))
        assert len(candidates) < total, path
        assert _first(candidates, "GET", path)[0] != Match.NONE or any(
            _first(candidates, m, path)[0] != Match.NONE for m in METHODS
        ), path


@pytest.mark.parametrize("service", SERVICES)
def test_the_keys_read_at_inclusion_are_those_of_the_routes_fastapi_builds(
    service: str,
) -> None:
    """What the index read from each router as it was included is what FastAPI's own view
    of the included routes (``iter_route_contexts``, which builds them) says."""
    app = _app(service)
    index = _index(app)
    assert len(index.included) >= 3
    for entry, _, _ in index.included:
        assert entry is not None
        keys = index.keys(entry)
        built = {literal_key(context.path_format) for context in iter_route_contexts([entry])}
        assert keys == frozenset(built), entry


def test_keys() -> None:
    assert key_of("/api/v1/clienten/1/x") == ("api", "v1", "clienten")
    assert key_of("/health/live") == ("health", "live")
    assert key_of("") == ()
    assert literal_key("/api/v1/clienten/{id}") == ("api", "v1", "clienten")
    assert literal_key("/api/{versie}/clienten") is None
    assert literal_key(None) is None


async def test_the_app_answers_through_the_index() -> None:
    """A request reaches its route through the index, and a path nothing matches gets the
    service's own 404 problem."""
    app = _app("indicatie")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/health/live")).status_code == 200
        missing = await client.get("/api/v1/onbekend")
        assert missing.status_code == 404
        assert missing.headers["content-type"].startswith("application/problem+json")
        # a known resource without its token: the route ran (its caller check answered)
        assert (await client.get("/api/v1/indicaties")).status_code in (401, 405)


@pytest.mark.parametrize("service", SERVICES)
async def test_a_405_names_every_method_of_the_resource(service: str) -> None:
    """RFC 9110 15.5.6: ``Allow`` lists the methods of the resource (every operation of the
    path template), not only those of the first route whose path matched (``/aanbieders``
    answered ``Allow: POST`` beside its GET). ``/x/_zoek`` is its own resource, though
    ``/x/{id}`` matches it too."""
    app = _app(service)
    transport = httpx.ASGITransport(app=app)
    refused = 0
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for template, operations in app.openapi()["paths"].items():
            documented = [m for m in METHODS if m.lower() in operations]
            path = _filled(template)
            for method in ("DELETE", "PUT", "PATCH", "OPTIONS"):
                if method in documented:
                    continue
                r = await client.request(method, "/api/v1" + path)
                # else answered by a route of another template that matches (/x/{id}: _zoek)
                if r.status_code == 405:
                    refused += 1
                    assert r.headers["allow"] == ", ".join(documented), (method, template)
                    assert r.headers["content-type"].startswith("application/problem+json")
    assert refused >= len(app.openapi()["paths"])


async def test_a_route_added_after_the_first_request_is_found() -> None:
    app = importlib.import_module("wmo_indicatie.main").create_app()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/health/live")).status_code == 200  # the copies are made

        async def later() -> dict[str, str]:
            return {"later": "ja"}

        # under a beginning that has its copy already (without a PUT of its own)
        app.add_api_route("/api/v1/indicaties", later, methods=["PUT"])
        r = await client.put("/api/v1/indicaties")
        assert r.status_code == 200, r.text
        assert r.json() == {"later": "ja"}
