"""An ASGI app served by uvicorn with the services' HTTP protocol in a thread of the test, on a
free port: for tests of what the server itself does over a real socket."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from tests.support.live import free_ports
from wmo_shared import http_server


@contextmanager
def serving(app: Any, **config: Any) -> Iterator[tuple[uvicorn.Server, threading.Thread, int]]:
    """(server, its thread, port) once it accepts connections; stopped afterwards."""
    port = free_ports(1)[0]
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            http=http_server.HttpProtocol,
            lifespan="off",
            log_level="warning",
            **config,
        )
    )
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield server, thread, port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
