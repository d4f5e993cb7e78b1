"""Indicatie's part of the destruction list (issue 14.5): role beheer, own gemeente, a 400 until
beheer set the bewaartermijn (no seed gives one), then the indicaties whose current version
ended more than the term back (an indicatie without einddatum runs) and the advices no
indicatie rests on; audited, paged. Middelburg (0687): no test sets the term there."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx

from tests.indicatie.api.support import OOSTSTELLINGWERF, echte_indicatie, sanne_advies
from tests.support.bewaartermijn import JAREN, URL, alle, middag, sql, zet_termijn
from tests.support.stack import TestDatabase, auth
from wmo_shared.bewaartermijn import plus_jaren
from wmo_shared.clock import vandaag

MIDDELBURG = "0687"
VEERE = "0717"


async def _indicatie(indicatie: httpx.AsyncClient) -> dict[str, Any]:
    r = await indicatie.post("/api/v1/indicaties", json=await echte_indicatie(), headers=auth())
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _eindigt(db: TestDatabase, id_: str, einde: dt.date | None) -> None:
    """The indicatie ran until ``einde`` (None: without end) and was last changed before it."""
    begin = dt.date(2014, 1, 1)
    await sql(
        db,
        "indicatie",
        "UPDATE indicatie.indicaties SET begindatum = $2, einddatum = $3, gewijzigd_op = $4 "
        "WHERE id = $1",
        uuid.UUID(id_),
        begin,
        einde,
        middag(begin),
    )


async def test_zonder_termijn_een_400_en_alleen_beheer(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.get(URL, headers=auth("beheer", MIDDELBURG))
    assert r.status_code == 400, r.text
    problem = r.json()
    assert (problem["code"], problem["rules"]) == ("beleidswaarde-ontbreekt", ["AVG-5.1e"])
    assert problem["invalidParams"][0]["name"] == "bewaartermijn"
    for rol in ("gebiedsteam", "financien", "systeem"):
        assert (await indicatie.get(URL, headers=auth(rol, MIDDELBURG))).status_code == 403
    r = await indicatie.get("/api/v1/beleidswaarden", headers=auth("beheer", MIDDELBURG))
    assert r.status_code == 200
    assert [s["sleutel"] for s in r.json()["sleutels"]] == ["bewaartermijn-jaren"]


async def test_indicaties_en_adviezen_over_de_termijn(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    await zet_termijn(indicatie, OOSTSTELLINGWERF)
    grens = plus_jaren(vandaag(), -JAREN)
    bewaard, weg, zonder_einde, recent = [await _indicatie(indicatie) for _ in range(4)]
    await _eindigt(db, bewaard["id"], grens)  # the last day kept is today
    await _eindigt(db, weg["id"], grens - dt.timedelta(days=1))  # listed from today
    await _eindigt(db, zonder_einde["id"], None)
    r = await indicatie.post("/api/v1/indicatie-adviezen", json=sanne_advies(), headers=auth())
    assert r.status_code == 201, r.text
    advies = r.json()
    await sql(
        db,
        "indicatie",
        "UPDATE indicatie.adviezen SET aangemaakt_op = $2 WHERE id = $1",
        uuid.UUID(advies["id"]),
        middag(dt.date(2016, 3, 1)),
    )

    gevonden = {k["id"]: k for k in await alle(indicatie, OOSTSTELLINGWERF)}
    for gebleven in (bewaard, zonder_einde, recent):
        assert gebleven["id"] not in gevonden
    k = gevonden[weg["id"]]
    assert (k["soort"], k["einddatum"], k["bewarenTot"], k["rule"]) == (
        "indicatie",
        (grens - dt.timedelta(days=1)).isoformat(),
        (vandaag() - dt.timedelta(days=1)).isoformat(),
        "AVG-5.1e",
    )
    assert any("alle versies" in o for o in k["omvat"])
    a = gevonden[advies["id"]]
    assert (a["soort"], a["einddatum"], a["bewarenTot"]) == ("advies", "2016-03-01", "2021-03-01")

    rijen = await sql(
        db,
        "indicatie",
        "SELECT rol FROM indicatie.audit WHERE resource_type = 'vernietigingskandidaat' "
        "AND resource_id = $1",
        weg["id"],
    )
    assert [r["rol"] for r in rijen] == ["beheer"]

    await zet_termijn(indicatie, VEERE)
    assert not {k["id"] for k in await alle(indicatie, VEERE, limit=200)} & set(gevonden)
