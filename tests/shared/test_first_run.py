"""The first run works: from an empty ``.local/``, ``make run`` (the launcher) and then
``make token`` give tokens every service accepts on its first request.

The launcher runs as on a fresh clone — its own folder, no key, no cluster — on free ports, as
a child process; the test reads the token it prints and calls all four services with it."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

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


def _read_token(proc: subprocess.Popen[str], timeout: float) -> tuple[str, list[str]]:
    assert proc.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line.rstrip())
        if line.strip().startswith("export TOKEN="):
            return line.strip().removeprefix("export TOKEN="), seen
    raise AssertionError("the launcher printed no token:\n" + "\n".join(seen[-40:]))


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
        printed, _ = _read_token(proc, timeout=240)
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
            out, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        _stop_leftover_postgres(local / "pgdata")
    assert proc.returncode == 0, out[-3000:]
    assert "stopped: services and PostgreSQL" in out


def test_key_creation_is_atomic_and_the_first_writer_wins(tmp_path: Path) -> None:
    """Processes that create the key at once all end up with the same key; no reader ever
    sees a partial file; no temporary file is left behind."""
    path = tmp_path / "keys" / "dev-jwt-key.pem"
    script = (
        "import sys; from pathlib import Path; "
        "from cryptography.hazmat.primitives import serialization as s; "
        "from wmo_shared.auth import ensure_dev_key; "
        "k = ensure_dev_key(Path(sys.argv[1])); "
        "print(k.public_key().public_bytes(s.Encoding.PEM, "
        "s.PublicFormat.SubjectPublicKeyInfo).decode().replace(chr(10), ''))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(6)
    ]
    publics = {p.communicate(timeout=120)[0].strip() for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(publics) == 1
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert ensure_dev_key(path).public_key().public_numbers() == (
        ensure_dev_key(path).public_key().public_numbers()
    )
