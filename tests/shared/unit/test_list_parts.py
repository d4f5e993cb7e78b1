"""``wmo_shared.list_parts``: a long list validated a part at a time gives what validating it
whole gives, up to where checking stopped, and says where that was."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from wmo_shared import list_parts

MAX = 40


class Regel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    n: int = Field(ge=0)
    tot: int

    @model_validator(mode="after")
    def _volgorde(self) -> Regel:
        if self.tot < self.n:
            raise ValueError("tot ligt vóór n")
        return self


class Heel(BaseModel):
    regels: list[Regel] = Field(min_length=1, max_length=MAX)


class InDelen(Heel):
    @field_validator("regels", mode="wrap")
    @classmethod
    def _regels(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return list_parts.validate_in_parts(value, handler, MAX)


GOED = {"n": 1, "tot": 2}
FOUTEN = [{"n": -1, "tot": 2}, {"n": "x", "tot": "y"}, {"n": 3, "tot": 1}, {**GOED, "z": 1}, 7]


def _errors(model: type[BaseModel], regels: list[Any]) -> list[tuple[Any, ...]] | None:
    try:
        model.model_validate({"regels": regels})
    except ValidationError as exc:
        return [(e["type"], e["loc"], e["msg"]) for e in exc.errors(include_url=False)]
    return None


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_parts, "PART", 4)
    monkeypatch.setattr(list_parts, "MAX_INVALID_PARAMS", 5)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([GOED, GOED, GOED, *FOUTEN]), min_size=0, max_size=MAX + 3))
def test_parts_find_what_the_whole_finds_up_to_where_checking_stopped(regels: list[Any]) -> None:
    whole, parts = _errors(Heel, regels), _errors(InDelen, regels)
    if whole is None:
        assert parts is None
        assert InDelen.model_validate({"regels": regels}).regels == [Regel(**GOED)] * len(regels)
        return
    assert parts is not None
    if len(regels) > MAX:
        assert [(t, loc) for t, loc, _ in parts] == [("too_long", ("regels",))]
        return
    if parts[0][0] != "controle_gestopt":
        assert parts == whole
        return
    stopped, *found = parts
    end = next(n for n in range(4, len(regels), 4) if f"na regel {n} van" in stopped[2])
    assert found == [e for e in whole if e[1][1] < end]
    assert len(found) >= 5 > len([e for e in whole if e[1][1] < end - 4])


def test_checking_stops_after_the_part_in_which_the_most_a_400_names_was_reached() -> None:
    regels = [GOED, FOUTEN[0], FOUTEN[1], GOED, FOUTEN[2], FOUTEN[3], GOED, GOED, FOUTEN[1]]
    parts = _errors(InDelen, regels)
    assert parts is not None
    assert parts[0][:2] == ("controle_gestopt", ("regels",))
    assert "na regel 8 van 9, bij 5 fouten" in parts[0][2]
    assert [loc for _, loc, _ in parts[1:]] == [
        ("regels", 1, "n"),
        ("regels", 2, "n"),
        ("regels", 2, "tot"),
        ("regels", 4),
        ("regels", 5, "z"),
    ]


def test_a_short_list_or_no_list_is_validated_whole() -> None:
    assert _errors(InDelen, [GOED] * 4) is None
    assert _errors(InDelen, []) == _errors(Heel, [])
    with pytest.raises(ValidationError):
        InDelen.model_validate({"regels": "geen lijst"})
