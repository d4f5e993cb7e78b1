"""Issue 12.1 in-process, with the real pgb, indicatie and finance apps as intake's peers: a
beschikking rests on decisions that exist, are the cliënt's own and are decided; it takes
their numbers over and refuses a typed one that differs; a peer that is down stores nothing.
The eenmalig pgb paid to the supplier (FIN-05, issue 16.4) the same way, without eigen
bijdrage: its CAK event says so, and so does the letter."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import GW, aanvraag, h, melding, onderzoek, voorziening
from tests.intake.api.peers import (
    PGB,
    aanvraag_van_client,
    app_van,
    bsn_van_melding,
    eenmalig_pgb,
    met_besluiten,
    tegemoetkoming,
    vastgelegde_indicatie,
)
from tests.support.stack import TestDatabase, auth
from wmo_shared.client import ServiceClient
from wmo_shared.contracts import MaatwerkvoorzieningEvent

URL = "/api/v1/beschikkingen"


async def _zaak(intake: httpx.AsyncClient, headers: dict[str, str] = GW) -> dict[str, Any]:
    m = await melding(intake, headers=headers)
    await onderzoek(intake, m["id"], headers)
    a = await aanvraag(intake, m["id"], headers)
    bsn = await bsn_van_melding(intake, m["id"], headers)
    assert bsn is not None
    return {"melding": m["id"], "aanvraag": a["id"], "bsn": bsn}


def _body(zaak: dict[str, Any], v: dict[str, Any]) -> dict[str, Any]:
    return {
        "meldingId": zaak["melding"],
        "aanvraagId": zaak["aanvraag"],
        "soort": "toekenning",
        "besluitdatum": "2026-03-25",
        "motivering": "Na onderzoek.",
        "maatwerkvoorzieningen": [v],
    }


def _fout(r: httpx.Response, status: int, code: str, veld: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    problem = dict(r.json())
    assert problem["code"] == code, problem
    assert [p["name"] for p in problem["invalidParams"]] == [veld], problem
    return problem


async def _aantal_beschikkingen(db: TestDatabase, melding_id: str) -> int:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        n = await conn.fetchval(
            "SELECT count(*) FROM intake.beschikkingen WHERE melding_id = $1",
            uuid.UUID(melding_id),
        )
        return int(n)
    finally:
        await conn.close()


def _tk(tk_id: str, **extra: Any) -> dict[str, Any]:
    return voorziening(
        leveringsvorm="financiele_tegemoetkoming",
        productcategorie="13",
        productcode="13A01",
        indicatieId=None,
        omvang=None,
        aanbiederAgb=None,
        tegemoetkomingId=tk_id,
        **extra,
    )


async def test_de_indicatie_bestaat_is_van_de_client_en_actief(
    intake: httpx.AsyncClient, indicatie: httpx.AsyncClient
) -> None:
    zaak = await _zaak(intake)
    veld = "maatwerkvoorzieningen.0.indicatieId"
    r = await intake.post(
        URL, json=_body(zaak, voorziening(indicatieId=str(uuid.uuid4()))), headers=h()
    )
    _fout(r, 400, "onbekende-verwijzing", veld)
    ander = await _zaak(intake)
    van_een_ander = await vastgelegde_indicatie(intake, ander["bsn"], ander["aanvraag"])
    r = await intake.post(
        URL, json=_body(zaak, voorziening(indicatieId=van_een_ander["id"])), headers=h()
    )
    _fout(r, 400, "andere-client", veld)
    # The cliënt's own indicatie, but for another aanvraag (issue 12.1: indicatie refers to the
    # intake aanvraag it was recorded for).
    tweede = await aanvraag_van_client(intake, zaak["melding"])
    andere = await vastgelegde_indicatie(intake, zaak["bsn"], tweede)
    r = await intake.post(URL, json=_body(zaak, voorziening(indicatieId=andere["id"])), headers=h())
    _fout(r, 400, "andere-aanvraag", veld)
    # A replaced version is no longer the indicatie a beschikking rests on.
    eigen = await vastgelegde_indicatie(intake, zaak["bsn"], zaak["aanvraag"])
    herzien = await indicatie.post(
        f"/api/v1/indicaties/{eigen['id']}/beeindigingen",
        json={"einddatum": "2026-12-31", "reden": "Het gaat beter."},
        headers={**GW, "Idempotency-Key": str(uuid.uuid4()), "If-Match": 'W/"1"'},
    )
    assert herzien.status_code == 201, herzien.text
    r = await intake.post(URL, json=_body(zaak, voorziening(indicatieId=eigen["id"])), headers=h())
    problem = _fout(r, 409, "indicatie-niet-actief", veld)
    assert problem["rules"] == ["IND-04"]


async def test_omvang_en_duur_boven_de_indicatie_vragen_een_motivering(
    intake: httpx.AsyncClient,
) -> None:
    zaak = await _zaak(intake)
    ind = await vastgelegde_indicatie(intake, zaak["bsn"], zaak["aanvraag"])
    # 600 minutes a week on an indicatie of 3.5 hours a week (the case of issue 12)
    boven = {"volume": 600, "eenheid": "01", "frequentie": "2"}
    r = await intake.post(
        URL, json=_body(zaak, voorziening(indicatieId=ind["id"], omvang=boven)), headers=h()
    )
    assert _fout(r, 400, "boven-indicatie", "maatwerkvoorzieningen.0.omvang")["rules"] == ["IND-12"]
    r = await intake.post(
        URL,
        json=_body(zaak, voorziening(indicatieId=ind["id"], einddatum="2028-03-31")),
        headers=h(),
    )
    _fout(r, 400, "boven-indicatie", "maatwerkvoorzieningen.0.einddatum")
    r = await intake.post(
        URL,
        json=_body(
            zaak,
            voorziening(
                indicatieId=ind["id"],
                omvang=boven,
                motiveringAfwijking="Tijdelijk meer: de schulden moeten eerst op orde.",
            ),
        ),
        headers=h(),
    )
    assert r.status_code == 201, r.text
    regels = [g for g in r.json()["regels"] if g["rule"] == "IND-12"]
    assert regels and "schulden" in regels[0]["toelichting"]
    # Left out, the indicatie's omvang and period are taken over (3.5 h = 210 minutes a week).
    kaal = voorziening(indicatieId=ind["id"], omvang=None)
    kaal.pop("begindatum")
    kaal.pop("einddatum")
    r = await intake.post(URL, json=_body(zaak, kaal), headers=h())
    assert r.status_code == 201, r.text
    v = r.json()["maatwerkvoorzieningen"][0]
    assert v["omvang"] == {"volume": 210, "eenheid": "01", "frequentie": "2"}
    assert (v["begindatum"], v["einddatum"]) == ("2026-04-01", "2027-03-31")


async def test_de_tegemoetkoming_is_toegekend_en_haar_bedrag_wordt_overgenomen(
    intake: httpx.AsyncClient,
) -> None:
    zaak = await _zaak(intake)
    veld = "maatwerkvoorzieningen.0.tegemoetkomingId"
    berekend = await tegemoetkoming(intake, zaak["bsn"], toekennen=False)
    r = await intake.post(URL, json=_body(zaak, _tk(berekend["id"])), headers=h())
    _fout(r, 409, "niet-besloten", veld)
    tk = await tegemoetkoming(intake, zaak["bsn"])
    r = await intake.post(URL, json=_body(zaak, _tk(tk["id"], bedrag="13600.00")), headers=h())
    problem = _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.bedrag")
    assert problem["rules"] == ["FIN-01"]
    r = await intake.post(URL, json=_body(zaak, _tk(tk["id"], kostprijs="14250.00")), headers=h())
    _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.kostprijs")
    r = await intake.post(URL, json=_body(zaak, _tk(tk["id"], eigenBijdrage=False)), headers=h())
    _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.eigenBijdrage")
    ander = await _zaak(intake)
    r = await intake.post(URL, json=_body(ander, _tk(tk["id"])), headers=h())
    _fout(r, 400, "andere-client", veld)
    r = await intake.post(URL, json=_body(zaak, _tk(tk["id"])), headers=h())
    assert r.status_code == 201, r.text
    v = r.json()["maatwerkvoorzieningen"][0]
    assert (v["bedrag"], v["kostprijs"], v["eigenBijdrage"]) == ("12240.00", "13600.00", True)
    assert {"FIN-01", "FIN-08"} <= {g["rule"] for g in r.json()["regels"]}


async def test_het_pgb_is_toegekend_en_budget_en_periode_worden_overgenomen(
    intake: httpx.AsyncClient,
) -> None:
    vlissingen = auth("gebiedsteam", "0718")
    zaak = await _zaak(intake, vlissingen)
    pgb_v = voorziening(
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        aanbiederAgb=None,
        pgbPlanId=PGB,
    )
    body = await met_besluiten(intake, _body(zaak, pgb_v), vlissingen)
    plan_id = body["maatwerkvoorzieningen"][0]["pgbPlanId"]
    anders = {**body["maatwerkvoorzieningen"][0], "einddatum": "2015-06-30"}
    r = await intake.post(
        URL, json={**body, "maatwerkvoorzieningen": [anders]}, headers=h(vlissingen)
    )
    _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.einddatum")
    te_veel = {**body["maatwerkvoorzieningen"][0], "bedrag": "99999.00"}
    r = await intake.post(
        URL, json={**body, "maatwerkvoorzieningen": [te_veel]}, headers=h(vlissingen)
    )
    _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.bedrag")
    r = await intake.post(URL, json=body, headers=h(vlissingen))
    assert r.status_code == 201, r.text
    v = r.json()["maatwerkvoorzieningen"][0]
    assert (v["pgbPlanId"], v["begindatum"], v["einddatum"]) == (
        plan_id,
        "2015-03-01",
        "2015-12-31",
    )
    assert v["bedrag"] is not None
    # A second toekenning on the same budget: 409, a herziening changes the first instead.
    r = await intake.post(URL, json=body, headers=h(vlissingen))
    assert _fout(r, 409, "pgb-al-beschikt", "maatwerkvoorzieningen.0.pgbPlanId")["rules"] == [
        "PGB-11"
    ]
    # A plan without a besluit is not a pgb a beschikking rests on.
    peer: ServiceClient = app_van(intake).state.clients["pgb"]
    from tests.pgb.api.helpers import plan

    concept = await peer.post_json(
        "/api/v1/pgb-plannen",
        plan(bsn=zaak["bsn"], aanvraagId=zaak["aanvraag"], maatwerkvoorzieningNodig=True),
        token=vlissingen["Authorization"].split()[1],
        idempotency_key=str(uuid.uuid4()),
    )
    open_ = {**pgb_v, "pgbPlanId": concept["id"]}
    r = await intake.post(URL, json=_body(zaak, open_), headers=h(vlissingen))
    _fout(r, 409, "pgb-niet-toegekend", "maatwerkvoorzieningen.0.pgbPlanId")


async def test_een_peer_die_plat_ligt_is_503_en_er_wordt_niets_opgeslagen(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    zaak = await _zaak(intake)
    ind = await vastgelegde_indicatie(intake, zaak["bsn"], zaak["aanvraag"])

    def plat(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down")

    app_van(intake).state.clients["indicatie"] = ServiceClient(
        "indicatie", "http://indicatie", transport=httpx.MockTransport(plat), retries=0
    )
    r = await intake.post(URL, json=_body(zaak, voorziening(indicatieId=ind["id"])), headers=h())
    assert r.status_code == 503, r.text
    assert r.json()["code"] == "indicatie-niet-beschikbaar"
    assert await _aantal_beschikkingen(db, zaak["melding"]) == 0


async def test_het_product_is_dat_van_de_indicatie(intake: httpx.AsyncClient) -> None:
    """IND-04: a beschikking on an indicatie grants the product it was recorded for."""
    zaak = await _zaak(intake)
    ind = await vastgelegde_indicatie(intake, zaak["bsn"], zaak["aanvraag"])
    for veld, waarde in (("productcode", "02A04"), ("productcategorie", "03")):
        v = voorziening(indicatieId=ind["id"], **{veld: waarde})
        r = await intake.post(URL, json=_body(zaak, v), headers=h())
        problem = _fout(r, 400, "wijkt-af-van-besluit", f"maatwerkvoorzieningen.0.{veld}")
        assert problem["rules"] == ["IND-04"]
    r = await intake.post(URL, json=_body(zaak, voorziening(indicatieId=ind["id"])), headers=h())
    assert r.status_code == 201, r.text


def _ep(pgb_id: str | None, **extra: Any) -> dict[str, Any]:
    v = voorziening(
        leveringsvorm="eenmalig_pgb",
        productcategorie="13",
        productcode="13B01",
        omschrijving="Traplift",
        indicatieId=None,
        omvang=None,
        aanbiederAgb=None,
        eenmaligPgbId=pgb_id,
        **{"eigenBijdrage": False, **extra},
    )
    del v["einddatum"]
    if "begindatum" not in extra:
        del v["begindatum"]  # taken over: the pgb's besluitdatum
    return v


async def _cak_events(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT destination, payload FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


async def test_het_eenmalig_pgb_bestaat_is_van_de_client_en_zijn_bedrag_wordt_overgenomen(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    zaak = await _zaak(intake)
    veld = "maatwerkvoorzieningen.0.eenmaligPgbId"
    r = await intake.post(URL, json=_body(zaak, _ep(None, begindatum="2026-04-01")), headers=h())
    _fout(r, 400, "verplicht", "maatwerkvoorzieningen[0].eenmaligPgbId")
    r = await intake.post(URL, json=_body(zaak, _ep(str(uuid.uuid4()))), headers=h())
    _fout(r, 400, "onbekende-verwijzing", veld)
    ander = await _zaak(intake)
    van_een_ander = await eenmalig_pgb(intake, ander["bsn"])
    r = await intake.post(URL, json=_body(zaak, _ep(van_een_ander["id"])), headers=h())
    _fout(r, 400, "andere-client", veld)
    tweede = await aanvraag_van_client(intake, zaak["melding"])
    andere = await eenmalig_pgb(intake, zaak["bsn"], tweede)
    r = await intake.post(URL, json=_body(zaak, _ep(andere["id"])), headers=h())
    _fout(r, 400, "andere-aanvraag", veld)
    ep = await eenmalig_pgb(intake, zaak["bsn"], zaak["aanvraag"])
    # typed values that differ from finance's besluit
    r = await intake.post(URL, json=_body(zaak, _ep(ep["id"], eigenBijdrage=True)), headers=h())
    problem = _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.eigenBijdrage")
    assert problem["rules"] == ["FIN-05", "FIN-08"]
    r = await intake.post(URL, json=_body(zaak, _ep(ep["id"], bedrag="1575.00")), headers=h())
    problem = _fout(r, 400, "wijkt-af-van-besluit", "maatwerkvoorzieningen.0.bedrag")
    assert problem["rules"] == ["FIN-05"]
    zin = voorziening(eenmaligPgbId=ep["id"])
    r = await intake.post(URL, json=await met_besluiten(intake, _body(zaak, zin)), headers=h())
    _fout(r, 400, "niet-toegestaan", "maatwerkvoorzieningen[0].eenmaligPgbId")

    r = await intake.post(URL, json=_body(zaak, _ep(ep["id"])), headers=h())
    assert r.status_code == 201, r.text
    b = r.json()
    v = b["maatwerkvoorzieningen"][0]
    assert (v["bedrag"], v["kostprijs"], v["eigenBijdrage"], v["begindatum"]) == (
        "1750.00",
        "1750.00",
        False,
        "2026-03-20",
    )
    assert v["eenmaligPgbId"] == ep["id"]
    assert {"FIN-05", "FIN-08"} <= {g["rule"] for g in b["regels"]}
    # one toekenning per eenmalig pgb: it was paid to the supplier once
    r = await intake.post(URL, json=_body(zaak, _ep(ep["id"])), headers=h())
    assert _fout(r, 409, "eenmalig-pgb-al-beschikt", veld)["rules"] == ["FIN-05"]

    # sent: the CAK register hears of it, without eigen bijdrage; the letter says so
    verzonden = await intake.post(
        f"{URL}/{b['id']}/verzendingen", json={"verzenddatum": "2026-03-25"}, headers=h()
    )
    assert verzonden.status_code == 201, verzonden.text
    [event] = await _cak_events(db, b["id"])
    assert event["destination"] == "finance"
    e = MaatwerkvoorzieningEvent.model_validate(event["payload"])
    assert (e.leveringsvorm, e.eigen_bijdrage, str(e.eenmalig_pgb_id)) == (
        "eenmalig_pgb",
        False,
        ep["id"],
    )
    r = await intake.get(f"{URL}/{b['id']}", headers={**GW, "Accept": "text/html"})
    assert r.status_code == 200
    assert "geen eigen bijdrage" in r.text and "rechtstreeks aan" in r.text
    assert "€ 1.750,00" in r.text


async def test_finance_plat_bij_een_eenmalig_pgb_is_503_en_niets_opgeslagen(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    zaak = await _zaak(intake)
    ep = await eenmalig_pgb(intake, zaak["bsn"], zaak["aanvraag"])

    def plat(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down")

    app_van(intake).state.clients["finance"] = ServiceClient(
        "finance", "http://finance", transport=httpx.MockTransport(plat), retries=0
    )
    r = await intake.post(URL, json=_body(zaak, _ep(ep["id"])), headers=h())
    assert r.status_code == 503, r.text
    assert r.json()["code"] == "finance-niet-beschikbaar"
    assert await _aantal_beschikkingen(db, zaak["melding"]) == 0
