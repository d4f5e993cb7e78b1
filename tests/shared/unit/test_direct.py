"""``DriverStatement``: a statement compiled once for the driver, with the positional arguments
of each execution (issue 17.3)."""

from __future__ import annotations

import pytest
from sqlalchemy import bindparam, column, literal, select, table
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect

from wmo_shared.db.direct import DriverStatement, Fields

T = table("t", column("a"), column("b"))


def test_named_parameters_become_positions_and_literals_keep_their_value() -> None:
    statement = DriverStatement(
        select(T.c.a, literal("vast")).where(T.c.a == bindparam("p_a"), T.c.b == bindparam("p_b"))
    )
    sql, args = statement.arguments(asyncpg_dialect(), {"p_b": 2, "p_a": "x"})
    assert "$1" in sql and "$3" in sql and ":p_a" not in sql
    assert sorted(map(str, args)) == ["2", "vast", "x"]
    again_sql, again = statement.arguments(asyncpg_dialect(), {"p_b": 3, "p_a": "y"})
    assert again_sql is sql and sorted(map(str, again)) == ["3", "vast", "y"]


def test_a_missing_parameter_is_an_error_not_null() -> None:
    statement = DriverStatement(select(T.c.a).where(T.c.a == bindparam("p_a")))
    with pytest.raises(KeyError):
        statement.arguments(asyncpg_dialect(), {})


def test_expanding_parameters_are_refused() -> None:
    statement = DriverStatement(select(T.c.a).where(T.c.a.in_(bindparam("p_a", expanding=True))))
    with pytest.raises(ValueError):
        statement.arguments(asyncpg_dialect(), {"p_a": [1, 2]})


def test_fields_reads_by_attribute_and_decodes_the_json_columns_named() -> None:
    row = Fields({"a": 1, "doc": '{"regels": ["IND-01"]}', "tekst": '{"x": 1}'}, frozenset({"doc"}))
    assert row.a == 1
    assert row.doc == {"regels": ["IND-01"]}
    assert row.tekst == '{"x": 1}'  # not named: as the driver gave it
    with pytest.raises(AttributeError):
        _ = row.b
