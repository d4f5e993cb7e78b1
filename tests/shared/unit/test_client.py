"""The inter-service client retries only what is safe to retry."""

from __future__ import annotations

import httpx
import pytest

from wmo_shared.client import RemoteBadRequest, RemoteUnavailable, ServiceClient


def _client(handler: httpx.MockTransport) -> ServiceClient:
    return ServiceClient("peer", "http://peer", transport=handler, backoff=0.001)


async def test_get_retries_5xx_then_succeeds() -> None:
    calls = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503 if len(calls) < 3 else 200, json={"ok": True})

    client = _client(httpx.MockTransport(handle))
    assert (await client.get_json("/x", token="t")) == {"ok": True}
    assert len(calls) == 3
    assert calls[0].headers["Authorization"] == "Bearer t"


async def test_post_without_idempotency_key_is_not_retried() -> None:
    calls = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503, json={"detail": "down"})

    client = _client(httpx.MockTransport(handle))
    with pytest.raises(RemoteUnavailable):
        await client.post_json("/x", {}, token="t")
    assert len(calls) == 1


async def test_post_with_idempotency_key_is_retried() -> None:
    calls = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ConnectError("refused")
        return httpx.Response(201, json={"id": 1})

    client = _client(httpx.MockTransport(handle))
    assert await client.post_json("/x", {}, token="t", idempotency_key="k") == {"id": 1}
    assert calls[1].headers["Idempotency-Key"] == "k"


async def test_4xx_is_never_retried_and_becomes_a_typed_error() -> None:
    calls = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(
            400,
            json={"status": 400, "detail": "peildatum", "invalidParams": [{"name": "peildatum"}]},
            headers={"content-type": "application/problem+json"},
        )

    client = _client(httpx.MockTransport(handle))
    with pytest.raises(RemoteBadRequest) as exc:
        await client.get_json("/x", token="t")
    assert exc.value.problem["invalidParams"][0]["name"] == "peildatum"
    assert len(calls) == 1


async def test_network_down_is_unavailable_after_retries() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    client = _client(httpx.MockTransport(handle))
    with pytest.raises(RemoteUnavailable):
        await client.get_json("/x", token="t")
