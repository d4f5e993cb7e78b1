"""A stand-in for a module's structlog logger (``monkeypatch.setattr(module, "log", ...)``):
what the code told the operator, whatever logging configuration earlier tests left behind."""

from __future__ import annotations

from typing import Any


class RecordedLog:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str, dict[str, Any]]] = []  # (level, event, fields)

    def __getattr__(self, level: str) -> Any:
        return lambda event, **fields: self.lines.append((level, event, fields))

    def events(self, event: str) -> list[tuple[str, dict[str, Any]]]:
        return [(level, fields) for level, name, fields in self.lines if name == event]
