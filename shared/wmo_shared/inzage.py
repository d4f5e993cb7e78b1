"""The AVG inzage (art. 15, issue 14.5): everything a service holds about one person, and every
audit row about it. A service describes its tables as ``Stap``s from the person's BSN down its
foreign keys; :func:`verzamel` walks them (one statement per table) and :func:`auditrijen`
finds the audit rows whose resource is one of the rows found. Like ``wmo_shared.audit``, the
statements are built here once for every service; each service's ``db/`` calls them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic.alias_generators import to_camel
from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_shared.audit import record, record_many
from wmo_shared.auth import Principal
from wmo_shared.dossiercontracten import AuditRegel, AvgInzageDeel

_PER_KEER = 5000  # values per IN list


@dataclass(frozen=True)
class Stap:
    """Rows of ``tabel`` whose ``kolom`` is the person's BSN (``bron`` None) or one of the
    ``bronkolom`` values of the rows of step ``bron``. ``zonder``: columns left out (bytes)."""

    naam: str
    tabel: Table
    kolom: str
    bron: str | None = None
    bronkolom: str = "id"
    zonder: tuple[str, ...] = ()


def _waarde(v: Any) -> Any:
    if isinstance(v, uuid.UUID | Decimal):
        return str(v)
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    return v


def _rij(mapping: Any, zonder: tuple[str, ...]) -> dict[str, Any]:
    return {to_camel(k): _waarde(v) for k, v in mapping.items() if k not in zonder}


async def _in(
    conn: AsyncConnection, tabel: Table, kolom: str, waarden: Sequence[Any], zonder: tuple[str, ...]
) -> list[Any]:
    kolommen = [c for c in tabel.c if c.name not in zonder]
    rijen: list[Any] = []
    for i in range(0, len(waarden), _PER_KEER):
        deel = list(waarden[i : i + _PER_KEER])
        result = await conn.execute(select(*kolommen).where(tabel.c[kolom].in_(deel)))
        rijen.extend(r._mapping for r in result)
    return rijen


async def verzamel(
    conn: AsyncConnection, gemeente: str, bsn: str, stappen: Sequence[Stap]
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Per step its rows (JSON-ready, camelCase keys), and the ids of every row found (the
    resources the audit may name)."""
    gevonden: dict[str, list[Any]] = {}
    ids: list[str] = []
    for s in stappen:
        if s.bron is None:
            t = s.tabel
            query = select(*[c for c in t.c if c.name not in s.zonder]).where(t.c[s.kolom] == bsn)
            if "gemeente" in t.c:
                query = query.where(t.c.gemeente == gemeente)
            rijen = [r._mapping for r in await conn.execute(query)]
        else:
            waarden = list(
                dict.fromkeys(
                    r[s.bronkolom] for r in gevonden[s.bron] if r[s.bronkolom] is not None
                )
            )
            rijen = await _in(conn, s.tabel, s.kolom, waarden, s.zonder) if waarden else []
        gevonden[s.naam] = rijen
        ids.extend(str(r["id"]) for r in rijen if "id" in r and r["id"] is not None)
    export = {
        naam: [_rij(r, s.zonder) for r in gevonden[naam]]
        for naam, s in ((s.naam, s) for s in stappen)
    }
    return export, list(dict.fromkeys(ids))


async def auditrijen(conn: AsyncConnection, audit: Table, ids: Sequence[str]) -> list[Any]:
    """Every audit row whose resource is one of ``ids``, oldest first."""
    rijen: list[Any] = []
    for i in range(0, len(ids), _PER_KEER):
        deel = list(ids[i : i + _PER_KEER])
        result = await conn.execute(select(audit).where(audit.c.resource_id.in_(deel)))
        rijen.extend(result)
    return sorted(rijen, key=lambda r: (r.tijdstip, r.id))


def audit_regels(rijen: Sequence[Any]) -> list[AuditRegel]:
    return [
        AuditRegel(
            tijdstip=r.tijdstip,
            sub=r.sub,
            rol=r.rol,
            gemeente=r.gemeente,
            actie=r.actie,
            resource_type=r.resource_type,
            resource_id=r.resource_id,
            request_id=r.request_id,
        )
        for r in rijen
    ]


async def inzage(
    conn: AsyncConnection,
    audit: Table,
    principal: Principal,
    bsn: str,
    stappen: Sequence[Stap],
) -> AvgInzageDeel:
    """A service's whole part of an AVG inzage inside the caller's transaction: the rows, the
    audit rows about them, and the inzage itself audited on every row it disclosed."""
    gegevens, ids = await verzamel(conn, principal.gemeente, bsn, stappen)
    rijen = await auditrijen(conn, audit, ids)
    await record_many(conn, audit, principal, "avg-inzage", "persoonsgegevens", list(ids))
    if not ids:
        await record(conn, audit, principal, "avg-inzage", "persoonsgegevens", None)
    return AvgInzageDeel(gegevens=gegevens, audit=audit_regels(rijen))
