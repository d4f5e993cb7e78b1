"""The codes of invalidParams are the service's own (``wmo_shared.validation``), not pydantic's
error types: they stay what they are when pydantic renames a type."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, Field, ValidationError

from wmo_shared.validation import validation_parts


class Invoer(BaseModel):
    regels: list[int] = Field(default=[1], min_length=1)
    adres: dict[str, str] = {}
    naam: str = "x"
    actief: bool = True
    aantal: int = 1
    factor: float = 1.0
    bedrag: Decimal = Field(default=Decimal(1), max_digits=5, decimal_places=2)
    id: uuid.UUID = uuid.UUID(int=1)


@pytest.mark.parametrize(
    ("veld", "waarde", "code"),
    [
        ("regels", [], "te-kort"),
        ("regels", "geen lijst", "lijst"),
        ("adres", ["geen object"], "object"),
        ("naam", 12, "tekst"),
        ("actief", "misschien", "ja-of-nee"),
        ("aantal", 1.5, "geheel-getal"),
        ("factor", "veel", "getal"),
        ("bedrag", "1.234", "te-veel-decimalen"),
        ("bedrag", "123456", "te-veel-cijfers"),
        ("bedrag", [], "bedrag"),
        ("id", 12, "uuid"),
    ],
)
def test_a_fault_has_a_code_of_our_own(veld: str, waarde: Any, code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Invoer.model_validate({veld: waarde})
    [(naam, gevonden, _)] = validation_parts(raised.value.errors())
    assert (naam, gevonden) == (veld, code)
