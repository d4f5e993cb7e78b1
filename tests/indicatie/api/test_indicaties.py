"""``POST /indicaties``, ``GET /indicaties/{id}``, ``POST /indicaties/_zoek``: the final
indicatie, checked against the normenkader, next to the engine's advice."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from tests.indicatie.api.support import (
    VLISSINGEN,
    audit_rows,
    bsn,
    echte_indicatie,
    sanne_advies,
    sanne_indicatie,
)
from tests.support.stack import TestDatabase, auth
from wmo_shared.client import ServiceClient

URL = "/api/v1/indicaties"
PLUSFEITEN_CRITERIUM_1 = {
    "probleemgedragContinu": True,
    "risicoVeiligheid": True,
    "kanVeranderen": True,
    "draagtBijAanZelfredzaamheid": True,
    "behandelingOverwogen": True,
}


async def _advies(indicatie: httpx.AsyncClient, **extra: Any) -> dict[str, Any]:
    r = await indicatie.post(
        "/api/v1/indicatie-adviezen", json=sanne_advies(**extra), headers=auth()
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_scenario_a_worker_records_ibo3_next_to_the_advice(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    client_bsn = bsn()
    advies = await _advies(indicatie, bsn=client_bsn)
    body = await echte_indicatie(bsn=client_bsn, adviesId=advies["id"])
    r = await indicatie.post(URL, json=body, headers={**auth(), "X-Request-ID": "ind-a-1"})
    assert r.status_code == 201, r.text
    ind = r.json()
    assert r.headers["Location"] == f"{URL}/{ind['id']}"
    assert r.headers["ETag"] == 'W/"1"'
    assert (ind["aard"], ind["profiel"], ind["plus"]) == ("individuele_begeleiding", "IBO-3", False)
    assert (ind["omvang"], ind["eenheid"]) == ("3.5", "uur_per_week")
    assert (ind["productcategorie"], ind["productcode"]) == ("02", "02A03")
    assert (ind["begindatum"], ind["einddatum"]) == ("2026-04-01", "2027-03-31")
    assert ind["afwijking"] is False
    assert (ind["status"], ind["soort"], ind["volgnummer"]) == ("actief", "vastgesteld", 1)
    assert ind["reeksId"] == ind["id"]
    assert ind["adviesId"] == advies["id"]
    assert {"IND-04", "IND-05", "IND-13", "IND-12"} <= set(ind["rules"])
    assert all(r["toelichting"] for r in ind["regels"])
    # the engine's advice next to the worker's choice
    assert ind["advies"]["profiel"] == advies["individueleBegeleiding"]["profiel"]
    assert ind["advies"]["omvangVoorgesteld"] == "3.5"
    assert ind["advies"]["plusStatus"] == "niet_mogelijk"

    got = await indicatie.get(f"{URL}/{ind['id']}", headers=auth())
    assert got.status_code == 200
    assert got.json() == ind
    assert got.headers["ETag"] == 'W/"1"'

    # replayable: the record keeps the request, the onderzoek and the advice it was decided on
    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie", "owner"))
    try:
        row = await conn.fetchrow(
            "SELECT invoer::text, advies::text, beoordeling::text FROM indicatie.indicaties "
            "WHERE id = $1",
            uuid.UUID(ind["id"]),
        )
    finally:
        await conn.close()
    assert row is not None
    assert '"productcode": "02A03"' in row["invoer"] and client_bsn not in row["invoer"]
    assert '"onderzoek"' in row["advies"] and '"uitkomst"' in row["advies"]
    assert '"beleid": "ooststellingwerf-2023"' in row["beoordeling"]

    rows = await audit_rows(db, ind["id"])
    assert [(a["actie"], a["resource_type"]) for a in rows] == [
        ("aanmaken", "indicatie"),
        ("lezen", "indicatie"),
    ]
    assert rows[0]["request_id"] == "ind-a-1"


async def test_without_advice_and_choice_differing_from_it(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(URL, json=await echte_indicatie(), headers=auth())
    assert r.status_code == 201, r.text
    assert r.json()["advies"] is None and r.json()["adviesId"] is None

    advies = await _advies(indicatie)
    body = await echte_indicatie(adviesId=advies["id"], profiel="IBO-2", omvang=2)
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    ind = r.json()
    assert ind["omvang"] == "2"
    assert ind["advies"]["profielGevolgd"] is False
    assert ind["advies"]["omvangGevolgd"] is False
    assert any("IBO-2" in r["toelichting"] and r["rule"] == "IND-12" for r in ind["regels"])


async def test_omvang_outside_band_with_motivering_is_an_afwijking(
    indicatie: httpx.AsyncClient,
) -> None:
    body = await echte_indicatie(
        omvang="5.5", motivering="Tijdelijk meer nodig na ontslag uit kliniek."
    )
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    ind = r.json()
    assert ind["afwijking"] is True
    assert "IND-12" in ind["rules"]


async def test_plus_with_criterion_on_a_plus_profile(indicatie: httpx.AsyncClient) -> None:
    body = await echte_indicatie(
        plus=True, perceel="individuele_begeleiding_plus", plusfeiten=PLUSFEITEN_CRITERIUM_1
    )
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    assert r.json()["plus"] is True
    assert "IND-07" in r.json()["rules"]


async def test_plusfeiten_default_to_those_of_the_advice(indicatie: httpx.AsyncClient) -> None:
    advies = await _advies(
        indicatie, omvangklasse="bovengemiddeld", plusfeiten=PLUSFEITEN_CRITERIUM_1
    )
    body = await echte_indicatie(
        adviesId=advies["id"], plus=True, perceel="individuele_begeleiding_plus"
    )
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text


async def test_dagbesteding_in_dagdelen(indicatie: httpx.AsyncClient) -> None:
    body = await echte_indicatie(
        aard="dagbesteding",
        profiel="DBO-1",
        omvang=3,
        perceel="dagbesteding",
        productcategorie="07",
        productcode="07A01",
    )
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    assert (r.json()["omvang"], r.json()["eenheid"]) == ("3", "dagdelen_per_week")


REJECTIONS: list[tuple[str, dict[str, Any], str, str, str]] = [
    # (case, patch, field, code, rule)
    (
        "plus-profile-without-plus",
        {
            "profiel": "IBO-2",
            "omvang": "2",
            "plus": True,
            "perceel": "individuele_begeleiding_plus",
            "plusfeiten": PLUSFEITEN_CRITERIUM_1,
        },
        "plus",
        "plus-niet-toegestaan-bij-profiel",
        "IND-07",
    ),
    (
        "plus-without-criterion",
        {
            "plus": True,
            "perceel": "individuele_begeleiding_plus",
            "plusfeiten": {"probleemgedragContinu": True},
        },
        "plus",
        "plus-zonder-criterium",
        "IND-07",
    ),
    (
        "plus-conditions-not-met",
        {
            "plus": True,
            "perceel": "individuele_begeleiding_plus",
            "plusfeiten": {**PLUSFEITEN_CRITERIUM_1, "kanVeranderen": False},
        },
        "plusfeiten",
        "plus-voorwaarden-niet-vervuld",
        "IND-07",
    ),
    (
        "omvang-outside-band-without-motivering",
        {"omvang": "5.5", "motivering": None},
        "omvang",
        "omvang-buiten-band-zonder-motivering",
        "IND-05",
    ),
    (
        "omvang-blank-motivering",
        {"omvang": "2.5", "motivering": "   "},
        "omvang",
        "omvang-buiten-band-zonder-motivering",
        "IND-05",
    ),
    ("omvang-range", {"omvang": "3-5"}, "omvang", "omvang-bandbreedte", "IND-04"),
    ("omvang-zero", {"omvang": 0}, "omvang", "omvang-niet-positief", "IND-04"),
    ("omvang-not-a-number", {"omvang": "veel"}, "omvang", "omvang-ongeldig", "IND-04"),
    (
        "activerende-groepsbegeleiding-over-2-years",
        {
            "aard": "dagbesteding",
            "profiel": "DBO-1",
            "omvang": 2,
            "perceel": "activerende_groepsbegeleiding",
            "productcategorie": "07",
            "productcode": "07A02",
            "einddatum": "2028-04-01",
        },
        "einddatum",
        "perceel-maximale-duur-overschreden",
        "IND-13",
    ),
    (
        "dagdelen-not-whole",
        {
            "aard": "dagbesteding",
            "profiel": "DBO-1",
            "omvang": "2.5",
            "perceel": "dagbesteding",
            "productcategorie": "07",
        },
        "omvang",
        "omvang-geen-heel-aantal-dagdelen",
        "IND-04",
    ),
    (
        "profiel-of-other-aard",
        {"profiel": "DBO-1"},
        "profiel",
        "profiel-past-niet-bij-aard",
        "IND-06",  # the rule of the profile's own aard
    ),
    (
        "productcategorie-of-other-aard",
        {"productcategorie": "07"},
        "productcategorie",
        "productcategorie-past-niet-bij-aard",
        "IND-04",
    ),
    (
        "perceel-of-other-aard",
        {"perceel": "dagbesteding"},
        "perceel",
        "perceel-past-niet-bij-aard",
        "IND-13",
    ),
    (
        "perceel-not-begeleiding",
        {"perceel": "ondersteuning_huishouden"},
        "perceel",
        "perceel-past-niet-bij-aard",
        "IND-13",
    ),
    (
        "no-einddatum-nor-herzieningsdatum",
        {"einddatum": None},
        "einddatum",
        "einddatum-en-herzieningsdatum-ontbreken",
        "IND-11",
    ),
    (
        "einddatum-before-begindatum",
        {"einddatum": "2026-03-01"},
        "einddatum",
        "einddatum-voor-begindatum",
        "IND-11",
    ),
    (
        "herzieningsdatum-after-einddatum",
        {"herzieningsdatum": "2027-06-01"},
        "herzieningsdatum",
        "herzieningsdatum-na-einddatum",
        "IND-11",
    ),
]


@pytest.mark.parametrize(
    ("patch", "field", "code", "rule"),
    [r[1:] for r in REJECTIONS],
    ids=[r[0] for r in REJECTIONS],
)
async def test_rule_violation_names_field_and_rule(
    indicatie: httpx.AsyncClient, patch: dict[str, Any], field: str, code: str, rule: str
) -> None:
    r = await indicatie.post(URL, json=sanne_indicatie(**patch), headers=auth())
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["code"] == "regel-geschonden"
    assert (field, code) in [(p["name"], p["code"]) for p in problem["invalidParams"]]
    assert rule in problem["rules"]
    assert all(p["reason"] for p in problem["invalidParams"])


async def test_several_violations_are_all_named(indicatie: httpx.AsyncClient) -> None:
    body = await echte_indicatie(omvang="3-5", plus=True)
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 400
    problem = r.json()
    assert {"omvang", "plus", "perceel"} <= {p["name"] for p in problem["invalidParams"]}
    assert {"IND-04", "IND-07", "IND-13"} <= set(problem["rules"])


@pytest.mark.parametrize(
    ("patch", "field", "code"),
    [
        ({"omvang": "3.333"}, "omvang", "decimalen"),
        ({"profiel": "IBO-4", "omvang": "200"}, "omvang", "te-groot"),
        ({"productcategorie": "2"}, "productcategorie", "patroon"),
        ({"productcode": "02A03X"}, "productcode", "te-lang"),
        ({"profiel": "IBO-9"}, "profiel", "onbekende-waarde"),
        ({"perceel": "zwemles"}, "perceel", "onbekende-waarde"),
        ({"aanvraagId": "123"}, "aanvraagId", "uuid"),
        ({"bsn": "999999999"}, "bsn", "ongeldig"),
        ({"begindatum": "1-4-2026"}, "begindatum", "datum"),
        ({"omvang": True}, "omvang", "tekst"),
    ],
)
async def test_bad_input_is_400_naming_the_field(
    indicatie: httpx.AsyncClient, patch: dict[str, Any], field: str, code: str
) -> None:
    r = await indicatie.post(URL, json=sanne_indicatie(**patch), headers=auth())
    assert r.status_code == 400, r.text
    params = r.json()["invalidParams"]
    assert field in [p["name"].split(".")[0] for p in params], params
    assert code in [p["code"] for p in params], params


async def test_walcheren_has_no_normenkader(indicatie: httpx.AsyncClient) -> None:
    body = await echte_indicatie(begindatum="2015-06-01", einddatum="2015-12-31")
    r = await indicatie.post(URL, json=body, headers=auth(gemeente=VLISSINGEN))
    assert r.status_code == 400
    [param] = r.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("peildatum", "geen-beleid-van-kracht")
    assert "0718" in param["reason"] and "2015-06-01" in param["reason"]


async def test_unknown_advice_is_400(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(
        URL, json=await echte_indicatie(adviesId=str(uuid.uuid4())), headers=auth()
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "adviesId"


async def test_advice_of_another_gemeente_or_client_is_400(indicatie: httpx.AsyncClient) -> None:
    advies = await _advies(indicatie, bsn=bsn())
    r = await indicatie.post(URL, json=await echte_indicatie(adviesId=advies["id"]), headers=auth())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["code"] == "andere-client"
    r = await indicatie.post(
        "/api/v1/indicatie-adviezen",
        json=sanne_advies(begindatum="2015-06-01"),
        headers=auth(gemeente=VLISSINGEN),
    )
    assert r.status_code == 400  # no advice in Vlissingen; one of 0085 is not visible there
    body = await echte_indicatie(adviesId=advies["id"], begindatum="2015-06-01")
    r = await indicatie.post(URL, json=body, headers=auth(gemeente=VLISSINGEN))
    assert r.status_code == 400


async def test_second_active_indicatie_for_the_same_aanvraag_and_aard_is_409(
    indicatie: httpx.AsyncClient,
) -> None:
    body = await echte_indicatie()
    assert (await indicatie.post(URL, json=body, headers=auth())).status_code == 201
    r = await indicatie.post(URL, json={**body, "omvang": "4"}, headers=auth())
    assert r.status_code == 409
    assert r.json()["code"] == "indicatie-bestaat-al"
    # the other aard for the same aanvraag is a separate indicatie (IND-04)
    dagbesteding = {
        **body,
        "aard": "dagbesteding",
        "profiel": "DBO-1",
        "omvang": 2,
        "perceel": "dagbesteding",
        "productcategorie": "07",
    }
    assert (await indicatie.post(URL, json=dagbesteding, headers=auth())).status_code == 201


async def test_idempotent_retry_creates_once(indicatie: httpx.AsyncClient) -> None:
    body = await echte_indicatie()
    headers = {**auth(), "Idempotency-Key": str(uuid.uuid4())}
    first = await indicatie.post(URL, json=body, headers=headers)
    second = await indicatie.post(URL, json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.headers["ETag"] == 'W/"1"'
    changed = await indicatie.post(URL, json={**body, "omvang": "4"}, headers=headers)
    assert changed.status_code == 409
    assert changed.json()["code"] == "idempotency-key-hergebruikt"
    found = await indicatie.post(f"{URL}/_zoek", json={"bsn": body["bsn"]}, headers=auth())
    assert len(found.json()["resultaten"]) == 1


@pytest.mark.parametrize(
    "role", ["aanbieder", "financien", "systeem", "beheer", "clientondersteuner"]
)
async def test_only_gebiedsteam_records(indicatie: httpx.AsyncClient, role: str) -> None:
    r = await indicatie.post(URL, json=await echte_indicatie(), headers=auth(role))
    assert r.status_code == 403


async def test_read_roles_and_gemeente_isolation(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    r = await indicatie.post(URL, json=await echte_indicatie(), headers=auth())
    ind_id = r.json()["id"]
    for role in ("systeem", "beheer"):
        assert (await indicatie.get(f"{URL}/{ind_id}", headers=auth(role))).status_code == 200
    aanbieder = await indicatie.get(f"{URL}/{ind_id}", headers=auth("aanbieder", agb="11111111"))
    assert aanbieder.status_code == 403
    other = await indicatie.get(f"{URL}/{ind_id}", headers=auth(gemeente=VLISSINGEN))
    assert other.status_code == 404
    assert other.headers["content-type"] == "application/problem+json"
    rows = await audit_rows(db, ind_id)
    assert rows[-1]["gemeente"] == VLISSINGEN  # the refused attempt is recorded too


async def test_search_per_client_is_audited_and_scoped(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    client_bsn = bsn()
    eerste = await indicatie.post(URL, json=await echte_indicatie(bsn=client_bsn), headers=auth())
    tweede = await indicatie.post(
        URL, json=await echte_indicatie(bsn=client_bsn, begindatum="2026-05-01"), headers=auth()
    )
    await indicatie.post(URL, json=await echte_indicatie(), headers=auth())  # someone else

    r = await indicatie.post(
        f"{URL}/_zoek", json={"bsn": client_bsn}, headers={**auth(), "X-Request-ID": "zoek-1"}
    )
    assert r.status_code == 200
    ids = [i["id"] for i in r.json()["resultaten"]]
    assert ids == [tweede.json()["id"], eerste.json()["id"]]  # newest begindatum first

    aanvraag = tweede.json()["aanvraagId"]
    r = await indicatie.post(
        f"{URL}/_zoek", json={"bsn": client_bsn, "aanvraagId": aanvraag}, headers=auth("systeem")
    )
    assert [i["id"] for i in r.json()["resultaten"]] == [tweede.json()["id"]]

    r = await indicatie.post(
        f"{URL}/_zoek", json={"bsn": client_bsn}, headers=auth(gemeente=VLISSINGEN)
    )
    assert r.json()["resultaten"] == []
    r = await indicatie.post(f"{URL}/_zoek", json={"bsn": client_bsn}, headers=auth("aanbieder"))
    assert r.status_code == 403
    r = await indicatie.post(f"{URL}/_zoek", json={"bsn": "123"}, headers=auth())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "bsn"

    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie", "owner"))
    try:
        acties = await conn.fetch(
            "SELECT actie, resource_id FROM indicatie.audit WHERE request_id = 'zoek-1' ORDER BY id"
        )
    finally:
        await conn.close()
    assert [a["actie"] for a in acties] == ["zoeken", "lezen", "lezen"]
    assert {a["resource_id"] for a in acties[1:]} == set(ids)


async def test_bsn_never_in_a_url(indicatie: httpx.AsyncClient) -> None:
    doc = (await indicatie.get("/api/v1/openapi.json")).json()
    for path, ops in doc["paths"].items():
        assert "bsn" not in path.lower()
        for op in ops.values():
            assert all(p["name"].lower() != "bsn" for p in op.get("parameters", []))


# --- issue 12.1: an indicatie rests on a real intake aanvraag of its cliënt -------------------


async def _indicaties_van(indicatie: httpx.AsyncClient, client_bsn: str) -> list[Any]:
    r = await indicatie.post(f"{URL}/_zoek", json={"bsn": client_bsn}, headers=auth())
    assert r.status_code == 200, r.text
    return list(r.json()["resultaten"])


async def test_an_unknown_aanvraag_is_refused_on_aanvraag_id(indicatie: httpx.AsyncClient) -> None:
    vreemd = await echte_indicatie(gemeente=VLISSINGEN)  # an aanvraag of another gemeente
    for aanvraag in (str(uuid.uuid4()), vreemd["aanvraagId"]):
        body = sanne_indicatie(aanvraagId=aanvraag)
        r = await indicatie.post(URL, json=body, headers=auth())
        assert r.status_code == 400, r.text
        assert r.json()["code"] == "onbekende-aanvraag"
        assert [p["name"] for p in r.json()["invalidParams"]] == ["aanvraagId"]
        assert await _indicaties_van(indicatie, body["bsn"]) == []


async def test_another_clients_aanvraag_is_refused_on_bsn(indicatie: httpx.AsyncClient) -> None:
    van_een_ander = await echte_indicatie()
    body = sanne_indicatie(aanvraagId=van_een_ander["aanvraagId"])
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "andere-client"
    assert [p["name"] for p in r.json()["invalidParams"]] == ["bsn"]
    assert await _indicaties_van(indicatie, body["bsn"]) == []


async def test_intake_unreachable_is_503_and_nothing_is_recorded(
    indicatie: httpx.AsyncClient,
) -> None:
    body = await echte_indicatie()
    clients = indicatie._transport.app.state.clients  # type: ignore[attr-defined]
    echt = clients["intake"]
    clients["intake"] = ServiceClient("intake", "http://127.0.0.1:9", retries=0)
    try:
        r = await indicatie.post(URL, json=body, headers=auth())
    finally:
        await clients["intake"].aclose()
        clients["intake"] = echt
    assert r.status_code == 503, r.text
    assert r.json()["code"] == "intake-niet-beschikbaar"
    assert await _indicaties_van(indicatie, body["bsn"]) == []
    assert (await indicatie.post(URL, json=body, headers=auth())).status_code == 201
