"""Voorwaarde 2, kan (PGB-04..06, PGB-10 for the beheer): can the beheerder manage the pgb
responsibly — the ten vaardigheden, the risk situations, time, a double role and the cost of
the beheer?"""

from __future__ import annotations

from wmo_pgb.domain.plan import (
    Beheerder,
    BeheerderRol,
    Beheerkosten,
    Pgbvaardigheid,
    RelatieMetZorgverlener,
    Risicosituaties,
    Schuldhulp,
)
from wmo_pgb.domain.toets.bevinding import Bevinding, ja, nee, oordeel

_WIE = {
    BeheerderRol.INWONER: "de inwoner",
    BeheerderRol.CURATOR: "de curator",
    BeheerderRol.MENTOR: "de mentor",
    BeheerderRol.BEWINDVOERDER: "de bewindvoerder",
    BeheerderRol.WSNP_BEWINDVOERDER: "de WSNP-bewindvoerder",
    BeheerderRol.NETWERKLID: "het netwerklid",
    BeheerderRol.PROFESSIONAL: "de professional",
}

_SCHULDHULP = {
    Schuldhulp.BEWIND: "staat onder bewind",
    Schuldhulp.WSNP: "zit in de wettelijke schuldsanering (WSNP)",
    Schuldhulp.ANDERE_PROFESSIONELE_SCHULDHULP: "krijgt professionele schuldhulp",
}

_RISICO = {
    "cognitieve_beperking": "een geestelijke of psychische aandoening die de cognitie raakt",
    "laaggeletterd": "(functioneel) analfabetisme of laaggeletterdheid",
    "problematische_schulden": "problematische schulden",
}

# Third parties other than a network member are paid professionally; what they charge the
# inwoner for the beheer weighs on goedkoopst adequaat (seed 001 H2 vraag 3a).
_PROFESSIONELE_BEHEERDERS = frozenset(
    {
        BeheerderRol.CURATOR,
        BeheerderRol.MENTOR,
        BeheerderRol.BEWINDVOERDER,
        BeheerderRol.WSNP_BEWINDVOERDER,
        BeheerderRol.PROFESSIONAL,
    }
)


def kan(beheerder: Beheerder, risico: Risicosituaties) -> list[Bevinding]:
    bevindingen = [*_vaardigheden(beheerder), *_risicosituaties(beheerder, risico)]
    if beheerder.rol is not BeheerderRol.INWONER:
        bevindingen += [
            *_tijd(beheerder),
            *_dubbelrol(beheerder),
            *_beheerkosten(beheerder),
        ]
    return bevindingen


def _vaardigheden(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    mist = [v for v in Pgbvaardigheid if beheerder.vaardigheden.get(v) is False]
    onbekend = [v for v in Pgbvaardigheid if v not in beheerder.vaardigheden]
    bevindingen = []
    if mist:
        bevindingen.append(
            nee(
                "PGB-04",
                f"De beheerder ({wie}) mist pgb-vaardigheden: {_opsomming(mist)}.",
            )
        )
    if onbekend:
        bevindingen.append(
            oordeel(
                "PGB-04",
                f"Niet beoordeeld of de beheerder ({wie}) deze pgb-vaardigheden heeft: "
                f"{_opsomming(onbekend)}.",
            )
        )
    if not bevindingen:
        bevindingen.append(ja("PGB-04", f"De beheerder ({wie}) heeft alle tien pgb-vaardigheden."))
    return bevindingen


def _opsomming(vaardigheden: list[Pgbvaardigheid]) -> str:
    nummers = {v: i for i, v in enumerate(Pgbvaardigheid, start=1)}
    return "; ".join(f"({nummers[v]}) {v.omschrijving}" for v in vaardigheden)


def _risicosituaties(beheerder: Beheerder, risico: Risicosituaties) -> list[Bevinding]:
    aanwezig = [tekst for veld, tekst in _RISICO.items() if getattr(risico, veld) is True]
    onbekend = [tekst for veld, tekst in _RISICO.items() if getattr(risico, veld) is None]
    if risico.schuldhulp is None:
        onbekend.append("bewind of (professionele) schuldhulp")
    schuldhulp = _SCHULDHULP.get(risico.schuldhulp) if risico.schuldhulp is not None else None

    if beheerder.rol is not BeheerderRol.INWONER:
        situaties = [*aanwezig, *([f"de inwoner {schuldhulp}"] if schuldhulp else [])]
        tekst = (
            f"Er is sprake van {', '.join(situaties)}; het beheer ligt bij "
            f"{_WIE[beheerder.rol]}, niet bij de inwoner."
            if situaties
            else f"Het pgb wordt beheerd door {_WIE[beheerder.rol]}, niet door de inwoner."
        )
        return [ja("PGB-05", tekst)]

    bevindingen = []
    if schuldhulp:
        bevindingen.append(
            nee(
                "PGB-05",
                f"De inwoner {schuldhulp}: een pgb is dan alleen mogelijk als iemand anders dan "
                "de inwoner het beheert.",
            )
        )
    if aanwezig:
        genoemd = ", ".join(aanwezig)
        if beheerder.met_hulp_van_ander is True:
            bevindingen.append(
                oordeel(
                    "PGB-05",
                    f"Er is sprake van {genoemd}; iemand beheert het pgb samen met de inwoner. "
                    "Beoordeel of het beheer zo verantwoord is.",
                )
            )
        elif beheerder.met_hulp_van_ander is False:
            bevindingen.append(
                nee(
                    "PGB-05",
                    f"Er is sprake van {genoemd} en niemand beheert het pgb namens of samen "
                    "met de inwoner: het risico dat het beheer niet verantwoord gebeurt is groot.",
                )
            )
        else:
            bevindingen.append(
                oordeel(
                    "PGB-05",
                    f"Er is sprake van {genoemd}; niet vastgelegd of iemand het pgb namens of "
                    "samen met de inwoner beheert.",
                )
            )
    if onbekend and not bevindingen:
        bevindingen.append(
            oordeel("PGB-05", f"Niet vastgelegd of er sprake is van: {', '.join(onbekend)}.")
        )
    if not bevindingen:
        bevindingen.append(
            ja("PGB-05", "Er is geen risicosituatie; de inwoner kan het pgb zelf beheren.")
        )
    return bevindingen


def _tijd(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    if beheerder.heeft_tijd_en_ruimte is False:
        return [nee("PGB-04", f"De beheerder ({wie}) heeft geen tijd en ruimte voor het beheer.")]
    if beheerder.heeft_tijd_en_ruimte is None:
        return [oordeel("PGB-04", f"Niet vastgelegd of de beheerder ({wie}) tijd en ruimte heeft.")]
    return []


def _dubbelrol(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    relatie = beheerder.relatie_met_zorgverlener
    bevindingen = []
    if beheerder.rol is BeheerderRol.BEWINDVOERDER:
        bevindingen.append(
            ja(
                "PGB-06",
                "De bewindvoerder mag het pgb beheren: de dubbelrol van bewindvoerder en "
                "beheerder is in beginsel aanvaardbaar.",
            )
        )
    elif beheerder.rol is BeheerderRol.WSNP_BEWINDVOERDER:
        bevindingen.append(
            oordeel(
                "PGB-06",
                "Een WSNP-bewindvoerder heeft een andere professionele rol dan een "
                "beschermingsbewindvoerder; beoordeel of die rol zich verhoudt met het beheer "
                "van het pgb.",
            )
        )

    if relatie is RelatieMetZorgverlener.ZELFDE_PERSOON:
        bevindingen.append(
            nee(
                "PGB-06",
                f"Dubbelrol: de beheerder ({wie}) levert zelf de ondersteuning en zou zichzelf "
                "moeten beoordelen en uitbetalen. Beheer en levering mogen niet bij dezelfde "
                "persoon of aanbieder liggen.",
            )
        )
    elif relatie in (
        RelatieMetZorgverlener.IN_DIENST_VAN_AANBIEDER,
        RelatieMetZorgverlener.VERBONDEN_AAN_AANBIEDER,
    ):
        band = {
            RelatieMetZorgverlener.IN_DIENST_VAN_AANBIEDER: "is in dienst van",
            RelatieMetZorgverlener.VERBONDEN_AAN_AANBIEDER: "is verbonden aan",
        }[relatie]
        bevindingen.append(
            nee(
                "PGB-06",
                f"Dubbelrol: de beheerder ({wie}) {band} de zorgaanbieder en kan het beheer niet "
                "met voldoende afstand en kritisch uitvoeren.",
            )
        )
    elif relatie is RelatieMetZorgverlener.PERSOONLIJK:
        bevindingen.append(
            oordeel(
                "PGB-06",
                f"De beheerder ({wie}) heeft een persoonlijke band met de zorgverlener; beoordeel "
                "het risico op belangenverstrengeling.",
            )
        )
    elif relatie is None:
        bevindingen.append(
            oordeel(
                "PGB-06",
                f"Niet vastgelegd hoe de beheerder ({wie}) zich verhoudt tot de zorgverlener.",
            )
        )
    else:
        bevindingen.append(
            ja("PGB-06", f"Geen dubbelrol: de beheerder ({wie}) staat los van de zorgverlener.")
        )
    return bevindingen


def _beheerkosten(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    kosten = beheerder.beheerkosten
    if kosten is Beheerkosten.UIT_PGB:
        return [
            nee(
                "PGB-10",
                f"Het plan betaalt de beheerder ({wie}) uit het pgb; het beheer wordt niet uit "
                "het budget betaald. Pas het plan aan.",
            )
        ]
    if beheerder.rol in _PROFESSIONELE_BEHEERDERS:
        if kosten is Beheerkosten.TEN_LASTE_VAN_INWONER:
            return [
                oordeel(
                    "PGB-06",
                    f"De beheerder ({wie}) rekent de inwoner extra kosten voor het beheer. Het "
                    "pgb is dan mogelijk niet de goedkoopst adequate oplossing: die kosten worden "
                    "niet via bijzondere bijstand vergoed en vallen weg bij zorg in natura.",
                )
            ]
        if kosten is None:
            return [
                oordeel(
                    "PGB-06",
                    f"Niet vastgelegd of de beheerder ({wie}) extra kosten voor het beheer rekent; "
                    "dat weegt mee voor goedkoopst adequaat.",
                )
            ]
    elif kosten is Beheerkosten.TEN_LASTE_VAN_INWONER:
        return [
            ja(
                "PGB-10",
                "De inwoner betaalt het netwerklid zelf voor het beheer: een afspraak tussen hen, "
                "die de gemeente en het pgb niet vergoeden.",
            )
        ]
    return []
