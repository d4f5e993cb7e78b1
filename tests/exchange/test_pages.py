"""Feed pages: the one-pass reader (contract twins, validate_json per page) agrees with the
careful reader (each row through the contract model) on every row, and leaves every refusal
to the careful one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from tests.exchange.fakes import FakeServices, cak_rows, tkb_rows, toewijzing_rows
from tests.exchange.support import Cli
from wmo_exchange.cli import EXIT_REQUEST_FAILED
from wmo_exchange.durable import BatchWriter
from wmo_exchange.http import RequestFailed
from wmo_exchange.pages import PageReader, twin
from wmo_exchange.state import CursorStore
from wmo_shared.contracts import CakMutatie, SvbToekenning, ToewijzingFeedItem


def body(rows: list[dict[str, Any]], meer: bool = False) -> bytes:
    return json.dumps({"resultaten": rows, "volgendeCursor": "9", "meer": meer}).encode()


@pytest.mark.parametrize(
    ("model", "rows"),
    [
        (CakMutatie, cak_rows(7)),
        (SvbToekenning, tkb_rows(7)),
        (ToewijzingFeedItem, toewijzing_rows(7)),
    ],
)
def test_fast_and_careful_readers_agree(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    reader = PageReader(model)
    fast = reader.read("/feed", body(rows, meer=True))
    careful = reader.read_carefully("/feed", body(rows, meer=True))
    assert type(fast.rows[0]) is twin(model) and type(careful.rows[0]) is model
    assert (fast.next_cursor, fast.more) == (careful.next_cursor, careful.more) == ("9", True)
    assert [r.model_dump_json(by_alias=True) for r in fast.rows] == [
        r.model_dump_json(by_alias=True) for r in careful.rows
    ]
    assert twin(model).model_fields.keys() == model.model_fields.keys()


@pytest.mark.parametrize(
    "change",
    [
        {"achternaam": "Berg\x00"},  # the wildcard text check: only the careful path has it
        {"bsn": "123456789"},  # the 11-proef of the Bsn type
        {"aanbiederAgb": "1234"},
        {"onbekend": 1},
    ],
)
def test_what_the_contract_refuses_is_refused_with_the_contract_message(
    change: dict[str, Any],
) -> None:
    rows = toewijzing_rows(3)
    rows[1].update(change)
    reader = PageReader(ToewijzingFeedItem)
    with pytest.raises(RequestFailed, match="een rij voldoet niet aan het contract"):
        reader.read("/feed", body(rows))


@pytest.mark.parametrize(
    "page",
    [
        b'{"resultaten": [], "volgendeCursor": 9, "meer": false}',
        b'{"resultaten": [], "volgendeCursor": "9", "meer": "false"}',
        b'{"resultaten": {}, "volgendeCursor": "9", "meer": false}',
        b"[]",
    ],
)
def test_an_envelope_outside_the_contract_is_no_feed_page(page: bytes) -> None:
    with pytest.raises(RequestFailed, match="antwoord is geen feedpagina"):
        PageReader(CakMutatie).read("/feed", page)


def test_a_nul_in_a_row_stops_the_export_without_moving_the_cursor(tmp_path: Path) -> None:
    rows = cak_rows(15)
    rows[12]["productcode"] = "01A\x0001"
    cli = Cli(FakeServices(feeds={"/api/v1/cak-mutaties": rows}), tmp_path)
    assert cli.export("cak") == EXIT_REQUEST_FAILED
    assert CursorStore(cli.state, "0085").load("cak-mutaties").cursor == "10"


def test_batch_writer_puts_every_file_in_place_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    writer = BatchWriter(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "old.xml").write_bytes(b"old")
    for n in range(600):
        writer.add(f"{tmp_path}/a/m{n}.xml", f"<m>{n}</m>".encode())
    writer.add(f"{tmp_path}/a/old.xml", b"new")
    writer.commit()
    writer.commit()  # nothing pending: nothing happens
    writer.close()
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 601 and not [n for n in names if n.startswith(".")]
    assert (tmp_path / "a" / "m599.xml").read_bytes() == b"<m>599</m>"
    assert (tmp_path / "a" / "old.xml").read_bytes() == b"new"
