"""FIN-13 tariffs over the API: both shipped policies, DB periods, overlap and closing."""

from __future__ import annotations

import uuid
from decimal import Decimal

import httpx

from tests.finance.api.helpers import fetch, param_names, problem, productcode
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import TariefRead

URL = "/api/v1/tarieven"


async def test_walcheren_tarief_from_policy(finance: httpx.AsyncClient) -> None:
    r = await finance.get(
        f"{URL}/H300", params={"peildatum": "2015-06-01"}, headers=auth("systeem", "0718")
    )
    assert r.status_code == 200, r.text
    assert r.json() == {
        "gemeente": "0718",
        "productcode": "H300",
        "omschrijving": "Begeleiding",
        "productcategorie": "02",
        "eenheid": "uur",
        "zinTarief": "44.10",
        "pgbTarief": None,
        "geldigVan": "2015-01-01",
        "geldigTot": "2015-12-31",
    }
    assert TariefRead.model_validate(r.json()).zin_tarief == Decimal("44.10")
    r = await finance.get(
        f"{URL}/HH50", params={"peildatum": "2015-06-01"}, headers=auth("gebiedsteam", "0687")
    )
    assert r.json()["pgbTarief"] == "17.17"


async def test_every_role_reads_tarieven(finance: httpx.AsyncClient) -> None:
    for role in (
        "gebiedsteam",
        "aanbieder",
        "financien",
        "beheer",
        "systeem",
        "clientondersteuner",
    ):
        r = await finance.get(
            f"{URL}/HH1", params={"peildatum": "2015-03-01"}, headers=auth(role, "0717")
        )
        assert r.status_code == 200, role


async def test_list_walcheren(finance: httpx.AsyncClient) -> None:
    r = await finance.get(URL, params={"peildatum": "2015-06-01"}, headers=auth("systeem", "0718"))
    assert r.status_code == 200
    codes = [t["productcode"] for t in r.json()["resultaten"]]
    assert {"H300", "HH1", "HH50", "Z996"} <= set(codes)
    assert len(codes) >= 22


async def test_peildatum_outside_any_policy_is_400(finance: httpx.AsyncClient) -> None:
    for params in ({"peildatum": "2016-06-01"}, {"peildatum": "2015-01-05"}):
        body = problem(
            await finance.get(f"{URL}/H300", params=params, headers=auth("systeem", "0718")), 400
        )
        assert param_names(body) == ["peildatum"]
        assert body["invalidParams"][0]["code"] == "geen-beleid-van-kracht"
    body = problem(
        await finance.get(URL, params={"peildatum": "2016-06-01"}, headers=auth("beheer", "0718")),
        400,
    )
    assert param_names(body) == ["peildatum"]


async def test_policy_without_tariff_table_and_unknown_code(finance: httpx.AsyncClient) -> None:
    # Ooststellingwerf 2023 ships no tariffs: H300 is unknown there.
    problem(
        await finance.get(f"{URL}/H300", params={"peildatum": "2026-03-01"}, headers=auth()), 404
    )
    problem(
        await finance.get(
            f"{URL}/XX999", params={"peildatum": "2015-06-01"}, headers=auth("systeem", "0718")
        ),
        404,
    )


async def test_bad_input_is_400(finance: httpx.AsyncClient) -> None:
    body = problem(
        await finance.get(f"{URL}/H300", params={"peildatum": "morgen"}, headers=auth()), 400
    )
    assert param_names(body) == ["peildatum"]
    problem(await finance.get(f"{URL}/H3-00", headers=auth()), 400)


def _nieuw(code: str, van: str, tot: str | None = None, **extra: object) -> dict[str, object]:
    return {
        "productcode": code,
        "omschrijving": "Begeleiding groep",
        "productcategorie": "02",
        "eenheid": "uur",
        "zinTarief": "50.00",
        "geldigVan": van,
        "geldigTot": tot,
        **extra,
    }


async def test_beheer_adds_periods_and_closes_open_one(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    code = productcode()
    h = auth("beheer", "0085")
    r = await finance.post(URL, json=_nieuw(code, "2026-01-01"), headers=h)
    assert r.status_code == 201, r.text
    eerste = r.json()
    assert (eerste["bron"], eerste["versie"], eerste["geldigTot"]) == ("api", 1, None)

    r = await finance.get(f"{URL}/{code}", params={"peildatum": "2026-06-01"}, headers=auth())
    assert r.status_code == 200
    assert r.json()["zinTarief"] == "50.00"
    assert set(r.json()) == set(_nieuw(code, "x")) - {"sluitOpenPeriode"} | {
        "gemeente",
        "pgbTarief",
    }

    # overlapping the open period without closing it: 409 naming geldigVan
    body = problem(await finance.post(URL, json=_nieuw(code, "2027-01-01"), headers=h), 409)
    assert param_names(body) == ["geldigVan"]
    assert body["rules"] == ["FIN-13"]

    r = await finance.post(
        URL,
        json=_nieuw(code, "2027-01-01", zinTarief="52.00", sluitOpenPeriode=True),
        headers=h,
    )
    assert r.status_code == 201, r.text
    gesloten = r.json()["geslotenPeriode"]
    assert gesloten["geldigTot"] == "2026-12-31"
    assert gesloten["versie"] == 2
    assert gesloten["periodeId"] == eerste["periodeId"]

    old = await finance.get(f"{URL}/{code}", params={"peildatum": "2026-12-31"}, headers=auth())
    new = await finance.get(f"{URL}/{code}", params={"peildatum": "2027-01-01"}, headers=auth())
    assert (old.json()["zinTarief"], new.json()["zinTarief"]) == ("50.00", "52.00")

    # the old version is kept, only not current
    rows = await fetch(
        db,
        "SELECT versie, actueel, geldig_tot FROM finance.tarieven WHERE periode_id = $1 "
        "ORDER BY versie",
        uuid.UUID(eerste["periodeId"]),
    )
    assert [(r["versie"], r["actueel"]) for r in rows] == [(1, False), (2, True)]
    assert rows[0]["geldig_tot"] is None

    # before the first period: no tariff in force → 400 peildatum
    body = problem(
        await finance.get(f"{URL}/{code}", params={"peildatum": "2025-06-01"}, headers=auth()),
        400,
    )
    assert param_names(body) == ["peildatum", "productcode"]
    assert all(w in body["detail"] for w in (code, "0085", "2025-06-01", "POST /tarieven"))

    # another gemeente does not see it
    problem(
        await finance.get(
            f"{URL}/{code}", params={"peildatum": "2026-06-01"}, headers=auth("beheer", "0086")
        ),
        400,
    )


async def test_period_overlapping_the_policy_table_is_409(finance: httpx.AsyncClient) -> None:
    body = problem(
        await finance.post(
            URL, json=_nieuw("H300", "2015-07-01", "2015-08-31"), headers=auth("beheer", "0718")
        ),
        409,
    )
    assert param_names(body) == ["geldigVan"]
    r = await finance.post(
        URL, json=_nieuw("H300", "2016-01-01", "2016-12-31"), headers=auth("beheer", "0718")
    )
    assert r.status_code == 201


async def test_post_tarief_rejections(finance: httpx.AsyncClient) -> None:
    code = productcode()
    problem(await finance.post(URL, json=_nieuw(code, "2026-01-01"), headers=auth()), 403)
    body = problem(
        await finance.post(
            URL, json=_nieuw(code, "2026-01-01", zinTarief=None), headers=auth("beheer")
        ),
        400,
    )
    assert param_names(body) == ["zinTarief"]
    body = problem(
        await finance.post(
            URL, json=_nieuw(code, "2026-02-01", "2026-01-01"), headers=auth("beheer")
        ),
        400,
    )
    assert param_names(body) == ["geldigTot"]
    body = problem(
        await finance.post(
            URL, json=_nieuw(code, "2026-01-01", zinTarief="-1"), headers=auth("beheer")
        ),
        400,
    )
    assert param_names(body) == ["zinTarief"]
    body = problem(
        await finance.post(
            URL, json=_nieuw(code, "2026-01-01", eenheid="week"), headers=auth("beheer")
        ),
        400,
    )
    assert param_names(body) == ["eenheid"]


async def test_post_tarief_is_idempotent(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    code = productcode()
    h = {**auth("beheer"), "Idempotency-Key": str(uuid.uuid4())}
    first = await finance.post(URL, json=_nieuw(code, "2026-01-01"), headers=h)
    again = await finance.post(URL, json=_nieuw(code, "2026-01-01"), headers=h)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    rows = await fetch(db, "SELECT 1 FROM finance.tarieven WHERE productcode = $1", code)
    assert len(rows) == 1
    other = await finance.post(URL, json=_nieuw(code, "2028-01-01"), headers=h)
    assert problem(other, 409)["code"] == "idempotency-key-hergebruikt"


async def test_close_open_period_with_if_match(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    code = productcode()
    h = auth("beheer")
    assert (await finance.post(URL, json=_nieuw(code, "2026-01-01"), headers=h)).status_code == 201
    r = await finance.get(f"{URL}/{code}", params={"peildatum": "2026-02-01"}, headers=auth())
    assert r.headers["ETag"] == 'W/"1"'
    body = {"geldigVan": "2026-01-01", "geldigTot": "2026-06-30"}
    sluit = f"{URL}/{code}/afsluitingen"
    assert problem(await finance.post(sluit, json=body, headers=h), 428)["status"] == 428
    problem(await finance.post(sluit, json=body, headers={**h, "If-Match": 'W/"9"'}), 412)
    problem(await finance.post(sluit, json=body, headers={**auth(), "If-Match": 'W/"1"'}), 403)
    p = problem(
        await finance.post(
            sluit,
            json={**body, "geldigTot": "2025-01-01"},
            headers={**h, "If-Match": 'W/"1"'},
        ),
        400,
    )
    assert param_names(p) == ["geldigTot"]
    r = await finance.post(sluit, json=body, headers={**h, "If-Match": 'W/"1"'})
    assert r.status_code == 201, r.text
    assert (r.json()["versie"], r.json()["geldigTot"], r.headers["ETag"]) == (
        2,
        "2026-06-30",
        'W/"2"',
    )
    # closed periods do not change again
    p = problem(await finance.post(sluit, json=body, headers={**h, "If-Match": 'W/"2"'}), 409)
    assert "2026-06-30" in p["detail"]
    body = problem(
        await finance.get(f"{URL}/{code}", params={"peildatum": "2026-07-01"}, headers=auth()),
        400,
    )
    assert param_names(body) == ["peildatum", "productcode"]
    problem(
        await finance.post(
            f"{URL}/{code}/afsluitingen",
            json={"geldigVan": "2020-01-01", "geldigTot": "2020-02-01"},
            headers={**h, "If-Match": 'W/"1"'},
        ),
        404,
    )
    # a policy period is changed only by a new policy
    problem(
        await finance.post(
            f"{URL}/H300/afsluitingen",
            json={"geldigVan": "2015-01-01", "geldigTot": "2015-06-30"},
            headers={**auth("beheer", "0718"), "If-Match": 'W/"1"'},
        ),
        409,
    )


async def test_api_period_is_seen_only_by_its_gemeente(finance: httpx.AsyncClient) -> None:
    code = productcode()
    r = await finance.post(
        URL, json=_nieuw(code, "2015-02-01", "2015-12-31"), headers=auth("beheer", "0718")
    )
    assert r.status_code == 201, r.text
    params = {"peildatum": "2015-06-01"}
    own = await finance.get(f"{URL}/{code}", params=params, headers=auth("systeem", "0718"))
    assert (own.status_code, own.json()["gemeente"]) == (200, "0718")
    lijst = await finance.get(URL, params=params, headers=auth("systeem", "0718"))
    assert code in {t["productcode"] for t in lijst.json()["resultaten"]}
    problem(await finance.get(f"{URL}/{code}", params=params, headers=auth("systeem", "0687")), 404)
    lijst = await finance.get(URL, params=params, headers=auth("systeem", "0687"))
    assert code not in {t["productcode"] for t in lijst.json()["resultaten"]}
