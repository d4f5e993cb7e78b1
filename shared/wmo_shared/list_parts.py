"""A long list in a request body validated a part at a time, so that a message of 10,000 bad
lines does not cost the worker every error it holds.

pydantic validates a list whole and keeps an error object per fault: an SVB
budgetafsluitbericht of 10,000 lines with five faults each held 50,000 of them, +53 MB before
the first byte of the 400 was written (measured), and a worker reads two such bodies at once
(``wmo_shared.body_limit``). ``validate_in_parts`` hands the field's own validation (its item
model, its length bounds) ``PART`` lines at a time and stops after the part in which
``MAX_INVALID_PARAMS`` faults were reached, the most a 400 names; the lines after it are not
checked, and the 400 says so (``controle-gestopt``, named first). A valid list is validated
in full, part by part, at the same cost. Use it as the field's wrap validator::

    @field_validator("regels", mode="wrap")
    @classmethod
    def _regels(cls, value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return validate_in_parts(value, handler, MAX_REGELS)

with ``MAX_REGELS`` the field's ``max_length`` too: each part is within it, so the whole list's
length is checked here, before any line is.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import ValidationError, ValidatorFunctionWrapHandler
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

from wmo_shared.validation import CHECK_STOPPED, MAX_INVALID_PARAMS

PART = 250
_KNOWN_TYPES = frozenset(get_args(ErrorType))


def _shifted(error: Any, start: int) -> InitErrorDetails:
    """One error of a part, its line number counted from the start of the whole list."""
    loc = tuple(error["loc"])
    if loc and isinstance(loc[0], int):
        loc = (loc[0] + start, *loc[1:])
    kind = error["type"]
    if kind in _KNOWN_TYPES:
        return InitErrorDetails(type=kind, loc=loc, input=error["input"], ctx=error.get("ctx", {}))
    # a check's own error type (PydanticCustomError) keeps its type and message
    custom = PydanticCustomError(kind, "{reden}", {"reden": error["msg"]})
    return InitErrorDetails(type=custom, loc=loc, input=error["input"])


def validate_in_parts(value: Any, handler: ValidatorFunctionWrapHandler, max_length: int) -> Any:
    """``value`` (the field's input) validated by ``handler`` (the field's own validation) in
    parts of ``PART`` lines; anything else than a longer list goes to ``handler`` whole. A list
    of more than ``max_length`` lines is refused unread."""
    if not isinstance(value, list) or len(value) <= PART:
        return handler(value)
    if len(value) > max_length:
        ctx = {"field_type": "List", "max_length": max_length, "actual_length": len(value)}
        too_long = InitErrorDetails(type="too_long", loc=(), input=value, ctx=ctx)
        raise ValidationError.from_exception_data("list", [too_long])
    validated: list[Any] = []
    errors: list[InitErrorDetails] = []
    for start in range(0, len(value), PART):
        try:
            validated += handler(value[start : start + PART])
        except ValidationError as exc:
            errors += [_shifted(e, start) for e in exc.errors(include_url=False)]
            end = start + PART
            if len(errors) >= MAX_INVALID_PARAMS and end < len(value):
                stopped = PydanticCustomError(
                    CHECK_STOPPED,
                    "De controle stopte na regel {regel} van {regels}, bij {fouten} fouten; "
                    "de regels daarna zijn niet gecontroleerd.",
                    {"regel": end, "regels": len(value), "fouten": len(errors)},
                )
                errors.insert(0, InitErrorDetails(type=stopped, loc=(), input=value[end:end]))
                break
    if errors:
        raise ValidationError.from_exception_data("list", errors)
    return validated
