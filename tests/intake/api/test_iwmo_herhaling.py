"""A provider who sends the same (technically refused) message again gets the same retour."""

from __future__ import annotations

import asyncio

import httpx

from tests.intake.api.helpers import h, verzonden_zaak
from tests.intake.api.iwmo_berichten import Prestatie, Zaak, wmo323
from tests.support.stack import auth

ZORG_BV = auth("aanbieder", agb="12345678", sub="zorg-bv")

KAPOT = b"""<?xml version="1.0" encoding="UTF-8"?>
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema">
  <wmo323:Header><wmo323:BerichtCode>484</wmo323:BerichtCode></wmo323:Header>
</wmo323:Bericht>
"""


async def test_repeated_refused_message_returns_the_first_retour(intake: httpx.AsyncClient) -> None:
    h = {**auth("aanbieder", agb="12345678", sub="zorg-bv"), "Content-Type": "application/xml"}
    first = await intake.post("/api/v1/iwmo-berichten", content=KAPOT, headers=h)
    again = await intake.post("/api/v1/iwmo-berichten", content=KAPOT, headers=h)
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "afgekeurd"
    assert again.status_code == 200, again.text
    assert again.json() == first.json()


async def _zaak(intake: httpx.AsyncClient) -> Zaak:
    """Scenario A's opdracht with the contract tariff 1.10 per minute (110 cents)."""
    _, b = await verzonden_zaak(intake)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={
            "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
            "doelen": ["Dagstructuur"],
            "tarief": "1.10",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    o = r.json()
    return Zaak(o["gegevens"]["bsn"], b["id"], o["id"], int(o["toewijzingnummer"]), 110)


def _codes(r: httpx.Response) -> list[list[str]]:
    assert r.status_code in (200, 201), r.text
    return [[m["retourcode"] for m in g["retourcodes"]] for g in r.json()["retour"]["regels"]]


async def test_separate_declaraties_of_one_month_count_together(
    intake: httpx.AsyncClient,
) -> None:
    """Regression: each WMO323 was checked on its own, so the omvang of a month could be
    declared twice in two messages. Lines accepted earlier now count (9322, AAN-01); lines of
    a message rejected as a whole (header 0001) and rejected lines do not."""
    zaak = await _zaak(intake)
    h_ = {**ZORG_BV, "Content-Type": "application/xml"}

    async def stuur(xml: bytes) -> httpx.Response:
        return await intake.post("/api/v1/iwmo-berichten", content=xml, headers=h_)

    # April allows ceil(210 x 30 / 7) = 900 minutes
    assert _codes(await stuur(wmo323(zaak, Prestatie(600, 66000)))) == [["8001"]]
    # refused lines do not count: one above the omvang, and a message with a wrong total
    assert _codes(await stuur(wmo323(zaak, Prestatie(1000, 110000)))) == [["9321"]]
    kapot = wmo323(zaak, Prestatie(200, 22000)).replace(
        b"<iwmo:TotaalBedrag>22000<", b"<iwmo:TotaalBedrag>22001<"
    )
    r = await stuur(kapot)
    assert r.json()["retour"]["retourcodes"][0]["retourcode"] == "0001", r.text
    # 600 + 600 > 900: the second message is rejected; 600 + 300 fits
    assert _codes(await stuur(wmo323(zaak, Prestatie(600, 66000)))) == [["9322"]]
    assert _codes(await stuur(wmo323(zaak, Prestatie(300, 33000)))) == [["8001"]]
    # April is full now; a credit of 100 frees 100 minutes for a new debet line
    assert _codes(await stuur(wmo323(zaak, Prestatie(60, 6600)))) == [["9322"]]
    credit = wmo323(zaak, Prestatie(100, 11000)).replace(
        b"<iwmo:DebetCredit>D</iwmo:DebetCredit>", b"<iwmo:DebetCredit>C</iwmo:DebetCredit>"
    )
    assert _codes(await stuur(credit)) == [["8001"]]
    assert _codes(await stuur(wmo323(zaak, Prestatie(100, 11000)))) == [["8001"]]
    # another month of the same toewijzing is not affected
    mei = ("2026-05-01", "2026-05-31")
    assert _codes(await stuur(wmo323(zaak, Prestatie(900, 99000, periode=mei)))) == [["8001"]]


async def test_the_same_message_at_once_is_stored_once(intake: httpx.AsyncClient) -> None:
    """Regression: the same message sent several times at once hit the unique constraint on
    its SHA-256 and answered 500; now one is processed (201) and the others get its retour."""
    zaak = await _zaak(intake)
    xml = wmo323(zaak, Prestatie(60, 6600))
    h_ = {**ZORG_BV, "Content-Type": "application/xml"}
    answers = await asyncio.gather(
        *(intake.post("/api/v1/iwmo-berichten", content=xml, headers=h_) for _ in range(5))
    )
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 200, 201], [
        a.text for a in answers
    ]
    assert len({a.json()["id"] for a in answers}) == 1
