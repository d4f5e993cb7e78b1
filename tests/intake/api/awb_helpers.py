"""Building blocks for the tests of the legal side: a bezwaar, the werkvoorraad items of one
object, a letter's text."""

from __future__ import annotations

from typing import Any

import httpx

from tests.documents import pdf as lees
from tests.intake.api.helpers import GW, h
from tests.support.stack import auth

AANBIEDER = auth("aanbieder", agb="12345678")
VEREISTEN = ["naam", "adres", "dagtekening", "besluit", "gronden", "ondertekening"]


async def bezwaar(
    intake: httpx.AsyncClient, beschikking_id: str, status: int = 201, **overrides: Any
) -> dict[str, Any]:
    body = {
        "beschikkingId": beschikking_id,
        "ontvangstdatum": "2026-04-20",
        "kanaal": "post",
        "aanwezig": VEREISTEN,
        "gronden": "Ik heb meer begeleiding nodig dan twee uur per week.",
        **overrides,
    }
    r = await intake.post("/api/v1/bezwaren", json=body, headers=h())
    assert r.status_code == status, r.text
    return dict(r.json())


async def werkvoorraad(
    intake: httpx.AsyncClient, referentie: str, **params: str
) -> list[dict[str, Any]]:
    """Every werkvoorraad item of one object (its id in referentieId)."""
    gevonden: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": "200", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=GW)
        assert r.status_code == 200, r.text
        gevonden += [i for i in r.json()["resultaten"] if i["referentieId"] == referentie]
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return gevonden


async def brieftekst(intake: httpx.AsyncClient, pad: str) -> str:
    r = await intake.get(pad, headers={**GW, "Accept": "application/pdf"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    return lees.tekst(r.content)


def rules(regels: list[dict[str, str]]) -> set[str]:
    return {r["rule"] for r in regels}
