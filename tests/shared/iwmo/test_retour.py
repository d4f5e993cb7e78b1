from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from tests.shared.iwmo.voorbeelden import edited, example
from wmo_iwmo.basis import Omvang
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.controle import Toewijzing, check_wmo305, check_wmo307, check_wmo323
from wmo_iwmo.retour import (
    Status,
    build_retour_technisch,
    build_retour_wmo306,
    build_retour_wmo308,
    build_retour_wmo325,
)
from wmo_iwmo.wmo305 import Wmo305Bericht, parse_wmo305
from wmo_iwmo.wmo307 import Wmo307Bericht, parse_wmo307
from wmo_iwmo.wmo323 import Wmo323Bericht, parse_wmo323
from wmo_iwmo.xsd import SchemaFouten

D = dt.date
VANDAAG = D(2025, 7, 22)


def toewijzing(nummer: int, code: str, **changes: object) -> Toewijzing:
    base = Toewijzing(
        toewijzingnummer=nummer,
        aanbieder_agb="65656055",
        client_bsn="999900006",
        productcategorie="01",
        productcode=code,
        ingangsdatum=D(2025, 4, 1),
        einddatum=None,
        omvang=Omvang(16, Eenheid.UUR, Frequentie.PER_MAAND),
        tarief=1500,
    )
    return dataclasses.replace(base, **changes)


def test_retour_306_echoes_the_heenbericht_and_codes_per_line() -> None:
    bericht = parse_wmo305(example("WMO305"))
    assert isinstance(bericht, Wmo305Bericht)
    uitkomsten = check_wmo305(bericht, [toewijzing(300201, "01A11")])  # 300202 unknown
    retour = build_retour_wmo306(bericht, uitkomsten, identificatie="R306-1", dagtekening=VANDAAG)
    data = retour.to_dict()
    json.dumps(data)  # JSON-able
    assert data["berichttype"] == "WMO306"
    assert data["afzender"] == "0363" and data["ontvanger"] == "65656055"
    assert data["heenbericht"] == {
        "berichttype": "WMO305",
        "identificatie": "123456789013",
        "dagtekening": "2025-04-05",
    }
    assert data["retourcodes"][0]["retourcode"] == "0200"
    assert data["status"] == "afgekeurd"
    first, second = data["regels"]
    assert first["status"] == "goedgekeurd" and first["retourcodes"][0]["retourcode"] == "0200"
    assert first["begindatum"] == "2025-04-03" and first["toewijzingnummer"] == 300201
    assert second["status"] == "afgekeurd"
    assert second["retourcodes"][0]["retourcode"] == "9019"
    assert second["retourcodes"][0]["omschrijving"].startswith("Het regie bericht")
    assert "300202" in second["retourcodes"][0]["toelichting"]


def test_retour_308_all_accepted() -> None:
    bericht = parse_wmo307(example("WMO307"))
    assert isinstance(bericht, Wmo307Bericht)
    toewijzingen = [toewijzing(300201, "01A11"), toewijzing(300202, "01A12")]
    retour = build_retour_wmo308(
        bericht, check_wmo307(bericht, toewijzingen), identificatie="R308-1", dagtekening=VANDAAG
    )
    assert retour.status is Status.GOEDGEKEURD
    assert [r.einddatum for r in retour.regels] == [D(2025, 7, 18)] * 2


def test_retour_325_uses_8001_for_accepted_lines() -> None:
    bericht = parse_wmo323(example("WMO323"))
    assert isinstance(bericht, Wmo323Bericht)
    t = dataclasses.replace
    april = {"ingangsdatum": D(2023, 1, 1)}
    toewijzingen = [
        t(toewijzing(20072, "01A03", tarief=1250), **april),
        t(toewijzing(200730, "01A04"), **april),
        t(toewijzing(20074, "01A03", client_bsn="999900018", tarief=1250), **april),
        # RN004 asks 1500 cent per hour; the contract says 1400
        t(toewijzing(20073, "01A04", client_bsn="999900018", tarief=1400), **april),
    ]
    controle = check_wmo323(bericht, toewijzingen)
    retour = build_retour_wmo325(bericht, controle, identificatie="R325-1", dagtekening=VANDAAG)
    data = retour.to_dict()
    json.dumps(data)
    assert data["berichttype"] == "WMO325"
    assert [r["referentienummer"] for r in data["regels"]] == ["RN001", "RN002", "RN003", "RN004"]
    assert [r["retourcodes"][0]["retourcode"] for r in data["regels"]] == [
        "8001",
        "8001",
        "8001",
        "0611",
    ]
    assert data["regels"][3]["retourcodes"][0]["rule"] == "FIN-13"
    assert data["regels"][0]["begindatum"] == "2023-04-01"
    assert data["retourcodes"] == [
        {
            "retourcode": "0200",
            "omschrijving": "Geen opmerking over deze berichtklasse.",
            "toelichting": None,
            "rule": None,
        }
    ]


def test_retour_for_a_rejected_header_total() -> None:
    xml = edited("WMO323", "<iwmo:TotaalBedrag>58000<", "<iwmo:TotaalBedrag>58001<")
    bericht = parse_wmo323(xml)
    assert isinstance(bericht, Wmo323Bericht)
    controle = check_wmo323(bericht, [])
    retour = build_retour_wmo325(bericht, controle, identificatie="R2", dagtekening=VANDAAG)
    assert [m.retourcode.value for m in retour.header_meldingen] == ["0001"]
    assert retour.status is Status.AFGEKEURD


def test_technical_retour_of_an_invalid_document_reads_what_it_can() -> None:
    xml = edited("WMO305", "<wmo305:StatusAanlevering>1<", "<wmo305:StatusAanlevering>7<")
    result = parse_wmo305(xml)
    assert isinstance(result, SchemaFouten)
    retour = build_retour_technisch(
        "WMO305", xml, result.fouten, identificatie="T1", dagtekening=VANDAAG
    )
    data = retour.to_dict()
    json.dumps(data)
    assert data["berichttype"] == "WMO306" and data["status"] == "afgekeurd"
    assert data["heenbericht"]["identificatie"] == "123456789013"
    assert data["afzender"] == "0363"
    assert {m["retourcode"] for m in data["retourcodes"]} == {"0001"}
    assert "StatusAanlevering" in data["retourcodes"][0]["toelichting"]


def test_technical_retour_of_unreadable_bytes() -> None:
    result = parse_wmo323(b"\x00garbage")
    assert isinstance(result, SchemaFouten)
    retour = build_retour_technisch(
        "WMO323", b"\x00garbage", result.fouten, identificatie="T2", dagtekening=VANDAAG
    )
    assert retour.heenbericht.identificatie is None
    assert retour.to_dict()["heenbericht"]["dagtekening"] is None


def test_outcomes_of_another_message_are_refused() -> None:
    bericht = parse_wmo305(example("WMO305"))
    assert isinstance(bericht, Wmo305Bericht)
    uitkomsten = check_wmo305(bericht, [])
    with pytest.raises(ValueError, match="horen niet bij"):
        build_retour_wmo306(bericht, uitkomsten[:1], identificatie="X", dagtekening=VANDAAG)
