"""The cursor store: atomic replacement, per consumer, never a guessed cursor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wmo_exchange.durable import AppendFile, atomic_write
from wmo_exchange.state import CursorStore, FeedState, StateError


def test_save_and_load(tmp_path: Path) -> None:
    store = CursorStore(tmp_path, "0085")
    assert store.load("cak-mutaties") == FeedState(consumer="cak-mutaties")
    store.save(FeedState(consumer="cak-mutaties", cursor="42", run={"rijen": 3}))
    state = store.load("cak-mutaties")
    assert state.cursor == "42" and state.run == {"rijen": 3} and state.updated_op
    assert store.path("cak-mutaties") == tmp_path / "0085" / "cak-mutaties.json"


def test_a_crash_during_save_leaves_the_previous_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CursorStore(tmp_path)
    store.save(FeedState(consumer="svb-tkb", cursor="10"))

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.save(FeedState(consumer="svb-tkb", cursor="20"))
    monkeypatch.undo()
    assert store.load("svb-tkb").cursor == "10"  # the temp file is left, the state is whole


def test_save_fsyncs_file_and_directory_before_and_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda a, b: (events.append("rename"), real_replace(a, b))[1]
    )
    atomic_write(tmp_path / "x.json", b"{}")
    assert events == ["fsync", "rename", "fsync"]


def test_unreadable_or_foreign_state_raises(tmp_path: Path) -> None:
    store = CursorStore(tmp_path)
    store.path("a").parent.mkdir(parents=True, exist_ok=True)
    store.path("a").write_text("{half")
    with pytest.raises(StateError):
        store.load("a")
    store.save(FeedState(consumer="b", cursor="1"))
    store.path("a").write_bytes(store.path("b").read_bytes())  # another consumer's file
    with pytest.raises(StateError):
        store.load("a")


def test_append_file_reopened_drops_what_was_not_committed(tmp_path: Path) -> None:
    path = tmp_path / "part"
    f = AppendFile(path)
    committed = f.append(b"header\n")
    f.append(b"row not covered by a saved cursor\n")
    f.close()
    f = AppendFile(path, committed)
    f.append(b"row\n")
    f.close()
    assert path.read_bytes() == b"header\nrow\n"
