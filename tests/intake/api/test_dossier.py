"""The dossier of a resident (issue 14.1): intake's own part and, in parallel, the parts of
indicatie, pgb and finance (the real in-process services); a peer that does not answer makes
its part niet-beschikbaar and the rest still answers; every contributing service audits."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import httpx

from tests.documents import pdf as lees
from tests.intake.api.awb_helpers import bezwaar
from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    aanvraag,
    h,
    melding,
    verzonden_zaak,
)
from tests.intake.api.peers import app_van, bsn_van_melding, tegemoetkoming
from tests.support.stack import TestDatabase, auth
from wmo_shared.client import ServiceClient


async def _dossier(intake: httpx.AsyncClient, client_id: str, **headers: str) -> dict[str, Any]:
    r = await intake.get(f"/api/v1/clienten/{client_id}/dossier", headers={**GW, **headers})
    assert r.status_code == 200, r.text
    return dict(r.json())


async def _audit(db: TestDatabase, svc: str, actie: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn(svc, "owner"))
    try:
        return list(
            await conn.fetch(
                f"SELECT sub, rol, gemeente, resource_type, resource_id FROM {svc}.audit "
                "WHERE actie = $1 ORDER BY id DESC LIMIT 20",
                actie,
            )
        )
    finally:
        await conn.close()


async def test_het_hele_dossier(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    m, b = await verzonden_zaak(intake)
    client_id = m["clientId"]
    bsn = await bsn_van_melding(intake, m["id"], GW)
    assert bsn is not None
    tk = await tegemoetkoming(intake, bsn)
    z = await bezwaar(intake, b["id"])
    klacht = await intake.post(
        "/api/v1/klachten",
        json={
            "ontvangstdatum": "2026-04-01",
            "kanaal": "e-mail",
            "onderwerp": "bejegening",
            "omschrijving": "De hulp kwam niet.",
            "klager": {"naam": "S. Veenstra", "adresregels": ["Stationsstraat 12", "Oosterwolde"]},
            "clientId": client_id,
        },
        headers=h(),
    )
    assert klacht.status_code == 201, klacht.text
    tweede = await melding(intake, client_id)
    await aanvraag(intake, tweede["id"])

    d = await _dossier(intake, client_id)

    assert d["client"]["id"] == client_id and d["client"]["bsn"] == bsn
    assert [x["id"] for x in d["meldingen"]] == [m["id"], tweede["id"]]
    assert len(d["onderzoeken"]) == 1 and d["onderzoeken"][0]["gereed"] is True
    assert len(d["aanvragen"]) == 2
    [beschikking] = d["beschikkingen"]
    assert beschikking["id"] == b["id"] and beschikking["verzonden"] is True
    assert beschikking["brief"]["href"] == f"/api/v1/beschikkingen/{b['id']}"
    staten = {(v["staat"], v["omschrijving"]) for v in d["maatwerkvoorzieningen"]}
    assert staten == {("lopend", "IBO-3 regulier"), ("aangevraagd", "individuele begeleiding")}
    lopend = next(v for v in d["maatwerkvoorzieningen"] if v["staat"] == "lopend")
    assert lopend["aanbiederAgb"] == "12345678"
    assert [x["id"] for x in d["bezwaren"]] == [z["id"]]
    assert [x["id"] for x in d["klachten"]] == [klacht.json()["id"]]
    assert {t["soort"] for t in d["openTermijnen"]} >= {"beschikking", "bezwaar"}

    assert d["indicaties"]["status"] == "beschikbaar"
    [indicatie] = d["indicaties"]["gegevens"]["indicaties"]
    assert indicatie["id"] == lopend["indicatieId"] and indicatie["bsn"] == bsn
    assert d["pgb"] == {
        "dienst": "pgb",
        "status": "beschikbaar",
        "toelichting": None,
        "gegevens": {"plannen": []},
    }
    assert d["finance"]["status"] == "beschikbaar"
    assert [t["id"] for t in d["finance"]["gegevens"]["tegemoetkomingen"]] == [tk["id"]]
    assert d["finance"]["gegevens"]["tegemoetkomingen"][0]["bedrag"] == "12240.00"

    # Every contributing service audited the read as the case worker's.
    [intake_rij] = [
        r for r in await _audit(db, "intake", "dossier") if r["resource_id"] == client_id
    ]
    assert intake_rij["rol"] == "gebiedsteam" and intake_rij["gemeente"] == "0085"
    for svc in ("indicatie", "pgb", "finance"):
        rijen = await _audit(db, svc, "dossier")
        assert rijen and rijen[0]["rol"] == "gebiedsteam", svc
    gelezen = await _audit(db, "indicatie", "lezen")
    assert indicatie["id"] in {r["resource_id"] for r in gelezen}


async def test_een_dienst_die_niet_antwoordt(intake: httpx.AsyncClient) -> None:
    m, _ = await verzonden_zaak(intake)
    app = app_van(intake)
    # pgb: nobody listens on this port (connection refused)
    app.state.clients["pgb"] = ServiceClient("pgb", "http://127.0.0.1:9", retries=0)

    async def traag(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200, json={"indicaties": []})

    app.state.clients["indicatie"] = ServiceClient(
        "indicatie", "http://indicatie", transport=httpx.MockTransport(traag), retries=0
    )

    async def kapot(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"detail": "stuk"})

    app.state.clients["finance"] = ServiceClient(
        "finance", "http://finance", transport=httpx.MockTransport(kapot), retries=0
    )
    instellingen = app.state.settings
    app.state.settings = instellingen.model_copy(update={"dossier_timeout_seconds": 0.3})
    try:
        d = await _dossier(intake, m["clientId"])
    finally:
        app.state.settings = instellingen
    assert d["meldingen"][0]["id"] == m["id"]
    for deel in ("indicaties", "pgb", "finance"):
        assert d[deel]["status"] == "niet-beschikbaar", deel
        assert d[deel]["gegevens"] is None
    assert "0.3 seconden" in d["indicaties"]["toelichting"]
    assert "500" in d["finance"]["toelichting"]


async def test_als_brief_voor_de_inwoner(intake: httpx.AsyncClient) -> None:
    m, _ = await verzonden_zaak(intake)
    r = await intake.get(
        f"/api/v1/clienten/{m['clientId']}/dossier", headers={**GW, "Accept": "application/pdf"}
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    tekst = lees.tekst(r.content)
    assert "Uw Wmo-dossier" in tekst
    assert "Sanne Veenstra" in tekst
    assert "IBO-3 regulier (zorg in natura): loopt nu." in tekst
    assert lees.pdfa(r.content) == ("3", "A")


async def test_alleen_de_eigen_gemeente_en_rol(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    pad = f"/api/v1/clienten/{m['clientId']}/dossier"
    assert (await intake.get(pad, headers=ANDERE_GEMEENTE)).status_code == 404
    aanbieder = auth("aanbieder", agb="12345678")
    assert (await intake.get(pad, headers=aanbieder)).status_code == 403
    r = await intake.get(
        "/api/v1/clienten/00000000-0000-0000-0000-000000000000/dossier", headers=GW
    )
    assert r.status_code == 404
    r = await intake.get("/api/v1/clienten/999993653/dossier", headers=GW)
    assert r.status_code == 400


async def test_de_delen_van_de_andere_diensten(
    pgb: httpx.AsyncClient, indicatie: httpx.AsyncClient, finance: httpx.AsyncClient
) -> None:
    """Each service's own part: the BSN in the body (a bad one is a 400 naming it), roles
    gebiedsteam and beheer only, an unknown person an empty part."""
    for peer in (pgb, indicatie, finance):
        pad = "/api/v1/dossier-verzoeken"
        r = await peer.post(pad, json={"bsn": "123456789"}, headers=GW)
        assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "bsn"
        r = await peer.post(pad, json={"bsn": "999993653"}, headers=auth("financien"))
        assert r.status_code == 403
        r = await peer.post(pad, json={"bsn": "999993653"}, headers=auth("beheer", "0687"))
        assert r.status_code == 200
        assert all(v == [] for v in r.json().values())
