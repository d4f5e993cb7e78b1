"""A request its client abandoned ends as 499, whether the client leaves while the app reads
the body (the app meets the disconnect itself) or later (the watcher started after
``WATCH_AFTER_SECONDS`` cancels it); a request that ends sooner starts no watcher at all."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from wmo_shared import middleware


async def _lezen(request: Request) -> PlainTextResponse:
    await request.body()
    return PlainTextResponse("gelezen")


async def _wachten(request: Request) -> PlainTextResponse:
    await asyncio.sleep(60)
    return PlainTextResponse("te laat")


async def _snel(request: Request) -> PlainTextResponse:
    return PlainTextResponse("snel")


async def _traag(request: Request) -> PlainTextResponse:
    await asyncio.sleep(middleware.WATCH_AFTER_SECONDS * 3)
    return PlainTextResponse("traag")


def _app(lines: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> middleware.WmoMiddleware:
    class Capture:
        def info(self, event: str, **fields: Any) -> None:
            lines.append(fields)

    monkeypatch.setattr(middleware, "access_log", Capture())
    routes = [Route("/lezen", _lezen, methods=["POST"]), Route("/wachten", _wachten)]
    routes += [Route("/snel", _snel), Route("/traag", _traag)]
    return middleware.WmoMiddleware(Starlette(routes=routes), api_version="1.0.0")


async def _call(
    app: middleware.WmoMiddleware, method: str, path: str, messages: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], asyncio.Event]:
    gone = asyncio.Event()
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"t")],
        "client": ("127.0.0.1", 1),
        "server": ("t", 80),
    }
    task = asyncio.create_task(app(scope, receive, send))
    await asyncio.sleep(middleware.WATCH_AFTER_SECONDS * 5)
    gone.set()
    await asyncio.wait_for(task, timeout=30)  # ends, without raising
    return sent, gone


async def test_a_client_gone_while_the_body_is_read_ends_the_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines: list[dict[str, Any]] = []
    half = [{"type": "http.request", "body": b"half", "more_body": True}]
    sent, _ = await _call(_app(lines, monkeypatch), "POST", "/lezen", half)
    assert not sent
    assert [line["status"] for line in lines] == [middleware.CLIENT_CLOSED_REQUEST]


async def test_a_client_gone_during_a_long_request_cancels_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines: list[dict[str, Any]] = []
    body = [{"type": "http.request", "body": b"", "more_body": False}]
    sent, _ = await _call(_app(lines, monkeypatch), "GET", "/wachten", body)
    assert not sent
    assert [line["status"] for line in lines] == [middleware.CLIENT_CLOSED_REQUEST]


async def test_a_quick_request_is_answered_and_starts_no_watcher(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines: list[dict[str, Any]] = []
    started: list[object] = []
    monkeypatch.setattr(middleware._AbandonWatch, "_start", lambda self: started.append(self))
    body = [{"type": "http.request", "body": b"", "more_body": False}]
    sent, _ = await _call(_app(lines, monkeypatch), "GET", "/snel", body)
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"snel"
    assert [line["status"] for line in lines] == [200]
    assert not started


async def test_a_watched_request_leaves_no_reference_cycle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The watcher's cancelled reader and its timer let go of the watch: the request, its body
    and everything it held are freed when it ends, not at the next full garbage collection
    (under 32 concurrent writes that garbage cost ~6 MB of a worker's peak memory)."""
    lines: list[dict[str, Any]] = []
    app = _app(lines, monkeypatch)
    body = [{"type": "http.request", "body": b"", "more_body": False}]
    gc.collect()
    gc.disable()
    try:
        sent, _ = await _call(app, "GET", "/traag", body)
        await asyncio.sleep(0)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert sent[0]["status"] == 200
    assert [line["status"] for line in lines] == [200]
