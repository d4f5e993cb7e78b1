"""RES-08 zorgen voor kinderen (seed 001 H7): temporary care while the partner works."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wmo_intake.domain.bevinding import Bevinding, Uitkomst

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_EERST = Uitkomst.EERST_VOORLIGGEND
_ADVIES = Uitkomst.ADVIES_NODIG


MAX_OPVANGUREN_PER_WEEK = Decimal(40)


@dataclass(frozen=True, slots=True)
class Opvangbevinding:
    bevinding: Bevinding
    uren_per_week: Decimal
    """Hours of temporary care per week, travel time included (0 when none)."""


def toets_tijdelijke_opvang_kinderen(
    *,
    verlof_en_kinderopvang_onderzocht: bool,
    verlof_of_kinderopvang_volstaat: bool,
    huisgenoot_kan_overnemen: bool,
    werkuren_partner_per_week: Decimal,
    reistijd_uren_per_week: Decimal,
) -> Opvangbevinding:
    """RES-08: first parental/care leave and childcare, and whether a huisgenoot can take over;
    temporary care covers the hours the partner is away for work, at most 40 a week, plus the
    necessary travel time."""
    if not verlof_en_kinderopvang_onderzocht:
        return Opvangbevinding(
            Bevinding(
                "RES-08",
                _ADVIES,
                "Onderzoek eerst de mogelijkheden van ouderschapsverlof, zorgverlof en "
                "kinderopvang.",
            ),
            Decimal(0),
        )
    if verlof_of_kinderopvang_volstaat:
        return Opvangbevinding(
            Bevinding(
                "RES-08",
                _EERST,
                "Ouderschapsverlof, zorgverlof of kinderopvang volstaat.",
                "ouderschapsverlof, zorgverlof of kinderopvang",
            ),
            Decimal(0),
        )
    if huisgenoot_kan_overnemen:
        return Opvangbevinding(
            Bevinding(
                "RES-08",
                _EERST,
                "Een huisgenoot kan de zorg voor de kinderen overnemen.",
                "huisgenoot",
            ),
            Decimal(0),
        )
    werkuren = min(werkuren_partner_per_week, MAX_OPVANGUREN_PER_WEEK)
    uren = werkuren + reistijd_uren_per_week
    begrensd = (
        f" De partner werkt {werkuren_partner_per_week} uur; er geldt een maximum van 40 uur."
        if werkuren_partner_per_week > MAX_OPVANGUREN_PER_WEEK
        else ""
    )
    return Opvangbevinding(
        Bevinding(
            "RES-08",
            _MAATWERK,
            f"Tijdelijke opvang voor de uren dat de partner werkt ({werkuren} uur) plus de "
            f"noodzakelijke reistijd ({reistijd_uren_per_week} uur): {uren} uur per week."
            f"{begrensd}",
        ),
        uren,
    )
