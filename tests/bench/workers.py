"""The Python each benchmarked service runs on: per service a virtual environment as its image
holds it (Dockerfile: ``uv sync --no-dev --package wmo-<service>``, bytecode compiled), so that
the figures, memory above all, are those of a production worker; each serves its OpenAPI
document from the file the image build would write and runs with -OO, as the image's entrypoint
starts a worker (``production_env``).

The development environment differs in two ways that count: it holds the development packages
(rich, pygments and attrs are imported by structlog and httpx when present: ~4 MB per worker),
and with ``PYTHONDONTWRITEBYTECODE`` set (as on this machine) every worker compiles every module
from source as it starts, whose parser arenas leave the heap fragmented (~1–2 MB per worker,
2–3 s of CPU per start). The workspace packages stay editable here (the benchmark measures the
checkout); their bytecode is compiled next to them as the image compiles its copy."""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENVS = ROOT / ".local" / "bench-venvs"
WORKSPACE_SOURCES = ("shared", "iwmo", "documents", "exchange")
# As the Dockerfile installs a service, with its bytecode compiled (UV_COMPILE_BYTECODE there).
_SYNC = ("sync", "--frozen", "--no-dev", "--compile-bytecode", "--quiet", "--package")


def _uv() -> str:
    # `uv run` tells its children where it is; otherwise the one on PATH.
    found = os.environ.get("UV") or shutil.which("uv")
    if found is None:
        raise SystemExit("make bench needs uv (make setup installs it)")
    return found


def production_pythons(services: Iterable[str]) -> dict[str, str]:
    """Per service the interpreter of its production-shaped environment, created or brought
    up to date from the lock (quick when nothing changed)."""
    services = list(services)
    for source in (*WORKSPACE_SOURCES, *(f"services/{service}" for service in services)):
        compileall.compile_dir(ROOT / source, quiet=1, workers=0, optimize=[0, 2])
    pythons = {}
    for service in services:
        venv = VENVS / service
        subprocess.run(
            [_uv(), *_SYNC, f"wmo-{service}"],
            cwd=ROOT,
            env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv)},
            check=True,
        )
        python = str(venv / "bin" / "python")
        # The -OO bytecode the image compiles too (Dockerfile).
        subprocess.run(
            [python, "-OO", "-m", "compileall", "-qq", "-j0", str(venv / "lib")], check=True
        )
        pythons[service] = python
    return pythons


def production_env(pythons: dict[str, str]) -> dict[str, str]:
    """What the image's entrypoint sets for a worker: per service its OpenAPI document, written
    as the image build writes it, served from the file (``<SERVICE>_OPENAPI_FILE``), and no
    docstrings or asserts (``PYTHONOPTIMIZE=2``: 5.5 MB less per worker)."""
    env = {"PYTHONOPTIMIZE": "2"}
    for service, python in pythons.items():
        target = VENVS / service / "openapi.json"
        subprocess.run(
            [python, "-m", "wmo_shared.openapi_file", service, str(target)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        env[f"{service.upper()}_OPENAPI_FILE"] = str(target)
    return env


if __name__ == "__main__":  # prints where they are: python -m tests.bench.workers intake
    for name, python in production_pythons(sys.argv[1:]).items():
        print(name, python)
