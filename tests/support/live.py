"""The four services as real uvicorn processes on free ports (the e2e stack), with httpx clients
that hold every JSON 2xx answer to the service's published OpenAPI."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import httpx

from tests.support.contract import OpenApiContract
from wmo_dev.stack import wait_ready
from wmo_shared.db.bootstrap import SERVICES
from wmo_shared.http_server import UVICORN_ARGS

OPENAPI_PATH = "/api/v1/openapi.json"


def free_ports(n: int) -> list[int]:
    """n distinct free ports: the sockets stay open until all are chosen, so the operating
    system cannot hand out one port twice."""
    sockets = [socket.socket() for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in sockets]
    finally:
        for s in sockets:
            s.close()


class Stack:
    """The services against the database whose environment is ``env`` (``TestDatabase.env``)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.ports = dict(zip(SERVICES, free_ports(len(SERVICES)), strict=True))
        self.env = dict(env)
        for svc in SERVICES:
            p = svc.upper()
            self.env[f"{p}_PUBLIC_URL"] = self.url(svc)
            self.env[f"{p}_JSON_LOGS"] = "false"
            self.env[f"{p}_OUTBOX_POLL_SECONDS"] = "0.2"
            for other in SERVICES:
                if other != svc:
                    self.env[f"{p}_{other.upper()}_URL"] = self.url(other)
        # As the image's entrypoint runs a worker: without docstrings and asserts (-OO).
        self.env["PYTHONOPTIMIZE"] = "2"
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self._contracts: dict[str, OpenApiContract] = {}

    def url(self, svc: str) -> str:
        return f"http://127.0.0.1:{self.ports[svc]}"

    def start(self, svc: str, *, wait: bool = False) -> None:
        self._spawn(svc, svc)
        if wait:
            wait_ready([self.url(svc)], timeout=90)

    def start_replica(self, svc: str, *, wait: bool = False) -> str:
        """Another instance of ``svc`` on a free port of its own, with the same environment (the
        same database, its own outbox relay). Returns its name (``"intake#2"``, ...), which
        ``url``, ``client``, ``kill`` and ``stop`` take like a service name; the peers of every
        instance stay the first instances (``ensure_running`` looks after those only)."""
        n = 2
        while f"{svc}#{n}" in self.ports:
            n += 1
        name = f"{svc}#{n}"
        self.ports[name] = free_ports(1)[0]
        self._spawn(name, svc)
        if wait:
            wait_ready([self.url(name)], timeout=90)
        return name

    def _spawn(self, name: str, svc: str) -> None:
        self.procs[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                f"wmo_{svc}.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.ports[name]),
                *UVICORN_ARGS,
            ],
            env={**os.environ, **self.env},
        )

    def ensure_running(self) -> None:
        """Every service up (a test that killed one and failed before restarting it does not
        take the next tests down with it)."""
        down = [s for s in SERVICES if s not in self.procs or self.procs[s].poll() is not None]
        for svc in down:
            self.start(svc)
        if down:
            wait_ready([self.url(s) for s in down], timeout=90)

    def kill(self, svc: str) -> None:
        proc = self.procs.pop(svc)
        proc.kill()
        proc.wait(timeout=10)

    def stop(self) -> None:
        for proc in self.procs.values():
            proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.procs.clear()

    def contract(self, svc: str) -> OpenApiContract:
        """The service's published OpenAPI, fetched once."""
        if svc not in self._contracts:
            response = httpx.get(self.url(svc) + OPENAPI_PATH, timeout=15)
            response.raise_for_status()
            self._contracts[svc] = OpenApiContract(response.json())
        return self._contracts[svc]

    def client(self, svc: str, **kwargs: Any) -> httpx.Client:
        """An httpx client of ``svc`` (use it as a context manager); every JSON 2xx answer is
        validated against the schema its route publishes."""
        kwargs.setdefault("timeout", 15)
        return httpx.Client(
            base_url=self.url(svc),
            event_hooks={"response": [self.contract(svc).sync_hook]},
            **kwargs,
        )


@contextmanager
def running(
    env: dict[str, str], services: Sequence[str] = SERVICES, **settings: str
) -> Iterator[Stack]:
    """``services`` as real processes with ``settings`` added to their environment (each key as
    ``<SVC>_<KEY>``, e.g. ``OTLP_ENDPOINT=...``), up and ready while the block runs."""
    stack = Stack(env)
    for svc in services:
        stack.env |= {f"{svc.upper()}_{key}": value for key, value in settings.items()}
    try:
        for svc in services:
            stack.start(svc)
        wait_ready([stack.url(s) for s in services], timeout=90)
        yield stack
    finally:
        stack.stop()
