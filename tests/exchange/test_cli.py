"""CLI surface: usage errors, the entry point, progress only on a terminal, 4xx not retried."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.exchange.fakes import FakeServices, cak_rows, token
from tests.exchange.support import Cli
from wmo_exchange.cli import EXIT_OK, EXIT_REQUEST_FAILED, EXIT_USAGE, main, token_gemeente
from wmo_exchange.progress import Progress

ROOT = Path(__file__).resolve().parents[2]


def test_entry_point_is_declared() -> None:
    project = tomllib.loads((ROOT / "exchange" / "pyproject.toml").read_text())["project"]
    assert project["name"] == "wmo-exchange"
    assert project["scripts"] == {"wmo-exchange": "wmo_exchange.cli:main"}


def test_help_exits_0_and_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "toewijzingen" in capsys.readouterr().out
    assert main(["cak", "import", "x"]) == EXIT_USAGE
    assert main(["cak", "export"]) == EXIT_USAGE  # --out is required
    assert main(["cak", "export", "--out", "x", "--limit", "0"]) == EXIT_USAGE


def test_progress_is_off_when_output_is_not_a_terminal() -> None:
    assert Progress().enabled is False  # pytest captures stdout: not a TTY
    progress = Progress(enabled=False)
    progress.start("x")
    progress.advance(10)
    progress.stop()


def test_token_gemeente_names_the_state_namespace() -> None:
    assert token_gemeente(token("1234")) == "1234"
    assert token_gemeente("not-a-jwt") is None
    assert token_gemeente(None) is None


def test_a_4xx_is_not_retried_and_exits_3(tmp_path: Path) -> None:
    fake = FakeServices(feeds={"/api/v1/cak-mutaties": cak_rows(3)})
    fake.feeds.pop("/api/v1/cak-mutaties")  # unknown path: 404 problem
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_REQUEST_FAILED
    assert len(fake.requests) == 1


def test_the_feed_request_carries_token_cursor_and_limit(tmp_path: Path) -> None:
    fake = FakeServices(feeds={"/api/v1/cak-mutaties": cak_rows(3)})
    cli = Cli(fake, tmp_path)
    assert cli.export("cak", limit=2) == EXIT_OK
    first, second = fake.gets
    assert first.headers["authorization"] == f"Bearer {token()}"
    assert "cursor" not in first.url.params and first.url.params["limit"] == "2"
    assert second.url.params["cursor"] == "2"


def test_an_export_with_the_progress_display_on(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from tests.exchange.fakes import today
    from wmo_exchange.cli import run

    fake = FakeServices(feeds={"/api/v1/cak-mutaties": cak_rows(25)})
    code = run(
        [
            "cak",
            "export",
            "--out",
            str(tmp_path),
            "--token",
            token(),
            "--limit",
            "10",
            "--state-dir",
            str(tmp_path / "state"),
        ],
        transport=fake.transport(),
        progress=True,
        today=today(),
        console=Console(file=io.StringIO()),
    )
    assert code == EXIT_OK
