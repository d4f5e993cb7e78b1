"""One shape (README, ../shared/spec/style.md): the layout every service follows, checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SERVICES = ("intake", "pgb", "indicatie", "finance")
LAYERS = ("api", "schemas", "service", "db", "domain", "clients")
MAX_LINES = 400
# Over the limit and being split (empty this as they are).
SPLIT_PENDING: set[str] = set()
EXECUTE = re.compile(r"\.execute\(|\.executemany\(|\.fetch(row|val)?\(")


def _production_files() -> list[Path]:
    roots = [ROOT / "shared", ROOT / "iwmo", ROOT / "devtools", ROOT / "exchange"]
    roots += [ROOT / "services" / s for s in SERVICES]
    return [
        f
        for r in roots
        for f in r.rglob("*.py")
        if "migrations" not in f.parts and ".venv" not in f.parts
    ]


@pytest.mark.parametrize("service", SERVICES)
def test_service_has_the_one_shape(service: str) -> None:
    package = ROOT / "services" / service / f"wmo_{service}"
    for layer in LAYERS:
        assert (package / layer / "__init__.py").exists(), f"{service} has no {layer}/"
    for name in ("main.py", "settings.py", "migrations"):
        assert (package / name).exists(), f"{service} has no {name}"
    strays = sorted(
        p.name
        for p in package.glob("*.py")
        if p.name not in {"__init__.py", "main.py", "settings.py", "migrate.py", "version.py"}
    )
    assert not strays, f"{service}: modules outside the layers: {strays}"


@pytest.mark.parametrize("service", SERVICES)
def test_queries_run_only_in_db(service: str) -> None:
    package = ROOT / "services" / service / f"wmo_{service}"
    offenders = [
        str(f.relative_to(package))
        for f in package.rglob("*.py")
        if f.parent.name != "db" and "migrations" not in f.parts and EXECUTE.search(f.read_text())
    ]
    assert not offenders, f"{service} runs queries outside db/: {offenders}"


def test_production_files_are_small() -> None:
    big = {
        str(f.relative_to(ROOT)): n
        for f in _production_files()
        if (n := len(f.read_text().splitlines())) > MAX_LINES
        and str(f.relative_to(ROOT)) not in SPLIT_PENDING
    }
    assert not big, f"files over {MAX_LINES} lines (split by concept): {big}"
