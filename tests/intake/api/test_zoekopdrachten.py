"""Searching cliënten (issue 14.2): by a misspelled name (pg_trgm), geboortedatum, postcode
with huisnummer, BSN and case reference; ranked, cursor-paged, audited without values, and
never across gemeenten."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, bsn, h, melding
from tests.support.stack import TestDatabase, auth

URL = "/api/v1/clienten/zoekopdrachten"


async def _client(
    intake: httpx.AsyncClient,
    voornamen: str,
    achternaam: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body = {
        "bsn": bsn(),
        "voornamen": voornamen,
        "achternaam": achternaam,
        "geboortedatum": "1950-02-03",
        **extra,
    }
    r = await intake.post("/api/v1/clienten", json=body, headers=h(headers))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _zoek(
    intake: httpx.AsyncClient, headers: dict[str, str] | None = None, **body: Any
) -> dict[str, Any]:
    r = await intake.post(URL, json=body, headers=headers or GW)
    assert r.status_code == 200, r.text
    return dict(r.json())


def _ids(antwoord: dict[str, Any]) -> list[str]:
    return [r["client"]["id"] for r in antwoord["resultaten"]]


async def test_zoeken_op_naam_met_spelfout(intake: httpx.AsyncClient) -> None:
    achternaam = f"Wiersmaqx{uuid.uuid4().hex[:6]}"
    jan = await _client(intake, "Jan", achternaam)
    elders = await _client(intake, "Jan", achternaam, ANDERE_GEMEENTE)
    fout = achternaam.replace("Wiersma", "Wirsma")
    antwoord = await _zoek(intake, naam=f"Jan {fout}")
    assert jan["id"] in _ids(antwoord) and elders["id"] not in _ids(antwoord)
    treffer = next(r for r in antwoord["resultaten"] if r["client"]["id"] == jan["id"])
    assert 0.45 <= treffer["overeenkomst"] < 1
    # Accents and case do not matter (ZOEK-02)
    antwoord = await _zoek(intake, naam=f"JÁN {achternaam.upper()}")
    assert _ids(antwoord)[0] == jan["id"]
    antwoord = await _zoek(intake, ANDERE_GEMEENTE, naam=f"Jan {fout}")
    assert _ids(antwoord) == [elders["id"]]


async def test_een_naam_met_losse_accenttekens_is_dezelfde_naam(intake: httpx.AsyncClient) -> None:
    """A name typed as letters with combining accents (NFD, as some systems send it) is stored
    as the same letters composed (NFC), so it reads, prints and is found as the one name."""
    achternaam = f"Hoe\u0308kstra{uuid.uuid4().hex[:6]}"  # ö as o + U+0308
    zoe = await _client(intake, "Zoe\u0308", achternaam)
    assert zoe["voornamen"] == "Zoë" and zoe["achternaam"].startswith("Hoëkstra")
    samengesteld = achternaam.replace("oe\u0308", "oë")
    antwoord = await _zoek(intake, naam=f"Zoë {samengesteld}")
    assert _ids(antwoord)[0] == zoe["id"]
    treffer = antwoord["resultaten"][0]
    assert treffer["overeenkomst"] == 1


async def test_ranking_en_cursor(intake: httpx.AsyncClient) -> None:
    stam = f"Zoekstra{uuid.uuid4().hex[:5]}"
    exact = await _client(intake, "Pieter", stam)
    bijna = [await _client(intake, "Pieter", stam + "x" * i) for i in (1, 2, 3)]
    gezien: list[str] = []
    antwoord = await _zoek(intake, naam=f"Pieter {stam}", limit=2)
    assert _ids(antwoord)[0] == exact["id"]
    gezien += _ids(antwoord)
    while antwoord["volgendeCursor"]:
        antwoord = await _zoek(
            intake, naam=f"Pieter {stam}", limit=2, cursor=antwoord["volgendeCursor"]
        )
        gezien += _ids(antwoord)
    assert set(gezien) == {exact["id"], *(b["id"] for b in bijna)}
    assert len(gezien) == len(set(gezien))


async def test_zoeken_op_geboortedatum_adres_bsn_en_referentie(intake: httpx.AsyncClient) -> None:
    adres = {"postcode": "8431XZ", "huisnummer": f"{uuid.uuid4().int % 10**6}"}
    c = await _client(intake, "Grietje", "Hoekstra", adres=adres, geboortedatum="1944-04-04")
    assert _ids(await _zoek(intake, **adres)) == [c["id"]]
    assert c["id"] in _ids(await _zoek(intake, geboortedatum="1944-04-04"))
    assert _ids(await _zoek(intake, bsn=c["bsn"])) == [c["id"]]
    assert _ids(await _zoek(intake, bsn=c["bsn"], geboortedatum="1944-04-05")) == []
    m = await melding(intake, c["id"])
    assert _ids(await _zoek(intake, zaakreferentie=m["id"])) == [c["id"]]
    assert _ids(await _zoek(intake, ANDERE_GEMEENTE, zaakreferentie=m["id"])) == []
    assert _ids(await _zoek(intake, ANDERE_GEMEENTE, bsn=c["bsn"])) == []


async def test_ongeldige_zoekopdrachten(intake: httpx.AsyncClient) -> None:
    for body, veld in (
        ({}, "naam"),
        ({"postcode": "8431AB"}, "huisnummer"),
        ({"naam": "x"}, "naam"),
        ({"naam": "x" * 201}, "naam"),
        ({"zaakreferentie": "geen-id"}, "zaakreferentie"),
        ({"bsn": "123456789"}, "bsn"),
        ({"naam": "Jan", "limit": 1000}, "limit"),
        ({"naam": "Jan", "cursor": "@@"}, "cursor"),
    ):
        r = await intake.post(URL, json=body, headers=GW)
        assert r.status_code == 400, (body, r.text)
        assert veld in {p["name"] for p in r.json()["invalidParams"]}, r.json()
    assert (
        await intake.post(URL, json={"naam": "Jan"}, headers=auth("financien"))
    ).status_code == 403
    assert (await intake.post(URL, json={"naam": "Jan"})).status_code == 401


async def test_zoekopdracht_geaudit_zonder_waarden(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    c = await _client(intake, "Auditje", f"Zoek{uuid.uuid4().hex[:6]}")
    sub = f"zoeker-{uuid.uuid4().hex[:8]}"
    await _zoek(intake, auth("gebiedsteam", sub=sub), bsn=c["bsn"], naam="Auditje")
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT actie, resource_type, details::text AS details, gemeente, rol "
            "FROM intake.audit WHERE sub = $1",
            sub,
        )
    finally:
        await conn.close()
    [row] = rows
    assert (row["actie"], row["resource_type"], row["gemeente"]) == ("zoeken", "client", "0085")
    assert '"naam"' in row["details"] and '"bsn"' in row["details"]
    assert c["bsn"] not in row["details"] and "Auditje" not in row["details"]
