"""The destruction list (issue 14.5) as intake assembles it: per service (intake, indicatie,
pgb, finance) the records past the bewaartermijn that service's beheer set for the gemeente.
No seed gives a bewaartermijn: until set, a service's part says so (the service itself answers
400); then intake lists exactly the closed files whose last activity is older than the term. A
service that does not answer is ``niet-beschikbaar``, never the whole list failing."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import client, melding
from tests.intake.api.peers import app_van
from tests.support.bewaartermijn import zet_termijn
from tests.support.stack import TestDatabase, auth
from wmo_shared.client import ServiceClient

VEERE = "0717"  # Walcheren: no other test sets intake's bewaartermijn there
MIDDELBURG = "0687"  # no test sets a bewaartermijn there in any service
BEHEER = auth("beheer", VEERE)
GW = auth("gebiedsteam", VEERE)
URL = "/api/v1/vernietigingskandidaten"
DIENSTEN = ["intake", "indicatie", "pgb", "finance"]


async def _oud(db: TestDatabase, sql: str, *args: object) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(sql, *args)
    finally:
        await conn.close()


async def _paginas(
    intake: httpx.AsyncClient, headers: dict[str, str], limit: int = 2
) -> list[dict[str, Any]]:
    paginas: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": str(limit), **({"cursor": cursor} if cursor else {})}
        r = await intake.get(URL, params=params, headers=headers)
        assert r.status_code == 200, r.text
        paginas.append(r.json())
        assert [d["dienst"] for d in paginas[-1]["diensten"]] == DIENSTEN
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return paginas


def _van(paginas: list[dict[str, Any]], dienst: str) -> list[dict[str, Any]]:
    return [
        k for p in paginas for d in p["diensten"] if d["dienst"] == dienst for k in d["resultaten"]
    ]


async def test_eerst_de_termijn_dan_de_lijst(
    intake: httpx.AsyncClient,
    pgb: httpx.AsyncClient,
    indicatie: httpx.AsyncClient,
    finance: httpx.AsyncClient,
    db: TestDatabase,
) -> None:
    r = await intake.get(URL, headers=BEHEER)
    assert r.status_code == 200, r.text
    eigen = r.json()["diensten"][0]
    if eigen["status"] == "bewaartermijn-ontbreekt":  # the first run of this session
        assert "bewaartermijn-jaren" in eigen["toelichting"] and eigen["resultaten"] == []
    for dienst in (intake, pgb, indicatie, finance):
        await zet_termijn(dienst, VEERE)
    assert (await intake.get(URL, headers=GW)).status_code == 403

    oud = await client(intake, GW)  # nothing open, last change in 2019: past 5 years
    await _oud(
        db, "UPDATE intake.clienten SET gewijzigd = '2019-06-01' WHERE id = $1", uuid.UUID(oud)
    )
    open_ = await client(intake, GW)  # an old melding still open: kept
    m = await melding(intake, open_, GW)
    await _oud(
        db, "UPDATE intake.clienten SET gewijzigd = '2019-06-01' WHERE id = $1", uuid.UUID(open_)
    )
    await _oud(
        db, "UPDATE intake.meldingen SET gewijzigd = '2019-06-01' WHERE id = $1", uuid.UUID(m["id"])
    )
    recent = await client(intake, GW)  # registered today: kept

    paginas = await _paginas(intake, BEHEER)
    eerste = {d["dienst"]: d for d in paginas[0]["diensten"]}
    assert all(d["status"] == "beschikbaar" for d in eerste.values()), eerste
    assert eerste["pgb"]["bewaartermijn"]["jaren"] == 5
    for p in paginas[1:]:  # a service that listed everything is not asked again
        assert all(d["status"] in ("beschikbaar", "afgerond") for d in p["diensten"])
    gevonden = {k["id"]: k for k in _van(paginas, "intake")}
    assert oud in gevonden and open_ not in gevonden and recent not in gevonden
    k = gevonden[oud]
    assert (k["soort"], k["einddatum"], k["bewarenTot"]) == ("client", "2019-06-01", "2024-06-01")
    assert (k["bewaartermijnJaren"], k["rule"]) == (5, "AVG-5.1e")

    await _oud(
        db, "UPDATE intake.meldingen SET status = 'beeindigd' WHERE id = $1", uuid.UUID(m["id"])
    )
    assert open_ in {k["id"] for k in _van(await _paginas(intake, BEHEER, 200), "intake")}


async def test_zonder_termijn_zegt_elke_dienst_het(intake: httpx.AsyncClient) -> None:
    [pagina] = await _paginas(intake, auth("beheer", MIDDELBURG))
    for d in pagina["diensten"]:
        assert d["status"] == "bewaartermijn-ontbreekt", d
        assert "bewaartermijn-jaren" in d["toelichting"] and d["dienst"] in d["toelichting"]
    r = await intake.get(URL, params={"cursor": "bla"}, headers=BEHEER)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "cursor"


async def test_een_dienst_die_niet_antwoordt(
    intake: httpx.AsyncClient,
    pgb: httpx.AsyncClient,
    indicatie: httpx.AsyncClient,
    finance: httpx.AsyncClient,
) -> None:
    for dienst in (intake, pgb, indicatie, finance):
        await zet_termijn(dienst, VEERE)
    app = app_van(intake)
    app.state.clients["pgb"] = ServiceClient("pgb", "http://127.0.0.1:9", retries=0)

    async def traag(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200, json={})

    async def kapot(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"detail": "stuk"})

    for naam, antwoord in (("indicatie", traag), ("finance", kapot)):
        app.state.clients[naam] = ServiceClient(
            naam, f"http://{naam}", transport=httpx.MockTransport(antwoord), retries=0
        )
    instellingen = app.state.settings
    app.state.settings = instellingen.model_copy(update={"dossier_timeout_seconds": 0.3})
    try:
        r = await intake.get(URL, params={"limit": "200"}, headers=BEHEER)
    finally:
        app.state.settings = instellingen
    assert r.status_code == 200, r.text
    d = {x["dienst"]: x for x in r.json()["diensten"]}
    assert d["intake"]["status"] == "beschikbaar"
    for naam in ("indicatie", "pgb", "finance"):
        assert d[naam]["status"] == "niet-beschikbaar" and d[naam]["resultaten"] == []
    assert "0.3 seconden" in d["indicatie"]["toelichting"]
    assert "500" in d["finance"]["toelichting"]
    assert r.json()["volgendeCursor"] is None  # ask the list again later, from the start


async def test_alleen_bekende_sleutels(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/beleidswaarden",
        json={
            "sleutel": "iets-anders",
            "waarde": "5",
            "geldigVanaf": "2015-01-15",
            "toelichting": "x",
        },
        headers={**BEHEER, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code == 400
    r = await intake.get("/api/v1/beleidswaarden", headers=BEHEER)
    assert r.status_code == 200
    assert "bewaartermijn-jaren" in {s["sleutel"] for s in r.json()["sleutels"]}
