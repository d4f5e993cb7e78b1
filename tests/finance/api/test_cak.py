"""FIN-12 CAK register over the API: the receiver (idempotent on eventId), a person's register,
the change feed (pagination, re-reading from an old cursor, reading 100,000 rows to the end).
How fast that is belongs in a benchmark, which prints timings; a test never asserts one."""

from __future__ import annotations

import random
import uuid
from typing import Any

import asyncpg
import httpx

from tests.finance.api.helpers import bsn, fetch, param_names, problem
from tests.support.stack import TestDatabase, auth
from wmo_finance.schemas.cak import CakMutatiePage

URL = "/api/v1/cak-voorzieningen"
FEED = "/api/v1/cak-mutaties"


_GEMEENTEN = iter(random.sample(range(5000, 9999), 100))


def _gemeente() -> str:
    """A gemeente of its own per test, so feed assertions see only the test's own rows."""
    return str(next(_GEMEENTEN))


def _event(gemeente: str, persoon: str, **extra: Any) -> dict[str, Any]:
    return {
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-gestart",
        "gemeente": gemeente,
        "bsn": persoon,
        "geboortedatum": "1991-05-04",
        "beschikkingId": str(uuid.uuid4()),
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "productcategorie": "02",
        "productcode": "02A03",
        "leveringsvorm": "zin",
        "ingangsdatum": "2026-04-01",
        "einddatum": "2027-03-31",
        **extra,
    }


async def _feed(finance: httpx.AsyncClient, gemeente: str, **params: Any) -> dict[str, Any]:
    r = await finance.get(FEED, params=params, headers=auth("systeem", gemeente))
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_scenario_a_start_is_registered_and_fed(finance: httpx.AsyncClient) -> None:
    # Ooststellingwerf's policy is in force in 2026: the national abonnementstarief applies
    sanne = bsn()
    event = _event("0085", sanne)
    r = await finance.post(URL, json=event, headers=auth("systeem", "0085"))
    assert r.status_code == 201, r.text
    v = r.json()
    assert (v["gemeld"], v["bijdrageVanaf"], v["meldenUiterlijk"]) == (
        True,
        "2026-04-01",
        "2026-05-01",
    )
    assert (v["kostprijsSoort"], v["kostprijs"], v["abonnementstarief"]) == (
        "overig",
        None,
        "21.80",
    )
    assert "FIN-12" in {x["rule"] for x in v["regels"]}

    r = await finance.post(f"{URL}/_zoek", json={"bsn": sanne}, headers=auth("financien", "0085"))
    assert [x["maatwerkvoorzieningId"] for x in r.json()["resultaten"]] == [
        event["maatwerkvoorzieningId"]
    ]
    r = await finance.post(f"{URL}/_zoek", json={"bsn": sanne}, headers=auth("financien", "0718"))
    assert r.json()["resultaten"] == []


async def test_same_event_twice_creates_one_row(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    event = _event("0085", bsn())
    h = auth("systeem", "0085")
    first = await finance.post(URL, json=event, headers=h)
    again = await finance.post(URL, json=event, headers=h)  # no key: the inbox recognises it
    keyed = await finance.post(URL, json=event, headers={**h, "Idempotency-Key": event["eventId"]})
    assert (first.status_code, again.status_code, keyed.status_code) == (201, 200, 200)
    assert again.json()["id"] == first.json()["id"]
    rows = await fetch(
        db,
        "SELECT count(*) AS n FROM finance.cak_mutaties WHERE event_id = $1",
        uuid.UUID(event["eventId"]),
    )
    assert rows[0]["n"] == 1
    rows = await fetch(
        db,
        "SELECT count(*) AS n FROM finance.cak_voorzieningen WHERE maatwerkvoorziening_id = $1",
        uuid.UUID(event["maatwerkvoorzieningId"]),
    )
    assert rows[0]["n"] == 1


async def test_life_of_a_voorziening_in_the_feed(finance: httpx.AsyncClient) -> None:
    gemeente = "0085"
    start = await _feed(finance, gemeente, limit=1000)
    while start["meer"]:
        start = await _feed(finance, gemeente, cursor=start["volgendeCursor"], limit=1000)
    cursor = start["volgendeCursor"]

    persoon = bsn()
    event = _event(gemeente, persoon)
    h = auth("systeem", gemeente)
    assert (await finance.post(URL, json=event, headers=h)).status_code == 201
    changed = {
        **event,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-gewijzigd",
        "einddatum": "2027-09-30",
    }
    r = await finance.post(URL, json=changed, headers=h)
    assert (r.status_code, r.json()["versie"], r.json()["einddatum"]) == (201, 2, "2027-09-30")
    ended = {
        **event,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-beeindigd",
        "einddatum": "2026-12-31",
    }
    assert (await finance.post(URL, json=ended, headers=h)).status_code == 201

    page = await _feed(finance, gemeente, cursor=cursor)
    own = [m for m in page["resultaten"] if m["bsn"] == persoon]
    assert [m["soort"] for m in own] == ["start", "wijziging", "stop"]
    assert own[-1]["einddatum"] == "2026-12-31"
    assert own[0]["abonnementstarief"] == "21.80"
    assert own[0]["geregistreerdOp"]
    volgnummers = [m["volgnummer"] for m in page["resultaten"]]
    assert volgnummers == sorted(volgnummers)


async def test_exemptions_and_caps(finance: httpx.AsyncClient) -> None:
    h = auth("systeem", "0085")
    # a minor with begeleiding that ends before 18: no eigen bijdrage, not reported
    r = await finance.post(URL, json=_event("0085", bsn(), geboortedatum="2015-01-01"), headers=h)
    assert r.status_code == 201
    assert (r.json()["gemeld"], r.json()["bijdrageVanaf"]) == (False, None)
    # no eigen bijdrage at all
    r = await finance.post(URL, json=_event("0085", bsn(), eigenBijdrage=False), headers=h)
    assert r.json()["gemeld"] is False
    # a hulpmiddel: the kostprijs caps the bijdrage and is required
    p = problem(
        await finance.post(URL, json=_event("0085", bsn(), productcategorie="11"), headers=h), 400
    )
    assert (param_names(p), p["rules"]) == (["kostprijs"], ["FIN-12"])
    r = await finance.post(
        URL, json=_event("0085", bsn(), productcategorie="11", kostprijs="850.00"), headers=h
    )
    assert (r.json()["kostprijsSoort"], r.json()["kostprijs"]) == ("hulpmiddel", "850.00")


async def test_one_tariff_per_household(finance: httpx.AsyncClient) -> None:
    h = auth("systeem", "0085")
    huishouden = str(uuid.uuid4())
    await finance.post(URL, json=_event("0085", bsn(), huishoudenId=huishouden), headers=h)
    r = await finance.post(URL, json=_event("0085", bsn(), huishoudenId=huishouden), headers=h)
    assert r.status_code == 201
    assert any("één abonnementstarief" in x["toelichting"] for x in r.json()["regels"])


async def test_walcheren_2015_is_income_dependent(finance: httpx.AsyncClient) -> None:
    r = await finance.post(
        URL,
        json=_event("0718", bsn(), ingangsdatum="2015-03-01", einddatum=None),
        headers=auth("systeem", "0718"),
    )
    assert r.status_code == 201, r.text
    assert (r.json()["gemeld"], r.json()["abonnementstarief"]) == (True, None)


async def test_receiver_rejections(finance: httpx.AsyncClient) -> None:
    event = _event("0085", bsn())
    problem(await finance.post(URL, json=event, headers=auth("gebiedsteam", "0085")), 403)
    problem(await finance.post(URL, json=event, headers=auth("systeem", "0718")), 403)
    p = problem(
        await finance.post(
            URL,
            json={**event, "eventType": "maatwerkvoorziening-beeindigd", "einddatum": None},
            headers=auth("systeem", "0085"),
        ),
        400,
    )
    assert param_names(p) == ["einddatum"]
    p = problem(
        await finance.post(
            URL, json={**event, "bsn": "111111111"}, headers=auth("systeem", "0085")
        ),
        400,
    )
    assert param_names(p) == ["bsn"]
    p = problem(
        await finance.post(
            URL, json={**event, "productcategorie": "99"}, headers=auth("systeem", "0085")
        ),
        400,
    )
    assert param_names(p) == ["productcategorie"]
    problem(
        await finance.post(f"{URL}/_zoek", json={"bsn": event["bsn"]}, headers=auth("aanbieder")),
        403,
    )


async def test_register_reads_are_audited(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    persoon = bsn()
    r = await finance.post(URL, json=_event("0085", persoon), headers=auth("systeem", "0085"))
    await finance.post(f"{URL}/_zoek", json={"bsn": persoon}, headers=auth("financien"))
    rows = await fetch(
        db,
        "SELECT actie FROM finance.audit WHERE resource_type = 'cak-voorziening' "
        "AND resource_id = $1 ORDER BY id",
        r.json()["id"],
    )
    assert [x["actie"] for x in rows] == ["ontvangen", "zoeken"]


async def _vul_feed(db: TestDatabase, gemeente: str, aantal: int) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("finance", "owner"))
    try:
        await conn.execute(
            """
            INSERT INTO finance.cak_mutaties (soort, gemeente, bsn, geboortedatum, beschikking_id,
                maatwerkvoorziening_id, productcategorie, productcode, leveringsvorm,
                ingangsdatum, kostprijs, abonnementstarief, event_id)
            SELECT 'start', $1, '999993653', DATE '1950-01-01', gen_random_uuid(),
                gen_random_uuid(), '02', '02A03', 'zin', DATE '2026-01-01', NULL, 21.80,
                gen_random_uuid()
            FROM generate_series(1, $2)
            """,
            gemeente,
            aantal,
        )
    finally:
        await conn.close()


async def test_feed_pagination_and_rereading(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    gemeente = _gemeente()
    await _vul_feed(db, gemeente, 25)
    p1 = await _feed(finance, gemeente, limit=10)
    p2 = await _feed(finance, gemeente, cursor=p1["volgendeCursor"], limit=10)
    p3 = await _feed(finance, gemeente, cursor=p2["volgendeCursor"], limit=10)
    assert [len(p["resultaten"]) for p in (p1, p2, p3)] == [10, 10, 5]
    assert [p["meer"] for p in (p1, p2, p3)] == [True, True, False]
    alles = [m["volgnummer"] for p in (p1, p2, p3) for m in p["resultaten"]]
    assert alles == sorted(set(alles))
    # re-reading from an old cursor gives the same page
    assert await _feed(finance, gemeente, cursor=p1["volgendeCursor"], limit=10) == p2
    # past the end: empty, the cursor stays
    end = await _feed(finance, gemeente, cursor=p3["volgendeCursor"])
    assert end == {"resultaten": [], "volgendeCursor": p3["volgendeCursor"], "meer": False}
    assert set(p1["resultaten"][0]) == {
        "volgnummer", "soort", "gemeente", "bsn", "geboortedatum", "huishoudenId",
        "beschikkingId", "maatwerkvoorzieningId", "productcategorie", "productcode",
        "leveringsvorm", "ingangsdatum", "einddatum", "kostprijs", "abonnementstarief",
        "geregistreerdOp", "tegemoetkomingId", "eigenBijdragePerMaand", "eigenBijdrageMaxMaanden",
        "vervangtMaatwerkvoorzieningId",
    }  # fmt: skip
    assert p1["resultaten"][0]["abonnementstarief"] == "21.80"
    # every item is the shared contract the exchange scripts read
    page = CakMutatiePage.model_validate(p1)
    assert page.resultaten[0].geregistreerd_op.tzinfo is not None
    # another gemeente sees none of it
    ander = await _feed(finance, "0085", cursor=str(alles[0] - 1), limit=1000)
    assert not {m["volgnummer"] for m in ander["resultaten"]} & set(alles)


async def test_feed_rejections_and_audit(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    gemeente = _gemeente()
    for params, name in (
        ({"limit": 0}, "limit"),
        ({"limit": 5001}, "limit"),
        ({"cursor": "abc"}, "cursor"),
        ({"cursor": "-1"}, "cursor"),
    ):
        p = problem(await finance.get(FEED, params=params, headers=auth("systeem", gemeente)), 400)
        assert param_names(p) == [name]
    problem(await finance.get(FEED, headers=auth("gebiedsteam", gemeente)), 403)
    r = await finance.get(FEED, headers=auth("financien", gemeente))
    assert r.status_code == 200
    rows = await fetch(
        db,
        "SELECT actie FROM finance.audit WHERE resource_type = 'cak-mutaties' AND gemeente = $1",
        gemeente,
    )
    assert [x["actie"] for x in rows] == ["lezen"]


async def test_feed_over_100000_rows_reads_to_the_end(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    gemeente = _gemeente()
    await _vul_feed(db, gemeente, 100_000)
    cursor, gelezen, meer = "", 0, True
    while meer:
        page = await _feed(finance, gemeente, cursor=cursor, limit=1000)
        gelezen += len(page["resultaten"])
        cursor, meer = page["volgendeCursor"], page["meer"]
    assert gelezen == 100_000
