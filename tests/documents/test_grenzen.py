"""wmo_documents is a library below the services: it imports wmo_shared and third-party
packages, never a service (the intake passes computed dates in with the content)."""

from __future__ import annotations

import ast
from pathlib import Path

import wmo_documents

VERBODEN = ("wmo_intake", "wmo_pgb", "wmo_indicatie", "wmo_finance", "wmo_exchange", "wmo_dev")


def test_geen_service_imports() -> None:
    for bestand in Path(wmo_documents.__file__).parent.rglob("*.py"):
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            namen: list[str] = []
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.module:
                namen = [knoop.module]
            for naam in namen:
                assert not naam.startswith(VERBODEN), f"{bestand.name} imports {naam}"
