"""Aanvraag, beschikking, verzending and the outbox events to finance and pgb."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    aanvraag,
    beschikking,
    h,
    melding,
    onderzoek,
    verzend,
    verzonden_zaak,
    voorziening,
)
from tests.intake.api.peers import PGB, bsn_van_melding, met_besluiten, tegemoetkoming
from tests.intake.api.vlissingen import verzonden_zaak_2015
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import MaatwerkvoorzieningEvent, PgbBeschiktEvent


async def _events(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT destination, path, event_type, payload FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


async def test_aanvraag_termijn_en_status(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    assert a["beschikkingstermijn"]["uiterlijk"] == "2026-03-30"
    assert a["beschikkingstermijn"]["rule"] == "INT-03"
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "aanvraag"
    r = await intake.get(f"/api/v1/aanvragen/{a['id']}", headers=GW)
    assert r.status_code == 200
    r = await intake.get(f"/api/v1/aanvragen/{a['id']}", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404


async def test_toekenning_zin_met_eigen_bijdrage(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)
    assert b["status"] == "verzonden"
    assert b["bezwaartermijn"]["uiterlijk"] == "2026-05-06"
    assert "INT-04" in {r["rule"] for r in b["regels"]}
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beschikking"
    events = await _events(db, b["id"])
    assert [(e["destination"], e["event_type"]) for e in events] == [
        ("finance", "maatwerkvoorziening-gestart")
    ]
    assert events[0]["path"] == "/api/v1/cak-voorzieningen"
    event = MaatwerkvoorzieningEvent.model_validate(events[0]["payload"])
    assert event.productcode == "02A03" and event.ingangsdatum.isoformat() == "2026-04-01"


async def test_verzonden_beschikking_verandert_niet(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    _, b = await verzonden_zaak(intake)
    r = await intake.post(
        f"/api/v1/beschikkingen/{b['id']}/verzendingen",
        json={"verzenddatum": "2026-03-26"},
        headers=h(),
    )
    assert r.status_code == 409
    assert r.json()["code"] == "beschikking-verzonden"
    assert len(await _events(db, b["id"])) == 1


async def test_verzending_idempotent_en_if_match(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    b = await beschikking(intake, m["id"], a["id"])
    url = f"/api/v1/beschikkingen/{b['id']}/verzendingen"
    r = await intake.post(
        url, json={"verzenddatum": "2026-03-25"}, headers={**h(), "If-Match": 'W/"7"'}
    )
    assert r.status_code == 412
    headers = h()
    first = await intake.post(url, json={"verzenddatum": "2026-03-25"}, headers=headers)
    again = await intake.post(url, json={"verzenddatum": "2026-03-25"}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(await _events(db, b["id"])) == 1


async def test_pgb_en_tegemoetkoming(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    _, b = await verzonden_zaak_2015(
        intake,  # Vlissingen 2015: Anna's pgb (scenario C), decided in pgb
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        pgbPlanId=PGB,
        aanbiederAgb=None,
    )
    plan = b["maatwerkvoorzieningen"][0]["pgbPlanId"]
    assert b["maatwerkvoorzieningen"][0]["begindatum"] == "2015-03-01"  # taken over
    events = await _events(db, b["id"])
    assert [(e["destination"], e["event_type"]) for e in events] == [
        ("finance", "maatwerkvoorziening-gestart"),
        ("pgb", "pgb-beschikt"),
    ]
    assert events[1]["path"] == "/api/v1/budget-beschikkingen"
    assert str(PgbBeschiktEvent.model_validate(events[1]["payload"]).pgb_plan_id) == plan
    m = await melding(intake)
    tk = await tegemoetkoming(intake, await bsn_van_melding(intake, m["id"], GW) or "")
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    b = await beschikking(
        intake,
        m["id"],
        a["id"],
        maatwerkvoorzieningen=[
            voorziening(
                leveringsvorm="financiele_tegemoetkoming",
                productcategorie="14",
                productcode="14A01",
                indicatieId=None,
                omvang=None,
                tegemoetkomingId=tk["id"],
                aanbiederAgb=None,
            )
        ],
    )
    b = await verzend(intake, b["id"])
    v = b["maatwerkvoorzieningen"][0]
    assert (v["bedrag"], v["kostprijs"]) == ("12240.00", "13600.00")  # taken over
    events = await _events(db, b["id"])
    assert [e["event_type"] for e in events] == ["maatwerkvoorziening-gestart"]
    assert events[0]["payload"]["leveringsvorm"] == "financiele_tegemoetkoming"
    # Finance's CAK receiver takes the regime (FIN-08) of this tegemoetkoming.
    assert events[0]["payload"]["tegemoetkomingId"] == tk["id"]
    assert events[0]["payload"]["eigenBijdrage"] is True


async def test_verwijzingen_verplicht(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    base = {
        "meldingId": m["id"],
        "aanvraagId": a["id"],
        "soort": "toekenning",
        "besluitdatum": "2026-03-25",
        "motivering": "x",
    }
    gevallen = [
        (voorziening(leveringsvorm="pgb"), "maatwerkvoorzieningen[0].pgbPlanId"),
        (
            voorziening(leveringsvorm="financiele_tegemoetkoming"),
            "maatwerkvoorzieningen[0].tegemoetkomingId",
        ),
        (voorziening(indicatieId=None), "maatwerkvoorzieningen[0].indicatieId"),
        (voorziening(einddatum="2026-01-01"), "maatwerkvoorzieningen[0].einddatum"),
        (voorziening(productcategorie="2"), "maatwerkvoorzieningen.0.productcategorie"),
    ]
    for v, veld in gevallen:
        r = await intake.post(
            "/api/v1/beschikkingen",
            json=await met_besluiten(intake, {**base, "maatwerkvoorzieningen": [v]}),
            headers=h(),
        )
        assert r.status_code == 400, (veld, r.text)
        assert r.json()["invalidParams"][0]["name"] == veld
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(intake, {**base, "maatwerkvoorzieningen": []}),
        headers=h(),
    )
    assert r.json()["invalidParams"][0]["name"] == "maatwerkvoorzieningen"
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake, {**base, "aanvraagId": None, "maatwerkvoorzieningen": [voorziening()]}
        ),
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["INT-09"]
    assert r.json()["invalidParams"][0]["name"] == "aanvraagId"
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(intake, {**base, "maatwerkvoorzieningen": [voorziening()]}),
        headers=h(ANDERE_GEMEENTE),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "meldingId"
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(intake, {**base, "maatwerkvoorzieningen": [voorziening()]}),
        headers=h(auth("aanbieder")),
    )
    assert r.status_code == 403


async def test_afwijzing_beeindigt_zaak(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            {
                "meldingId": m["id"],
                "aanvraagId": a["id"],
                "soort": "afwijzing",
                "besluitdatum": "2026-03-25",
                "motivering": "x",
            },
        ),
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "redenen"
    b = await beschikking(
        intake,
        m["id"],
        a["id"],
        soort="afwijzing",
        maatwerkvoorzieningen=[],
        redenen=["Een algemene voorziening lost de hulpvraag op (INT-06)."],
    )
    b = await verzend(intake, b["id"])
    assert b["bezwaartermijn"]["uiterlijk"] == "2026-05-06"
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beeindigd"
    assert await _events(db, b["id"]) == []


async def test_herziening_en_intrekking(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    m, b = await verzonden_zaak(intake)
    oud = b["maatwerkvoorzieningen"][0]["id"]
    h1 = await beschikking(
        intake,
        m["id"],
        None,
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        maatwerkvoorzieningen=[voorziening(begindatum="2026-07-01", vervangtId=oud)],
    )
    assert h1["vorigeBeschikkingId"] == b["id"]
    h1 = await verzend(intake, h1["id"])
    events = await _events(db, h1["id"])
    assert [e["event_type"] for e in events] == [
        "maatwerkvoorziening-beeindigd",
        "maatwerkvoorziening-gestart",
    ]
    assert events[0]["payload"]["maatwerkvoorzieningId"] == oud
    assert events[0]["payload"]["einddatum"] == "2026-06-30"
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=GW)
    assert r.json()["status"] == "verzonden" and r.json()["maatwerkvoorzieningen"][0]["id"] == oud
    i = await beschikking(
        intake,
        m["id"],
        None,
        soort="intrekking",
        vorigeBeschikkingId=h1["id"],
        beeindigingsdatum="2026-09-30",
        maatwerkvoorzieningen=[],
    )
    i = await verzend(intake, i["id"])
    events = await _events(db, i["id"])
    assert [e["event_type"] for e in events] == ["maatwerkvoorziening-beeindigd"]
    assert events[0]["payload"]["einddatum"] == "2026-09-30"
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beeindigd"
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            {
                "meldingId": m["id"],
                "soort": "herziening",
                "besluitdatum": "2026-03-25",
                "motivering": "x",
                "maatwerkvoorzieningen": [voorziening()],
            },
        ),
        headers=h(),
    )
    assert r.status_code == 409


async def test_herziening_vraagt_verzonden_vorige(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    concept = await beschikking(intake, m["id"], a["id"])
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            {
                "meldingId": m["id"],
                "soort": "herziening",
                "vorigeBeschikkingId": concept["id"],
                "besluitdatum": "2026-03-25",
                "motivering": "x",
                "maatwerkvoorzieningen": [voorziening()],
            },
        ),
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "vorigeBeschikkingId"


async def test_transferpunt_en_hospice_zonder_aanvraag(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    for kanaal in ("transferpunt_ziekenhuis", "hospice"):
        m = await melding(intake, kanaal=kanaal)
        assert m["geenAanvraagNodig"] is True
        b = await beschikking(
            intake,
            m["id"],
            None,
            maatwerkvoorzieningen=[
                voorziening(
                    productcategorie="01",
                    productcode="01A01",
                    indicatieId=None,
                    omvang={"volume": 5, "eenheid": "04", "frequentie": "2"},
                )
            ],
        )
        assert b["grondslag"] == kanaal
        b = await verzend(intake, b["id"])
        assert "INT-09" in {r["rule"] for r in b["regels"]}
        r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
        assert r.json()["status"] == "beschikking"
        assert len(await _events(db, b["id"])) == 1


async def test_spoed_beschikking_achteraf(intake: httpx.AsyncClient) -> None:
    """INT-10 in Ooststellingwerf (seed 001 Bijlage 2 §7.6): the recorded reason suffices; the
    Walcheren conditions (tests/intake/api/test_spoed_beleid.py) do not apply here."""
    spoed = {
        "soort": "spoed",
        "reden": "Mantelzorger plots opgenomen",
        "voorziening": "huishoudelijke hulp",
        "startdatum": "2026-02-09",
    }
    m = await melding(intake, urgentie="spoed", spoedgrond=spoed)
    assert "Bijlage 2 §7.6" in m["tijdelijkeVoorziening"]["regels"][-1]["toelichting"]
    b = await beschikking(intake, m["id"], None)
    assert b["grondslag"] == "spoed"
    b = await verzend(intake, b["id"])
    assert "INT-10" in {r["rule"] for r in b["regels"]}
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beschikking"


async def test_beschikking_lezen_isolatie_en_rol(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=GW)
    assert r.status_code == 200 and r.headers["ETag"] == 'W/"2"'
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=auth("financien"))
    assert r.status_code == 403


async def test_herindicatie_en_intrekking(intake: httpx.AsyncClient) -> None:
    m, b = await verzonden_zaak(intake)
    stap = {"datum": "2026-03-26", "reden": "Na een jaar opnieuw bekijken"}
    r = await intake.post(f"/api/v1/meldingen/{m['id']}/intrekkingen", json=stap, headers=h())
    assert r.status_code == 409
    assert "'beschikking'" in r.json()["detail"]
    r = await intake.post(f"/api/v1/meldingen/{m['id']}/herindicaties", json=stap, headers=h())
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "herindicatie"
    a = await aanvraag(intake, m["id"])
    h2 = await beschikking(
        intake,
        m["id"],
        a["id"],
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        maatwerkvoorzieningen=[
            voorziening(
                begindatum="2027-04-01",
                einddatum="2028-03-31",
                vervangtId=b["maatwerkvoorzieningen"][0]["id"],
                motiveringAfwijking="Herindicatie: nog een jaar nodig, de indicatie volgt.",
            )
        ],
    )
    await verzend(intake, h2["id"])
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "beschikking"
    nieuw = await melding(intake)
    r = await intake.post(
        f"/api/v1/meldingen/{nieuw['id']}/intrekkingen",
        json={"datum": "2026-02-10", "reden": "Opgelost met hulp van de buren"},
        headers=h(),
    )
    assert r.status_code == 201
    assert r.json()["status"] == "beeindigd"
    r = await intake.post(
        f"/api/v1/meldingen/{nieuw['id']}/herindicaties", json=stap, headers=h(ANDERE_GEMEENTE)
    )
    assert r.status_code == 404
