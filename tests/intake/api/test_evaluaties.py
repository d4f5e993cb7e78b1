"""The review cycle (issue 14.4): an evaluatie of a running maatwerkvoorziening rates every
goal, records the uitkomst, plans the next review from IND-11 (or the worker's date), shows it
in the werkvoorraad; wijzigen leads to a herziening (also while a herindicatie runs),
beëindigen to an intrekking; isolation and roles."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    beschikking,
    h,
    verzend,
    verzonden_zaak,
    voorziening,
)
from tests.support.stack import auth

DOEL = "contacten_en_participatie: Regie over het eigen leven"


def _body(**overrides: Any) -> dict[str, Any]:
    return {
        "evaluatiedatum": "2026-10-01",
        "doelrealisatie": [{"doel": DOEL, "realisatie": "deels", "toelichting": "Gaat beter"}],
        "uitkomst": "voortzetten",
        "toelichting": "Gesprek met cliënt en aanbieder.",
        "duurcategorie": "snel_haalbaar",
        **overrides,
    }


async def _evalueer(
    intake: httpx.AsyncClient, voorziening_id: str, status: int = 201, **overrides: Any
) -> dict[str, Any]:
    headers = overrides.pop("_headers", None)
    r = await intake.post(
        f"/api/v1/maatwerkvoorzieningen/{voorziening_id}/evaluaties",
        json=_body(**overrides),
        headers=h(headers),
    )
    assert r.status_code == status, r.text
    return dict(r.json())


async def _evaluaties_in_werkvoorraad(
    intake: httpx.AsyncClient, voorziening_id: str, **params: str
) -> list[dict[str, Any]]:
    r = await intake.get(
        "/api/v1/werkvoorraad",
        params={"soort": "evaluatie", "limit": "200", **params},
        headers=GW,
    )
    assert r.status_code == 200, r.text
    return [i for i in r.json()["resultaten"] if i["referentieId"] == voorziening_id]


async def test_voortzetten_plant_de_volgende_evaluatie(intake: httpx.AsyncClient) -> None:
    m, b = await verzonden_zaak(intake)
    v = b["maatwerkvoorzieningen"][0]["id"]
    e = await _evalueer(intake, v)
    assert e["volgendeEvaluatieOp"] == "2027-04-01" and e["vervolg"] is None
    assert {r["rule"] for r in e["regels"]} == {"EVA-01", "EVA-03", "IND-11"}
    [item] = await _evaluaties_in_werkvoorraad(intake, v, peildatum="2027-03-01")
    assert (item["uiterlijk"], item["rule"], item["meldingId"]) == ("2027-04-01", "IND-11", m["id"])
    assert await _evaluaties_in_werkvoorraad(intake, v, peildatum="2027-03-01", binnenWeken="6")
    assert not await _evaluaties_in_werkvoorraad(intake, v, peildatum="2027-03-01", binnenWeken="2")
    # The worker may set the date (IND-11 is indicative); the newest evaluatie counts
    e2 = await _evalueer(intake, v, evaluatiedatum="2026-11-01", volgendeEvaluatieOp="2027-01-15")
    [item] = await _evaluaties_in_werkvoorraad(intake, v, peildatum="2027-01-01")
    assert item["uiterlijk"] == "2027-01-15"
    r = await intake.get(f"/api/v1/maatwerkvoorzieningen/{v}/evaluaties", headers=GW)
    assert [x["id"] for x in r.json()["resultaten"]] == [e["id"], e2["id"]]
    r = await intake.get(f"/api/v1/evaluaties/{e['id']}", headers=GW)
    assert r.status_code == 200 and r.json()["doelrealisatie"][0]["realisatie"] == "deels"


async def test_doelen_van_de_opdracht(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    v = b["maatwerkvoorzieningen"][0]["id"]
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": v, "doelen": ["Post openen", "Dagstructuur"]},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    fout = await _evalueer(intake, v, 400)
    assert fout["invalidParams"][0]["name"] == "doelrealisatie.0.doel"
    assert fout["rules"] == ["EVA-01"]
    half = [{"doel": "Post openen", "realisatie": "behaald"}]
    fout = await _evalueer(intake, v, 400, doelrealisatie=half)
    assert fout["code"] == "doel-niet-beoordeeld"
    dubbel = [*half, *half]
    assert (await _evalueer(intake, v, 400, doelrealisatie=dubbel))["code"] == "doel-dubbel"
    beide = [*half, {"doel": "Dagstructuur", "realisatie": "niet"}]
    e = await _evalueer(intake, v, doelrealisatie=beide)
    assert "1 behaald, 1 niet behaald" in e["regels"][0]["toelichting"]


async def test_wijzigen_tijdens_herindicatie_en_beeindigen(intake: httpx.AsyncClient) -> None:
    m, b = await verzonden_zaak(intake)
    v = b["maatwerkvoorzieningen"][0]["id"]
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/herindicaties",
        json={"datum": "2026-09-01", "reden": "Na een half jaar opnieuw bekijken"},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    e = await _evalueer(intake, v, uitkomst="wijzigen")
    assert e["vervolg"]["soort"] == "herziening" and e["vervolg"]["vorigeBeschikkingId"] == b["id"]
    herziening = await beschikking(
        intake,
        m["id"],
        None,
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        maatwerkvoorzieningen=[
            voorziening(begindatum="2026-11-01", einddatum="2027-03-31", vervangtId=v)
        ],
    )
    await verzend(intake, herziening["id"])
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "herindicatie"
    # The replaced voorziening runs no more; the new one does, and can end
    assert (await _evalueer(intake, v, 409))["code"] == "voorziening-loopt-niet"
    assert not await _evaluaties_in_werkvoorraad(intake, v, peildatum="2027-03-01")
    nieuw = herziening["maatwerkvoorzieningen"][0]["id"]
    e = await _evalueer(intake, nieuw, evaluatiedatum="2026-11-15", uitkomst="beeindigen")
    assert e["volgendeEvaluatieOp"] is None and e["vervolg"]["soort"] == "intrekking"
    assert not await _evaluaties_in_werkvoorraad(intake, nieuw, peildatum="2027-03-01")


async def test_ongeldig_isolatie_en_rollen(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    v = b["maatwerkvoorzieningen"][0]["id"]
    fout = await _evalueer(intake, v, 400, duurcategorie=None)
    assert fout["invalidParams"][0]["name"] == "duurcategorie"
    fout = await _evalueer(intake, v, 400, evaluatiedatum="2026-03-01")
    assert fout["invalidParams"][0]["name"] == "evaluatiedatum"
    fout = await _evalueer(intake, v, 400, volgendeEvaluatieOp="2026-09-01")
    assert fout["invalidParams"][0]["name"] == "volgendeEvaluatieOp"
    assert (await _evalueer(intake, v, 400, uitkomst="stoppen"))["invalidParams"]
    await _evalueer(intake, v, 404, _headers=ANDERE_GEMEENTE)
    e = await _evalueer(intake, v)
    assert (
        await intake.get(f"/api/v1/evaluaties/{e['id']}", headers=ANDERE_GEMEENTE)
    ).status_code == 404
    r = await intake.get(f"/api/v1/maatwerkvoorzieningen/{v}/evaluaties", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    for rol in ("financien", "aanbieder", "clientondersteuner"):
        r = await intake.post(
            f"/api/v1/maatwerkvoorzieningen/{v}/evaluaties", json=_body(), headers=h(auth(rol))
        )
        assert r.status_code == 403, rol
