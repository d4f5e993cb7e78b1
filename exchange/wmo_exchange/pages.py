"""A feed page read into contract models in one pass.

The whole page (envelope and rows) goes through one ``TypeAdapter.validate_json`` on the raw
bytes: no dicts in between and no model_validate per row. The rows are read into a twin of the
contract model: the same fields, types, constraints and validators, except the wildcard text
check of ``WireModel`` (a Python call for every field of every row, a third of the cost). That
check refuses a NUL character or a lone surrogate; in JSON a NUL can only arrive as the escape
``\u0000`` and pydantic's JSON parser refuses lone surrogates itself, so a page whose bytes hold
no ``\u0000`` has nothing for the check to find. The fast path only ever accepts: a page with
``\u0000`` or one it refuses is read again the careful way (``json.loads``, the envelope field
by field, each row validated by the contract model itself), which decides what is wrong and
says so exactly as before. The fast path changes speed, never the verdict or the message.
"""

from __future__ import annotations

import copy
import functools
import operator
import types
import typing
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model

from wmo_exchange.http import RequestFailed, parse_page
from wmo_shared.schemas import WireModel

_NUL = b"\\u0000"

M = TypeVar("M", bound=BaseModel)


class _Envelope(BaseModel, Generic[M]):
    # the careful reader ignores unknown envelope keys and wants a JSON string and boolean
    model_config = ConfigDict(extra="ignore")

    resultaten: list[M]
    volgendeCursor: str = Field(strict=True)
    meer: bool = Field(strict=True)


@dataclass(frozen=True)
class RowsPage(Generic[M]):
    rows: list[M]
    next_cursor: str
    more: bool


@functools.cache
def twin(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` without the wildcard text check (nested models likewise); ``model`` itself
    when it has any other validator of its own, or is not a WireModel."""
    decorators = model.__pydantic_decorators__
    others = (
        decorators.validators,
        decorators.root_validators,
        decorators.model_validators,
        decorators.field_serializers,
        decorators.model_serializers,
        decorators.computed_fields,
    )
    if (
        not issubclass(model, WireModel)
        or set(decorators.field_validators) != {"_no_unstorable_text"}
        or any(others)
    ):
        return model
    fields: dict[str, Any] = {
        name: (_swap(info.annotation), copy.copy(info)) for name, info in model.model_fields.items()
    }
    rij: type[BaseModel] = create_model(
        f"{model.__name__}Rij", __config__=model.model_config, __doc__=model.__doc__, **fields
    )
    return rij


def _swap(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return twin(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        swapped = [_swap(a) for a in args]
        if swapped != list(args):
            return functools.reduce(operator.or_, swapped)
    return annotation


class PageReader(Generic[M]):
    """Rows come back as ``twin(model)`` instances (fast path) or ``model`` instances (careful
    path): the same fields with the same values, the same JSON from ``model_dump_json``."""

    def __init__(self, model: type[M]) -> None:
        self.model = model
        row = twin(model)
        self._adapter: TypeAdapter[Any] = TypeAdapter(_Envelope[row])  # type: ignore[valid-type]

    def read(self, path: str, content: bytes) -> RowsPage[M]:
        if _NUL in content:
            return self.read_carefully(path, content)
        try:
            page = self._adapter.validate_json(content)
        except ValidationError:
            return self.read_carefully(path, content)
        return RowsPage(page.resultaten, page.volgendeCursor, page.meer)

    def read_carefully(self, path: str, content: bytes) -> RowsPage[M]:
        page = parse_page(path, content)
        try:
            rows = [self.model.model_validate(r) for r in page.rows]
        except ValidationError as exc:
            raise RequestFailed(
                f"GET {path}: een rij voldoet niet aan het contract: {exc}"
            ) from exc
        return RowsPage(rows, page.next_cursor, page.more)
