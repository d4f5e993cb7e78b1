"""The finding of one rule check in the onderzoek (RES, MZ): what it means for a
maatwerkvoorziening, with the rule ID and a sentence a case worker understands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wmo_shared.regels import Regel


class Uitkomst(StrEnum):
    MAATWERK_MOGELIJK = "maatwerk_mogelijk"
    """This rule does not stand in the way of a maatwerkvoorziening."""
    GEEN_MAATWERK = "geen_maatwerk"
    """Not under the Wmo, excluded by policy, or the problem is already solved."""
    EERST_VOORLIGGEND = "eerst_voorliggend"
    """Something else comes first: Zvw, Wlz, an algemene voorziening, collectief vervoer."""
    ADVIES_NODIG = "advies_nodig"
    """Cannot be decided without (medical) advice or further facts."""


@dataclass(frozen=True, slots=True)
class Bevinding:
    rule: str
    uitkomst: Uitkomst
    toelichting: str
    verwijzing: str | None = None
    """Where to go first, when ``uitkomst`` is ``eerst_voorliggend`` (e.g. "Zvw-leenrolstoel")."""

    @property
    def regel(self) -> Regel:
        return Regel(self.rule, self.toelichting)


@dataclass(frozen=True, slots=True)
class Toetsing:
    """The result of a completeness check: ``voldaan`` or not, what is missing, and why."""

    voldaan: bool
    regels: tuple[Regel, ...]
    ontbrekend: tuple[str, ...] = ()
