"""The one MetaData of intake's tables (schema ``intake``) and the column helpers they share."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Column, DateTime, MetaData, func, text
from sqlalchemy.dialects.postgresql import UUID

SCHEMA = "intake"
metadata = MetaData(schema=SCHEMA)


def _id() -> Column[Any]:
    return Column(
        "id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )


def _aangemaakt() -> Column[Any]:
    return Column("aangemaakt", DateTime(timezone=True), nullable=False, server_default=func.now())


def _check_in(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)
