"""A hot single statement straight on the driver (issue 17.3).

An audited read is one statement (the read plus its audit row, ``wmo_shared.audit.audited``) in
autocommit. Through SQLAlchemy's ``Connection`` it costs about a third of the request's Python:
the statement's cache key is computed from its whole tree on every execution (a JSON document
of forty columns is a big tree), the connection's isolation level is set and reset, and the
result passes through the result machinery. Here the statement is compiled once, for the
engine's dialect, and each execution takes a connection from the same pool (its checkout
events, so a broken connection is still replaced), runs the SQL on asyncpg with asyncpg's own
prepared-statement cache, and gives the connection back. Nothing about the transaction changes:
asyncpg runs a statement outside a transaction block in autocommit, as ``single_statement``
does.
"""

from __future__ import annotations

import json as json_module
import re
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement


class DriverStatement:
    """``statement`` (built once, at import) compiled for the driver on first use."""

    __slots__ = (
        "_fixed",
        "_inline",
        "_names",
        "_positions",
        "_processors",
        "_sql",
        "_variants",
        "statement",
    )

    # A page's statement with its size as a parameter (``LIMIT $n + 1``) gets a generic plan
    # that PostgreSQL costs at a tenth of the table; the plan cache then never prefers it and
    # plans the statement anew on every execution (a third of its time at a million rows,
    # issue 17.3). Parameters named in ``inline`` (whole numbers, e.g. the page size) are
    # written into the SQL instead: one text per value, each with its own generic plan.
    _MAX_VARIANTS = 64

    def __init__(self, statement: ClauseElement, *, inline: tuple[str, ...] = ()) -> None:
        self.statement = statement
        self._inline = inline
        self._positions: tuple[int, ...] = ()
        self._variants: dict[tuple[int, ...], str] = {}
        self._sql: str | None = None
        self._names: tuple[str, ...] = ()
        self._processors: Mapping[str, Callable[[Any], Any]] = {}
        self._fixed: Mapping[str, Any] = {}

    def _compile(self, dialect: Dialect) -> str:
        compiled: Any = self.statement.compile(dialect=dialect)
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("a DriverStatement takes no expanding or literal parameters")
        names = tuple(compiled.positiontup or ())
        # Each name is one $n, numbered in this order: the inlined ones leave the arguments.
        self._positions = tuple(names.index(name) + 1 for name in self._inline)
        self._names = tuple(name for name in names if name not in self._inline)
        # Values the statement carries itself (``literal``): the caller's params give the rest.
        self._fixed = {
            name: bind.effective_value
            for bind, name in compiled.bind_names.items()
            if not bind.required
        }
        # The type-specific conversions SQLAlchemy would apply to these parameters (none for
        # most types on asyncpg; kept so a typed parameter is sent as SQLAlchemy sends it).
        self._processors = dict(compiled._bind_processors)
        self._sql = compiled.string
        return compiled.string  # type: ignore[no-any-return]

    def arguments(self, dialect: Dialect, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
        """The SQL and its positional arguments for ``params`` (named as in the statement)."""
        sql = self._sql or self._compile(dialect)
        if self._inline:
            sql = self._with_inlined(sql, params)
        processors = self._processors
        args = []
        fixed = self._fixed
        for name in self._names:
            value = fixed[name] if name in fixed and name not in params else params[name]
            processor = processors.get(name)
            args.append(value if processor is None or value is None else processor(value))
        return sql, args

    def _with_inlined(self, sql: str, params: Mapping[str, Any]) -> str:
        values = tuple(int(params[name]) for name in self._inline)  # int(): never SQL text
        variant = self._variants.get(values)
        if variant is None:
            variant = _inline(sql, self._positions, values)
            if len(self._variants) < self._MAX_VARIANTS:
                self._variants[values] = variant
        return variant


_PARAMETER = re.compile(r"\$(\d+)(?!\d)")


def _inline(sql: str, positions: tuple[int, ...], values: tuple[int, ...]) -> str:
    """``sql`` with ``$p`` (for p in ``positions``) replaced by its value and the remaining
    parameters numbered ``$1..`` again, in their order."""
    value_of = dict(zip(positions, values, strict=True))

    def replace(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n in value_of:
            return str(value_of[n])
        return f"${n - sum(1 for p in positions if p < n)}"

    return _PARAMETER.sub(replace, sql)


class Fields:
    """A driver row read by attribute (``row.voornamen``), as a SQLAlchemy ``Row`` is read.
    asyncpg gives a JSON column as its text (SQLAlchemy decodes it in its result processing):
    the columns named in ``json`` are decoded here."""

    __slots__ = ("_json", "_record")

    def __init__(self, record: Mapping[str, Any], json: frozenset[str] = frozenset()) -> None:
        self._record = record
        self._json = json

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._record[name]
        except KeyError:
            raise AttributeError(name) from None
        if name in self._json and isinstance(value, str):
            return json_module.loads(value)
        return value
