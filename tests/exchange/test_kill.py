"""A real process, really killed (SIGKILL and SIGTERM) in the middle of an export, then run
again: the file holds every row exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.exchange.fakes import token
from wmo_exchange.cli import EXIT_INTERRUPTED, EXIT_OK
from wmo_exchange.devfeed import SyntheticFeed
from wmo_exchange.formats.cak import read_cak_file
from wmo_iwmo.xsd import validate

ROOT = Path(__file__).resolve().parents[2]


def command(feed: SyntheticFeed, tmp: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "wmo_exchange.cli",
        "cak",
        "export",
        "--out",
        str(tmp / "out"),
        "--state-dir",
        str(tmp / "state"),
        "--finance-url",
        feed.url,
        "--token",
        token(),
        "--limit",
        "50",
    ]


def env() -> dict[str, str]:
    path = os.pathsep.join([str(ROOT / "exchange"), str(ROOT), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_process_resumes_exactly_once(tmp_path: Path, sig: signal.Signals) -> None:
    with SyntheticFeed(1000, delay=0.02) as feed:
        proc = subprocess.Popen(command(feed, tmp_path), env=env(), stdout=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while feed.pages_served < 6 and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.send_signal(sig)
        code = proc.wait(timeout=30)
        assert code == (-signal.SIGKILL if sig == signal.SIGKILL else EXIT_INTERRUPTED)
        assert not list((tmp_path / "out").glob("cak-mutaties-*.jsonl"))

        done = subprocess.run(
            command(feed, tmp_path), env=env(), capture_output=True, timeout=60, check=False
        )
        assert done.returncode == EXIT_OK, done.stderr
    [path] = (tmp_path / "out").glob("cak-mutaties-*.jsonl")
    _, mutaties = read_cak_file(path)
    assert [m.volgnummer for m in mutaties] == list(range(1, 1001))
    assert b"(hervat)" in done.stdout


def _children(pid: int) -> list[int]:
    """The worker processes of the CLI (Linux /proc; the pool's resource tracker included)."""
    kinderen: list[int] = []
    for taak in Path(f"/proc/{pid}/task").iterdir():
        kinderen += [int(k) for k in (taak / "children").read_text().split()]
    return kinderen


def test_killed_wmo301_export_leaves_only_complete_messages(tmp_path: Path) -> None:
    """Pages of 1000 go to the worker processes; a SIGKILL of the CLI mid-run leaves under a
    final name only valid messages, and the rerun makes each message exactly once."""
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "wmo_exchange.cli",
        "toewijzingen",
        "export",
        "--out",
        str(out),
        "--state-dir",
        str(tmp_path / "state"),
        "--limit",
        "1000",
        "--token",
        token(),
    ]
    with SyntheticFeed(6000, delay=0.05, kind="toewijzingen") as feed:
        cmd += ["--base-url", feed.url]
        proc = subprocess.Popen(cmd, env=env(), stdout=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while feed.pages_served < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        workers = _children(proc.pid)
        assert workers  # pages of 1000 rows run in the pool
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
        # the orphaned workers leave too (they cannot be told to: the parent is gone)
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if Path(f"/proc/{w}").exists()]
        for path in out.glob("*/*.xml"):
            assert validate("WMO301", path.read_bytes()) == [], path
        done = subprocess.run(cmd, env=env(), capture_output=True, timeout=120, check=False)
        assert done.returncode == EXIT_OK, done.stderr
    names = sorted(p.name for p in out.glob("*/*.xml"))
    assert names == sorted(f"WMO301-0085-T{n:011d}.xml" for n in range(1, 6001))
