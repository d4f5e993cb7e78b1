"""Every read and change of personal data leaves an audit row (who, role, gemeente, what)."""

from __future__ import annotations

import asyncpg
import httpx

from tests.intake.api.helpers import GW, h, verzonden_zaak
from tests.support.stack import TestDatabase


async def test_zaak_laat_audit_sporen_na(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    m, b = await verzonden_zaak(intake)
    await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    await intake.get(f"/api/v1/beschikkingen/{b['id']}", headers=GW)
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT actie, resource_type, rol, gemeente FROM intake.audit "
            "WHERE resource_id = ANY($1::text[])",
            [m["id"], b["id"]],
        )
    finally:
        await conn.close()
    gezien = {(r["resource_type"], r["actie"]) for r in rows}
    assert {
        ("melding", "aanmaken"),
        ("melding", "lezen"),
        ("melding", "wijzigen"),
        ("beschikking", "aanmaken"),
        ("beschikking", "verzenden"),
        ("beschikking", "lezen"),
    } <= gezien
    assert {r["gemeente"] for r in rows} == {"0085"}
    assert {r["rol"] for r in rows} == {"gebiedsteam"}


async def test_beoordeling_is_idempotent(intake: httpx.AsyncClient) -> None:
    body = {"verbintenis": "geen", "hoofdverblijf": "zelfde_woning", "zorgdragen": "wederzijds"}
    headers = h()
    a = await intake.post("/api/v1/huishouding-beoordelingen", json=body, headers=headers)
    b = await intake.post("/api/v1/huishouding-beoordelingen", json=body, headers=headers)
    assert a.status_code == b.status_code == 200
    assert b.headers["Idempotent-Replayed"] == "true"
    assert a.json() == b.json()
