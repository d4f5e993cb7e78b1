"""Destroying a file past the bewaartermijn (issue 14.5), role beheer: only a file the
destruction list names (409 otherwise, 404 for another gemeente's), its rows really deleted
with its sent letters, audited, and a proces-verbaal kept without personal data."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import GW, verzonden_zaak
from tests.intake.api.peers import bsn_van_melding
from tests.support.bewaartermijn import zet_termijn
from tests.support.stack import TestDatabase, auth

BEHEER = auth("beheer")
URL = "/api/v1/vernietigingen"


async def _sql(db: TestDatabase, statement: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        return list(await conn.fetch(statement, *args))
    finally:
        await conn.close()


async def _verouderd(db: TestDatabase, m: dict[str, Any], b: dict[str, Any]) -> None:
    """The case ended in 2015 and nothing happened since 10 January 2016."""
    await _sql(
        db,
        "UPDATE intake.maatwerkvoorzieningen SET begindatum = '2015-02-01', "
        "einddatum = '2015-12-31' WHERE beschikking_id = $1",
        uuid.UUID(b["id"]),
    )
    await _sql(
        db,
        "UPDATE intake.meldingen SET gewijzigd = '2016-01-10', status = 'beeindigd' WHERE id = $1",
        uuid.UUID(m["id"]),
    )
    await _sql(
        db,
        "UPDATE intake.clienten SET gewijzigd = '2016-01-10' WHERE id = $1",
        uuid.UUID(m["clientId"]),
    )


def _verzoek(client_id: str, headers: dict[str, str] = BEHEER) -> dict[str, Any]:
    return {
        "json": {"soort": "client", "id": client_id},
        "headers": {**headers, "Idempotency-Key": str(uuid.uuid4())},
    }


async def test_alleen_wat_op_de_lijst_staat(intake: httpx.AsyncClient) -> None:
    await zet_termijn(intake, "0085")
    m, _ = await verzonden_zaak(intake)  # a voorziening that runs: not on the list
    r = await intake.post(URL, **_verzoek(m["clientId"]))
    assert r.status_code == 409, r.text
    assert (r.json()["code"], r.json()["rules"]) == ("bewaartermijn-loopt", ["AVG-5.1e"])
    assert (await intake.post(URL, **_verzoek(m["clientId"], GW))).status_code == 403
    r = await intake.post(URL, **_verzoek(m["clientId"], auth("beheer", "0718")))
    assert r.status_code == 404
    assert (await intake.post(URL, **_verzoek(str(uuid.uuid4())))).status_code == 404


async def test_het_dossier_gaat_het_proces_verbaal_blijft(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    await zet_termijn(intake, "0085")
    m, b = await verzonden_zaak(intake)
    nummer = await bsn_van_melding(intake, m["id"], GW)
    assert nummer is not None
    await _verouderd(db, m, b)
    [brief] = await _sql(
        db, "SELECT id FROM intake.brieven WHERE onderwerp_id = $1", uuid.UUID(b["id"])
    )

    verzoek = _verzoek(m["clientId"])
    r = await intake.post(URL, **verzoek)
    assert r.status_code == 201, r.text
    pv = r.json()
    assert r.headers["Location"] == f"/api/v1/vernietigingen/{pv['id']}"
    assert (pv["soort"], pv["objectId"], pv["einddatum"], pv["bewarenTot"]) == (
        "client",
        m["clientId"],
        "2016-01-10",
        "2021-01-10",
    )
    assert (pv["bewaartermijnJaren"], pv["rule"], pv["rol"]) == (5, "AVG-5.1e", "beheer")
    aantallen = pv["aantallen"]
    assert aantallen["clienten"] == aantallen["meldingen"] == aantallen["beschikkingen"] == 1
    assert aantallen["brieven"] == 1 and aantallen["maatwerkvoorzieningen"] >= 1
    assert nummer not in r.text and "Sanne" not in r.text  # no personal data in it

    # really gone: the rows, the letter; the AVG inzage finds nothing in intake any more
    for tabel, kolom, waarde in (
        ("clienten", "id", m["clientId"]),
        ("meldingen", "id", m["id"]),
        ("beschikkingen", "id", b["id"]),
        ("maatwerkvoorzieningen", "beschikking_id", b["id"]),
        ("brieven", "id", str(brief["id"])),
    ):
        rijen = await _sql(
            db, f"SELECT 1 FROM intake.{tabel} WHERE {kolom} = $1", uuid.UUID(waarde)
        )
        assert rijen == [], tabel
    r = await intake.post("/api/v1/avg-inzageverzoeken", json={"bsn": nummer}, headers=BEHEER)
    intake_deel = next(d for d in r.json()["diensten"] if d["dienst"] == "intake")
    assert all(rijen == [] for rijen in intake_deel["gegevens"].values())

    # audited; the proces-verbaal can be read back, and a replay gives the same one
    acties = await _sql(
        db,
        "SELECT actie, rol FROM intake.audit WHERE resource_id = $1 AND actie = 'vernietigen'",
        m["clientId"],
    )
    assert [(a["actie"], a["rol"]) for a in acties] == [("vernietigen", "beheer")]
    r = await intake.get(f"{URL}/{pv['id']}", headers=BEHEER)
    assert r.status_code == 200 and r.json() == pv
    assert (
        await intake.get(f"{URL}/{pv['id']}", headers=auth("beheer", "0718"))
    ).status_code == 404
    assert (await intake.post(URL, **verzoek)).json() == pv
    assert (await intake.post(URL, **_verzoek(m["clientId"]))).status_code == 404

    # the app role still cannot remove a letter itself, nor the proces-verbaal
    app = await asyncpg.connect(db.asyncpg_dsn("intake", "app"))
    try:
        for sql in ("DELETE FROM intake.brieven", "DELETE FROM intake.vernietigingen"):
            try:
                await app.execute(sql + " WHERE false")
                raise AssertionError(sql)
            except asyncpg.InsufficientPrivilegeError:
                pass
    finally:
        await app.close()
