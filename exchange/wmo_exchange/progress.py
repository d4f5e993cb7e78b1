"""A rich progress display on stderr, only when a person watches (stdout and stderr are TTYs).

Feeds do not say how many rows wait, so it shows rows and pages done and the rate."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import Progress as RichProgress


def interactive() -> bool:
    return sys.stdout.isatty() and sys.stderr.isatty()


class Progress:
    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = interactive() if enabled is None else enabled
        self._progress: RichProgress | None = None
        self._task: TaskID | None = None

    def start(self, description: str, already: int = 0, total: int | None = None) -> None:
        if not self.enabled:
            return
        self._progress = RichProgress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(description, total=total, completed=already, rate="")

    def advance(self, n: int) -> None:
        if self._progress is None or self._task is None:
            return
        self._progress.advance(self._task, n)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:,.0f} rijen/s" if speed else "")

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
