"""Bounded input (issue 11.4), per route family of pgb: absurd values — 1e308, -1, 10^12, year 1,
year 9999, 10 MB texts and lists — are a 400 problem+json naming the field, never a 500 and
never stored."""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.pgb.api.helpers import TOEKENNING_C, VLISSINGEN, besluit, gt, nieuw_plan, plan
from tests.support.stack import auth

MB10 = "x" * 10_000_000
LIJST = ["x"] * 2_000_000  # ~10 MB of JSON
FINANCIEN = auth("financien", VLISSINGEN)
SYSTEEM = auth("systeem", VLISSINGEN)
BEHEER = auth("beheer", VLISSINGEN)


@pytest.fixture(scope="module")
async def ids(pgb_api: httpx.AsyncClient) -> AsyncIterator[dict[str, str]]:
    """A plan still to be decided and a toegekend budget (scenario C)."""
    concept = await nieuw_plan(pgb_api)
    toegekend = await nieuw_plan(pgb_api)
    r = await besluit(pgb_api, toegekend["id"], **TOEKENNING_C)
    assert r.status_code == 201, r.text
    yield {"plan": concept["id"], "budget": r.json()["budget"]["id"]}


def _omvang(hoeveelheid: Any, eenheid: str = "uur", frequentie: str = "per_week") -> dict:
    return {"hoeveelheid": hoeveelheid, "eenheid": eenheid, "frequentie": frequentie}


def _maatwerk(hoeveelheid: Any, **omvang: str) -> dict:
    return {"product": "alfahulp", "productcode": "HH50", "omvang": _omvang(hoeveelheid, **omvang)}


def _toekenning(**changes: Any) -> dict[str, Any]:
    return {**TOEKENNING_C, **changes}


def _offerte(tarief: Any) -> dict[str, Any]:
    return {"aanbieder": "Zorg BV", "tarief": tarief}


def _afsluiting(**regel: Any) -> dict[str, Any]:
    return {
        "berichtId": str(uuid.uuid4()),
        "regels": [
            {
                "budgetId": str(uuid.uuid4()),
                "ingangsdatum": "2015-03-01",
                "einddatum": "2015-12-31",
                "besteedBedrag": "10.00",
                **regel,
            }
        ],
    }


def _event(**changes: Any) -> dict[str, Any]:
    return {
        "eventId": str(uuid.uuid4()),
        "eventType": "pgb-beschikt",
        "gemeente": VLISSINGEN,
        "pgbPlanId": str(uuid.uuid4()),
        "beschikkingId": str(uuid.uuid4()),
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "ingangsdatum": "2015-03-01",
        "einddatum": "2015-12-31",
        **changes,
    }


def _verzoek(**changes: Any) -> dict[str, Any]:
    return {
        "bsn": plan()["bsn"],
        "aanvraagId": str(uuid.uuid4()),
        "maatwerkvoorziening": {"product": "huishoudelijke hulp"},
        "maatwerkvoorzieningNodig": True,
        "pgbPlanId": None,
        **changes,
    }


# (name, method, path, json body or query params, headers, the field the problem must name)
CASES: list[tuple[str, str, str, Any, dict[str, str], str]] = [
    # --- pgb-plannen ---------------------------------------------------------------------
    *[
        (f"plan omvang {v!r}", "POST", "/pgb-plannen", plan(maatwerkvoorziening=_maatwerk(v)),
         gt(), "maatwerkvoorziening.omvang.hoeveelheid")
        for v in (1e308, -1, 10**12, "169", "NaN", "Infinity")
    ],
    ("plan dagdelen per week", "POST", "/pgb-plannen",
     plan(maatwerkvoorziening=_maatwerk("15", eenheid="dagdeel")), gt(),
     "maatwerkvoorziening.omvang.hoeveelheid"),
    ("plan gevraagde omvang per maand", "POST", "/pgb-plannen",
     plan(gevraagdeOmvang=_omvang("745", frequentie="per_maand")), gt(),
     "gevraagdeOmvang.hoeveelheid"),
    ("plan 10 MB reden", "POST", "/pgb-plannen", plan(keuze={"reden": MB10}), gt(),
     "keuze.reden"),
    ("plan 10 MB doelen", "POST", "/pgb-plannen", plan(doelen=LIJST), gt(), "doelen"),
    ("plan 10 MB doel", "POST", "/pgb-plannen", plan(doelen=[MB10]), gt(), "doelen.0"),
    ("plan 10 MB kwalificaties", "POST", "/pgb-plannen",
     plan(zorgverlener={"soort": "overig", "kwalificaties": LIJST}), gt(),
     "zorgverlener.kwalificaties"),
    ("plan wijziging omvang", "PUT", "/pgb-plannen/{plan}",
     {k: v for k, v in plan(maatwerkvoorziening=_maatwerk(10**12)).items() if k != "bsn"},
     {**gt(), "If-Match": 'W/"1"'}, "maatwerkvoorziening.omvang.hoeveelheid"),
    # --- besluiten -----------------------------------------------------------------------
    ("besluit ingang jaar 1", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(ingangsdatum="0001-01-01"), gt(), "ingangsdatum"),
    ("besluit tot 9999", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(einddatum="9999-12-31"), gt(), "einddatum"),
    ("besluit peildatum 9999", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(peildatum="9999-12-31"), gt(), "peildatum"),
    ("besluit voorbij het beleid", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(einddatum="2016-02-29"), gt(), "einddatum"),
    ("besluit einde voor begin", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(einddatum="2015-02-01"), gt(), "einddatum"),
    *[
        ("besluit offerte " + repr(v), "POST", "/pgb-plannen/{plan}/besluiten",
         _toekenning(offertes=[_offerte(v)]), gt(), "offertes.0.tarief")
        for v in (1e308, -1, 10**12)
    ],
    ("besluit 10 MB offertes", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(offertes=[_offerte("1")] * 100_000), gt(), "offertes"),
    ("besluit 10 MB motivering", "POST", "/pgb-plannen/{plan}/besluiten",
     _toekenning(motivering=MB10), gt(), "motivering"),
    # --- budgetten -----------------------------------------------------------------------
    ("herziening omvang 10^12", "POST", "/budgetten/{budget}/herzieningen",
     {"reden": "meer", "omvang": _omvang(10**12)}, {**gt(), "If-Match": 'W/"1"'},
     "omvang.hoeveelheid"),
    ("herziening tot 9999", "POST", "/budgetten/{budget}/herzieningen",
     {"reden": "langer", "einddatum": "9999-12-31"}, {**gt(), "If-Match": 'W/"1"'}, "einddatum"),
    ("herziening voorbij het beleid", "POST", "/budgetten/{budget}/herzieningen",
     {"reden": "langer", "einddatum": "2016-03-31"}, {**gt(), "If-Match": 'W/"1"'},
     "einddatum"),
    ("herziening 10 MB reden", "POST", "/budgetten/{budget}/herzieningen", {"reden": MB10},
     {**gt(), "If-Match": 'W/"1"'}, "reden"),
    ("intrekking jaar 1", "POST", "/budgetten/{budget}/intrekkingen",
     {"reden": "x", "intrekkingsdatum": "0001-01-01"}, {**gt(), "If-Match": 'W/"1"'},
     "intrekkingsdatum"),
    *[
        ("bestedingscontrole " + repr(v), "POST", "/budgetten/{budget}/bestedingscontroles",
         {"jaar": 2015, "controledatum": "2016-02-01", "besteedBedrag": v}, FINANCIEN,
         "besteedBedrag")
        for v in (1e308, -1, 10**12)
    ],
    ("bestedingscontrole jaar 10^12", "POST", "/budgetten/{budget}/bestedingscontroles",
     {"jaar": 10**12, "controledatum": "2016-02-01", "besteedBedrag": "1"}, FINANCIEN, "jaar"),
    ("bestedingscontrole jaar na controle", "POST", "/budgetten/{budget}/bestedingscontroles",
     {"jaar": 2017, "controledatum": "2016-02-01", "besteedBedrag": "1"}, FINANCIEN, "jaar"),
    ("bestedingscontrole 9999", "POST", "/budgetten/{budget}/bestedingscontroles",
     {"jaar": 2015, "controledatum": "9999-12-31", "besteedBedrag": "1"}, FINANCIEN,
     "controledatum"),
    # --- svb -----------------------------------------------------------------------------
    ("svb-regels 9999", "GET", "/svb-regels", {"peildatum": "9999-12-31"}, gt(), "peildatum"),
    ("svb-regels jaar 1", "GET", "/svb-regels", {"peildatum": "0001-01-01"}, gt(), "peildatum"),
    ("svb-feed limit 10^12", "GET", "/svb-toekenningen", {"limit": 10**12}, FINANCIEN, "limit"),
    ("svb-feed cursor overflow", "GET", "/svb-toekenningen",
     {"cursor": base64.urlsafe_b64encode(b"svb1:" + b"9" * 30).decode()}, FINANCIEN, "cursor"),
    ("svb-feed long cursor", "GET", "/svb-toekenningen", {"cursor": "x" * 10_000}, FINANCIEN,
     "cursor"),
    *[
        ("budgetafsluiting " + repr(v), "POST", "/svb-budgetafsluitingen",
         _afsluiting(besteedBedrag=v), FINANCIEN, "regels.0.besteedBedrag")
        for v in (1e308, -1, 10**12)
    ],
    ("budgetafsluiting 9999", "POST", "/svb-budgetafsluitingen",
     _afsluiting(einddatum="9999-12-31"), FINANCIEN, "regels.0.einddatum"),
    ("budgetafsluiting jaar 1", "POST", "/svb-budgetafsluitingen",
     _afsluiting(ingangsdatum="0001-01-01"), FINANCIEN, "regels.0.ingangsdatum"),
    ("budgetafsluiting 10 MB bericht", "POST", "/svb-budgetafsluitingen",
     {**_afsluiting(), "berichtId": MB10}, FINANCIEN, "berichtId"),
    # --- budget-beschikkingen (intake's event) -------------------------------------------
    ("beschikking jaar 1", "POST", "/budget-beschikkingen", _event(ingangsdatum="0001-01-01"),
     SYSTEEM, "ingangsdatum"),
    ("beschikking tot 9999", "POST", "/budget-beschikkingen", _event(einddatum="9999-12-31"),
     SYSTEEM, "einddatum"),
    # --- pgb-verzoeken -------------------------------------------------------------------
    ("verzoek 10 MB toelichting", "POST", "/pgb-verzoeken", _verzoek(toelichting=MB10), gt(),
     "toelichting"),
    ("verzoek 10 MB product", "POST", "/pgb-verzoeken",
     _verzoek(maatwerkvoorziening={"product": MB10}), gt(), "maatwerkvoorziening.product"),
    # --- beleidswaarden ------------------------------------------------------------------
    *[
        ("beleidswaarde " + repr(v), "POST", "/beleidswaarden",
         {"sleutel": "laag-pgb-tarief-per-uur", "waarde": v, "geldigVanaf": "2015-01-15",
          "toelichting": "x"}, BEHEER, "waarde")
        for v in (1e308, -1, 10**12)
    ],
    ("beleidswaarde 10 MB toelichting", "POST", "/beleidswaarden",
     {"sleutel": "laag-pgb-tarief-per-uur", "waarde": "20", "geldigVanaf": "2015-01-15",
      "toelichting": MB10}, BEHEER, "toelichting"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "path", "data", "headers", "veld"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
async def test_absurd_input_is_a_400_naming_the_field(
    pgb_api: httpx.AsyncClient,
    ids: dict[str, str],
    method: str,
    path: str,
    data: Any,
    headers: dict[str, str],
    veld: str,
) -> None:
    url = "/api/v1" + path.format(**ids)
    if method == "GET":
        r = await pgb_api.get(url, params=data, headers=headers)
    else:
        r = await pgb_api.request(method, url, json=data, headers=headers)
    assert r.status_code == 400, r.text[:500]
    assert r.headers["content-type"].startswith("application/problem+json")
    namen = [p["name"] for p in r.json().get("invalidParams", [])]
    assert veld in namen, (veld, r.json())


async def test_a_message_of_many_bad_lines_names_the_first_hundred_faults(
    pgb_api: httpx.AsyncClient,
) -> None:
    """A budgetafsluitbericht of 10,000 lines with four faults each: the lines are checked 250
    at a time, up to the part in which 100 faults were found; the answer says where checking
    stopped and names the first faults (it was 6 MB naming 40,000, and cost the worker ~100 MB
    while pydantic held all 40,000)."""
    regel = {"budgetId": "x", "ingangsdatum": "2015-13-01", "einddatum": "nee", "besteedBedrag": -1}
    body = {"berichtId": str(uuid.uuid4()), "regels": [regel] * 10_000}
    r = await pgb_api.post("/api/v1/svb-budgetafsluitingen", json=body, headers=FINANCIEN)
    assert r.status_code == 400, r.text[:500]
    problem = r.json()
    params = problem["invalidParams"]
    assert len(params) == 100
    assert (params[0]["name"], params[0]["code"]) == ("regels", "controle-gestopt")
    assert "na regel 250 van 10000" in params[0]["reason"]
    assert [p["name"] for p in params[1:3]] == ["regels.0.budgetId", "regels.0.ingangsdatum"]
    assert "1000 fouten; de eerste 100 staan in invalidParams" in problem["detail"]
    assert len(r.content) < 20_000


async def test_every_line_of_a_long_message_is_checked_when_few_are_wrong(
    pgb_api: httpx.AsyncClient,
) -> None:
    goed = {
        "budgetId": str(uuid.uuid4()),
        "ingangsdatum": "2024-01-01",
        "einddatum": "2024-12-31",
        "besteedBedrag": "10.00",
    }
    regels = [goed] * 10_000
    regels[300] = {**goed, "einddatum": "2023-12-31"}
    regels[9_999] = {**goed, "budgetId": "nee"}
    body = {"berichtId": str(uuid.uuid4()), "regels": regels}
    r = await pgb_api.post("/api/v1/svb-budgetafsluitingen", json=body, headers=FINANCIEN)
    assert r.status_code == 400, r.text[:500]
    names = [p["name"] for p in r.json()["invalidParams"]]
    assert names == ["regels.300", "regels.9999.budgetId"]
    body["regels"] = [goed] * 10_001
    r = await pgb_api.post("/api/v1/svb-budgetafsluitingen", json=body, headers=FINANCIEN)
    assert r.status_code == 400, r.text[:500]
    [param] = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("regels", "te-lang")


@pytest.mark.parametrize("getal", ["9" * 5000, "1e" + "9" * 5000])
async def test_a_number_of_thousands_of_digits_is_a_400_naming_the_body(
    pgb_api: httpx.AsyncClient, getal: str
) -> None:
    """Python reads no integer of more than 4,300 digits (CVE-2020-10735): the body is
    unreadable, and the answer says why."""
    body = ('{"toelichting": "x", "omvang": ' + getal + "}").encode()
    r = await pgb_api.post(
        "/api/v1/pgb-verzoeken",
        content=body,
        headers={**gt(), "Content-Type": "application/json"},
    )
    assert r.status_code == 400, r.text[:300]
    [param] = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("body", "ongeldige-json")
    assert "4300 cijfers" in param["reason"]
