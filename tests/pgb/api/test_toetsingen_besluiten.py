"""The toets over the API (wil/kan/kwaliteit per condition, rule IDs, ZIN alternative) and the
besluit (motivering when settling an oordeel or going against the toets, PGB-01/02)."""

from __future__ import annotations

import uuid

import httpx

from tests.pgb.api.helpers import (
    VAARDIGHEDEN,
    audit_acties,
    besluit,
    fetch,
    gt,
    key,
    nieuw_plan,
)
from tests.support.stack import TestDatabase, auth


async def _toets(client: httpx.AsyncClient, plan_id: str) -> dict:
    r = await client.post(f"/api/v1/pgb-plannen/{plan_id}/toetsingen", headers=gt())
    assert r.status_code == 201, r.text
    return r.json()


def _voorwaarde(toetsing: dict, naam: str) -> dict:
    (v,) = [v for v in toetsing["voorwaarden"] if v["naam"] == naam]
    return v


async def test_scenario_c_toets_is_voldaan(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    plan = await nieuw_plan(pgb_api)
    t = await _toets(pgb_api, plan["id"])
    assert t["uitkomst"] == "voldaan"
    assert t["planVersie"] == 1
    assert {v["naam"]: v["uitkomst"] for v in t["voorwaarden"]} == {
        "wil": "voldaan",
        "kan": "voldaan",
        "kwaliteit": "voldaan",
    }
    assert "PGB-03" in _voorwaarde(t, "wil")["regels"]
    assert {"PGB-04", "PGB-06"} <= set(_voorwaarde(t, "kan")["regels"])
    assert {"PGB-07", "PGB-13"} <= set(_voorwaarde(t, "kwaliteit")["regels"])
    assert t["kwalificatie"] == "informeel_overig"
    assert t["alternatief"] is None
    assert all(r["toelichting"] for r in t["regels"])
    rows = await fetch(
        db, "SELECT uitkomst FROM pgb.toetsingen WHERE pgb_plan_id = $1", uuid.UUID(plan["id"])
    )
    assert [r["uitkomst"] for r in rows] == ["voldaan"]
    assert "toetsen" in await audit_acties(db, "pgb-plan", plan["id"])


async def test_bewindvoerder_may_manage(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(
        pgb_api,
        beheerder={
            "rol": "bewindvoerder",
            "naam": "Bewind BV",
            "vaardigheden": VAARDIGHEDEN,
            "heeftTijdEnRuimte": True,
            "relatieMetZorgverlener": "geen",
            "beheerkosten": "kosteloos",
        },
        risicosituaties={"problematischeSchulden": True, "schuldhulp": "bewind"},
    )
    t = await _toets(pgb_api, plan["id"])
    kan = _voorwaarde(t, "kan")
    assert kan["uitkomst"] == "voldaan"
    pgb06 = [b for b in kan["bevindingen"] if b["rule"] == "PGB-06"]
    assert any("bewindvoerder mag het pgb beheren" in b["toelichting"] for b in pgb06)


async def test_dubbelrol_fails_and_offers_zin(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, beheerder={"relatieMetZorgverlener": "zelfde_persoon"})
    t = await _toets(pgb_api, plan["id"])
    assert t["uitkomst"] == "niet_voldaan"
    kan = _voorwaarde(t, "kan")
    assert kan["uitkomst"] == "niet_voldaan"
    assert any(
        b["rule"] == "PGB-06" and b["uitkomst"] == "niet_voldaan" for b in kan["bevindingen"]
    )
    assert t["alternatief"] == "zorg_in_natura"
    assert any(b["rule"] == "PGB-01" and "natura" in b["toelichting"] for b in t["bevindingen"])

    # Granting against the toets needs a motivering naming the deciding rule.
    r = await besluit(pgb_api, plan["id"], uitkomst="toegekend")
    assert r.status_code == 400
    problem = r.json()
    assert problem["invalidParams"][0]["name"] == "motivering"
    assert problem["rules"] == ["PGB-06"]
    # Following the toets needs none: afgewezen, ZIN instead.
    r = await besluit(pgb_api, plan["id"], uitkomst="afgewezen")
    assert r.status_code == 201, r.text
    assert r.json()["leveringsvorm"] == "zorg_in_natura"
    assert r.json()["volgtToets"] is True
    assert r.json()["budget"] is None


async def test_oordeel_consulent_needs_motivering(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, keuze={"geinformeerdOverZin": None})
    t = await _toets(pgb_api, plan["id"])
    assert t["uitkomst"] == "oordeel_consulent"
    assert _voorwaarde(t, "wil")["uitkomst"] == "oordeel_consulent"
    r = await besluit(pgb_api, plan["id"], uitkomst="afgewezen")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "motivering"
    assert r.json()["rules"] == ["PGB-03"]
    r = await besluit(
        pgb_api, plan["id"], uitkomst="afgewezen", motivering="Inwoner kiest na gesprek ZIN."
    )
    assert r.status_code == 201
    body = r.json()
    assert body["volgtToets"] is False
    assert body["motivering"] == "Inwoner kiest na gesprek ZIN."
    assert body["regels"][-1]["rule"] == "PGB-01"


async def test_plan_without_content_is_refused_pgb_02(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, keuze={"reden": ""}, doelen=[], kwaliteitswaarborg="")
    t = await _toets(pgb_api, plan["id"])
    assert t["uitkomst"] == "niet_voldaan"
    assert "PGB-02" in _voorwaarde(t, "wil")["regels"]
    r = await besluit(pgb_api, plan["id"], uitkomst="toegekend")
    assert r.status_code == 400
    assert r.json()["rules"] == ["PGB-02"]
    assert r.json()["invalidParams"][0]["name"] == "motivering"


async def test_besluit_once_then_plan_is_closed(
    pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    plan = await nieuw_plan(pgb_api, beheerder={"relatieMetZorgverlener": "zelfde_persoon"})
    h = {**gt(), **key()}
    url = f"/api/v1/pgb-plannen/{plan['id']}/besluiten"
    first = await pgb_api.post(url, json={"uitkomst": "afgewezen"}, headers=h)
    again = await pgb_api.post(url, json={"uitkomst": "afgewezen"}, headers=h)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    r = await besluit(pgb_api, plan["id"], uitkomst="afgewezen")
    assert r.status_code == 409
    assert "besloten" in r.json()["detail"]
    r = await pgb_api.get(f"/api/v1/pgb-plannen/{plan['id']}", headers=gt())
    assert r.json()["status"] == "besloten"
    inhoud = {
        k: v
        for k, v in r.json().items()
        if k in {"maatwerkvoorziening", "beheerder", "zorgverlener"}
    }
    r = await pgb_api.put(
        f"/api/v1/pgb-plannen/{plan['id']}", json=inhoud, headers={**gt(), "If-Match": "*"}
    )
    assert r.status_code == 409
    assert "besluiten" in await audit_acties(db, "pgb-plan", plan["id"])


async def test_besluit_rejections(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api)
    r = await besluit(pgb_api, plan["id"], uitkomst="misschien")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "uitkomst"
    r = await besluit(pgb_api, plan["id"], uitkomst="toegekend")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "ingangsdatum"
    r = await besluit(
        pgb_api, plan["id"], uitkomst="toegekend", ingangsdatum="2015-05-01", einddatum="2015-04-01"
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "einddatum"
    r = await besluit(pgb_api, str(uuid.uuid4()), uitkomst="afgewezen")
    assert r.status_code == 404
    r = await pgb_api.post(
        f"/api/v1/pgb-plannen/{plan['id']}/besluiten",
        json={"uitkomst": "afgewezen"},
        headers=auth("financien", "0718"),
    )
    assert r.status_code == 403
    r = await pgb_api.post(
        f"/api/v1/pgb-plannen/{plan['id']}/toetsingen", headers=auth("beheer", "0718")
    )
    assert r.status_code == 403


async def test_toetsing_retry_and_new_version(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    plan = await nieuw_plan(pgb_api, keuze={"geinformeerdOverZin": None})
    url = f"/api/v1/pgb-plannen/{plan['id']}/toetsingen"
    h = {**gt(), **key()}
    first = await pgb_api.post(url, headers=h)
    again = await pgb_api.post(url, headers=h)
    assert first.json()["id"] == again.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.json()["uitkomst"] == "oordeel_consulent"
    # the worker informs the inwoner, amends the plan and tests again
    read = (await pgb_api.get(f"/api/v1/pgb-plannen/{plan['id']}", headers=gt())).json()
    inhoud = {
        k: v
        for k, v in read.items()
        if k
        not in {
            "id",
            "gemeente",
            "bsn",
            "status",
            "versie",
            "aangemaaktOp",
            "gewijzigdOp",
            "aanvraagId",
            "maatwerkvoorzieningId",
        }
    }
    inhoud["keuze"]["geinformeerdOverZin"] = True
    r = await pgb_api.put(
        f"/api/v1/pgb-plannen/{plan['id']}", json=inhoud, headers={**gt(), "If-Match": 'W/"1"'}
    )
    assert r.status_code == 200, r.text
    t = (await pgb_api.post(url, headers=gt())).json()
    assert (t["uitkomst"], t["planVersie"]) == ("voldaan", 2)
    rows = await fetch(
        db,
        "SELECT plan_versie FROM pgb.toetsingen WHERE pgb_plan_id = $1 ORDER BY getoetst_op",
        uuid.UUID(plan["id"]),
    )
    assert [r["plan_versie"] for r in rows] == [1, 2]
    # a besluit with a stale If-Match is refused; with the current one it goes through
    r = await pgb_api.post(
        f"/api/v1/pgb-plannen/{plan['id']}/besluiten",
        json={"uitkomst": "afgewezen", "motivering": "Inwoner ziet af van het pgb."},
        headers={**gt(), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 412
    r = await pgb_api.post(
        f"/api/v1/pgb-plannen/{plan['id']}/besluiten",
        json={"uitkomst": "afgewezen", "motivering": "Inwoner ziet af van het pgb."},
        headers={**gt(), "If-Match": 'W/"2"'},
    )
    assert r.status_code == 201, r.text
    assert r.json()["volgtToets"] is False


async def test_besluit_if_match(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, beheerder={"relatieMetZorgverlener": "zelfde_persoon"})
    url = f"/api/v1/pgb-plannen/{plan['id']}/besluiten"
    r = await pgb_api.post(
        url, json={"uitkomst": "afgewezen"}, headers={**gt(), "If-Match": 'W/"9"'}
    )
    assert r.status_code == 412
    r = await pgb_api.post(
        url, json={"uitkomst": "afgewezen"}, headers={**gt(), "If-Match": 'W/"1"'}
    )
    assert r.status_code == 201


async def test_plan_roles(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api)
    url = f"/api/v1/pgb-plannen/{plan['id']}"
    assert (await pgb_api.get(url, headers=auth("beheer", "0718"))).status_code == 200
    assert (await pgb_api.get(url, headers=auth("financien", "0718"))).status_code == 403
    r = await pgb_api.put(url, json={}, headers={**auth("beheer", "0718"), "If-Match": "*"})
    assert r.status_code == 403
    r = await pgb_api.post(
        "/api/v1/pgb-plannen/_zoek", json={"bsn": plan["bsn"]}, headers=auth("systeem", "0718")
    )
    assert r.status_code == 403
    r = await pgb_api.post("/api/v1/pgb-plannen/_zoek", json={"bsn": "12"}, headers=gt())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "bsn"
