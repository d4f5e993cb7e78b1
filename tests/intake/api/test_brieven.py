"""The letter of a beschikking: rendered on sending and stored immutably with its hash, shown
again as PDF/A or HTML (Accept), the same bytes after the template changes; a concept is a
preview marked as concept; the onderzoeksverslag as a letter too."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import asyncpg
import httpx
import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment

import wmo_documents.render as render
from tests.documents import pdf as lees
from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    aanvraag,
    beschikking,
    melding,
    onderzoek,
    verzonden_zaak,
)
from tests.support.stack import TestDatabase, auth
from wmo_intake.service.brief import BRIEFPROCES

PDF = {**GW, "Accept": "application/pdf"}
HTML = {**GW, "Accept": "text/html"}


def _sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _digest(r: httpx.Response) -> str:
    waarde = r.headers["Repr-Digest"]
    assert waarde.startswith("sha-256=:") and waarde.endswith(":")
    return base64.b64decode(waarde[len("sha-256=:") : -1]).hex()


async def _opgeslagen(db: TestDatabase, beschikking_id: str) -> dict[str, Any]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        row = await conn.fetchrow(
            "SELECT sha256, beleid, briefversie, pdf FROM intake.brieven "
            "WHERE onderwerp = 'beschikking' AND onderwerp_id = $1::uuid",
            beschikking_id,
        )
    finally:
        await conn.close()
    assert row is not None
    return dict(row)


async def test_verzonden_brief_wordt_bewaard_en_teruggegeven(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    _, b = await verzonden_zaak(intake)
    assert any(r["rule"] == "INT-04" and "sha256" in r["toelichting"] for r in b["regels"])
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=PDF)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["Brief-Status"] == "verzonden"
    assert r.headers["Brief-Beleid"] == "ooststellingwerf-2023; versie=2023-04-01"
    opgeslagen = await _opgeslagen(db, b["id"])
    assert _sha256(r.content) == _digest(r) == opgeslagen["sha256"]
    assert bytes(opgeslagen["pdf"]) == r.content
    assert opgeslagen["sha256"] in next(
        x["toelichting"] for x in b["regels"] if "sha256" in x["toelichting"]
    )
    assert lees.pdfa(r.content) == ("3", "A")
    tekst = lees.tekst(r.content)
    for zin in (
        "IBO-3 regulier: 210 minuten per week, vanaf 1 april 2026",
        "12345678",  # the provider
        "CAK",  # eigen bijdrage via the CAK (FIN-12)
        "woensdag 6 mei 2026",  # the last day for bezwaar (INT-04, Awb 6:7, 6:8)
        "Structuur en administratie",  # the motivation of the voorziening
    ):
        assert zin in tekst, zin
    for rule in ("INT-06", "FIN-12", "AWB-6:7", "AWB-6:8", "AWB-6:5"):
        assert rule in tekst, rule

    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=HTML)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "Ons besluit" in r.text and "6 mei 2026" in r.text
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=GW)
    assert r.headers["content-type"] == "application/json"


async def test_brief_verandert_niet_als_het_sjabloon_verandert(
    intake: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, b = await verzonden_zaak(intake)
    voor = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=PDF)
    origineel = render._omgeving

    def nieuw_sjabloon(sjabloonmap: Any) -> Environment:
        omgeving = origineel(sjabloonmap)
        assert omgeving.loader is not None
        tekst = omgeving.loader.get_source(omgeving, "beschikking.html.j2")[0]
        omgeving.loader = ChoiceLoader(
            [
                DictLoader({"beschikking.html.j2": tekst.replace("Ons besluit", "Ons NIEUW")}),
                omgeving.loader,
            ]
        )
        return omgeving

    # The template is patched in this process: the concept is rendered here, not in the child.
    monkeypatch.setattr(BRIEFPROCES, "in_process", False)
    monkeypatch.setattr(render, "_omgeving", nieuw_sjabloon)
    na = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=PDF)
    assert na.content == voor.content and _digest(na) == _digest(voor)
    assert "Ons NIEUW" not in lees.tekst(na.content)
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    concept = await beschikking(intake, m["id"], a["id"])
    r = await intake.get(f"/api/v1/beschikkingen/{concept['id']}", headers=HTML)
    assert "Ons NIEUW" in r.text


async def test_concept_is_een_voorbeeld(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    b = await beschikking(intake, m["id"], a["id"])
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=PDF)
    assert r.status_code == 200, r.text
    assert r.headers["Brief-Status"] == "concept"
    assert _sha256(r.content) == _digest(r)
    tekst = lees.tekst(r.content)
    assert "CONCEPT" in tekst and "nog niet verzonden" in tekst
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=HTML)
    assert "CONCEPT" in r.text
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        n = await conn.fetchval(
            "SELECT count(*) FROM intake.brieven WHERE onderwerp_id = $1::uuid", b["id"]
        )
    finally:
        await conn.close()
    assert n == 0


async def test_brief_andere_gemeente_en_rol(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    andere = {**ANDERE_GEMEENTE, "Accept": "application/pdf"}
    assert (await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=andere)).status_code == 404
    aanbieder = {**auth("aanbieder", agb="12345678"), "Accept": "application/pdf"}
    r = await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=aanbieder)
    assert r.status_code == 403
    r = await intake.get("/api/v1/beschikkingen/geen-uuid", headers=PDF)
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "beschikking_id"


async def test_app_kan_een_brief_niet_wijzigen(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    _, b = await verzonden_zaak(intake)
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "app"))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute(
                "UPDATE intake.brieven SET sha256 = 'x' WHERE onderwerp_id = $1::uuid", b["id"]
            )
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("DELETE FROM intake.brieven WHERE onderwerp_id = $1::uuid", b["id"])
    finally:
        await conn.close()
    owner = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await owner.execute(
                "UPDATE intake.brieven SET sha256 = 'x' WHERE onderwerp_id = $1::uuid", b["id"]
            )
    finally:
        await owner.close()


async def test_onderzoeksverslag_als_brief(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    r = await intake.get(f"/api/v1/onderzoeken/{o['id']}/verslag", headers=PDF)
    assert r.status_code == 200, r.text
    assert _sha256(r.content) == _digest(r)
    tekst = lees.tekst(r.content)
    assert "Antwoord op hulpvraag." in tekst and "INT-05" in tekst
    r = await intake.get(f"/api/v1/onderzoeken/{o['id']}/verslag", headers=HTML)
    assert r.headers["content-type"].startswith("text/html")
    r = await intake.get(
        f"/api/v1/onderzoeken/{o['id']}/verslag",
        headers={**ANDERE_GEMEENTE, "Accept": "application/pdf"},
    )
    assert r.status_code == 404
