"""Test data for the indicatie API: scenario A (Sanne, Ooststellingwerf 0085) and unique BSNs."""

from __future__ import annotations

import itertools
import os
import uuid
from typing import Any

import asyncpg
import httpx

from tests.support.aanvragen import echte_aanvraag
from tests.support.stack import TestDatabase

OOSTSTELLINGWERF = "0085"
VLISSINGEN = "0718"

_teller = itertools.count(int.from_bytes(os.urandom(3), "big") * 100)


def bsn() -> str:
    """A fresh valid BSN (11-proef) per call, so the session-wide database stays unique."""
    while True:
        base = f"{next(_teller) % 10**8:08d}"
        total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
        if total % 11 != 10 and base != "00000000":
            return base + str(total % 11)


SANNE_ONDERZOEK: dict[str, Any] = {
    "levensdomeinen": [
        {"domein": "psychisch_functioneren", "score": 2},
        {"domein": "praktisch_functioneren", "score": 2},
        {"domein": "sociaal_functioneren", "score": 2},
        {"domein": "dagbesteding", "score": 2},
        {"domein": "financien", "score": 1},
        {"domein": "lichamelijk_functioneren", "score": 0},
    ],
    "kenmerken": {
        "leeftijd": 34,
        "belastbaarheid": "normaal",
        "intellectueelVermogen": "normaal",
        "lerendVermogen": "normaal",
        "motivatie": "normaal",
        "zelfinzicht": "normaal",
        "ziektebesef": "hoog",
        "problematiek": "fluctuerend",
        "verwachting": "verbetering",
        "risico": "normaal",
    },
    "resultaatgebieden": ["b", "c", "f", "k"],
    "netwerk": "ondersteunend",
    "aard": "individuele_begeleiding",
}


def sanne_advies(**extra: Any) -> dict[str, Any]:
    return {**SANNE_ONDERZOEK, "begindatum": "2026-04-01", **extra}


def sanne_indicatie(**extra: Any) -> dict[str, Any]:
    """Scenario A step 5: IBO-3, regulier, 3.5 hours a week from 2026-04-01 for 12 months."""
    return {
        "bsn": bsn(),
        "aanvraagId": str(uuid.uuid4()),
        "aard": "individuele_begeleiding",
        "profiel": "IBO-3",
        "plus": False,
        "omvang": "3.5",
        "perceel": "individuele_begeleiding",
        "productcategorie": "02",
        "productcode": "02A03",
        "begindatum": "2026-04-01",
        "einddatum": "2027-03-31",
        "motivering": "Iets onder typisch: haar zus ondersteunt (netwerk).",
        **extra,
    }


INTAKE: list[httpx.AsyncClient] = []
"""The in-process intake app this package's conftest connected indicatie to."""


async def aanvraag_van(bsn_: str, gemeente: str = OOSTSTELLINGWERF) -> str:
    """A real intake aanvraag of the cliënt with this BSN (registered when new)."""
    return str((await echte_aanvraag(INTAKE[0], bsn_, gemeente))["id"])


async def echte_indicatie(gemeente: str = OOSTSTELLINGWERF, **extra: Any) -> dict[str, Any]:
    """``sanne_indicatie`` on a real intake aanvraag of its cliënt (issue 12.1), unless the
    test names its own ``aanvraagId``."""
    body = sanne_indicatie(**extra)
    if "aanvraagId" not in extra:
        body["aanvraagId"] = await aanvraag_van(body["bsn"], gemeente)
    return body


async def audit_rows(db: TestDatabase, resource_id: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie", "owner"))
    try:
        return await conn.fetch(
            "SELECT actie, resource_type, sub, rol, gemeente, request_id FROM indicatie.audit "
            "WHERE resource_id = $1 ORDER BY id",
            resource_id,
        )
    finally:
        await conn.close()
