"""The exchange and the iWmo verzoeken (issue 15.3): WMO315 / WMO317 files are imported with
their retour (316 / 318) next to them; the WMO319 antwoordberichten of intake's feed are
exported per aanbieder, each valid against WMO319.xsd, once per cursor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx

from tests.exchange.fakes import AGB_A, AGB_B, FakeServices
from tests.exchange.support import Cli
from tests.exchange.test_imports import IWMO, iwmo_fake, write
from tests.shared.iwmo.voorbeelden import example
from wmo_exchange.cli import EXIT_OK, EXIT_REJECTED
from wmo_iwmo.basis import BerichtIdentificatie, Header
from wmo_iwmo.codelijsten import RedenAfwijzingVerzoek, VerzoekAntwoord
from wmo_iwmo.wmo319 import Antwoord, Wmo319Bericht, build_wmo319, parse_wmo319
from wmo_iwmo.xsd import validate

FEED = "/api/v1/iwmo-antwoorden"


def _retour(soort: str, status: str, code: str) -> dict[str, Any]:
    regel = {"index": 0, "bsn": "999900006", "toewijzingnummer": None, "status": status}
    return {
        "id": "00000000-0000-0000-0000-000000000001",
        "berichttype": soort,
        "status": status,
        "retour": {
            "berichttype": {"WMO315": "WMO316", "WMO317": "WMO318"}[soort],
            "status": status,
            "retourcodes": [{"retourcode": "0200"}],
            "regels": [{**regel, "retourcodes": [{"retourcode": code}]}],
        },
    }


def test_verzoeken_are_imported_with_their_retour(tmp_path: Path) -> None:
    a = write(tmp_path, "verzoek-toewijzing.xml", example("WMO315"))
    b = write(tmp_path, "verzoek-wijziging.xml", example("WMO317"))
    fake = iwmo_fake(
        {
            a.read_bytes(): httpx.Response(201, json=_retour("WMO315", "goedgekeurd", "0200")),
            b.read_bytes(): httpx.Response(201, json=_retour("WMO317", "afgekeurd", "9349")),
        }
    )
    cli = Cli(fake, tmp_path)
    assert cli("iwmo", "import", str(a), str(b)) == EXIT_REJECTED
    assert [r.url.path for r in fake.requests] == [IWMO, IWMO]
    assert fake.requests[0].content == example("WMO315")
    retour = json.loads((a.parent / "verzoek-toewijzing.xml.retour.json").read_text())
    assert retour["retour"]["berichttype"] == "WMO316"
    summary = json.loads(next(a.parent.glob("iwmo-import-*.samenvatting.json")).read_text())
    assert summary["verwerkt"] == 2 and summary["regelsAfgekeurd"] == 1


def _wmo319(n: int, agb: str) -> dict[str, Any]:
    reden = RedenAfwijzingVerzoek.GEEN_CONTRACT if n % 2 else None
    bericht = Wmo319Bericht(
        header=Header("0085", agb, BerichtIdentificatie(f"A{n:011d}", dt.date(2026, 5, 6))),
        antwoord=Antwoord(
            f"REF{n}",
            VerzoekAntwoord.AFGEWEZEN if reden else VerzoekAntwoord.IN_ONDERZOEK,
            reden,
        ),
    )
    return {
        "volgnummer": n,
        "verzoekId": f"00000000-0000-0000-0000-{n:012d}",
        "aanbiederAgb": agb,
        "berichttype": "WMO319",
        "identificatie": f"A{n:011d}",
        "xml": build_wmo319(bericht).decode(),
    }


def test_wmo319s_are_exported_per_aanbieder_once(tmp_path: Path) -> None:
    rows = [_wmo319(n, AGB_A if n % 3 else AGB_B) for n in range(1, 13)]
    fake = FakeServices(feeds={FEED: rows})
    cli = Cli(fake, tmp_path)
    assert cli.export("iwmo", limit=5) == EXIT_OK
    files = {d.name: sorted(d.glob("*.xml")) for d in cli.out.iterdir() if d.is_dir()}
    assert sorted(files) == [AGB_A, AGB_B]
    assert len(files[AGB_A]) == 8 and len(files[AGB_B]) == 4
    eerste = cli.out / AGB_A / "WMO319-0085-A00000000001.xml"
    assert validate("WMO319", eerste.read_bytes()) == []
    gelezen = parse_wmo319(eerste.read_bytes())
    assert isinstance(gelezen, Wmo319Bericht) and gelezen.antwoord.referentie_aanbieder == "REF1"
    assert "12 WMO319-berichten" in cli.stdout
    # run again: the cursor is past them, nothing new is written
    assert cli.export("iwmo") == EXIT_OK
    assert "0 rijen" in cli.stdout


def test_a_wmo319_that_is_not_valid_is_rejected_exit_1(tmp_path: Path) -> None:
    rows = [_wmo319(1, AGB_A), _wmo319(2, AGB_A)]
    rows[1]["xml"] = rows[1]["xml"].replace(
        "<wmo319:VerzoekAntwoord>2<", "<wmo319:VerzoekAntwoord>7<"
    )
    cli = Cli(FakeServices(feeds={FEED: rows}), tmp_path)
    assert cli.export("iwmo", "--aanbieder", AGB_A) == EXIT_REJECTED
    assert [p.name for p in (cli.out / AGB_A).glob("*.xml")] == ["WMO319-0085-A00000000001.xml"]
