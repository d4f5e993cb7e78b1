"""Issue 12.1/12.2 in pgb: a pgb-plan or pgb-verzoek on an aanvraag rests on a real intake
aanvraag of the same cliënt, and whether a maatwerkvoorziening is necessary is what intake's
onderzoek concluded (PGB-01) — taken over, not typed again; a typed value that differs is a
400. Intake out of reach is a 503 and nothing is stored."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.pgb.api.helpers import (
    INTAKE,
    OOSTSTELLINGWERF,
    TOEKENNING_C,
    VLISSINGEN,
    aanvraag_van,
    besluit,
    bsn,
    gt,
    key,
    plan,
)
from tests.support.aanvragen import app_van, echte_aanvraag, onderzoek
from wmo_shared.client import ServiceClient

PLANNEN = "/api/v1/pgb-plannen"
VERZOEKEN = "/api/v1/pgb-verzoeken"


def _verzoek(cliënt: str, aanvraag: str, **changes: Any) -> dict[str, Any]:
    return {
        "bsn": cliënt,
        "aanvraagId": aanvraag,
        "maatwerkvoorziening": {"product": "huishoudelijke hulp", "productcode": "HH1"},
        "pgbPlanId": None,
        **changes,
    }


def _fout(r: httpx.Response, code: str, veld: str) -> dict[str, Any]:
    assert r.status_code == 400, r.text
    problem = dict(r.json())
    assert problem["code"] == code, problem
    assert [p["name"] for p in problem["invalidParams"]] == [veld], problem
    return problem


async def _plannen_van(pgb_api: httpx.AsyncClient, cliënt: str) -> list[Any]:
    r = await pgb_api.post(f"{PLANNEN}/_zoek", json={"bsn": cliënt}, headers=gt())
    return list(r.json()["resultaten"])


async def test_an_unknown_or_foreign_aanvraag_is_refused(pgb_api: httpx.AsyncClient) -> None:
    cliënt = bsn()
    elders = await aanvraag_van(cliënt, OOSTSTELLINGWERF)  # the cliënt's, in another gemeente
    for aanvraag in (str(uuid.uuid4()), elders):
        r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=aanvraag), headers=gt())
        _fout(r, "onbekende-aanvraag", "aanvraagId")
        r = await pgb_api.post(VERZOEKEN, json=_verzoek(cliënt, aanvraag), headers=gt())
        _fout(r, "onbekende-aanvraag", "aanvraagId")
    van_een_ander = await aanvraag_van(bsn())
    r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=van_een_ander), headers=gt())
    _fout(r, "andere-client", "bsn")
    r = await pgb_api.post(
        VERZOEKEN,
        json=_verzoek(cliënt, van_een_ander, maatwerkvoorzieningNodig=True),
        headers=gt(),
    )
    _fout(r, "andere-client", "bsn")
    assert await _plannen_van(pgb_api, cliënt) == []


async def test_the_onderzoeks_conclusion_is_taken_over_from_intake(
    pgb_api: httpx.AsyncClient,
) -> None:
    """The case of issue 12: the onderzoek found no maatwerkvoorziening necessary; the plan does
    not say so itself, yet the toets knows it and a toekenning is refused on PGB-01."""
    cliënt = bsn()
    aanvraag = await aanvraag_van(cliënt, conclusie="geen_maatwerk")
    r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=aanvraag), headers=gt())
    assert r.status_code == 201, r.text
    p = r.json()
    assert p["maatwerkvoorzieningNodig"] is False
    t = await pgb_api.post(f"{PLANNEN}/{p['id']}/toetsingen", headers=gt())
    assert t.status_code == 201, t.text
    assert [r["rule"] for r in t.json()["regels"]] == ["PGB-01"]
    r = await besluit(pgb_api, p["id"], **TOEKENNING_C)
    assert (r.status_code, r.json()["rules"]) == (400, ["PGB-01"])
    # the same for a request without a plan: refused on PGB-01, without ZIN
    r = await pgb_api.post(VERZOEKEN, json=_verzoek(cliënt, aanvraag), headers={**gt(), **key()})
    assert r.status_code == 201, r.text
    v = r.json()
    assert (v["maatwerkvoorzieningNodig"], v["alternatief"], v["rules"]) == (
        False,
        None,
        ["PGB-01"],
    )
    # where the onderzoek found it necessary, that is taken over too
    nodig = await aanvraag_van(cliënt, conclusie="maatwerk")
    r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=nodig), headers=gt())
    assert r.status_code == 201 and r.json()["maatwerkvoorzieningNodig"] is True


async def test_a_typed_conclusion_that_differs_is_pgb01(pgb_api: httpx.AsyncClient) -> None:
    cliënt = bsn()
    aanvraag = await aanvraag_van(cliënt, conclusie="geen_maatwerk")
    veld = "maatwerkvoorzieningNodig"
    body = plan(bsn=cliënt, aanvraagId=aanvraag, maatwerkvoorzieningNodig=True)
    problem = _fout(await pgb_api.post(PLANNEN, json=body, headers=gt()), "andere-conclusie", veld)
    assert problem["rules"] == ["PGB-01"]
    r = await pgb_api.post(
        VERZOEKEN, json=_verzoek(cliënt, aanvraag, maatwerkvoorzieningNodig=True), headers=gt()
    )
    assert _fout(r, "andere-conclusie", veld)["rules"] == ["PGB-01"]
    assert await _plannen_van(pgb_api, cliënt) == []
    # the same value is fine; a change of a concept plan is checked the same way
    body["maatwerkvoorzieningNodig"] = False
    r = await pgb_api.post(PLANNEN, json=body, headers=gt())
    assert r.status_code == 201, r.text
    inhoud = {k: v for k, v in body.items() if k not in {"bsn", "aanvraagId"}}
    r = await pgb_api.put(
        f"{PLANNEN}/{r.json()['id']}",
        json={**inhoud, "maatwerkvoorzieningNodig": True},
        headers={**gt(), "If-Match": 'W/"1"'},
    )
    assert _fout(r, "andere-conclusie", veld)["rules"] == ["PGB-01"]


async def test_without_a_conclusion_in_intake_the_typed_value_counts(
    pgb_api: httpx.AsyncClient,
) -> None:
    """No onderzoek (or an onvolledig one) yet: today's behaviour — the caller's value, or none
    on a plan; a request without a plan then needs it typed."""
    cliënt = bsn()
    for conclusie in (None, "onvolledig"):
        aanvraag = await aanvraag_van(cliënt, conclusie=conclusie)  # type: ignore[arg-type]
        body = plan(bsn=cliënt, aanvraagId=aanvraag, maatwerkvoorzieningNodig=True)
        r = await pgb_api.post(PLANNEN, json=body, headers=gt())
        assert r.status_code == 201 and r.json()["maatwerkvoorzieningNodig"] is True
        r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=aanvraag), headers=gt())
        assert r.status_code == 201 and r.json()["maatwerkvoorzieningNodig"] is None
        r = await pgb_api.post(VERZOEKEN, json=_verzoek(cliënt, aanvraag), headers=gt())
        _fout(r, "verplicht", "maatwerkvoorzieningNodig")


async def test_intake_unreachable_is_503_and_nothing_is_stored(
    pgb_api: httpx.AsyncClient,
) -> None:
    cliënt = bsn()
    aanvraag = await aanvraag_van(cliënt)
    clients = app_van(pgb_api).state.clients
    echt = clients["intake"]
    clients["intake"] = ServiceClient("intake", "http://127.0.0.1:9", retries=0)
    try:
        r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=aanvraag), headers=gt())
        v = await pgb_api.post(
            VERZOEKEN,
            json=_verzoek(cliënt, aanvraag, maatwerkvoorzieningNodig=True),
            headers=gt(),
        )
    finally:
        await clients["intake"].aclose()
        clients["intake"] = echt
    for antwoord in (r, v):
        assert antwoord.status_code == 503, antwoord.text
        assert antwoord.json()["code"] == "intake-niet-beschikbaar"
    assert await _plannen_van(pgb_api, cliënt) == []
    # a plan without an aanvraag does not need intake
    clients["intake"] = ServiceClient("intake", "http://127.0.0.1:9", retries=0)
    try:
        r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt), headers=gt())
    finally:
        await clients["intake"].aclose()
        clients["intake"] = echt
    assert r.status_code == 201, r.text


async def test_the_toets_and_besluit_know_a_conclusion_reached_after_the_plan(
    pgb_api: httpx.AsyncClient,
) -> None:
    """Issue 12.2: the plan was recorded while the onderzoek ran (no conclusion, nothing
    typed); the onderzoek then found no maatwerkvoorziening necessary. The toets and the
    besluit rest on that conclusion (PGB-01), and the contract intake reads says so."""
    cliënt = bsn()
    a = await echte_aanvraag(INTAKE[0], cliënt, VLISSINGEN)
    r = await pgb_api.post(PLANNEN, json=plan(bsn=cliënt, aanvraagId=a["id"]), headers=gt())
    assert r.status_code == 201 and r.json()["maatwerkvoorzieningNodig"] is None
    p = r.json()
    await onderzoek(INTAKE[0], a["meldingId"], VLISSINGEN, "geen_maatwerk")
    t = await pgb_api.post(f"{PLANNEN}/{p['id']}/toetsingen", headers=gt())
    assert t.status_code == 201, t.text
    assert (t.json()["uitkomst"], [r["rule"] for r in t.json()["regels"]]) == (
        "niet_voldaan",
        ["PGB-01"],
    )
    r = await besluit(pgb_api, p["id"], **TOEKENNING_C)
    assert (r.status_code, r.json()["rules"]) == (400, ["PGB-01"])
    r = await besluit(pgb_api, p["id"], uitkomst="afgewezen")
    assert r.status_code == 201, r.text
    c = (await pgb_api.get(f"{PLANNEN}/{p['id']}/besluit", headers=gt())).json()
    assert (c["besluit"], c["leveringsvorm"], c["maatwerkvoorzieningNodig"]) == (
        "afgewezen",
        None,
        False,
    )
