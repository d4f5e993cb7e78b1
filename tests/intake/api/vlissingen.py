"""A case in Vlissingen (0718) in 2015, while the Walcheren policy (seed 002, 15 January up to
and including 31 December 2015) and its letter policy are in force: a beschikking is only sent
with its letter (issue 13), so a case that is sent in 0718 is dated in 2015 (Anna's pgb,
scenario C: budget 2015-03-01 up to and including 2015-12-31)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import client, h, onderzoek_body, voorziening
from tests.intake.api.peers import met_besluiten
from tests.support.stack import auth

VLISSINGEN = auth("gebiedsteam", "0718")
BESLUITDATUM = "2015-02-20"


async def _ok(r: httpx.Response) -> dict[str, Any]:
    assert r.status_code == 201, r.text
    return dict(r.json())


async def verzend_2015(
    intake: httpx.AsyncClient, beschikking_id: str, verzenddatum: str = BESLUITDATUM
) -> dict[str, Any]:
    return await _ok(
        await intake.post(
            f"/api/v1/beschikkingen/{beschikking_id}/verzendingen",
            json={"verzenddatum": verzenddatum},
            headers=h(VLISSINGEN),
        )
    )


async def beschikking_2015(
    intake: httpx.AsyncClient, melding_id: str, aanvraag_id: str | None, **overrides: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "meldingId": melding_id,
        "aanvraagId": aanvraag_id,
        "soort": "toekenning",
        "besluitdatum": BESLUITDATUM,
        "motivering": "Hulp bij het huishouden met een pgb.",
        **overrides,
    }
    body = await met_besluiten(intake, body, VLISSINGEN)
    return await _ok(await intake.post("/api/v1/beschikkingen", json=body, headers=h(VLISSINGEN)))


async def verzonden_zaak_2015(
    intake: httpx.AsyncClient, **voorziening_: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Melding 2 February 2015, onderzoek, aanvraag 10 February, a beschikking with one
    voorziening decided and sent on 20 February 2015, with its letter."""
    melding = await _ok(
        await intake.post(
            "/api/v1/meldingen",
            json={
                "clientId": await client(intake, VLISSINGEN),
                "ontvangstdatum": "2015-02-02",
                "kanaal": "loket",
                "hulpvraag": "Artrose in beide handen; het huishouden lukt niet meer.",
            },
            headers=h(VLISSINGEN),
        )
    )
    m = melding["id"]
    await _ok(
        await intake.post(
            f"/api/v1/meldingen/{m}/clientondersteuning-berichten",
            json={
                "datum": "2015-02-03",
                "wijze": "gesprek",
                "clientWilClientondersteuning": False,
                "mantelzorger": "gewezen",
            },
            headers=h(VLISSINGEN),
        )
    )
    await _ok(
        await intake.post(
            f"/api/v1/meldingen/{m}/onderzoeken",
            json=onderzoek_body(startdatum="2015-02-04"),
            headers=h(VLISSINGEN),
        )
    )
    aanvraag = await _ok(
        await intake.post(
            "/api/v1/aanvragen",
            json={
                "meldingId": m,
                "ontvangstdatum": "2015-02-10",
                "voorzieningen": [{"omschrijving": "hulp bij het huishouden"}],
            },
            headers=h(VLISSINGEN),
        )
    )
    b = await beschikking_2015(
        intake, m, aanvraag["id"], maatwerkvoorzieningen=[voorziening(**voorziening_)]
    )
    return melding, await verzend_2015(intake, b["id"])
