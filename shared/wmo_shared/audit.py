"""The audit log: who (sub, role, gemeente), what (action, resource type and id), when, and the
request id, for every read or change of personal data.

``record`` adds the row inside the caller's transaction. ``with_audit`` puts the audit insert
into the same statement as a read (a data-modifying CTE), so an audited read is one round trip.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_shared.auth import Principal
from wmo_shared.middleware import current_request_id


def audit_values(
    principal: Principal,
    actie: str,
    resource_type: str,
    resource_id: object | None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "sub": principal.sub,
        "rol": principal.role,
        "gemeente": principal.gemeente,
        "actie": actie,
        "resource_type": resource_type,
        "resource_id": None if resource_id is None else str(resource_id),
        "request_id": current_request_id(),
        "details": details,
    }


async def record(
    conn: AsyncConnection,
    audit: Table,
    principal: Principal,
    actie: str,
    resource_type: str,
    resource_id: object | None,
    details: dict[str, Any] | None = None,
) -> None:
    await conn.execute(
        insert(audit).values(audit_values(principal, actie, resource_type, resource_id, details))
    )


async def record_many(
    conn: AsyncConnection,
    audit: Table,
    principal: Principal,
    actie: str,
    resource_type: str,
    resource_ids: list[object],
) -> None:
    if not resource_ids:
        return
    await conn.execute(
        insert(audit),
        [audit_values(principal, actie, resource_type, rid) for rid in resource_ids],
    )


def with_audit(
    query: Select[Any],
    audit: Table,
    principal: Principal,
    actie: str,
    resource_type: str,
    resource_id: object | None,
) -> Select[Any]:
    """``query`` with the audit insert attached as a CTE: one statement, one round trip."""
    cte = (
        insert(audit)
        .values(audit_values(principal, actie, resource_type, resource_id))
        .cte("audit_insert")
    )
    return query.add_cte(cte)
