"""Management information (issue 14.6) against a known small data set (``mi_data``): every
figure worked out by hand for 2026-01-01 up to and including 2026-06-30, computed in SQL by
intake, pgb and finance; as JSON and as CSV; a peer that does not answer leaves its columns
empty and says so."""

from __future__ import annotations

import csv
import io
from typing import Any

import asyncpg
import httpx
import pytest

from tests.intake.api import mi_data
from tests.intake.api.iwmo_berichten import Prestatie, wmo323
from tests.intake.api.peers import app_van
from tests.intake.api.test_iwmo_herhaling import ZORG_BV, _codes, _zaak
from tests.support.stack import TestDatabase, auth
from wmo_shared.client import ServiceClient

GW = auth("gebiedsteam", mi_data.G)
URL = "/api/v1/managementinformatie"
PERIODE = {"van": "2026-01-01", "tot": "2026-06-30"}


@pytest.fixture
async def data(db: TestDatabase) -> None:
    await mi_data.vul(db)


async def _mi(intake: httpx.AsyncClient) -> dict[str, Any]:
    r = await intake.get(URL, params=PERIODE, headers=GW)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_de_cijfers_van_een_bekende_set(intake: httpx.AsyncClient, data: None) -> None:
    mi = await _mi(intake)
    assert (mi["gemeente"], mi["van"], mi["tot"]) == (mi_data.G, "2026-01-01", "2026-06-30")
    tellingen = {
        (t["soort"], t["product"], t["leveringsvorm"], t["uitkomst"]): t["aantal"]
        for t in mi["tellingen"]
    }
    assert tellingen == {
        ("melding", None, None, "beschikking"): 1,
        ("melding", None, None, "onderzoek"): 1,
        ("melding", None, None, "opdracht"): 1,
        ("aanvraag", "01", "pgb", "afwijzing"): 1,
        ("aanvraag", "02", "zin", "afwijzing"): 1,
        ("aanvraag", "02", "zin", "toekenning"): 1,
        ("beschikking", None, None, "afwijzing"): 1,
        ("beschikking", "02A03", "zin", "toekenning"): 1,
    }
    doorloop = {d["traject"]: d for d in mi["doorlooptijden"]}
    # melding → onderzoek klaar: 36 and 46 days; klaar → beschikking: 10 and 21; melding →
    # beschikking: 46 and 67 (percentile_cont interpolates: p90 = low + 0.9 × difference)
    assert doorloop["melding-onderzoek"] == {
        "traject": "melding-onderzoek",
        "aantal": 2,
        "mediaanDagen": "41.0",
        "p90Dagen": "45.0",
    }
    assert (
        doorloop["onderzoek-beschikking"]["mediaanDagen"],
        doorloop["onderzoek-beschikking"]["p90Dagen"],
    ) == ("15.5", "19.9")
    assert (
        doorloop["melding-beschikking"]["mediaanDagen"],
        doorloop["melding-beschikking"]["p90Dagen"],
    ) == ("56.5", "64.9")
    termijnen = {t["termijn"]: (t["totaal"], t["gehaald"], t["aandeel"]) for t in mi["termijnen"]}
    assert termijnen == {
        "onderzoek": (4, 1, "0.2500"),  # m1 met; m2 late; m3 passed unfinished; m4 late
        "beschikking": (2, 1, "0.5000"),
        "bezwaar": (2, 1, "0.5000"),  # one decided in time, one passed undecided
        "zorgplan": (1, 1, "1.0000"),
    }
    assert {b["uitkomst"]: b["aantal"] for b in mi["bezwaren"]} == {"ongegrond": 1, "open": 1}
    uitgaven = {u["maand"]: u for u in mi["uitgaven"]}
    assert list(uitgaven) == ["2026-03", "2026-04", "2026-05", "2026-06"]
    maart, april, mei, juni = (uitgaven[m] for m in uitgaven)
    # pgb: € 3,100 over 16 March – 30 April (46 days): 16/46 and 30/46, rounded per month
    assert maart == {
        "maand": "2026-03",
        "zinDeclaraties": "300.50",
        "pgbBudgetten": "1078.26",
        "tegemoetkomingen": "0.00",
        "eigenBijdrageTermijnen": "0.00",
        "cakRegistraties": 1,
    }
    assert (april["zinDeclaraties"], april["pgbBudgetten"]) == ("-50.25", "2021.74")
    assert (mei["tegemoetkomingen"], mei["eigenBijdrageTermijnen"]) == ("12240.00", "19.00")
    assert (juni["eigenBijdrageTermijnen"], juni["cakRegistraties"]) == ("19.00", 0)
    assert all(b["status"] == "beschikbaar" for b in mi["bronnen"])


async def test_als_csv(intake: httpx.AsyncClient, data: None) -> None:
    r = await intake.get(URL, params=PERIODE, headers={**GW, "Accept": "text/csv"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    rijen = list(csv.DictReader(io.StringIO(r.text)))
    assert {
        "onderdeel": "termijn",
        "soort": "onderzoek",
        "maat": "aandeel",
        "waarde": "0.2500",
    }.items() <= next(
        x for x in rijen if x["soort"] == "onderzoek" and x["maat"] == "aandeel"
    ).items()
    pgb_maart = next(x for x in rijen if x["maand"] == "2026-03" and x["maat"] == "pgb_budgetten")
    assert pgb_maart["waarde"] == "1078.26"


async def test_een_dienst_die_niet_antwoordt(intake: httpx.AsyncClient, data: None) -> None:
    app_van(intake).state.clients["pgb"] = ServiceClient("pgb", "http://127.0.0.1:9", retries=0)
    mi = await _mi(intake)
    bronnen = {b["dienst"]: b for b in mi["bronnen"]}
    assert bronnen["pgb"]["status"] == "niet-beschikbaar"
    assert bronnen["finance"]["status"] == "beschikbaar"
    assert all(u["pgbBudgetten"] is None for u in mi["uitgaven"])
    assert {u["maand"]: u["zinDeclaraties"] for u in mi["uitgaven"]}["2026-03"] == "300.50"


async def test_periode_en_rollen(intake: httpx.AsyncClient) -> None:
    r = await intake.get(URL, params={"van": "2026-06-30", "tot": "2026-01-01"}, headers=GW)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "tot"
    r = await intake.get(URL, params={"van": "2000-01-01", "tot": "2026-01-01"}, headers=GW)
    assert r.status_code == 400
    r = await intake.get(URL, params={"van": "gisteren", "tot": "2026-01-01"}, headers=GW)
    assert r.status_code == 400
    r = await intake.get(URL, params=PERIODE, headers=auth("aanbieder", agb="12345678"))
    assert r.status_code == 403
    # another gemeente sees its own (here: nothing of the data set)
    r = await intake.get(URL, params=PERIODE, headers=auth("gebiedsteam", "0717"))
    assert r.status_code == 200
    assert ("2026-03", "300.50") not in {
        (u["maand"], u["zinDeclaraties"]) for u in r.json()["uitgaven"]
    }


async def test_goedgekeurde_declaratieregels_worden_geteld(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    """A WMO323's accepted lines are kept with their amounts (a credit negative); refused lines
    and a message refused as a whole are not."""
    zaak = await _zaak(intake)
    h_ = {**ZORG_BV, "Content-Type": "application/xml"}

    async def stuur(xml: bytes) -> list[list[str]]:
        return _codes(await intake.post("/api/v1/iwmo-berichten", content=xml, headers=h_))

    assert await stuur(wmo323(zaak, Prestatie(600, 66000))) == [["8001"]]
    assert await stuur(wmo323(zaak, Prestatie(1000, 110000))) == [["9321"]]
    credit = wmo323(zaak, Prestatie(100, 11000)).replace(
        b"<iwmo:DebetCredit>D</iwmo:DebetCredit>", b"<iwmo:DebetCredit>C</iwmo:DebetCredit>"
    )
    assert await stuur(credit) == [["8001"]]
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rijen = await conn.fetch(
            "SELECT begindatum, bedrag FROM intake.declaratieregels "
            "WHERE toewijzingnummer = $1 ORDER BY id",
            zaak.toewijzingnummer,
        )
    finally:
        await conn.close()
    assert [(str(r["begindatum"]), str(r["bedrag"])) for r in rijen] == [
        ("2026-04-01", "660.00"),
        ("2026-04-01", "-110.00"),
    ]
