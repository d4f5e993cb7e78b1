"""The one retry policy (wmo_shared.retry), and that both HTTP callers follow it."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_exchange.http import Api, RequestFailed
from wmo_shared.client import RemoteConflict, RemoteUnavailable, ServiceClient
from wmo_shared.retry import RetryPolicy, repeatable, retryable_status


@pytest.mark.parametrize(
    ("method", "headers", "expected"),
    [
        ("GET", None, True),
        ("get", {}, True),
        ("HEAD", None, True),
        ("PUT", None, True),
        ("DELETE", None, True),
        ("OPTIONS", None, True),
        ("POST", None, False),
        ("POST", {"Authorization": "Bearer x"}, False),
        ("PATCH", {}, False),
        ("POST", {"Idempotency-Key": "k"}, True),
        ("POST", {"idempotency-key": "k"}, True),
        ("PATCH", ["IDEMPOTENCY-KEY"], True),
    ],
)
def test_only_calls_safe_to_repeat_are_repeatable(
    method: str, headers: dict[str, str] | list[str] | None, expected: bool
) -> None:
    assert repeatable(method, headers) is expected
    assert RetryPolicy(retries=3).attempts(method, headers) == (4 if expected else 1)


@pytest.mark.parametrize(
    ("status", "expected"),
    [(500, True), (502, True), (503, True), (504, True), (599, True)]
    + [(s, False) for s in (200, 201, 204, 301, 400, 401, 403, 404, 408, 409, 412, 422, 429)],
)
def test_only_5xx_is_retried_never_4xx(status: int, expected: bool) -> None:
    assert retryable_status(status) is expected


def test_back_off_doubles_with_jitter_and_is_capped() -> None:
    policy = RetryPolicy(retries=10, backoff=0.5, max_delay=3.0)
    assert [policy.delay(n, rand=lambda: 0.0) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert [policy.delay(n, rand=lambda: 0.5) for n in (1, 2)] == [0.75, 1.5]
    assert policy.delay(3, rand=lambda: 0.9) == 3.0  # 3.8 capped
    assert policy.delay(30) == 3.0


@given(
    retry=st.integers(min_value=1, max_value=64),
    backoff=st.floats(min_value=0, max_value=5),
    cap=st.floats(min_value=0, max_value=60),
    r=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_delay_is_within_its_jitter_band(retry: int, backoff: float, cap: float, r: float) -> None:
    delay = RetryPolicy(retries=64, backoff=backoff, max_delay=cap).delay(retry, rand=lambda: r)
    base = backoff * 2 ** (retry - 1)
    assert 0 <= delay <= cap
    assert delay == min(cap, base * (1 + r))


def test_no_retries_means_one_try_and_bad_values_are_refused() -> None:
    assert RetryPolicy(retries=0).attempts("GET") == 1
    assert RetryPolicy(retries=3).with_retries(1).attempts("GET") == 2
    with pytest.raises(ValueError):
        RetryPolicy(retries=-1)
    with pytest.raises(ValueError):
        RetryPolicy().delay(0)


# --- both callers follow it -------------------------------------------------------------------

POLICY = RetryPolicy(retries=2, backoff=0.0)


def _counting(status: int) -> tuple[list[httpx.Request], httpx.MockTransport]:
    calls: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(status, json={"status": status, "detail": "x"})

    return calls, httpx.MockTransport(handle)


@pytest.mark.parametrize(
    ("method", "headers", "status", "tries"),
    [
        ("GET", None, 503, 3),
        ("GET", None, 409, 1),
        ("POST", None, 503, 1),
        ("POST", {"Idempotency-Key": "k"}, 503, 3),
        ("POST", {"Idempotency-Key": "k"}, 409, 1),
    ],
)
async def test_service_client_follows_the_policy(
    method: str, headers: dict[str, str] | None, status: int, tries: int
) -> None:
    calls, transport = _counting(status)
    client = ServiceClient("peer", "http://peer", policy=POLICY, transport=transport)
    expected = RemoteUnavailable if status >= 500 else RemoteConflict
    with pytest.raises(expected):
        await client.request(method, "/x", token="t", json={}, headers=headers)
    assert len(calls) == tries


@pytest.mark.parametrize(
    ("method", "headers", "status", "tries"),
    [
        ("GET", None, 503, 3),
        ("GET", None, 409, 1),
        ("POST", None, 503, 1),
        ("POST", {"Idempotency-Key": "k"}, 503, 3),
        ("POST", {"Idempotency-Key": "k"}, 409, 1),
    ],
)
def test_exchange_api_follows_the_policy(
    method: str,
    headers: dict[str, str] | None,
    status: int,
    tries: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("wmo_exchange.http.time.sleep", lambda _s: None)
    calls, transport = _counting(status)
    with Api("http://peer", "t", service="peer", retries=2, transport=transport) as api:
        with pytest.raises(RequestFailed):
            api.request(method, "/x", json={}, headers=headers)
    assert len(calls) == tries
