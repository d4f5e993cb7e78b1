"""Mantelzorg (seed 001 H9, bijlage 2 par. 1.9): respijt for an overburdened mantelzorger
(MZ-01) and household help in the mantelzorger's own home (MZ-02)."""

from __future__ import annotations

from enum import StrEnum

from wmo_intake.domain.bevinding import Bevinding, Uitkomst
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Overbelasting(StrEnum):
    VASTGESTELD = "vastgesteld"
    DREIGEND = "dreigend"
    TWIJFEL = "twijfel"
    GEEN = "geen"


class Behoefteduur(StrEnum):
    KORTDUREND = "kortdurend"
    LANGDUREND = "langdurend"


def toets_respijt(
    *,
    overbelasting: Overbelasting,
    duur: Behoefteduur,
    permanent_toezicht_nodig: bool = False,
    geneeskundige_zorg_nodig: bool = False,
) -> Bevinding:
    """MZ-01: relief of an (threatened) overburdened mantelzorger is a maatwerkvoorziening for
    the cared-for person, in principle short; a long-lasting need points to the Wlz. For
    kortdurend verblijf: permanent supervision → Wlz or beschermd wonen; medical care → Zvw."""
    if overbelasting is Overbelasting.TWIJFEL:
        return Bevinding(
            "MZ-01",
            Uitkomst.ADVIES_NODIG,
            "Er is twijfel of verschil van mening over de overbelasting van de mantelzorger: "
            "laat een onafhankelijk arts de mate van overbelasting en de hersteltermijn "
            "vaststellen.",
        )
    if overbelasting is Overbelasting.GEEN:
        return Bevinding(
            "MZ-01",
            Uitkomst.GEEN_MAATWERK,
            "Uit belasting en belastbaarheid blijkt geen (dreigende) overbelasting van de "
            "mantelzorger: geen respijtvoorziening.",
        )
    if geneeskundige_zorg_nodig:
        return Bevinding(
            "MZ-01",
            Uitkomst.EERST_VOORLIGGEND,
            "Er is geneeskundige zorg nodig (of een hoog risico daarop): dat valt onder de "
            "Zorgverzekeringswet.",
            "Zvw",
        )
    if permanent_toezicht_nodig:
        return Bevinding(
            "MZ-01",
            Uitkomst.EERST_VOORLIGGEND,
            "De cliënt heeft permanent toezicht of ondersteuning in de nabijheid nodig: "
            "onderzoek of Wlz of beschermd wonen aan de orde is.",
            "Wlz / beschermd wonen",
        )
    if duur is Behoefteduur.LANGDUREND:
        return Bevinding(
            "MZ-01",
            Uitkomst.EERST_VOORLIGGEND,
            "De behoefte aan ontlasting is langdurend: dan gaat het waarschijnlijk om zorg in "
            "plaats van hulp en komt de Wlz in beeld.",
            "Wlz",
        )
    mate = (
        "overbelast" if overbelasting is Overbelasting.VASTGESTELD else "dreigt overbelast te raken"
    )
    return Bevinding(
        "MZ-01",
        Uitkomst.MAATWERK_MOGELIJK,
        f"De mantelzorger {mate}: een kortdurende respijtvoorziening voor de verzorgde is "
        "mogelijk. Bij een pgb kan de mantelzorger die zorg niet zelf leveren (PGB-09).",
    )


def toets_hulp_in_huis_mantelzorger(
    *,
    beperkingen_anders_op_te_heffen: bool,
    komt_niet_toe_aan_eigen_huis: bool,
    overbelast: bool,
) -> Bevinding:
    """MZ-02: household help in the mantelzorger's own home when caring keeps them from
    cleaning it and overburdens them; first whether the client's limitations can be taken
    away otherwise."""
    if beperkingen_anders_op_te_heffen:
        return Bevinding(
            "MZ-02",
            Uitkomst.EERST_VOORLIGGEND,
            "De beperkingen van de verzorgde kunnen op een andere manier worden opgeheven; dat "
            "gaat vóór hulp in het huis van de mantelzorger.",
            "andere ondersteuning van de verzorgde",
        )
    if komt_niet_toe_aan_eigen_huis and overbelast:
        return Bevinding(
            "MZ-02",
            Uitkomst.MAATWERK_MOGELIJK,
            "Door de mantelzorg komt de mantelzorger niet toe aan het schoonmaken van het eigen "
            "huis en raakt overbelast: hulp bij het huishouden in het huis van de mantelzorger "
            "is mogelijk (als voorziening voor de verzorgde).",
        )
    return Bevinding(
        "MZ-02",
        Uitkomst.GEEN_MAATWERK,
        "Hulp in het huis van de mantelzorger kan alleen als de mantelzorg hem of haar "
        "belet het eigen huis schoon te houden én dat tot overbelasting leidt.",
    )


def toets_zelfde_hulpvrager(huidig: object, nieuw: object) -> None:
    """MZ-01/02: a mantelzorger's belasting is judged for the one hulpvrager it cares for; that
    hulpvrager does not change, another one is a new registration (``andere-client``)."""
    if nieuw != huidig:
        reden = "De hulpvrager van een mantelzorger verandert niet; registreer een nieuwe."
        raise Weigering("andere-client", reden, veld="clientId", regels=[Regel("MZ-01", reden)])
