"""What a single-file export format provides to the export engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel


@dataclass(frozen=True)
class RunMeta:
    """Facts of one export run, fixed when the run starts (a resumed run keeps them)."""

    run_id: str
    gemeente: str | None
    aangemaakt_op: str  # ISO datetime, UTC
    vanaf_cursor: str | None


class FileFormat(Protocol):
    naam: str  # file name prefix, e.g. "cak-mutaties"
    extensie: str  # e.g. ".jsonl"

    def header(self, meta: RunMeta) -> bytes: ...

    def rows(self, rows: Sequence[BaseModel]) -> bytes: ...

    def trailer(self, meta: RunMeta, summary: dict[str, Any]) -> bytes: ...
