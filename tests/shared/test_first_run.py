"""The first run works: from an empty ``.local/``, ``make run`` (the launcher) and then
``make token`` give tokens every service accepts on its first request.

The launcher runs as on a fresh clone — its own folder, no key, no cluster — on free ports, as
a child process; the test reads the token it prints and calls all four services with it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from tests.shared.test_postgres_launcher import _durability
from tests.support.live import free_ports
from wmo_shared.auth import ensure_dev_key, mint_dev_token
from wmo_shared.db.bootstrap import SERVICES

# A route of each service that needs a valid token (the id does not exist: 404, not 401).
PROBES = {
    "intake": "/api/v1/clienten/{id}",
    "pgb": "/api/v1/budgetten/{id}",
    "indicatie": "/api/v1/indicaties/{id}",
    "finance": "/api/v1/tegemoetkomingen/{id}",
}


class Output:
    """The launcher's output, line by line, read by a thread (select() on a buffered text pipe
    can miss lines that were already read ahead)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self._ended = False
        threading.Thread(target=self._pump, args=(proc.stdout,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line.rstrip())
        self._lines.put(None)

    def next_line(self, deadline: float) -> str | None:
        if self._ended:
            return None
        try:
            line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return None
        if line is None:
            self._ended = True
            return None
        self.seen.append(line)
        return line

    def token(self, timeout: float) -> str:
        """The token of the ``export TOKEN=`` line."""
        deadline = time.monotonic() + timeout
        while (line := self.next_line(deadline)) is not None:
            if line.strip().startswith("export TOKEN="):
                return line.strip().removeprefix("export TOKEN=")
        raise AssertionError("the launcher printed no token:\n" + "\n".join(self.seen[-40:]))

    def rest(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while self.next_line(deadline) is not None:
            pass
        return "\n".join(self.seen)


@pytest.fixture
def fresh_clone() -> Iterator[Path]:
    # Not pytest's tmp_path: as root, the server runs as another user that must reach the data
    # folder, and pytest's base folder is private to root.
    root = Path(tempfile.mkdtemp(prefix="wmo-first-run-"))
    root.chmod(0o755)
    try:
        yield root
    finally:
        import shutil

        shutil.rmtree(root, ignore_errors=True)


def _stop_leftover_postgres(data: Path) -> None:
    pidfile = data / "postmaster.pid"
    with contextlib.suppress(FileNotFoundError, ValueError, ProcessLookupError, IndexError):
        os.kill(int(pidfile.read_text().splitlines()[0]), signal.SIGQUIT)


def test_make_run_then_make_token_work_on_the_first_request(fresh_clone: Path) -> None:
    local = fresh_clone / ".local"
    assert not local.exists()
    ports = free_ports(len(SERVICES))
    env = {k: v for k, v in os.environ.items() if not k.endswith("_DEV_KEY_FILE")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wmo_dev.stack", "run", "--ports", ",".join(map(str, ports))],
        cwd=fresh_clone,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = Output(proc)
        printed = output.token(timeout=300)
        # make run keeps PostgreSQL's durability defaults (issue 11)
        [pg_url] = [line.split()[1] for line in output.seen if line.strip().startswith("postgres ")]
        assert asyncio.run(_durability(pg_url)) == dict.fromkeys(
            ("fsync", "synchronous_commit", "full_page_writes"), "on"
        )
        key_file = local / "dev-jwt-key.pem"
        assert key_file.exists() and not list(local.glob(".dev-jwt-key.pem.*"))
        made = subprocess.run(
            [sys.executable, "-m", "wmo_dev.stack", "token", "--role", "gebiedsteam"],
            cwd=fresh_clone,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        # A token of another key (this test's own) is refused: the check below is real.
        stranger = mint_dev_token(
            fresh_clone / "other-key.pem", sub="x", roles=["gebiedsteam"], gemeente="0085"
        )
        for svc, port in zip(SERVICES, ports, strict=True):
            url = f"http://127.0.0.1:{port}" + PROBES[svc].format(id=uuid.uuid4())
            for token in (printed, made):
                first = httpx.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=15)
                assert first.status_code == 404, (svc, first.status_code, first.text)
            refused = httpx.get(url, headers={"Authorization": f"Bearer {stranger}"}, timeout=15)
            assert refused.status_code == 401, (svc, refused.status_code)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        _stop_leftover_postgres(local / "pgdata")
    out = output.rest(timeout=10)
    assert proc.returncode == 0, out[-3000:]
    assert "stopped: services and PostgreSQL" in out


_CREATE_KEY = """
import sys, time
from pathlib import Path
from cryptography.hazmat.primitives import serialization as s
from wmo_shared.auth import ensure_dev_key
print("ready", flush=True)
while not Path(sys.argv[2]).exists():
    time.sleep(0.001)
key = ensure_dev_key(Path(sys.argv[1]))
pem = key.public_key().public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo)
print(pem.decode().replace(chr(10), ""), flush=True)
"""


def test_key_creation_is_atomic_and_the_first_writer_wins(tmp_path: Path) -> None:
    """Processes that create the key at the same moment (released together once their imports
    are done) all end up with the same key; no temporary file is left behind."""
    path = tmp_path / "keys" / "dev-jwt-key.pem"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CREATE_KEY, str(path), str(go)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    go.touch()
    publics = {proc.communicate(timeout=120)[0].strip() for proc in procs}
    assert all(proc.returncode == 0 for proc in procs)
    assert len(publics) == 1
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    on_disk = ensure_dev_key(path).public_key()
    assert {
        on_disk.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        .decode()
        .replace("\n", "")
    } == publics
