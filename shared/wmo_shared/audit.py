"""The audit log: who (sub, role, gemeente), what (action, resource type and id), when, and the
request id, for every read or change of personal data.

``record`` adds the row inside the caller's transaction. ``audited`` puts the audit insert
into the same statement as a read (a data-modifying CTE), so an audited read is one round trip.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, bindparam, insert
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


def audited(query: Select[Any], audit: Table) -> Select[Any]:
    """Build once, at import: ``query`` plus an audit insert whose values are bind parameters
    (``audit_bind``), so a hot read neither rebuilds nor recompiles its statement.

    Name the query's own bind parameters ``p_<name>``: an execution parameter named like an
    audit column (``id``, ``gemeente``) would otherwise be taken into the audit insert."""
    cte = (
        insert(audit)
        .values(
            sub=bindparam("audit_sub"),
            rol=bindparam("audit_rol"),
            gemeente=bindparam("audit_gemeente"),
            actie=bindparam("audit_actie"),
            resource_type=bindparam("audit_resource_type"),
            resource_id=bindparam("audit_resource_id"),
            request_id=bindparam("audit_request_id"),
        )
        .cte("audit_insert")
    )
    return query.add_cte(cte)


def audited_by_id(query: Select[Any], table: Table, audit: Table) -> Select[Any]:
    """``audited`` for the read of one row: ``query`` limited to ``table``'s row with id
    ``p_id`` in gemeente ``p_gemeente`` — a row of another gemeente is not found. Bind both and
    the audit row with ``read_bind``."""
    return audited(
        query.where(table.c.id == bindparam("p_id"), table.c.gemeente == bindparam("p_gemeente")),
        audit,
    )


def audit_insert_sql(audit_table: str, details: str, bron: str) -> str:
    """The text of :func:`audited`'s audit insert for a hand-written statement (a CTE body):
    one audit row with the ``audit_bind`` values and ``details`` (an SQL expression, evaluated
    over ``bron``, e.g. a count of the page the statement returns)."""
    # Built at import from the callers' constants only: no input reaches it.
    return f"""INSERT INTO {audit_table} (sub, rol, gemeente, actie, resource_type, resource_id,
                              request_id, details)
    SELECT :audit_sub, :audit_rol, :audit_gemeente, :audit_actie, :audit_resource_type,
           :audit_resource_id, :audit_request_id, {details}
    FROM {bron}"""  # noqa: S608


def read_bind(principal: Principal, resource_type: str, resource_id: object) -> dict[str, Any]:
    """The bind values of a statement made with :func:`audited_by_id`: the id, the caller's
    gemeente and the "lezen" audit row."""
    return {
        "p_id": resource_id,
        "p_gemeente": principal.gemeente,
        **audit_bind(principal, "lezen", resource_type, resource_id),
    }


def audit_bind(
    principal: Principal, actie: str, resource_type: str, resource_id: object | None
) -> dict[str, Any]:
    """The bind values for a statement made with :func:`audited`."""
    return {
        "audit_sub": principal.sub,
        "audit_rol": principal.role,
        "audit_gemeente": principal.gemeente,
        "audit_actie": actie,
        "audit_resource_type": resource_type,
        "audit_resource_id": None if resource_id is None else str(resource_id),
        "audit_request_id": current_request_id(),
    }
