"""The base httpx client for calls between services.

Timeouts on every call; the request id and a bearer token on every call; retries by the one
policy of ``wmo_shared.retry`` (network errors and 5xx only, only for a call that is safe to
repeat, never a 4xx); a problem+json answer becomes a typed exception the caller can act on.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
from typing import Any

import httpx

from wmo_shared.middleware import current_request_id
from wmo_shared.retry import RetryPolicy, retryable_status


class RemoteError(Exception):
    """Another service answered with an error (its problem body is kept)."""

    def __init__(self, service: str, status: int, problem: dict[str, Any]) -> None:
        self.service = service
        self.status = status
        self.problem = problem
        super().__init__(f"{service} answered {status}: {problem.get('detail') or problem}")


class RemoteBadRequest(RemoteError):
    pass


class RemoteNotFound(RemoteError):
    pass


class RemoteConflict(RemoteError):
    pass


class RemoteUnavailable(RemoteError):
    """Network error or 5xx after the retries: the other service is down or broken."""


def _error_for(service: str, response: httpx.Response) -> RemoteError:
    try:
        problem = response.json()
        if not isinstance(problem, dict):
            problem = {"detail": str(problem)}
    except ValueError:
        problem = {"detail": response.text[:500]}
    cls: type[RemoteError] = {
        400: RemoteBadRequest,
        404: RemoteNotFound,
        409: RemoteConflict,
    }.get(response.status_code, RemoteUnavailable if response.status_code >= 500 else RemoteError)
    return cls(service, response.status_code, problem)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every peer: httpx would load the CA bundle once per
    client, about 2 MB of every worker for each service it calls (issue 17.3)."""
    return httpx.create_ssl_context()


class ServiceClient:
    def __init__(
        self,
        service: str,
        base_url: str,
        *,
        timeout: float = 5.0,
        retries: int = 3,
        backoff: float = 0.2,
        policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.service = service
        self.policy = policy or RetryPolicy(retries=retries, backoff=backoff)
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout, connect=2.0),
            transport=transport,
            verify=_ssl_context(),
            limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        token: str,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        retries: int | None = None,
    ) -> httpx.Response:
        hdrs = {"Authorization": f"Bearer {token}", **(headers or {})}
        rid = current_request_id()
        if rid:
            hdrs.setdefault("X-Request-ID", rid)
        policy = self.policy if retries is None else self.policy.with_retries(retries)
        last: Exception | None = None
        attempts = policy.attempts(method, hdrs)
        for attempt in range(attempts):
            if attempt:
                await asyncio.sleep(policy.delay(attempt))
            try:
                response = await self._http.request(
                    method, path, json=json, params=params, headers=hdrs
                )
            except httpx.TransportError as exc:
                last = exc
                continue
            if retryable_status(response.status_code) and attempt + 1 < attempts:
                last = _error_for(self.service, response)
                continue
            if response.status_code >= 400:
                raise _error_for(self.service, response)
            return response
        if isinstance(last, RemoteError):
            raise last
        raise RemoteUnavailable(
            self.service, 503, {"detail": f"{self.service} is niet bereikbaar: {last}"}
        )

    async def get_json(
        self,
        path: str,
        *,
        token: str,
        params: dict[str, Any] | None = None,
        retries: int | None = None,
    ) -> Any:
        return (await self.request("GET", path, token=token, params=params, retries=retries)).json()

    async def post_json(
        self, path: str, body: Any, *, token: str, idempotency_key: str | None = None
    ) -> Any:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return (await self.request("POST", path, token=token, json=body, headers=headers)).json()
