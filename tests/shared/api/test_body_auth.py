"""A body is read only from a caller the route accepts (wmo_shared.body_auth): without a valid
token, or with a role the route does not take, the answer comes before a byte of the body is
read, so no one can make a worker parse megabytes of JSON for a 401."""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from tests.support.stack import TestDatabase, auth, settings_for
from wmo_shared.body_auth import _checks
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.openapi import PROBLEM_MEDIA_TYPE

CLIENT = b'{"bsn": "999993653", "voornamen": "Sanne", "achternaam": "Veenstra"}'


class Stream:
    """A request body in chunks that counts how many were taken."""

    def __init__(self, chunks: int = 4) -> None:
        self.chunks = chunks
        self.read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for i in range(self.chunks):
            self.read += 1
            yield CLIENT if i == 0 else b" "


async def _post(intake: httpx.AsyncClient, headers: dict[str, str]) -> tuple[int, Any, int]:
    body = Stream()
    r = await intake.post(
        "/api/v1/clienten",
        content=body,  # type: ignore[arg-type]
        headers={"Content-Type": "application/json", **headers},
    )
    if r.status_code >= 400:
        assert r.headers["content-type"] == PROBLEM_MEDIA_TYPE
    return r.status_code, r.json(), body.read


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer nep"}, {"Authorization": "Basic Zm9vOmJhcg=="}],
    ids=["geen token", "vals token", "geen bearer"],
)
async def test_without_a_valid_token_the_body_is_not_read(
    intake: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    status, problem, read = await _post(intake, headers)
    assert (status, problem["code"], read) == (401, "niet-geauthenticeerd", 0)


async def test_with_a_role_the_route_does_not_take_the_body_is_not_read(
    intake: httpx.AsyncClient,
) -> None:
    status, problem, read = await _post(intake, auth("financien"))
    assert (status, problem["code"], read) == (403, "geen-toegang", 0)


async def test_an_accepted_caller_has_the_body_read(intake: httpx.AsyncClient) -> None:
    status, problem, read = await _post(intake, auth("gebiedsteam"))
    assert status == 400 and read == 4  # read to the end, then refused for its content
    assert "geboortedatum" in {p["name"] for p in problem["invalidParams"]}


def _routes(routes: Any) -> Iterator[Any]:
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI includes a router without copying it
            yield from _routes(route.original_router.routes)
        else:
            yield route


@pytest.mark.parametrize("service", SERVICES)
def test_every_route_that_reads_a_body_checks_its_caller_first(
    db: TestDatabase, service: str
) -> None:
    app = importlib.import_module(f"wmo_{service}.main").create_app(settings_for(service, db))
    readers = [r for r in _routes(app.routes) if isinstance(r, APIRoute) and r.body_field]
    assert readers
    unchecked = [f"{sorted(r.methods)} {r.path}" for r in readers if not _checks(r)]
    assert unchecked == []
