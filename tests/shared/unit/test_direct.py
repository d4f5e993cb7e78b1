"""``DriverStatement``: a statement compiled once for the driver, with the positional arguments
of each execution (issue 17.3)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import bindparam, column, literal, select, table, text
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


def test_an_inlined_page_size_is_written_into_the_sql_and_the_rest_renumbered() -> None:
    """The page size as a number in the text, so PostgreSQL keeps a generic plan per size
    instead of planning a ``LIMIT $n`` statement anew on every execution."""
    statement = DriverStatement(
        text(
            "SELECT :p_a, :p_b FROM t WHERE x > :p_na "
            "LIMIT CAST(:p_limit AS integer) + 1 OFFSET :p_c"
        ),
        inline=("p_limit",),
    )
    params = {"p_a": 1, "p_b": 2, "p_na": 10, "p_limit": 50, "p_c": 3}
    sql, args = statement.arguments(asyncpg_dialect(), params)
    assert "LIMIT CAST(50 AS integer) + 1" in sql
    assert sorted(re.findall(r"\$\d+", sql)) == ["$1", "$2", "$3", "$4"]
    assert len(args) == 4 and 50 not in args
    # the same text (one prepared statement) for the same size; another text for another
    assert statement.arguments(asyncpg_dialect(), {**params, "p_a": 9})[0] is sql
    other, _ = statement.arguments(asyncpg_dialect(), {**params, "p_limit": 7})
    assert "LIMIT CAST(7 AS integer) + 1" in other


@given(st.integers(min_value=1, max_value=12), st.data())
def test_inlining_keeps_every_other_parameter_in_its_place(n: int, data: st.DataObject) -> None:
    names = [f"p_{i}" for i in range(n)]
    inlined = data.draw(st.sets(st.sampled_from(names), min_size=1))
    statement = DriverStatement(
        text("SELECT " + ", ".join(f":{name}" for name in names)), inline=tuple(sorted(inlined))
    )
    params = {name: 1000 + i for i, name in enumerate(names)}
    sql, args = statement.arguments(asyncpg_dialect(), params)
    # substitute the positional arguments back: the text names every value in its own place
    filled = re.sub(r"\$(\d+)", lambda m: str(args[int(m.group(1)) - 1]), sql)
    assert filled == "SELECT " + ", ".join(str(params[name]) for name in names)


def test_an_inlined_value_must_be_a_whole_number() -> None:
    statement = DriverStatement(text("SELECT 1 LIMIT :p_limit"), inline=("p_limit",))
    with pytest.raises(ValueError):
        statement.arguments(asyncpg_dialect(), {"p_limit": "1; DROP TABLE t"})
