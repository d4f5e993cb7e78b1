"""FIN-10: the yearly financiële tegemoetkoming for vervoer when collectief vervoer is medically
impossible (RES-07; seed 001 H6): kilometres × the Valys rate, × 1.5 for a couple."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .geld import NUL, afronden, euro, getal
from .policy import VervoerBeleid


@dataclass(frozen=True, slots=True)
class VervoerUitkomst:
    toegekend: bool
    kilometers: int
    tarief_per_km: Decimal
    factor: Decimal
    jaarbedrag: Decimal  # rounded half-up to cents, once
    regels: tuple[Regel, ...]


def controleer_toekenning(*, toekennen: bool, bsn: str | None) -> None:
    """A vergoeding is granted (and stored) for a person: the BSN is required then."""
    if toekennen and bsn is None:
        raise Weigering(
            "verplicht", "Geef de BSN van de inwoner om de vergoeding toe te kennen.", veld="bsn"
        )


def vervoersvergoeding(
    *,
    collectief_vervoer_medisch_onmogelijk: bool,
    echtpaar: bool,
    ander_vervoermiddel: bool,
    intramuraal: bool,
    beleid: VervoerBeleid,
    gemotiveerde_kilometers: int | None = None,
) -> VervoerUitkomst:
    """FIN-10. The base is ``kilometers_per_jaar`` (1500), halved to
    ``kilometers_ander_vervoer_of_intramuraal`` (750) with another means of transport (scootmobiel,
    wheelchair, parking card) or in an intramural setting. A motivated higher need replaces the
    base up to ``kilometers_gemotiveerd_max`` (2000); a lower number is not asked for: the base
    may be granted at once without exhaustive research."""
    if not collectief_vervoer_medisch_onmogelijk:
        regel = Regel(
            "RES-07",
            "Alleen als medisch vaststaat dat de inwoner het collectief vervoer niet kan "
            "gebruiken, volgt een financiële tegemoetkoming.",
        )
        return VervoerUitkomst(False, 0, beleid.tarief_per_km, Decimal(1), NUL, (regel,))

    regels = [Regel("RES-07", "Collectief vervoer is medisch aantoonbaar niet mogelijk.")]
    if ander_vervoermiddel or intramuraal:
        basis = beleid.kilometers_ander_vervoer_of_intramuraal
        reden = "een ander vervoermiddel" if ander_vervoermiddel else "een intramurale setting"
        regels.append(Regel("FIN-10", f"Wegens {reden}: {basis} km per jaar."))
    else:
        basis = beleid.kilometers_per_jaar
        regels.append(Regel("FIN-10", f"Uitgangspunt: {basis} km per jaar."))

    kilometers = basis
    if gemotiveerde_kilometers is not None:
        if gemotiveerde_kilometers < 0:
            raise ValueError("gemotiveerde_kilometers is negatief")
        maximum = beleid.kilometers_gemotiveerd_max
        if gemotiveerde_kilometers > basis:
            kilometers = min(gemotiveerde_kilometers, maximum)
            extra = (
                f" (gevraagd {gemotiveerde_kilometers}, ten hoogste {maximum})"
                if gemotiveerde_kilometers > maximum
                else ""
            )
            regels.append(Regel("FIN-10", f"Gemotiveerd verhoogd naar {kilometers} km{extra}."))
        else:
            regels.append(
                Regel(
                    "FIN-10",
                    f"Gevraagd {gemotiveerde_kilometers} km is niet meer dan {basis} km: "
                    f"{basis} km wordt ineens toegekend.",
                )
            )

    factor = beleid.factor_echtpaar if echtpaar else Decimal(1)
    jaarbedrag = afronden(kilometers * beleid.tarief_per_km * factor)
    berekening = f"{kilometers} km × {euro(beleid.tarief_per_km)} (Valys-tarief)"
    if echtpaar:
        berekening += f" × {getal(factor)} (echtpaar)"
    regels.append(Regel("FIN-10", f"{berekening} = {euro(jaarbedrag)} per jaar."))
    return VervoerUitkomst(
        True, kilometers, beleid.tarief_per_km, factor, jaarbedrag, tuple(regels)
    )
