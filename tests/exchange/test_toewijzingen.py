"""WMO301 export: per aanbieder, valid against the shipped XSD, same files after a resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exchange.fakes import AGB_A, AGB_B, Crash, FakeServices, today, toewijzing_rows
from tests.exchange.support import Cli
from wmo_exchange import wmo301
from wmo_exchange.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from wmo_exchange.state import CursorStore
from wmo_exchange.toewijzingen import wmo301_xml, wmo301_xml_via_bericht
from wmo_iwmo.wmo301 import parse_wmo301
from wmo_iwmo.xsd import InvalidMessageError, validate
from wmo_shared.contracts import ToewijzingFeedItem

FEED = "/api/v1/toewijzingen"


def messages(out: Path) -> dict[str, list[Path]]:
    return {d.name: sorted(d.glob("*.xml")) for d in sorted(out.iterdir()) if d.is_dir()}


def test_every_toewijzing_becomes_a_valid_wmo301_in_its_aanbieders_folder(
    tmp_path: Path,
) -> None:
    fake = FakeServices(feeds={FEED: toewijzing_rows(23)})
    cli = Cli(fake, tmp_path)
    assert cli.export("toewijzingen") == EXIT_OK
    per = messages(cli.out)
    assert sorted(per) == [AGB_A, AGB_B]
    assert len(per[AGB_A]) == 12 and len(per[AGB_B]) == 11
    first = cli.out / AGB_A / "WMO301-0085-T00000000001.xml"
    assert first in per[AGB_A]
    for path in per[AGB_A] + per[AGB_B]:
        assert validate("WMO301", path.read_bytes()) == []
    bericht = parse_wmo301(first.read_bytes())
    assert not isinstance(bericht, Exception) and hasattr(bericht, "header")
    assert bericht.header.afzender == "0085" and bericht.header.ontvanger == AGB_A
    assert bericht.header.berichtidentificatie.identificatie == "T00000000001"
    product = bericht.client.toegewezen_producten[0]
    assert product.toewijzingnummer == 4701 and str(product.toewijzingstijd) == "10:15:30"
    assert product.omvang is not None and product.omvang.volume == 2
    summary = json.loads(next(cli.out.glob("toewijzingen-*.samenvatting.json")).read_text())
    assert summary["berichten"] == 23 and summary["perAanbieder"] == {AGB_A: 12, AGB_B: 11}


def test_resume_after_a_crash_rewrites_the_same_files_not_new_ones(tmp_path: Path) -> None:
    fake = FakeServices(feeds={FEED: toewijzing_rows(25)}, fail_on_get=3, fail_with=Crash())
    cli = Cli(fake, tmp_path)
    with pytest.raises(Crash):
        cli.export("toewijzingen")
    fake.fail_on_get = None
    # an older cursor (as if the save after page 2 was lost): page 2 is written again
    store = CursorStore(cli.state, "0085")
    state = store.load("toewijzingen")
    state.cursor = "10"
    store.save(state)
    assert cli.export("toewijzingen") == EXIT_OK
    names = [p.name for files in messages(cli.out).values() for p in files]
    assert len(names) == len(set(names)) == 25


def test_aanbieder_filter_has_its_own_cursor(tmp_path: Path) -> None:
    fake = FakeServices(feeds={FEED: toewijzing_rows(10)})
    cli = Cli(fake, tmp_path)
    assert cli.export("toewijzingen", "--aanbieder", AGB_B) == EXIT_OK
    assert sorted(messages(cli.out)) == [AGB_B]
    assert "5 toewijzingen voor andere aanbieders overgeslagen" in cli.stdout
    store = CursorStore(cli.state, "0085")
    assert store.load(f"toewijzingen-{AGB_B}").cursor == "10"
    assert store.load("toewijzingen").cursor is None
    # the unfiltered consumer still gets everything
    assert cli.export("toewijzingen") == EXIT_OK
    assert sorted(messages(cli.out)) == [AGB_A, AGB_B]


def test_a_toewijzing_that_cannot_be_a_wmo301_is_rejected_exit_1(tmp_path: Path) -> None:
    rows = toewijzing_rows(4)
    rows[1]["toewijzingnummer"] = "TW-12"  # iWmo wants a number
    rows[2]["omvang"] = {"volume": 2, "eenheid": "99", "frequentie": "2"}  # no such eenheid
    fake = FakeServices(feeds={FEED: rows})
    cli = Cli(fake, tmp_path)
    assert cli.export("toewijzingen") == EXIT_REJECTED
    assert sum(len(v) for v in messages(cli.out).values()) == 2
    summary = json.loads(next(cli.out.glob("toewijzingen-*.samenvatting.json")).read_text())
    assert summary["afgekeurd"] == 2
    assert [a["volgnummer"] for a in summary["afkeuringen"]] == [2, 3]
    assert "toewijzingnummer" in summary["afkeuringen"][0]["reden"]
    assert "2 afgekeurd" in cli.stdout
    # the cursor moved on: the rejected rows are in the summary, not retried forever
    assert CursorStore(cli.state, "0085").load("toewijzingen").cursor == "4"


def test_bad_agb_is_a_usage_error(tmp_path: Path) -> None:
    cli = Cli(FakeServices(), tmp_path)
    assert cli.export("toewijzingen", "--aanbieder", "123") == EXIT_USAGE


def test_the_template_writes_what_the_element_tree_writes() -> None:
    """wmo301_xml fills a template; wmo_iwmo builds the same message as an element tree. They
    must agree byte for byte, optional elements and escaping included."""
    rows = toewijzing_rows(5)
    rows[1].update(voorletters=None, einddatum=None, omvang=None, redenWijziging="01")
    rows[1]["referentieAanbieder"] = "R&<x>\r"
    rows[2].update(achternaam="Bérg & <Zn> 'q' \"d\"\tx", toewijzingnummer="000123")
    rows[2]["geregistreerdOp"] = "2026-01-01T23:59:59.123456Z"
    rows[3].update(productcode="", voorletters="")  # not valid: both refuse it the same way
    for row in rows:
        item = ToewijzingFeedItem.model_validate(row)
        try:
            ours: bytes | str = wmo301_xml(item, today())
        except InvalidMessageError as exc:
            ours = str(exc)
        try:
            reference: bytes | str = wmo301_xml_via_bericht(item, today())
        except InvalidMessageError as exc:
            reference = str(exc)
        assert ours == reference


def _export_with_rejections(tmp: Path, *, aanbieder: str | None = None) -> Cli:
    rows = toewijzing_rows(23)
    rows[4]["toewijzingnummer"] = "TW-12"
    rows[15]["omvang"] = {"volume": 2, "eenheid": "99", "frequentie": "2"}
    cli = Cli(FakeServices(feeds={FEED: rows}), tmp)
    args = ("--aanbieder", aanbieder) if aanbieder else ()
    assert cli.export("toewijzingen", *args) == EXIT_REJECTED
    return cli


def _contents(cli: Cli) -> tuple[dict[str, bytes], list[dict[str, object]], list[str]]:
    files = {p.name: p.read_bytes() for v in messages(cli.out).values() for p in v}
    summary = json.loads(next(cli.out.glob("toewijzingen-*.samenvatting.json")).read_text())
    hidden = [p.name for p in cli.out.rglob(".*")]
    return files, summary["afkeuringen"], hidden


@pytest.mark.parametrize("aanbieder", [None, AGB_B])
def test_worker_processes_write_what_this_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, aanbieder: str | None
) -> None:
    """Pages made by the worker pool (in chunks, the next page prepared while this one is
    committed) give the same files, rejections and order as pages made in this process."""
    here = _contents(_export_with_rejections(tmp_path / "here", aanbieder=aanbieder))
    monkeypatch.setattr(wmo301, "POOL_MIN_ROWS", 1)
    monkeypatch.setattr(wmo301, "CHUNK", 3)
    monkeypatch.setattr(wmo301, "default_workers", lambda: 2)
    pool = _contents(_export_with_rejections(tmp_path / "pool", aanbieder=aanbieder))
    assert pool == here
    assert here[0] and here[1] and here[2] == []


def test_an_interrupted_pool_run_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wmo301, "POOL_MIN_ROWS", 1)
    monkeypatch.setattr(wmo301, "default_workers", lambda: 2)
    fake = FakeServices(feeds={FEED: toewijzing_rows(25)}, fail_on_get=3, fail_with=Crash())
    cli = Cli(fake, tmp_path)
    with pytest.raises(Crash):
        cli.export("toewijzingen")
    assert sum(len(v) for v in messages(cli.out).values()) == 20
    assert not list(cli.out.rglob(".*"))
