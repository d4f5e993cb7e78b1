"""Voorwaarde 1, wil (PGB-02, PGB-03): does the inwoner choose a pgb knowingly?"""

from __future__ import annotations

from wmo_pgb.domain.plan import Keuze
from wmo_pgb.domain.toets.bevinding import Bevinding, ja, nee, oordeel

_VOORLICHTING = {
    "geinformeerd_over_administratie": "de administratie die bij een pgb hoort",
    "geinformeerd_over_werkgeverschap": "de rol van werkgever of opdrachtgever",
    "geinformeerd_over_zin": "wat zorg in natura biedt",
}


def wil(keuze: Keuze) -> list[Bevinding]:
    bevindingen = []
    if not keuze.reden.strip():
        bevindingen.append(
            nee(
                "PGB-02",
                "Het plan vermeldt niet waarom de inwoner een pgb wil; voorwaarde 1 (wil) is zo "
                "niet toetsbaar.",
            )
        )
    for veld, onderwerp in _VOORLICHTING.items():
        antwoord: bool | None = getattr(keuze, veld)
        if antwoord is False:
            bevindingen.append(
                nee(
                    "PGB-03",
                    f"De inwoner is niet voorgelicht over {onderwerp}; zonder die kennis is de "
                    "keuze voor een pgb niet bewust. Licht voor en toets opnieuw.",
                )
            )
        elif antwoord is None:
            bevindingen.append(
                oordeel(
                    "PGB-03",
                    f"Niet vastgelegd of de inwoner is voorgelicht over {onderwerp}.",
                )
            )
    if not bevindingen:
        bevindingen.append(
            ja(
                "PGB-03",
                "De inwoner kiest bewust en geïnformeerd voor een pgb (administratie, "
                f"werkgeverschap en zorg in natura besproken); reden: {keuze.reden.strip()}",
            )
        )
    return bevindingen
