"""Running the CLI in-process against the fake services."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from tests.exchange.fakes import FakeServices, today, token
from wmo_exchange.cli import run


class Cli:
    def __init__(self, fake: FakeServices, tmp: Path) -> None:
        self.fake = fake
        self.state = tmp / "state"
        self.out = tmp / "out"
        self.stdout = ""

    def __call__(self, *argv: str, limit: int = 10) -> int:
        buf = io.StringIO()
        code = run(
            [
                *argv,
                "--token",
                token(),
                "--state-dir",
                str(self.state),
                "--limit",
                str(limit),
            ],
            transport=self.fake.transport(),
            progress=False,
            today=today(),
            console=Console(file=buf, width=200),
        )
        self.stdout = buf.getvalue()
        return code

    def export(self, group: str, *extra: str, limit: int = 10) -> int:
        return self(group, "export", "--out", str(self.out), *extra, limit=limit)
