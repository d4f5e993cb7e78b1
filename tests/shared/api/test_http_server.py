"""The request head is bounded by the HTTP protocol the services are served with
(``wmo_shared.http_server``): a long URL is a 414, too many or too large header lines a 431, a
head that trickles in a 408, what is no HTTP a 400, each a problem+json with the service's
headers, before the app sees the request. Over a real socket to uvicorn with that protocol."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.support.raw_http import read_all, responses
from tests.support.uvicorn_thread import serving
from wmo_shared import http_server
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.metrics import REFUSED_BY_SERVER
from wmo_shared.middleware import WmoMiddleware
from wmo_shared.openapi_file import document
from wmo_shared.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, Problem


async def _echo(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The app: answers 200 with the size of the body it read and the number of headers;
    on ``/traag`` it waits a second before it reads."""
    if scope["path"] == "/traag":
        await asyncio.sleep(1)
    if scope["path"] == "/groot":
        await _send_large(send)
        return
    size = 0
    more = True
    while more:
        message = await receive()
        size += len(message.get("body", b""))
        more = message.get("more_body", False)
    body = json.dumps({"body": size, "headers": len(scope["headers"])}).encode()
    length = [(b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": length})
    await send({"type": "http.response.body", "body": body})


GROOT = 32 * 1024 * 1024


async def _send_large(send: Any) -> None:
    length = [(b"content-length", str(GROOT).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": length})
    chunk = b"g" * (1024 * 1024)
    for n in range(GROOT // len(chunk)):
        more = n < GROOT // len(chunk) - 1
        await send({"type": "http.response.body", "body": chunk, "more_body": more})


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    app = WmoMiddleware(_echo, api_version="1.2.3", service="proef")  # type: ignore[arg-type]
    with serving(app) as (_, _, port):
        yield port


def _connect(port: int, timeout: float = 10) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def _exchange(port: int, request: bytes) -> bytes:
    """Sends ``request`` and reads until the server closes the connection."""
    with _connect(port) as s:
        s.sendall(request)
        return read_all(s)


def _closed_without_answer(s: socket.socket) -> bool:
    """The server ends the connection without a byte (a socket timeout fails the test)."""
    return s.recv(65536) == b""


def _get(path: str = "/x", headers: str = "", close: bool = True) -> bytes:
    end = "Connection: close\r\n" if close else ""
    return f"GET {path} HTTP/1.1\r\nHost: proef\r\n{headers}{end}\r\n".encode()


def _refused(port: int, request: bytes, status: int, naam: str, code: str) -> dict[str, Any]:
    [(got, headers, body)] = responses(_exchange(port, request))
    assert got == status
    assert headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert headers["api-version"] == "1.2.3"
    assert headers["connection"] == "close"
    assert headers["x-content-type-options"] == "nosniff"
    problem = Problem.model_validate_json(body).model_dump(exclude_none=True)
    assert problem["status"] == status and problem["code"] == code
    assert problem["invalidParams"] == [{"name": naam, "code": code, "reason": problem["detail"]}]
    assert problem["instance"] == f"urn:uuid:{headers['x-request-id']}"
    assert problem["type"] == PROBLEM_TYPE_BASE + code
    return problem


def _refusals(code: str) -> float:
    return REFUSED_BY_SERVER.labels("proef", code)._value.get()


def _await_refusal(code: str, before: float) -> None:
    """The server counts one refusal with ``code`` (it runs in its own thread) within 10 s."""
    deadline = time.monotonic() + 10
    while _refusals(code) == before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _refusals(code) == before + 1


def test_a_url_up_to_the_bound_is_served_and_a_longer_one_is_a_414(port: int) -> None:
    path = "/x?" + "a" * (http_server.URL_MAX_BYTES - 3)
    [(status, _, body)] = responses(_exchange(port, _get(path)))
    assert status == 200 and json.loads(body)["headers"] == 2
    before = _refusals("te-lang")
    _refused(port, _get(path + "a"), 414, "url", "te-lang")
    _refused(port, _get("/x?" + "q=1&" * 500_000), 414, "url", "te-lang")
    assert _refusals("te-lang") == before + 2


def test_more_header_fields_than_the_bound_is_a_431(port: int) -> None:
    fields = "".join(f"X-{i}: v\r\n" for i in range(http_server.HEAD_MAX_FIELDS - 2))
    [(status, _, body)] = responses(_exchange(port, _get(headers=fields)))
    assert status == 200 and json.loads(body)["headers"] == http_server.HEAD_MAX_FIELDS
    _refused(port, _get(headers=fields + "X-te-veel: v\r\n"), 431, "headers", "te-groot")


def test_header_lines_larger_together_than_the_bound_are_a_431(port: int) -> None:
    half = "a" * (http_server.HEAD_MAX_BYTES // 2)
    [(status, _, _)] = responses(_exchange(port, _get(headers=f"X-1: {half[:-100]}\r\n")))
    assert status == 200
    _refused(port, _get(headers=f"X-1: {half}\r\nX-2: {half}\r\n"), 431, "headers", "te-groot")
    token = f"Authorization: Bearer {half}{half}\r\n"
    _refused(port, _get(headers=token), 431, "headers", "te-groot")


def test_a_header_that_never_ends_is_cut_off_after_a_bounded_read(port: int) -> None:
    """httptools gathers a header line until it ends: the bytes read while the head is open
    are counted, so 50 MB sent as one line are refused after a fraction of it."""
    before = _refusals("te-groot")
    with _connect(port) as s:
        s.sendall(b"GET /x HTTP/1.1\r\nHost: proef\r\nX-Groot: ")
        sent = 0
        try:
            while sent < 50_000_000:
                s.sendall(b"a" * 65536)
                sent += 65536
        except (ConnectionResetError, BrokenPipeError):
            pass
        assert sent < 50_000_000, "the server read on"
    _await_refusal("te-groot", before)


def test_what_is_no_http_is_a_400_problem(port: int) -> None:
    _refused(port, b"GET / HTTP/1.1\r\nHost proef\r\n\r\n", 400, "verzoek", "ongeldig-http")
    _refused(port, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 400, "verzoek", "ongeldig-http")


def test_a_head_that_trickles_in_is_a_408_and_an_idle_connection_is_closed(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_server, "HEAD_TIMEOUT_SECONDS", 0.3)
    with _connect(port, 5) as s:
        s.sendall(b"GET /x HTTP/1.1\r\nHost: pro")
        [(status, _, body)] = responses(read_all(s))
    assert status == 408 and json.loads(body)["code"] == "te-traag"
    with _connect(port) as s:
        assert _closed_without_answer(s)


def test_a_stalled_head_behind_a_request_being_answered_lets_that_answer_go_first(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_server, "HEAD_TIMEOUT_SECONDS", 0.3)
    with _connect(port, 5) as s:
        s.sendall(_post_head("/traag", 0) + b"GET /x HTTP/1.1\r\nHost: pro")
        answers = responses(read_all(s))
    assert [status for status, _, _ in answers] == [200, 408]


def test_the_next_request_on_a_connection_has_its_own_bounds_and_time(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep-alive and pipelining: a body of 1 MB behind its head in the same packets, and the
    request after it in the same send, are served; the head timer starts again per request."""
    monkeypatch.setattr(http_server, "HEAD_TIMEOUT_SECONDS", 0.5)
    body = b"b" * 1_000_000
    post = b"POST /x HTTP/1.1\r\nHost: proef\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    with _connect(port) as s:
        s.sendall(post + post + _get(close=False))
        time.sleep(0.7)  # longer than a head may take, between two requests
        s.sendall(_get())
        answers = responses(read_all(s))
    assert [status for status, _, _ in answers] == [200, 200, 200, 200]
    assert [json.loads(b)["body"] for _, _, b in answers] == [1_000_000, 1_000_000, 0, 0]


def _post_head(path: str, length: int) -> bytes:
    return f"POST {path} HTTP/1.1\r\nHost: proef\r\nContent-Length: {length}\r\n\r\n".encode()


def test_a_body_that_stops_coming_ends_the_connection(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_server, "BODY_IDLE_SECONDS", 0.3)
    before = _refusals("te-traag")
    with _connect(port) as s:
        s.sendall(_post_head("/x", 100) + b"x" * 10)
        assert _closed_without_answer(s)
    assert _refusals("te-traag") == before + 1


def test_a_body_that_comes_slowly_but_steadily_is_served(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_server, "BODY_IDLE_SECONDS", 0.3)
    with _connect(port, 5) as s:
        s.sendall(_post_head("/x", 10))
        for _ in range(10):
            time.sleep(0.1)
            s.sendall(b"x")
        [(status, _, body)] = responses(_read_all_of_one(s))
    assert status == 200 and json.loads(body)["body"] == 10


def test_time_the_app_does_not_read_is_not_the_clients(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app waits a second before it reads a body of 2 MB: the server stops reading after
    64 KiB, and that pause is not counted as the client's idle time."""
    monkeypatch.setattr(http_server, "BODY_IDLE_SECONDS", 0.3)
    with _connect(port) as s:
        s.sendall(_post_head("/traag", 2_000_000) + b"x" * 2_000_000)
        [(status, _, body)] = responses(_read_all_of_one(s))
    assert status == 200 and json.loads(body)["body"] == 2_000_000


def _read_all_of_one(s: socket.socket) -> bytes:
    """One response on a connection kept open: read until its content-length is in."""
    data = b""
    while True:
        data += s.recv(65536)
        head, sep, rest = data.partition(b"\r\n\r\n")
        if sep:
            length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
            if len(rest) >= length:
                return data


def test_an_answer_the_client_does_not_read_is_dropped_and_one_read_slowly_is_not(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_server, "SEND_IDLE_SECONDS", 0.3)
    before = _refusals("niet-gelezen")
    with _connect(port) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        s.sendall(_get("/groot"))
        _await_refusal("niet-gelezen", before)
        assert len(read_all(s)) < GROOT  # what the kernel held, then the end
    monkeypatch.setattr(http_server, "SEND_IDLE_SECONDS", 1.0)
    with _connect(port) as s:
        s.sendall(_get("/groot"))
        got = 0
        while chunk := s.recv(1024 * 1024):  # a reader slower than the server writes
            got += len(chunk)
            time.sleep(0.05)
    assert got > GROOT
    assert _refusals("niet-gelezen") == before + 1


def _busy(status: int, headers: dict[str, str], body: bytes) -> None:
    assert status == 503 and headers["retry-after"] == str(http_server.RETRY_AFTER_SECONDS)
    problem = Problem.model_validate_json(body)
    assert problem.code == "te-veel-verbindingen" and problem.invalidParams is None


@contextmanager
def _holding(port: int, connections: int) -> Iterator[None]:
    """``connections`` open connections that send nothing, for the length of the block."""
    held = [_connect(port, 5) for _ in range(connections)]
    try:
        time.sleep(0.1)
        yield
    finally:
        for s in held:
            s.close()


def test_a_request_on_a_connection_beyond_the_bound_is_a_503_with_retry_after(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_server, "MAX_CONNECTIONS", 3)
    before = _refusals("te-veel-verbindingen")
    with _holding(port, 3):
        [answer] = responses(_exchange(port, _get("/api/v1/clienten")))
        _busy(*answer)
        assert _refusals("te-veel-verbindingen") == before + 1
    time.sleep(0.1)
    [(status, _, _)] = responses(_exchange(port, _get()))
    assert status == 200


@pytest.mark.parametrize("path", ["/health/live", "/health/ready", "/metrics"])
def test_probes_and_scrapes_are_served_beyond_the_bound(
    port: int, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    """A flood of connections does not fail the kubelet's probes (a restart would not end it)
    nor hide it from Prometheus."""
    monkeypatch.setattr(http_server, "MAX_CONNECTIONS", 3)
    with _holding(port, 5):
        [(status, _, _)] = responses(_exchange(port, _get(path)))
        assert status == 200
        [answer] = responses(_exchange(port, _get(path + "x")))
        _busy(*answer)


@pytest.mark.parametrize(
    ("held", "head_seconds"),
    [
        (3, 0.3),  # beyond the bound: a 503 once its 0.3 s for a head have passed
        (6, 30.0),  # beyond twice the bound: a 503 at once, unread (a flood holds no more)
    ],
)
def test_a_connection_beyond_the_bound_that_sends_nothing_is_a_503_soon(
    port: int, monkeypatch: pytest.MonkeyPatch, held: int, head_seconds: float
) -> None:
    monkeypatch.setattr(http_server, "MAX_CONNECTIONS", 3)
    monkeypatch.setattr(http_server, "OVERFLOW_HEAD_SECONDS", head_seconds)
    with _holding(port, held), _connect(port, 5) as s:
        [answer] = responses(read_all(s))  # a socket timeout (5 s) fails the test
    _busy(*answer)


def test_every_launcher_serves_with_the_bounded_protocol() -> None:
    """The image's entrypoint, ``make run`` and the e2e stack start uvicorn with it."""
    root = Path(__file__).parents[3]
    protocol = http_server.UVICORN_ARGS[http_server.UVICORN_ARGS.index("--http") + 1]
    assert f"--http {protocol} " in (root / "deploy/docker/entrypoint.sh").read_text()
    for launcher in ("devtools/wmo_dev/stack.py", "tests/support/live.py"):
        assert "*UVICORN_ARGS," in (root / launcher).read_text(), launcher


@pytest.mark.parametrize("svc", SERVICES)
def test_every_operation_publishes_what_the_server_may_answer_for_its_head(svc: str) -> None:
    """431 on every operation; 414 on every one that takes values in its address."""
    for path, item in document(svc)["paths"].items():
        for method, op in item.items():
            published = op["responses"]
            assert PROBLEM_MEDIA_TYPE in published["431"]["content"], (method, path)
            if any(p["in"] in ("path", "query") for p in op.get("parameters", [])):
                assert PROBLEM_MEDIA_TYPE in published["414"]["content"], (method, path)


@pytest.mark.parametrize("value", ["", "veel", "5", "100001", "1e4", "٣٠٠"])
def test_a_bound_on_connections_beyond_reason_stops_the_worker_from_starting(value: str) -> None:
    with pytest.raises(ValueError, match="WMO_HTTP_MAX_CONNECTIONS"):
        http_server._max_connections(value)
    assert http_server._max_connections("250") == 250


def test_refusals_are_not_logged_by_uvicorn_one_line_each(port: int) -> None:
    """The protocol logs its refusals at most once a second per code; uvicorn's warning per
    request it could not parse would undo that during a flood."""
    seen: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    handler = Collect(level=logging.DEBUG)
    logger = logging.getLogger("uvicorn.error")
    logger.addHandler(handler)
    try:
        before = _refusals("te-lang")
        for _ in range(5):
            [(status, _, _)] = responses(_exchange(port, _get("/x?" + "a" * 9000)))
            assert status == 414
        [(status, _, _)] = responses(_exchange(port, b"NIET HTTP\r\n\r\n"))
        assert status == 400
    finally:
        logger.removeHandler(handler)
    assert _refusals("te-lang") == before + 5
    assert [r.getMessage() for r in seen if "Invalid HTTP" in r.getMessage()] == []
