"""Test data for the pgb API tests: scenario C as wire JSON, unique BSNs, DB checks."""

from __future__ import annotations

import copy
import itertools
import os
import uuid
from typing import Any

import asyncpg
import httpx

from tests.support.aanvragen import Conclusie, echte_aanvraag
from tests.support.stack import TestDatabase, auth

VLISSINGEN = "0718"
OOSTSTELLINGWERF = "0085"

_seq = itertools.count(int.from_bytes(os.urandom(3), "big") * 100)


def bsn() -> str:
    """A fresh valid BSN (11-proef) for every call."""
    while True:
        base = f"{next(_seq) % 10**8:08d}"
        total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
        last = total % 11
        if last != 10 and base != "00000000":
            return base + str(last)


VAARDIGHEDEN = {
    v: True
    for v in (
        "overziet_eigen_situatie",
        "kent_pgb_regels",
        "houdt_administratie_bij",
        "communiceert_met_instanties",
        "vindt_aanbieder_en_maakt_afspraken",
        "komt_afspraken_na",
        "beoordeelt_of_zorg_past",
        "regelt_vervanging",
        "stuurt_zorgverlener_aan",
        "kent_regels_werkgeverschap",
    )
}

# Scenario C: Anna Bakker, Vlissingen 2015, alfahulp 3 hours a week, her son manages the pgb.
ANNA: dict[str, Any] = {
    "maatwerkvoorziening": {
        "product": "alfahulp",
        "productcode": "HH50",
        "omvang": {"hoeveelheid": "3", "eenheid": "uur", "frequentie": "per_week"},
    },
    "gevraagdeOmvang": {"hoeveelheid": "3", "eenheid": "uur", "frequentie": "per_week"},
    "keuze": {
        "reden": "Ik wil de hulp die al jaren bij mijn buurvrouw schoonmaakt.",
        "geinformeerdOverAdministratie": True,
        "geinformeerdOverWerkgeverschap": True,
        "geinformeerdOverZin": True,
    },
    "beheerder": {
        "rol": "netwerklid",
        "naam": "Peter Bakker",
        "relatieTotInwoner": "zoon",
        "vaardigheden": VAARDIGHEDEN,
        "heeftTijdEnRuimte": True,
        "relatieMetZorgverlener": "geen",
        "beheerkosten": "kosteloos",
    },
    "risicosituaties": {
        "cognitieveBeperking": False,
        "laaggeletterd": False,
        "problematischeSchulden": False,
        "schuldhulp": "geen",
    },
    "zorgverlener": {
        "soort": "overig",
        "naam": "alfahulp",
        "relatieTotInwoner": "hulp van de buurvrouw",
    },
    "contractvorm": "overeenkomst_van_opdracht",
    "doelen": ["een schoon en leefbaar huis"],
    "bijdrageAanDoelen": "Anna kan door artrose in beide handen niet meer schoonmaken.",
    "kwaliteitswaarborg": "De hulp werkt al jaren naar tevredenheid bij de buurvrouw.",
    "ernstigeProblematiek": False,
}


def plan(**changes: Any) -> dict[str, Any]:
    """Anna's plan with a fresh BSN; nested dicts in ``changes`` are merged one level deep."""
    data = copy.deepcopy(ANNA)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    data.setdefault("bsn", bsn())
    return data


def gt(gemeente: str = VLISSINGEN, **extra: Any) -> dict[str, str]:
    return auth("gebiedsteam", gemeente, **extra)


async def fetch(db: TestDatabase, sql: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn("pgb", "owner"))
    try:
        return list(await conn.fetch(sql, *args))
    finally:
        await conn.close()


async def audit_acties(db: TestDatabase, resource_type: str, resource_id: str) -> list[str]:
    rows = await fetch(
        db,
        "SELECT actie FROM pgb.audit WHERE resource_type = $1 AND resource_id = $2 ORDER BY id",
        resource_type,
        resource_id,
    )
    return [r["actie"] for r in rows]


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


async def nieuw_plan(client: Any, gemeente: str = VLISSINGEN, **changes: Any) -> dict[str, Any]:
    r = await client.post("/api/v1/pgb-plannen", json=plan(**changes), headers=gt(gemeente))
    assert r.status_code == 201, r.text
    result: dict[str, Any] = r.json()
    return result


async def besluit(client: Any, plan_id: str, gemeente: str = VLISSINGEN, **body: Any) -> Any:
    return await client.post(
        f"/api/v1/pgb-plannen/{plan_id}/besluiten", json=body, headers=gt(gemeente)
    )


TOEKENNING_C = {
    "uitkomst": "toegekend",
    "ingangsdatum": "2015-03-01",
    "einddatum": "2015-12-31",
}


INTAKE: list[httpx.AsyncClient] = []
"""The in-process intake app pgb's apps are connected to (this package's conftest)."""


async def aanvraag_van(
    bsn_: str, gemeente: str = VLISSINGEN, conclusie: Conclusie | None = None
) -> str:
    """A real intake aanvraag of the cliënt with this BSN (registered when new), after an
    onderzoek that concluded ``conclusie`` (none: no onderzoek yet, no conclusion)."""
    return str((await echte_aanvraag(INTAKE[0], bsn_, gemeente, conclusie))["id"])
