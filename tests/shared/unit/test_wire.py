"""wmo_shared.db.wire: the SQL of a wire model's answer is checked against the model when it
is built (the answers themselves are compared with pydantic's in the pgb and finance API tests)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import Field
from sqlalchemy import column, literal_column
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql.elements import ColumnElement

from wmo_shared.db.wire import field_model, sql_text, stored_object, wire_object
from wmo_shared.schemas import WireModel


class Deel(WireModel):
    korte_naam: str
    aantal: int = 0


class Geheel(WireModel):
    eerste_deel: Deel
    delen: list[Deel] = Field(default_factory=list)
    extra: Deel | None = None


DIALECT = postgresql.asyncpg.dialect()  # type: ignore[no-untyped-call]


def _sql(expr: ColumnElement[Any]) -> str:
    return str(expr.compile(dialect=DIALECT))


def test_every_field_needs_sql_and_no_other() -> None:
    with pytest.raises(ValueError, match="no SQL for"):
        wire_object(Deel, {"korte_naam": column("naam")})
    with pytest.raises(ValueError, match="has no fields"):
        wire_object(Deel, {"korte_naam": column("a"), "aantal": column("b"), "x": column("c")})


def test_keys_are_aliases_in_model_order_and_constants_are_not_parameters() -> None:
    expr = stored_object(Geheel, column("doc", JSONB))
    sql = _sql(expr)
    assert sql.index("'eersteDeel'") < sql.index("'delen'") < sql.index("'extra'")
    assert "'korteNaam', (doc -> 'eerste_deel') -> 'korte_naam'" in sql
    assert "coalesce(doc -> 'delen', '[]'::jsonb)" not in sql  # a list of models is rebuilt
    assert "WITH ORDINALITY AS anon_1(value, nr)" in sql
    assert "'0'::jsonb" in sql  # the default of a missing aantal
    assert expr.compile(dialect=DIALECT).params == {}


def test_field_model_and_sql_text_for_a_hand_written_statement() -> None:
    assert field_model(Geheel, "delen") is Deel and field_model(Geheel, "extra") is Deel
    with pytest.raises(ValueError, match="holds no model"):
        field_model(Deel, "aantal")
    waarden = {"korte_naam": literal_column("d.naam"), "aantal": literal_column("d.n % 7")}
    assert sql_text(wire_object(Deel, waarden)) == (
        "json_build_object('korteNaam', d.naam, 'aantal', d.n % 7)"
    )
    with pytest.raises(ValueError, match="bind parameters"):
        sql_text(wire_object(Deel, {"korte_naam": column("naam"), "aantal": column("n") + 1}))
