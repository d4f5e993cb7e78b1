"""Column shapes the tables of the legal side share (brieven, bezwaren, klachten, terms)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Column, DateTime, Integer, String, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID


def id_kolom() -> Column[Any]:
    return Column(
        "id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")
    )


def gemeente_kolom() -> Column[Any]:
    return Column("gemeente", String(4), nullable=False)


def aangemaakt_kolom() -> Column[Any]:
    return Column("aangemaakt", DateTime(timezone=True), nullable=False, server_default=func.now())


def gewijzigd_kolom() -> Column[Any]:
    return Column("gewijzigd", DateTime(timezone=True), nullable=False, server_default=func.now())


def versie_kolom() -> Column[Any]:
    return Column("versie", Integer, nullable=False, server_default=text("1"))


def regels_kolom() -> Column[Any]:
    return Column("regels", JSONB, nullable=False, server_default=text("'[]'::jsonb"))


def een_van(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)
