"""The outcome of checking one line of a message: accepted, or rejected with retourcodes."""

from __future__ import annotations

from dataclasses import dataclass

from wmo_iwmo.retourcodes import Retourcode
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class Afkeuring:
    retourcode: Retourcode
    reden: str
    rule: str | None = None  # ID in the rule catalogue, where one applies

    @property
    def regel(self) -> Regel | None:
        return None if self.rule is None else Regel(self.rule, self.reden)


@dataclass(frozen=True, slots=True)
class Regeluitkomst:
    """The outcome of one line; ``index`` is its position in the message (document order)."""

    index: int
    bsn: str
    toewijzingnummer: int | None
    afkeuringen: tuple[Afkeuring, ...] = ()

    @property
    def goedgekeurd(self) -> bool:
        return not self.afkeuringen

    @property
    def retourcodes(self) -> tuple[Retourcode, ...]:
        return tuple(a.retourcode for a in self.afkeuringen)
