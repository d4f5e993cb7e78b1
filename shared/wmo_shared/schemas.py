"""Base for wire schemas: camelCase on the wire (NL GOV ADR), snake_case in Python."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class WireModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        str_strip_whitespace=True,
    )


class RegelRead(WireModel):
    """One rule applied: its catalogue ID and why, in words a case worker understands."""

    rule: str = Field(examples=["PGB-07"])
    toelichting: str


T = TypeVar("T")


class PageMeta(WireModel):
    volgende_cursor: str | None = Field(default=None, description="Cursor van de volgende pagina")
    aantal: int


class Page(WireModel, Generic[T]):
    resultaten: list[T]
    volgende_cursor: str | None = None
