"""The file formats: what the writers produce is what the readers accept; incomplete or
foreign files are refused with the line that is wrong."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.exchange.fakes import cak_rows, tkb_rows
from wmo_exchange.formats.bab import read_bab_file, write_bab_file
from wmo_exchange.formats.base import RunMeta
from wmo_exchange.formats.cak import CakMutatieFormat, read_cak_file
from wmo_exchange.formats.jsonl import FormatError
from wmo_exchange.formats.tkb import KOLOMMEN, SvbTkbFormat, read_tkb_file
from wmo_shared.contracts import CakMutatie, SvbToekenning

META = RunMeta("20260506T101530000000Z", "0085", "2026-05-06T08:15:30+00:00", None)


def write_cak(path: Path, rows: list[CakMutatie]) -> None:
    fmt = CakMutatieFormat()
    path.write_bytes(fmt.header(META) + fmt.rows(rows) + fmt.trailer(META, {"aantal": len(rows)}))


def test_cak_file_round_trips(tmp_path: Path) -> None:
    rows = [CakMutatie.model_validate(r) for r in cak_rows(5)]
    path = tmp_path / "cak.jsonl"
    write_cak(path, rows)
    header, mutaties = read_cak_file(path)
    assert header["gemeente"] == "0085" and header["versie"] == 1
    assert list(mutaties) == rows
    first = json.loads(path.read_text().splitlines()[1])
    assert first["recordtype"] == "mutatie"
    assert first["abonnementstarief"] == "21.80" and first["bsn"] == rows[0].bsn
    assert "geregistreerdOp" in first and "maatwerkvoorzieningId" in first


def test_truncated_cak_file_is_refused(tmp_path: Path) -> None:
    rows = [CakMutatie.model_validate(r) for r in cak_rows(3)]
    path = tmp_path / "cak.jsonl"
    write_cak(path, rows)
    path.write_text("\n".join(path.read_text().splitlines()[:-1]) + "\n")
    _, mutaties = read_cak_file(path)
    with pytest.raises(FormatError, match="trailer ontbreekt"):
        list(mutaties)


def test_cak_trailer_count_is_checked(tmp_path: Path) -> None:
    rows = [CakMutatie.model_validate(r) for r in cak_rows(3)]
    path = tmp_path / "cak.jsonl"
    fmt = CakMutatieFormat()
    path.write_bytes(fmt.header(META) + fmt.rows(rows) + fmt.trailer(META, {"aantal": 4}))
    with pytest.raises(FormatError, match="meldt 4 records, gelezen 3"):
        list(read_cak_file(path)[1])


def test_foreign_file_is_refused_on_line_1(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"recordtype":"header","formaat":"iets-anders"}\n')
    with pytest.raises(FormatError, match="regel 1"):
        read_cak_file(path)


def test_tkb_csv_round_trips_with_a_fixed_header(tmp_path: Path) -> None:
    rows = [SvbToekenning.model_validate(r) for r in tkb_rows(4)]
    fmt = SvbTkbFormat()
    path = tmp_path / "tkb.csv"
    path.write_bytes(fmt.header(META) + fmt.rows(rows) + fmt.trailer(META, {}))
    assert path.read_bytes().startswith(",".join(KOLOMMEN).encode() + b"\r\n")
    read = list(read_tkb_file(path))
    assert [r.volgnummer for r in read] == [1, 2, 3, 4]
    assert read[0].bedrag == Decimal("12345.60") and read[1].ingetrokken is True
    assert read[1].beschikking_id is None and read[0].beschikking_id == rows[0].beschikking_id


def test_tkb_with_another_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tkb.csv"
    path.write_text("bsn,bedrag\r\n999993653,1.00\r\n")
    with pytest.raises(FormatError, match="kopregel"):
        list(read_tkb_file(path))


def test_bab_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "bab.jsonl"
    line = {
        "budgetId": "00000000-0000-0004-0000-000000000001",
        "ingangsdatum": "2026-01-01",
        "einddatum": "2026-03-31",
        "besteedBedrag": "812.40",
    }
    write_bab_file(path, "BAB-1", [line], gemeente="0085")
    header, bericht = read_bab_file(path)
    assert header.bericht_id == "BAB-1" and header.gemeente == "0085"
    assert bericht.regels[0].besteed_bedrag == Decimal("812.40")
    assert bericht.model_dump(mode="json", by_alias=True)["regels"] == [line]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"besteedBedrag": "-1.00"}, "besteedBedrag"),
        ({"besteedBedrag": "1.005"}, "besteedBedrag"),
        ({"einddatum": "2025-12-31"}, "einddatum ligt voor ingangsdatum"),
        ({"budgetId": "geen-uuid"}, "budgetId"),
        ({"onbekend": 1}, "onbekend"),
    ],
)
def test_bad_bab_lines_are_refused_with_their_line_number(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    path = tmp_path / "bab.jsonl"
    good = {
        "budgetId": "00000000-0000-0004-0000-000000000001",
        "ingangsdatum": "2026-01-01",
        "einddatum": "2026-03-31",
        "besteedBedrag": "1.00",
    }
    write_bab_file(path, "BAB-2", [good, {**good, **change}])
    with pytest.raises(FormatError, match=f"regel 3: .*{message}"):
        read_bab_file(path)
