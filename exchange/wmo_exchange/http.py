"""HTTP towards the services: a bearer token on every call, timeouts, and retries by the one
policy the services use among themselves (``wmo_shared.retry``): network errors and 5xx only,
only for calls that are safe to repeat (GET, or a POST carrying an Idempotency-Key). A 4xx is
never retried; it becomes a ``RequestFailed`` with the problem."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import httpx

from wmo_shared.retry import RetryPolicy, retryable_status

SERVICES = ("intake", "pgb", "indicatie", "finance")
DEFAULT_PORTS = {"intake": 8001, "pgb": 8002, "indicatie": 8003, "finance": 8004}


class RequestFailed(RuntimeError):
    """A call failed for good (after the retries): the run stops, state stays where it was."""

    def __init__(self, message: str, status: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    next_cursor: str
    more: bool


class Api:
    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        service: str,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.service = service
        self.policy = RetryPolicy(retries=retries, backoff=backoff)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers["User-Agent"] = "wmo-exchange/0.1"
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=5.0),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Api:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        content: bytes | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
        accept_4xx: bool = False,
    ) -> httpx.Response:
        """``accept_4xx``: return a 400/409/422 answer instead of raising (an import's
        rejection is an answer to keep, not a failure of the call)."""
        attempts = self.policy.attempts(method, headers)
        last: str = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.policy.delay(attempt))
            try:
                response = self._http.request(
                    method, path, params=params, content=content, json=json, headers=headers
                )
            except httpx.TransportError as exc:
                last = f"{self.service} niet bereikbaar: {exc.__class__.__name__}: {exc}"
                continue
            if retryable_status(response.status_code):
                last = f"{self.service} antwoordde {response.status_code}: {_detail(response)}"
                continue
            if response.status_code >= 400:
                if accept_4xx and response.status_code in (400, 409, 422):
                    return response
                raise RequestFailed(
                    f"{method} {path}: {self.service} antwoordde {response.status_code}: "
                    f"{_detail(response)}",
                    response.status_code,
                    _body(response),
                )
            return response
        raise RequestFailed(f"{method} {path}: {last}")

    def page_body(self, path: str, cursor: str | None, limit: int) -> bytes:
        """The raw JSON of one feed page (parsed by ``wmo_exchange.pages``)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return self.request("GET", path, params=params).content

    def page(self, path: str, cursor: str | None, limit: int) -> Page:
        return parse_page(path, self.page_body(path, cursor, limit))


def parse_page(path: str, content: bytes) -> Page:
    """The feed envelope, checked field by field (the rows stay dicts)."""
    try:
        body = json.loads(content)
        rows = body["resultaten"]
        next_cursor = body["volgendeCursor"]
        more = body["meer"]
        if not isinstance(rows, list) or not isinstance(more, bool):
            raise TypeError("resultaten is geen lijst of meer is geen boolean")
        if not isinstance(next_cursor, str):
            raise TypeError("volgendeCursor is geen tekst")
    except (ValueError, KeyError, TypeError) as exc:
        raise RequestFailed(f"GET {path}: antwoord is geen feedpagina ({exc})") from exc
    return Page(rows=rows, next_cursor=next_cursor, more=more)


def _body(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text[:500]


def _detail(response: httpx.Response) -> str:
    body = _body(response)
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or body)[:500]
    return str(body)[:500]
