"""Value types validated at the edge: BSN (11-proef) and CBS gemeentecode."""

from __future__ import annotations

import re
from typing import Annotated, Literal, TypeGuard

from pydantic import AfterValidator, Field

GEMEENTECODE_PATTERN = r"^[0-9]{4}$"
# [0-9], not \d: \d also matches other scripts' digits ("١٢٣"), in re and in pydantic alike
_BSN_RE = re.compile(r"^[0-9]{9}$")


def ascii_digits(value: str) -> bool:
    """Only the digits 0-9: ``str.isdigit()`` also takes "²" (which ``int()`` refuses) and
    other scripts' digits such as "١٢٣" (which ``int()`` reads as 123)."""
    return value.isascii() and value.isdigit()


def is_gemeentecode(value: object) -> TypeGuard[str]:
    """A CBS gemeentecode: four ASCII digits."""
    return isinstance(value, str) and len(value) == 4 and ascii_digits(value)


def is_agb_code(value: object) -> TypeGuard[str]:
    """A Vektis AGB code: eight ASCII digits."""
    return isinstance(value, str) and len(value) == 8 and ascii_digits(value)


def is_valid_bsn(value: str) -> bool:
    """The 11-proef: 9 digits, weights 9..2 and -1, sum divisible by 11, not all zeros."""
    if not _BSN_RE.fullmatch(value) or value == "000000000":
        return False
    d = [ord(c) - 48 for c in value]
    total = 9 * d[0] + 8 * d[1] + 7 * d[2] + 6 * d[3] + 5 * d[4] + 4 * d[5] + 3 * d[6] + 2 * d[7]
    return (total - d[8]) % 11 == 0


def _check_bsn(value: str) -> str:
    if not is_valid_bsn(value):
        raise ValueError("geen geldig BSN (9 cijfers die aan de elfproef voldoen)")
    return value


Bsn = Annotated[
    str,
    Field(min_length=9, max_length=9, pattern=r"^[0-9]{9}$", examples=["999993653"]),
    AfterValidator(_check_bsn),
]
Gemeentecode = Annotated[
    str, Field(pattern=GEMEENTECODE_PATTERN, description="CBS gemeentecode", examples=["0085"])
]

Leveringsvorm = Literal["zin", "pgb", "financiele_tegemoetkoming", "eenmalig_pgb"]
Eenheid = Literal["uur", "dagdeel", "dag", "etmaal", "stuk"]
Productcategorie = str  # iWmo WMO020: "01".."18"
