"""A request body larger than its route takes is a 413 problem naming the body, refused before
it is read (a declared Content-Length) or as soon as it passes the limit (a chunked body); the
endpoint never runs. A route may take more than the service's default (by its template)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request

from wmo_shared.app import build_app
from wmo_shared.openapi import API_PREFIX, PROBLEM_MEDIA_TYPE
from wmo_shared.schemas import WireModel
from wmo_shared.settings import ServiceSettings

LIMIT = 2048
GROOT = 8192


class Notitie(WireModel):
    tekst: str


def _app(ran: list[str]) -> FastAPI:
    router = APIRouter()

    @router.post("/notities", status_code=201)
    async def notitie(body: Notitie) -> dict[str, int]:
        ran.append("notities")
        return {"lengte": len(body.tekst)}

    @router.post("/berichten", status_code=201)
    async def bericht(request: Request) -> dict[str, int]:
        ran.append("berichten")
        return {"lengte": len(await request.body())}

    return build_app(
        name="grens",
        title="grens",
        version="1.0.0",
        description="request bodies and their limits",
        settings=ServiceSettings(json_logs=False, max_body_bytes=LIMIT),
        routers=[router],
        body_limits={"/berichten": GROOT},
    )


async def _post(app: FastAPI, path: str, content: Any, **headers: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.post(
            API_PREFIX + path,
            content=content,
            headers={"Content-Type": "application/json", **headers},
        )


def _notitie(n: int) -> bytes:
    return b'{"tekst": "' + b"x" * n + b'"}'


def _assert_413(r: httpx.Response, limit: int) -> None:
    assert r.status_code == 413, r.text
    assert r.headers["content-type"] == PROBLEM_MEDIA_TYPE
    problem = r.json()
    assert problem["code"] == "te-groot" and problem["status"] == 413
    assert [(p["name"], p["code"]) for p in problem["invalidParams"]] == [("body", "te-groot")]
    assert str(limit) in problem["detail"]
    assert r.headers["api-version"] == "1.0.0"  # an answer like every other


async def test_a_body_at_the_limit_is_read_and_one_byte_more_is_413() -> None:
    ran: list[str] = []
    app = _app(ran)
    precies = _notitie(LIMIT - len(_notitie(0)))
    assert len(precies) == LIMIT
    ok = await _post(app, "/notities", precies)
    assert ok.status_code == 201, ok.text
    _assert_413(await _post(app, "/notities", precies + b" "), LIMIT)
    assert ran == ["notities"]


async def test_a_declared_length_above_the_limit_is_refused_before_reading() -> None:
    ran: list[str] = []
    app = _app(ran)
    gelezen: list[int] = []

    async def stroom() -> AsyncIterator[bytes]:  # counts what the app pulls
        for _ in range(100):
            gelezen.append(1)
            yield b" " * 1024

    # a client that declares what it sends: refused on the declaration
    r = await _post(app, "/notities", stroom(), **{"Content-Length": str(100 * 1024)})
    _assert_413(r, LIMIT)
    assert ran == []


@pytest.mark.parametrize(("path", "limit"), [("/notities", LIMIT), ("/berichten", GROOT)])
async def test_a_chunked_body_is_stopped_once_it_passes_the_route_limit(
    path: str, limit: int
) -> None:
    ran: list[str] = []
    app = _app(ran)

    async def stroom() -> AsyncIterator[bytes]:
        for _ in range(1000):  # a megabyte, if it were all read
            yield b" " * 1024

    _assert_413(await _post(app, path, stroom()), limit)
    # /berichten reads its body itself: it starts, and its read is refused
    assert ran == ([] if path == "/notities" else ["berichten"])


async def test_a_route_with_its_own_limit_takes_more_than_the_default() -> None:
    ran: list[str] = []
    app = _app(ran)
    r = await _post(app, "/berichten", b"x" * (GROOT - 1), **{"Content-Type": "application/xml"})
    assert r.status_code == 201, r.text
    assert r.json() == {"lengte": GROOT - 1}


def test_an_operation_with_a_body_publishes_the_413() -> None:
    responses = _app([]).openapi()["paths"]["/notities"]["post"]["responses"]
    assert PROBLEM_MEDIA_TYPE in responses["413"]["content"]


@pytest.mark.parametrize(
    ("body", "sleutel"),
    [
        (b'{"tekst": "a", "tekst": "b"}', "tekst"),
        (b'{"tekst": "a", "extra": {"x": 1, "x": 2}}', "x"),
        (b'{"tekst": "a", "lijst": [{"y": 1}, {"y": 1, "y": 2}]}', "y"),
    ],
)
async def test_a_key_named_twice_is_a_400_naming_the_key(body: bytes, sleutel: str) -> None:
    ran: list[str] = []
    r = await _post(_app(ran), "/notities", body)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == PROBLEM_MEDIA_TYPE
    [param] = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == (sleutel, "dubbele-sleutel")
    assert ran == []


async def test_a_key_named_twice_in_a_chunked_body_is_found_when_it_is_complete() -> None:
    async def stroom() -> AsyncIterator[bytes]:
        yield b'{"tekst": "a",'
        yield b' "tekst": "b"}'

    r = await _post(_app([]), "/notities", stroom())
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0]["name"] == "tekst"


async def test_the_same_key_in_different_objects_and_unreadable_json_are_not_duplicates() -> None:
    ran: list[str] = []
    app = _app(ran)
    ok = await _post(app, "/notities", b'{"tekst": "a"}')
    assert ok.status_code == 201, ok.text
    kapot = await _post(app, "/notities", b'{"tekst": ')  # FastAPI's own 400 names the body
    assert kapot.status_code == 400
    assert kapot.json()["invalidParams"][0]["name"].startswith("body")
    # not JSON by its Content-Type: read as it is
    xml = await _post(app, "/berichten", b"<a><a/><a/></a>", **{"Content-Type": "application/xml"})
    assert xml.status_code == 201
