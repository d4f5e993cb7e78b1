"""A worker reads only ``slots`` large bodies at once (``wmo_shared.body_limit.LargeBodies``):
another large one waits for a slot and is answered 503 with Retry-After when none frees up; a
small body never waits; a slot is given back when its request ends, however it ends."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from wmo_shared import body_limit, middleware
from wmo_shared.body_limit import BodyLimits, LargeBodies, LargeBodyBusy
from wmo_shared.problems import install_problem_handlers

THRESHOLD = 100


async def _lezen(request: Request) -> PlainTextResponse:
    return PlainTextResponse(str(len(await request.body())))


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> middleware.WmoMiddleware:
    monkeypatch.setattr(body_limit, "LARGE_BODY_WAIT_SECONDS", 0.2)
    limits = BodyLimits(1_000_000, large=LargeBodies(THRESHOLD, slots=1))
    routes = [Route("/lezen", _lezen, methods=["POST"])]
    return middleware.WmoMiddleware(
        Starlette(routes=routes), api_version="1.0.0", body_limits=limits
    )


class Verzoek:
    """One request whose body arrives when the test says so (``rest``), or never."""

    def __init__(self, app: middleware.WmoMiddleware, size: int, declared: bool = True) -> None:
        self.sent: list[dict[str, Any]] = []
        self.verder = asyncio.Event()
        self.weg = asyncio.Event()
        self.berichten = [
            {"type": "http.request", "body": b"x" * (size - 1), "more_body": True},
            {"type": "http.request", "body": b"x", "more_body": False},
        ]
        headers = [(b"host", b"t")]
        if declared:
            headers.append((b"content-length", str(size).encode()))
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/lezen",
            "raw_path": b"/lezen",
            "query_string": b"",
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 1),
            "server": ("t", 80),
        }
        self.task = asyncio.create_task(app(scope, self.receive, self.send))

    async def receive(self) -> dict[str, Any]:
        if len(self.berichten) == 1:
            await self.verder.wait()  # the last part only when the test lets it go
        if self.weg.is_set():
            return {"type": "http.disconnect"}
        if self.berichten:
            return self.berichten.pop(0)
        await asyncio.Event().wait()  # after the body nothing more, until it is cancelled
        raise AssertionError("unreachable")

    async def send(self, message: dict[str, Any]) -> None:
        self.sent.append(message)

    async def status(self) -> int:
        await asyncio.wait_for(self.task, 5)
        return int(self.sent[0]["status"])

    def header(self, name: bytes) -> bytes | None:
        return dict(self.sent[0]["headers"]).get(name)


async def _eerst(verzoek: Verzoek) -> None:
    """Until the request has read the first part of its body (it holds its slot)."""
    for _ in range(100):
        if not verzoek.berichten or len(verzoek.berichten) == 1:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the request never started reading")


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
async def test_a_second_large_body_waits_then_gets_503(
    app: middleware.WmoMiddleware, declared: bool
) -> None:
    eerste = Verzoek(app, THRESHOLD * 3, declared)
    await _eerst(eerste)
    tweede = Verzoek(app, THRESHOLD * 3, declared)
    tweede.verder.set()
    assert await tweede.status() == 503
    assert tweede.header(b"retry-after") == str(body_limit.LARGE_BODY_RETRY_SECONDS).encode()
    eerste.verder.set()
    assert await eerste.status() == 200
    # the slot is free again
    derde = Verzoek(app, THRESHOLD * 3, declared)
    derde.verder.set()
    assert await derde.status() == 200


async def test_a_small_body_never_waits(app: middleware.WmoMiddleware) -> None:
    groot = Verzoek(app, THRESHOLD * 3)
    await _eerst(groot)
    klein = Verzoek(app, THRESHOLD // 2)
    klein.verder.set()
    assert await klein.status() == 200
    groot.verder.set()
    assert await groot.status() == 200


async def test_a_waiting_request_gets_the_slot_when_it_frees_up(
    app: middleware.WmoMiddleware,
) -> None:
    eerste = Verzoek(app, THRESHOLD * 3)
    await _eerst(eerste)
    tweede = Verzoek(app, THRESHOLD * 3)
    tweede.verder.set()
    await asyncio.sleep(0.05)
    eerste.verder.set()
    assert await eerste.status() == 200
    assert await tweede.status() == 200


async def test_a_client_that_leaves_gives_its_slot_back(app: middleware.WmoMiddleware) -> None:
    weg = Verzoek(app, THRESHOLD * 3)
    await _eerst(weg)
    weg.weg.set()
    weg.verder.set()
    await asyncio.wait_for(weg.task, 5)
    na = Verzoek(app, THRESHOLD * 3)
    na.verder.set()
    assert await na.status() == 200


async def test_no_slot_is_problem_json_with_retry_after() -> None:
    api = FastAPI()
    install_problem_handlers(api)

    @api.post("/x")
    async def _bezet() -> None:
        raise LargeBodyBusy(THRESHOLD, 2)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=api), base_url="http://t"
    ) as client:
        r = await client.post("/x")
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.headers["retry-after"] == str(body_limit.LARGE_BODY_RETRY_SECONDS)
    assert r.json()["code"] == "grote-inhoud-bezet"
