"""A wire model's JSON built by PostgreSQL, for hot reads that return one stored document.

``wire_object`` is the SQL for a model's answer: ``json_build_object`` over its fields in the
model's order, keyed by alias (camelCase), each from the SQL the caller gives; ``stored_object``
reads a nested model from the snake_case JSONB it was stored as (``model_dump(mode="json")``):
keys renamed, nested models rebuilt, a missing key given the field's default. Scalars keep the
text pydantic would write: ``wire_decimal`` (a Decimal is a string), ``wire_datetime`` (UTC with
``Z``, microseconds only when there are any); dates, UUIDs, booleans and integers as
``json_build_object`` writes them. The route sends the text as it comes (no model is validated
or dumped per request); only the whitespace differs from pydantic's compact JSON. Nothing is
validated on the way out: the stored JSON must be what the wire model dumped when it was
written, as the writes store it.

Built once, at import: a field without SQL, or SQL for a field the model does not have, is an
error then, not a wrong answer later. ``sql_text`` writes such a document out for a statement
written by hand (``text``), whose values bind there (``:p_name`` passes through unchanged).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo
from sqlalchemy import Integer, Text, case, cast, func, literal_column, select
from sqlalchemy.dialects.postgresql import JSON, JSONB, aggregate_order_by
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.sql.elements import ColumnElement

Sql = ColumnElement[Any]


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The wire model a field holds and whether it is a list of them; (None, False) for a
    scalar, or for a list or dict of scalars, which are stored as they are sent."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        kinds = [a for a in get_args(annotation) if a is not type(None)]
        return _nested(kinds[0]) if len(kinds) == 1 else (None, False)
    if origin is list:
        model, many = _nested(get_args(annotation)[0])
        if many:
            raise NotImplementedError(f"a list of lists of models: {annotation}")
        return model, model is not None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    if origin is dict and any(_nested(a)[0] for a in get_args(annotation)):
        raise NotImplementedError(f"a dict of models: {annotation}")
    return None, False


def _default(field: FieldInfo) -> str | None:
    """The JSON of a field's default, as pydantic would send it; None when it has none."""
    if field.is_required():
        return None
    value = field.get_default(call_default_factory=True)
    adapter: TypeAdapter[Any] = TypeAdapter(field.annotation or Any)
    return adapter.dump_json(value, by_alias=True).decode()


def _text(value: str) -> Sql:
    """A string constant written into the statement: a bind parameter would be converted and
    sent again on every execution (a document has dozens of keys)."""
    return literal_column("'" + value.replace("'", "''") + "'", Text)


def _json_literal(text: str, kind: type[JSON] = JSON) -> Sql:
    name = "jsonb" if kind is JSONB else "json"
    return literal_column("'" + text.replace("'", "''") + "'::" + name, kind)


def _alias(name: str, field: FieldInfo) -> str:
    return field.serialization_alias or field.alias or name


def wire_object(
    model: type[BaseModel], values: Mapping[str, Sql], names: Iterable[str] | None = None
) -> Sql:
    """``json_build_object`` of ``model``'s fields (or only ``names``, in the model's order),
    ``values[name]`` the SQL of each."""
    fields = model.model_fields
    wanted = list(fields) if names is None else [n for n in fields if n in set(names)]
    unknown = set(values) - set(fields)
    if unknown:
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    missing = [n for n in wanted if n not in values]
    if missing:
        raise ValueError(f"{model.__name__}: no SQL for {missing}")
    args: list[Any] = []
    for name in wanted:
        args += [_text(_alias(name, fields[name])), values[name]]
    return func.json_build_object(*args, type_=JSON)


def field_model(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The wire model field ``name`` of ``model`` holds (also in a list or when optional)."""
    nested, _ = _nested(model.model_fields[name].annotation)
    if nested is None:
        raise ValueError(f"{model.__name__}.{name} holds no model")
    return nested


# "named": a literal % is written as it is (pyformat would double it)
_NAMED = PGDialect(paramstyle="named")  # type: ignore[no-untyped-call]


def sql_text(expression: Sql) -> str:
    """The SQL text of ``expression`` (built with ``literal_column`` and these helpers: no bind
    parameters of its own), to write into a hand-written statement."""
    compiled = expression.compile(dialect=_NAMED)
    if compiled.params:
        raise ValueError(f"bind parameters in a document: {sorted(compiled.params)}")
    return str(compiled)


def stored_field(model: type[BaseModel], name: str, value: Sql) -> Sql:
    """The SQL of field ``name`` of ``model`` from ``value``, that field's stored JSONB."""
    return _stored_value(model.model_fields[name], value)


def _stored_value(field: FieldInfo, value: Sql) -> Sql:
    return _json_value(field, value, stored_object)


def _json_value(
    field: FieldInfo, value: Sql, rebuild: Callable[[type[BaseModel], Sql], Sql]
) -> Sql:
    """A field read from its stored JSONB ``value``: a scalar as stored, a nested model (or a
    list of them) rebuilt by ``rebuild(model, jsonb)`` in the model's key order."""
    model, many = _nested(field.annotation)
    default = _default(field)
    if model is None:
        return value if default is None else func.coalesce(value, _json_literal(default, JSONB))
    if many:
        element = (
            func.jsonb_array_elements(value)
            .table_valued("value", with_ordinality="nr")
            .render_derived()
        )
        rebuilt: Sql = (
            select(
                func.coalesce(
                    func.json_agg(
                        aggregate_order_by(rebuild(model, element.c.value), element.c.nr)
                    ),
                    literal_column("'[]'::json"),
                )
            )
            .select_from(element)
            .scalar_subquery()
        )
        kind = "array"
    else:
        rebuilt, kind = rebuild(model, value), "object"
    # A JSON null stays null; a missing key takes the default (pydantic's reading of both).
    otherwise = _json_literal("null" if default is None else default)
    return case(
        (func.jsonb_typeof(value) == _text(kind), rebuilt),
        (value.is_(None), otherwise),
        else_=_json_literal("null"),
    )


def stored_fields(
    model: type[BaseModel], source: Sql, exclude: Iterable[str] = ()
) -> dict[str, Sql]:
    """The SQL of each field of ``model`` (but ``exclude``) read from ``source``, the JSONB
    it was stored as (snake_case keys)."""
    skip = set(exclude)
    return {
        name: _stored_value(field, source.op("->")(_text(name)))
        for name, field in model.model_fields.items()
        if name not in skip
    }


def stored_object(model: type[BaseModel], source: Sql) -> Sql:
    """A nested model stored as snake_case JSONB, as its wire JSON."""
    return wire_object(model, stored_fields(model, source))


def wire_decimal(column: Sql) -> Sql:
    """A Decimal as pydantic sends it: a string (PostgreSQL's numeric text keeps the scale)."""
    return cast(column, Text)


def wire_datetime(column: Sql) -> Sql:
    """A timestamptz as pydantic sends the UTC datetime asyncpg reads: ``...T12:00:00Z``, or
    ``...T12:00:00.250000Z`` when there are microseconds."""
    utc = func.timezone(_text("UTC"), column)
    whole = cast(func.extract("microseconds", column), Integer) % literal_column(
        "1000000"
    ) == literal_column("0")
    fraction = case((whole, _text("")), else_=func.to_char(utc, _text(".US")))
    return func.to_char(utc, _text('YYYY-MM-DD"T"HH24:MI:SS')) + fraction + _text("Z")


def dumped_fields(
    model: type[BaseModel], source: Sql, exclude: Iterable[str] = ()
) -> dict[str, Sql]:
    """The SQL of each field of ``model`` (but ``exclude``) read from ``source``, the JSONB it
    was stored as by alias (``model_dump(mode="json", by_alias=True)``, camelCase keys): a
    scalar as stored, a missing key given the field's default, a nested model rebuilt in its
    order (JSONB keeps no key order)."""
    skip = set(exclude)
    return {
        name: _dumped_value(field, source.op("->")(_text(_alias(name, field))))
        for name, field in model.model_fields.items()
        if name not in skip
    }


def _dumped_value(field: FieldInfo, value: Sql) -> Sql:
    return _json_value(field, value, _dumped_object)


def _dumped_object(model: type[BaseModel], source: Sql) -> Sql:
    return wire_object(model, dumped_fields(model, source))
