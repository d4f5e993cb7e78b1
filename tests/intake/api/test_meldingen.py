"""Melding: deadlines, INT-02 before the onderzoek, persoonlijk plan, spoed, the
cliëntondersteuner with consent, comments and organisations."""

from __future__ import annotations

import asyncpg
import httpx

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    client,
    clientondersteuning,
    h,
    melding,
    onderzoek_body,
)
from tests.support.stack import TestDatabase, auth


async def test_melding_toont_termijnen(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    assert m["status"] == "melding"
    assert m["onderzoekstermijn"]["uiterlijk"] == "2026-03-23"
    assert m["onderzoekstermijn"]["rule"] == "INT-01"
    assert m["persoonlijkPlanTermijn"]["uiterlijk"] == "2026-02-16"
    assert m["persoonlijkPlanTermijn"]["rule"] == "INT-14"
    assert m["geenAanvraagNodig"] is False
    assert "onderzoek_gestart" in m["mogelijkeGebeurtenissen"]
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.status_code == 200
    assert r.headers["ETag"] == 'W/"1"'


async def test_melding_idempotent_en_validatie(intake: httpx.AsyncClient) -> None:
    cid = await client(intake)
    body = {
        "clientId": cid,
        "ontvangstdatum": "2026-02-09",
        "kanaal": "loket",
        "hulpvraag": "hulp",
    }
    headers = h()
    a = await intake.post("/api/v1/meldingen", json=body, headers=headers)
    b = await intake.post("/api/v1/meldingen", json=body, headers=headers)
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] == b.json()["id"]
    r = await intake.post(
        "/api/v1/meldingen", json={**body, "hulpvraag": "anders"}, headers=headers
    )
    assert r.status_code == 409
    r = await intake.post("/api/v1/meldingen", json={**body, "kanaal": "fax"}, headers=h())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "kanaal"
    r = await intake.post(
        "/api/v1/meldingen", json={**body, "ontvangstdatum": "2999-01-01"}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "ontvangstdatum"
    r = await intake.post("/api/v1/meldingen", json=body, headers=h(ANDERE_GEMEENTE))
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "clientId"
    r = await intake.post("/api/v1/meldingen", json=body, headers=h(auth("aanbieder")))
    assert r.status_code == 403


async def test_melding_andere_gemeente_is_404(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404


async def test_onderzoek_zonder_clientondersteuning_is_geweigerd(
    intake: httpx.AsyncClient,
) -> None:
    m = await melding(intake)
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken", json=onderzoek_body(), headers=h()
    )
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["rules"] == ["INT-02"]
    assert body["invalidParams"][0]["name"] == "clientondersteuningBericht"
    assert "cliëntondersteuning" in body["detail"]


async def test_clientondersteuning_mantelzorger_niet_gewezen(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/clientondersteuning-berichten",
        json={
            "datum": "2026-02-10",
            "wijze": "gesprek",
            "clientWilClientondersteuning": False,
            "mantelzorger": "niet_gewezen",
        },
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["INT-02"]
    assert r.json()["invalidParams"][0]["name"] == "mantelzorger"


async def test_clientondersteuning_vastgelegd_en_zichtbaar(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    bericht = await clientondersteuning(intake, m["id"])
    assert {r["rule"] for r in bericht["regels"]} == {"INT-02", "INT-15"}
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["clientondersteuning"][0]["organisatie"] == "MEE Friesland"


async def test_clientondersteuning_na_start_onderzoek_te_laat(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await clientondersteuning(intake, m["id"])
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken", json=onderzoek_body(), headers=h()
    )
    assert r.status_code == 201
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/clientondersteuning-berichten",
        json={
            "datum": "2026-02-13",
            "wijze": "brief",
            "clientWilClientondersteuning": False,
            "mantelzorger": "geen_mantelzorger",
        },
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["INT-02"]


async def test_persoonlijk_plan_op_tijd_en_te_laat(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/persoonlijke-plannen",
        json={"ontvangstdatum": "2026-02-16", "inhoud": "Mijn plan"},
        headers=h(),
    )
    assert r.status_code == 201
    assert r.json()["opTijd"] is True
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/persoonlijke-plannen",
        json={"ontvangstdatum": "2026-02-17", "inhoud": "Later plan"},
        headers=h(),
    )
    assert r.json()["opTijd"] is False
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/persoonlijke-plannen",
        json={"ontvangstdatum": "2026-01-01", "inhoud": "Te vroeg"},
        headers=h(),
    )
    assert r.status_code == 400
    # INT-14: a plan on time must be weighed in the onderzoek.
    await clientondersteuning(intake, m["id"])
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken", json=onderzoek_body(), headers=h()
    )
    uitkomst = r.json()["uitkomst"]
    assert uitkomst["persoonlijkPlanVoldaan"] is False
    assert uitkomst["gereed"] is False
    assert "persoonlijk_plan" in uitkomst["ontbrekend"]


async def test_spoed_start_tijdelijke_voorziening(intake: httpx.AsyncClient) -> None:
    m = await melding(
        intake,
        urgentie="crisis",
        spoedgrond={
            "soort": "crisis",
            "reden": "Huiselijk geweld, onveilige thuissituatie",
            "voorziening": "crisisopvang",
            "startdatum": "2026-02-09",
            "protocolRaadKinderbescherming": True,
        },
    )
    assert m["status"] == "tijdelijke_voorziening"
    assert m["tijdelijkeVoorziening"]["voorziening"] == "crisisopvang"
    assert {r["rule"] for r in m["tijdelijkeVoorziening"]["regels"]} == {"INT-10"}


async def test_spoed_route_en_weigeringen(intake: httpx.AsyncClient) -> None:
    m = await melding(intake, urgentie="spoed")
    spoed = {
        "soort": "spoed",
        "reden": "Mantelzorger plots opgenomen",
        "voorziening": "tijdelijke huishoudelijke hulp",
        "startdatum": "2026-02-10",
        "multidisciplinairOverleg": True,
    }
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/tijdelijke-voorzieningen", json=spoed, headers=h()
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "tijdelijke_voorziening"
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/tijdelijke-voorzieningen", json=spoed, headers=h()
    )
    assert r.status_code == 409
    assert "tijdelijke_voorziening" in r.json()["detail"]
    normaal = await melding(intake)
    r = await intake.post(
        "/api/v1/meldingen",
        json={
            "clientId": normaal["clientId"],
            "ontvangstdatum": "2026-02-09",
            "kanaal": "loket",
            "hulpvraag": "x",
            "spoedgrond": spoed,
        },
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["INT-10"]


async def test_clientondersteuner_met_toestemming(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    cid = await client(intake)
    m = await melding(intake, cid)
    co = auth("clientondersteuner", sub="mee-anna")
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=co)
    assert r.status_code == 404
    r = await intake.post(
        f"/api/v1/clienten/{cid}/clientondersteuner-toestemmingen",
        json={"ondersteunerId": "mee-anna", "organisatie": "MEE", "toestemmingDatum": "2026-02-10"},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    toestemming = r.json()
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=co)
    assert r.status_code == 200
    r = await intake.get("/api/v1/meldingen", params={"clientId": cid}, headers=co)
    assert [x["id"] for x in r.json()["resultaten"]] == [m["id"]]
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/opmerkingen", json={"tekst": "Ik ben erbij"}, headers=h(co)
    )
    assert r.status_code == 201
    assert r.json()["rol"] == "clientondersteuner"
    r = await intake.get(f"/api/v1/meldingen/{m['id']}/opmerkingen", headers=GW)
    assert r.json()["resultaten"][0]["tekst"] == "Ik ben erbij"
    # read and comment only: no changes to the case
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/clientondersteuning-berichten",
        json={
            "datum": "2026-02-10",
            "wijze": "gesprek",
            "clientWilClientondersteuning": True,
            "mantelzorger": "gewezen",
        },
        headers=h(co),
    )
    assert r.status_code == 403
    # another cliëntondersteuner sees nothing
    r = await intake.get(
        f"/api/v1/meldingen/{m['id']}", headers=auth("clientondersteuner", sub="ander")
    )
    assert r.status_code == 404
    # claim-based consent
    r = await intake.get(
        f"/api/v1/meldingen/{m['id']}",
        headers=auth("clientondersteuner", sub="claim", clienten=[cid]),
    )
    assert r.status_code == 200
    r = await intake.post(
        f"/api/v1/clienten/{cid}/clientondersteuner-toestemmingen/{toestemming['id']}/intrekkingen",
        headers=h(),
    )
    assert r.status_code == 201
    assert r.json()["ingetrokkenOp"] is not None
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=co)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/clienten/{cid}/clientondersteuner-toestemmingen", headers=GW)
    assert len(r.json()["resultaten"]) == 1
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rol = await conn.fetchval(
            "SELECT rol FROM intake.audit WHERE resource_id = $1 AND sub = 'mee-anna' LIMIT 1",
            m["id"],
        )
    finally:
        await conn.close()
    assert rol == "clientondersteuner"


async def test_organisaties(intake: httpx.AsyncClient) -> None:
    r = await intake.get("/api/v1/clientondersteuning-organisaties", headers=GW)
    assert r.status_code == 200
    assert "MEE Friesland" in [o["naam"] for o in r.json()["resultaten"]]
    r = await intake.get("/api/v1/clientondersteuning-organisaties", headers=ANDERE_GEMEENTE)
    assert "MEE Friesland" not in [o["naam"] for o in r.json()["resultaten"]]
    body = {"naam": "Sociaal Team Test", "geldigVan": "2026-01-01"}
    r = await intake.post("/api/v1/clientondersteuning-organisaties", json=body, headers=h())
    assert r.status_code == 403
    beheer = auth("beheer", "0998")
    r = await intake.post("/api/v1/clientondersteuning-organisaties", json=body, headers=h(beheer))
    assert r.status_code in (201, 400)
    r = await intake.post(
        "/api/v1/clientondersteuning-organisaties",
        json={**body, "naam": "Later", "geldigTot": "2025-01-01"},
        headers=h(beheer),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "geldigTot"
