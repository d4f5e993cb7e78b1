"""CAK and SVB exports: files, cursor, resume after an interruption, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exchange.fakes import Crash, FakeServices, cak_rows, tkb_rows
from tests.exchange.support import Cli
from wmo_exchange.cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_REQUEST_FAILED, EXIT_STATE
from wmo_exchange.formats.cak import read_cak_file
from wmo_exchange.formats.tkb import read_tkb_file
from wmo_exchange.state import CursorStore

CAK = "/api/v1/cak-mutaties"
SVB = "/api/v1/svb-toekenningen"


def data_files(out: Path, pattern: str) -> list[Path]:
    return sorted(p for p in out.glob(pattern) if not p.name.startswith("."))


def cak_volgnummers(out: Path) -> list[int]:
    numbers: list[int] = []
    for path in data_files(out, "cak-mutaties-*.jsonl"):
        _, mutaties = read_cak_file(path)
        numbers += [m.volgnummer for m in mutaties]
    return numbers


def cursor(cli: Cli, consumer: str) -> str | None:
    return CursorStore(cli.state, "0085").load(consumer).cursor


def test_cak_export_writes_all_pages_to_one_file_and_saves_the_cursor(tmp_path: Path) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(35)})
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_OK
    files = data_files(cli.out, "cak-mutaties-0085-*.jsonl")
    assert len(files) == 1
    header, mutaties = read_cak_file(files[0])
    assert header["formaat"] == "wmo-exchange/cak-mutaties" and header["gemeente"] == "0085"
    assert [m.volgnummer for m in mutaties] == list(range(1, 36))
    assert len(fake.gets) == 4  # pages of 10: 10, 10, 10, 5
    assert cursor(cli, "cak-mutaties") == "35"
    summaries = list(cli.out.glob("cak-mutaties-*.samenvatting.json"))
    summary = json.loads(summaries[0].read_text())
    assert summary["rijen"] == 35 and summary["paginas"] == 4 and summary["afgekeurd"] == 0
    assert summary["vanafCursor"] is None and summary["totCursor"] == "35"
    assert "35 rijen in 4 pagina's" in cli.stdout
    assert not list(cli.out.glob(".*.part"))

    # the next run starts at the saved cursor: only the new rows, in a new file
    fake.feeds[CAK] += cak_rows(3, start=36)
    assert cli.export("cak") == EXIT_OK
    assert fake.gets[-1].url.params["cursor"] == "35"
    assert cak_volgnummers(cli.out) == list(range(1, 39))


def test_nothing_new_writes_no_data_file(tmp_path: Path) -> None:
    fake = FakeServices(feeds={CAK: []})
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_OK
    assert data_files(cli.out, "cak-mutaties-*.jsonl") == []
    assert "0 rijen" in cli.stdout


@pytest.mark.parametrize("crash_on_get", [2, 3, 4])
def test_killed_between_pages_resumes_without_duplicates_or_gaps(
    tmp_path: Path, crash_on_get: int
) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(35)}, fail_on_get=crash_on_get, fail_with=Crash())
    cli = Cli(fake, tmp_path)
    with pytest.raises(Crash):
        cli.export("cak")
    assert data_files(cli.out, "cak-mutaties-*.jsonl") == []  # only the hidden part file
    assert cursor(cli, "cak-mutaties") == str((crash_on_get - 1) * 10)

    fake.fail_on_get = None
    assert cli.export("cak") == EXIT_OK
    assert fake.gets[-1].url.params["cursor"] == "30"
    assert cak_volgnummers(cli.out) == list(range(1, 36))
    assert "(hervat)" in cli.stdout


def test_killed_after_writing_a_page_but_before_saving_its_cursor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst moment: rows of page 3 are on disk, the cursor still says page 2."""
    fake = FakeServices(feeds={CAK: cak_rows(35)})
    cli = Cli(fake, tmp_path)
    original = CursorStore.save
    calls = {"n": 0}

    def save(self: CursorStore, state: object) -> None:
        calls["n"] += 1
        if calls["n"] == 4:  # 1: run opened, 2: page 1, 3: page 2, 4: page 3
            raise Crash()
        original(self, state)  # type: ignore[arg-type]

    monkeypatch.setattr(CursorStore, "save", save)
    with pytest.raises(Crash):
        cli.export("cak")
    monkeypatch.setattr(CursorStore, "save", original)
    part = next(cli.out.glob(".cak-mutaties-*.part"))
    assert part.read_text().count('"recordtype":"mutatie"') == 30  # page 3 is in the part
    assert cursor(cli, "cak-mutaties") == "20"

    assert cli.export("cak") == EXIT_OK
    assert cak_volgnummers(cli.out) == list(range(1, 36))


def test_killed_after_the_final_rename_does_not_write_the_rows_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(15)})
    cli = Cli(fake, tmp_path)
    original = CursorStore.save
    calls = {"n": 0}

    def save(self: CursorStore, state: object) -> None:
        calls["n"] += 1
        if calls["n"] == 4:  # 1: open, 2-3: pages, 4: run closed after the rename
            raise Crash()
        original(self, state)  # type: ignore[arg-type]

    monkeypatch.setattr(CursorStore, "save", save)
    with pytest.raises(Crash):
        cli.export("cak")
    monkeypatch.setattr(CursorStore, "save", original)
    assert len(data_files(cli.out, "cak-mutaties-*.jsonl")) == 1

    gets = len(fake.gets)
    assert cli.export("cak") == EXIT_OK
    assert len(fake.gets) == gets  # closed the finished run without reading again
    assert cak_volgnummers(cli.out) == list(range(1, 16))
    assert CursorStore(cli.state, "0085").load("cak-mutaties").run is None


def test_ctrl_c_exits_130_and_resumes(tmp_path: Path) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(25)}, fail_on_get=2, fail_with=KeyboardInterrupt())
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_INTERRUPTED
    fake.fail_on_get = None
    assert cli.export("cak") == EXIT_OK
    assert cak_volgnummers(cli.out) == list(range(1, 26))


def test_a_failing_service_exits_3_and_keeps_what_was_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wmo_exchange.http.time.sleep", lambda _s: None)
    fake = FakeServices(feeds={CAK: cak_rows(25)}, unavailable_from_get=2)
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_REQUEST_FAILED
    assert len(fake.gets) == 5  # page 1, then page 2 tried 1 + 3 retries
    assert cursor(cli, "cak-mutaties") == "10"
    fake.unavailable_from_get = None
    assert cli.export("cak") == EXIT_OK
    assert cak_volgnummers(cli.out) == list(range(1, 26))


def test_a_row_outside_the_contract_fails_the_run_without_moving_the_cursor(
    tmp_path: Path,
) -> None:
    rows = cak_rows(15)
    rows[12]["bsn"] = "123456789"  # fails the 11-proef
    fake = FakeServices(feeds={CAK: rows})
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_REQUEST_FAILED
    assert cursor(cli, "cak-mutaties") == "10"


def test_rereading_from_an_old_cursor_is_safe(tmp_path: Path) -> None:
    """A restored (older) state file re-exports rows the receiver already has: same rows, same
    volgnummers, so the receiver can drop what it has seen; nothing is lost."""
    fake = FakeServices(feeds={CAK: cak_rows(20)})
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_OK
    store = CursorStore(cli.state, "0085")
    state = store.load("cak-mutaties")
    state.cursor = "10"
    store.save(state)
    assert cli.export("cak") == EXIT_OK
    numbers = cak_volgnummers(cli.out)
    assert sorted(set(numbers)) == list(range(1, 21))


def test_removed_part_file_restarts_the_run_from_where_it_began(
    tmp_path: Path,
) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(25)}, fail_on_get=3, fail_with=Crash())
    cli = Cli(fake, tmp_path)
    with pytest.raises(Crash):
        cli.export("cak")
    next(cli.out.glob(".cak-mutaties-*.part")).unlink()
    fake.fail_on_get = None
    assert cli.export("cak") == EXIT_OK
    assert cak_volgnummers(cli.out) == list(range(1, 26))


def test_unreadable_state_exits_4_and_guesses_nothing(tmp_path: Path) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(5)})
    cli = Cli(fake, tmp_path)
    path = CursorStore(cli.state, "0085").path("cak-mutaties")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert cli.export("cak") == EXIT_STATE
    assert fake.gets == []


def test_svb_export_writes_the_tkb_csv(tmp_path: Path) -> None:
    fake = FakeServices(feeds={SVB: tkb_rows(12)})
    cli = Cli(fake, tmp_path)
    assert cli.export("svb") == EXIT_OK
    [path] = data_files(cli.out, "svb-tkb-0085-*.csv")
    rows = list(read_tkb_file(path))
    assert [r.volgnummer for r in rows] == list(range(1, 13))
    lines = path.read_text().splitlines()
    assert lines[0].startswith("volgnummer,gemeente,bsn,budgetId,versie,beschikkingId")
    assert ",12345.60,nee," in lines[1] and ",0.00,ja," in lines[2]
    summary = json.loads(next(cli.out.glob("svb-tkb-*.samenvatting.json")).read_text())
    assert summary["rijen"] == 12 and len(summary["sha256"]) == 64
    assert cursor(cli, "svb-tkb") == "12"


def test_cursors_are_kept_per_consumer_and_per_gemeente(tmp_path: Path) -> None:
    fake = FakeServices(feeds={CAK: cak_rows(5), SVB: tkb_rows(7)})
    cli = Cli(fake, tmp_path)
    assert cli.export("cak") == EXIT_OK
    assert cli.export("svb") == EXIT_OK
    assert sorted(p.name for p in (cli.state / "0085").iterdir()) == [
        "cak-mutaties.json",
        "svb-tkb.json",
    ]
    assert cursor(cli, "cak-mutaties") == "5" and cursor(cli, "svb-tkb") == "7"
