"""The cursor store: per consumer of a feed, the last cursor whose rows are durably written.

One small JSON file per consumer (``<state-dir>/<gemeente>/<consumer>.json``), replaced
atomically (temp file, fsync, rename, fsync of the directory). Besides the cursor it holds the
open run of an export (its part file and the part's committed size), so that the cursor and the
amount of data it covers always change together, in one rename.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wmo_exchange.durable import atomic_write

STATE_VERSION = 1


@dataclass
class FeedState:
    consumer: str
    cursor: str | None = None
    run: dict[str, Any] | None = None  # the open (unfinished) run of an export
    updated_op: str | None = None
    history: list[dict[str, Any]] = field(default_factory=list)  # last finished runs


class StateError(RuntimeError):
    """The state file exists but cannot be read: never guess a cursor (gap or duplicates)."""


class CursorStore:
    def __init__(self, root: Path, namespace: str | None = None) -> None:
        self.root = root / namespace if namespace else root

    def path(self, consumer: str) -> Path:
        return self.root / f"{consumer}.json"

    def load(self, consumer: str) -> FeedState:
        path = self.path(consumer)
        if not path.exists():
            return FeedState(consumer=consumer)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("versie") != STATE_VERSION or raw.get("consumer") != consumer:
                raise ValueError("onbekende versie of consument")
            return FeedState(
                consumer=consumer,
                cursor=raw.get("cursor"),
                run=raw.get("run"),
                updated_op=raw.get("updatedOp"),
                history=list(raw.get("history") or []),
            )
        except (ValueError, OSError) as exc:
            raise StateError(f"cursorbestand {path} is onleesbaar: {exc}") from exc

    def save(self, state: FeedState) -> None:
        state.updated_op = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        data = asdict(state)
        body = {
            "versie": STATE_VERSION,
            "consumer": data["consumer"],
            "cursor": data["cursor"],
            "run": data["run"],
            "updatedOp": data["updated_op"],
            "history": data["history"][-20:],
        }
        atomic_write(self.path(state.consumer), json.dumps(body, indent=2).encode() + b"\n")
