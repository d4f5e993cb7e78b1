"""The real services, started as the image starts them, bound the request head
(``wmo_shared.http_server``): a head of too many lines is a 431 problem with the service's own
API-Version, before any token is looked at, and the service answers the next client as before."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import pytest

from tests.support.live import Stack
from tests.support.raw_http import read_all, responses
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.http_server import HEAD_MAX_FIELDS

pytestmark = pytest.mark.e2e


def _exchange(url: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
        s.sendall(request)
        [answer] = responses(read_all(s))
    return answer


@pytest.mark.parametrize("svc", SERVICES)
def test_a_head_of_too_many_lines_is_a_431_from_the_service_itself(stack: Stack, svc: str) -> None:
    with stack.client(svc) as c:
        version = c.get("/health/live").headers["api-version"]
    lines = "".join(f"X-{i}: v\r\n" for i in range(HEAD_MAX_FIELDS + 1))
    request = f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: t\r\n{lines}\r\n".encode()
    status, headers, body = _exchange(stack.url(svc), request)
    assert status == 431
    assert headers["content-type"] == "application/problem+json"
    assert headers["api-version"] == version
    assert json.loads(body)["invalidParams"][0]["name"] == "headers"
    with stack.client(svc) as c:
        assert c.get("/health/live").status_code == 200
