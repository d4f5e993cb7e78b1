"""A worker that stops (SIGTERM, as Kubernetes stops a pod in a rolling update) does not break
the keep-alive connections its clients are about to use (``wmo_shared.http_server``): the next
request on one is answered with ``Connection: close``, and an idle one is closed only after
``DRAIN_SECONDS``. Over a real socket to uvicorn with the services' protocol."""

from __future__ import annotations

import socket
import time
from typing import Any

from tests.support.raw_http import read_all, responses
from tests.support.uvicorn_thread import serving
from wmo_shared import http_server


async def _ok(scope: dict[str, Any], receive: Any, send: Any) -> None:
    while (await receive()).get("more_body"):
        pass
    body = b'{"ok": true}'
    headers = [(b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


REQUEST = b"GET /x HTTP/1.1\r\nHost: proef\r\n\r\n"


def _answer(s: socket.socket) -> bytes:
    """One answer of ``_ok`` on a kept-alive connection (its length is known)."""
    data = b""
    while not data.endswith(b'{"ok": true}'):
        chunk = s.recv(65536)
        assert chunk, "the server closed the connection before answering"
        data += chunk
    return data


def _still_open(s: socket.socket) -> bool:
    """Nothing to read and no end of the connection yet."""
    timeout = s.gettimeout()
    s.setblocking(False)
    try:
        s.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    finally:
        s.settimeout(timeout)
    return False


def test_connections_kept_alive_are_drained_not_broken_when_the_worker_stops() -> None:
    with serving(_ok, timeout_keep_alive=30) as (server, thread, port):
        busy = socket.create_connection(("127.0.0.1", port), timeout=10)
        idle = socket.create_connection(("127.0.0.1", port), timeout=http_server.DRAIN_SECONDS + 10)
        try:
            for s in (busy, idle):
                s.sendall(REQUEST)
                assert b"connection: close" not in _answer(s).lower()
            server.should_exit = True  # what uvicorn's SIGTERM handler sets
            time.sleep(0.5)
            assert thread.is_alive(), "the worker did not wait for its connections"
            assert _still_open(idle), "an idle connection was closed at once"

            # the next request on a kept-alive connection is served, and it is the last
            busy.sendall(REQUEST)
            [(status, headers, body)] = responses(read_all(busy))
            assert (status, body) == (200, b'{"ok": true}')
            assert headers["connection"] == "close"

            # a connection that stays idle is closed by the server, without an answer
            assert idle.recv(65536) == b""
            thread.join(timeout=10)
            assert not thread.is_alive(), "the worker did not stop once its connections closed"
        finally:
            busy.close()
            idle.close()
