"""RES-04 verplaatsen in en om de woning (seed 001 H4): wheelchairs and (complex) aids."""

from __future__ import annotations

from enum import StrEnum

from wmo_intake.domain.bevinding import Bevinding, Uitkomst

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_GEEN = Uitkomst.GEEN_MAATWERK
_EERST = Uitkomst.EERST_VOORLIGGEND
_ADVIES = Uitkomst.ADVIES_NODIG


class Rolstoelgebruik(StrEnum):
    DAGELIJKS_ZITTEND = "dagelijks_zittend"
    INCIDENTEEL = "incidenteel"


def toets_rolstoel(gebruik: Rolstoelgebruik, *, structureel_nodig: bool = False) -> Bevinding:
    """RES-04: a wheelchair for daily sitting use is Wmo; one for incidental use (taken along
    in the car, outings) is not — the Zvw leenrolstoel / uitleenpunt comes first — unless the
    client must use it structurally (e.g. a fluctuating illness)."""
    if gebruik is Rolstoelgebruik.DAGELIJKS_ZITTEND:
        return Bevinding(
            "RES-04",
            _MAATWERK,
            "De cliënt is voor het dagelijks zittend verplaatsen aangewezen op een rolstoel: dat "
            "valt onder de Wmo. Stel met medisch en/of ergotherapeutisch advies een programma "
            "van eisen op.",
        )
    if structureel_nodig:
        return Bevinding(
            "RES-04",
            _MAATWERK,
            "De rolstoel is voor incidenteel gebruik, maar door de individuele situatie (zoals "
            "een wisselend ziektebeeld) moet de cliënt er structureel gebruik van maken: dan kan "
            "hij toch onder de Wmo vallen.",
        )
    return Bevinding(
        "RES-04",
        _EERST,
        "Een rolstoel voor incidenteel gebruik (mee in de auto, winkelen, uitstapjes) valt niet "
        "onder de Wmo: eerst de leenrolstoel via de Zorgverzekeringswet of het uitleenpunt.",
        "Zvw-leenrolstoel / uitleenpunt",
    )


def toets_complex_hulpmiddel(*, medische_noodzaak_onderbouwd: bool, twijfel: bool) -> Bevinding:
    """RES-04: complex aids (duwondersteuning, height-adjustable shower chair) need a proven
    medical necessity for the client or the carer; ask advice when in doubt."""
    if twijfel:
        return Bevinding(
            "RES-04",
            _ADVIES,
            "Er is twijfel over de medische noodzaak van dit complexe hulpmiddel: vraag een "
            "advies aan.",
        )
    if medische_noodzaak_onderbouwd:
        return Bevinding(
            "RES-04",
            _MAATWERK,
            "De medische noodzaak van dit complexe hulpmiddel is goed onderbouwd.",
        )
    return Bevinding(
        "RES-04",
        _GEEN,
        "Voor een complex hulpmiddel (zoals duwondersteuning of een in hoogte verstelbare "
        "douchestoel) moet de medische noodzaak goed onderbouwd zijn; dat is niet zo.",
    )
