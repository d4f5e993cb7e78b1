"""How domain code refuses: a ``Weigering`` names the rule (or a stable code), the field it is
about and a sentence a case worker understands. Pure: domain code raises it without knowing
HTTP; the shared problem handler renders it as problem+json (400, or 409 for a state that does
not allow the step, 404 for a reference that does not exist in the caller's gemeente).

    raise Weigering("omvang-boven-indicatie", "De omvang ligt boven de indicatie ...",
                    veld="maatwerkvoorzieningen.0.omvang", regels=[Regel("IND-12", "...")])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from wmo_shared.regels import Regel

Soort = Literal["ongeldig", "conflict", "niet-gevonden"]


class Weigering(Exception):
    """A check with a rule ID or a stable kebab-case code refused the request."""

    def __init__(
        self,
        code: str,
        toelichting: str,
        *,
        veld: str | None = None,
        regels: Iterable[Regel] = (),
        soort: Soort = "ongeldig",
        velden: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__(toelichting)
        self.code = code
        self.toelichting = toelichting
        self.veld = veld
        self.regels = tuple(regels)
        self.soort: Soort = soort
        # More fields at once: (veld, reden) pairs, e.g. every missing part of an onderzoek.
        self.velden = tuple(velden)

    @property
    def rule_ids(self) -> list[str]:
        return list(dict.fromkeys(r.rule for r in self.regels))
