"""FIN-06: maintenance, repair and insurance of a voorziening."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wmo_finance.domain.geld import NUL, afronden, euro, getal, percentage_van
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.domain.tegemoetkoming.berekening import Beoordeling
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class OnderhoudUitkomst:
    toegekend: bool
    bedrag: Decimal  # 0 when refused
    eigen_bijdrage: bool  # always False: no eigen bijdrage on maintenance or repair
    regels: tuple[Regel, ...]


def beoordeel_onderhoud(
    *,
    bedrag_offerte_of_factuur: Decimal,
    vooraf_contact: bool,
    onder_garantie: bool,
    onzorgvuldig_gebruik: bool,
    noodzakelijk: bool,
    beleid: TegemoetkomingBeleid,
) -> OnderhoudUitkomst:
    """FIN-06: ``beleid.onderhoud_percentage`` % of the realistic quote or invoice; refused when
    the client did not contact the gemeente before the work, when warranty covers it, when the
    cost comes from careless use, or when the work is not necessary."""
    if bedrag_offerte_of_factuur < 0:
        raise ValueError("bedrag is negatief")
    weigering: str | None = None
    if not vooraf_contact:
        weigering = "de inwoner heeft niet vóór het onderhoud of de reparatie contact opgenomen"
    elif onder_garantie:
        weigering = "de wettelijke, fabrieks- of verkopersgarantie gaat voor"
    elif onzorgvuldig_gebruik:
        weigering = "de kosten komen door onzorgvuldig gebruik en zijn voor de inwoner"
    elif not noodzakelijk:
        weigering = "het onderhoud of de reparatie is niet noodzakelijk voor adequaat gebruik"
    geen_eb = Regel("FIN-06", "Op onderhoud en reparatie wordt geen eigen bijdrage opgelegd.")
    if weigering:
        return OnderhoudUitkomst(
            False, NUL, False, (Regel("FIN-06", f"Afgewezen: {weigering}."), geen_eb)
        )
    bedrag = afronden(percentage_van(bedrag_offerte_of_factuur, beleid.onderhoud_percentage))
    toelichting = (
        f"Tegemoetkoming in onderhoud/reparatie: {getal(beleid.onderhoud_percentage)}% van "
        f"{euro(bedrag_offerte_of_factuur)} = {euro(bedrag)}."
    )
    return OnderhoudUitkomst(True, bedrag, False, (Regel("FIN-06", toelichting), geen_eb))


def verzekering_vergoedbaar(voorziening: VoorzieningSoort, *, verplicht: bool) -> Beoordeling:
    """FIN-06: a compulsory insurance of a hulpmiddel or roerende voorziening may be paid; the
    insurance of an onroerende voorziening (e.g. an aanbouw) is the owner's own."""
    if voorziening.is_onroerend:
        return Beoordeling(
            False,
            (
                Regel(
                    "FIN-06",
                    "Verzekering van een onroerende woonvoorziening is voor de inwoner als "
                    "eigenaar.",
                ),
            ),
        )
    if not verplicht:
        return Beoordeling(
            False, (Regel("FIN-06", "Alleen een verplichte verzekering kan worden vergoed."),)
        )
    return Beoordeling(
        True,
        (Regel("FIN-06", f"De verplichte verzekering van de {voorziening} kan worden vergoed."),),
    )
