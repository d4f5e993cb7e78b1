"""FIN-03 goedkoopst adequate kostprijs from quotes and reference prices, and FIN-04: what a quote
or an invoice must name (seed 001 Bijlage 3, art. 34 and 35)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_shared.regels import Regel

from .geld import euro
from .soorten import VoorzieningSoort


@dataclass(frozen=True, slots=True)
class Leverancier:
    naam: str | None = None
    adres: str | None = None
    kvk: str | None = None
    rekeningnummer: str | None = None


class OfferteBron(StrEnum):
    inwoner = "inwoner"  # the client's own quote: always part of the comparison
    gemeente = "gemeente"  # asked by the gebiedsteam
    tegenofferte = "tegenofferte"  # a counter-quote from the market


@dataclass(frozen=True, slots=True)
class Offerte:
    kenmerk: str
    bron: OfferteBron
    omschrijving: str | None
    bedrag: Decimal | None
    leverancier: Leverancier
    inwoner: str | None  # gegevens inwoner/aanvrager
    realistisch_en_specifiek: bool = True
    adequaat: bool = True


@dataclass(frozen=True, slots=True)
class Factuur:
    omschrijving: str | None
    bedrag: Decimal | None
    leverancier: Leverancier
    inwoner: str | None
    factuurnummer_of_betalingskenmerk: str | None
    afleverdatum: dt.date | None
    factuurdatum: dt.date | None


class PrijsBron(StrEnum):
    # ZIN price of a comparable roerende voorziening, or the category price of the contracted
    # hulpmiddelen supplier (also of a comparable item when the aid is not in the kernassortiment)
    gecontracteerd = "gecontracteerd"
    marktprijs = "marktprijs"


@dataclass(frozen=True, slots=True)
class Referentieprijs:
    kenmerk: str
    bron: PrijsBron
    bedrag: Decimal
    omschrijving: str = ""
    adequaat: bool = True


@dataclass(frozen=True, slots=True)
class Volledigheid:
    volledig: bool
    ontbrekend: tuple[str, ...]
    regels: tuple[Regel, ...]


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _ontbrekend(velden: Sequence[tuple[str, object]]) -> tuple[str, ...]:
    return tuple(naam for naam, waarde in velden if _leeg(waarde))


def _gemeenschappelijk(
    omschrijving: str | None, bedrag: Decimal | None, lev: Leverancier, inwoner: str | None
) -> list[tuple[str, object]]:
    return [
        ("omschrijving", omschrijving),
        ("bedrag", bedrag),
        ("leverancier.naam", lev.naam),
        ("leverancier.adres", lev.adres),
        ("leverancier.kvk", lev.kvk),
        ("leverancier.rekeningnummer", lev.rekeningnummer),
        ("inwoner", inwoner),
    ]


def _volledigheid(soort: str, ontbrekend: tuple[str, ...]) -> Volledigheid:
    if ontbrekend:
        toelichting = f"De {soort} is niet volledig; ontbreekt: {', '.join(ontbrekend)}."
    else:
        toelichting = f"De {soort} bevat alle verplichte gegevens."
    return Volledigheid(not ontbrekend, ontbrekend, (Regel("FIN-04", toelichting),))


def controleer_offerte(offerte: Offerte) -> Volledigheid:
    """FIN-04: description, amount, supplier (name, address, KvK, account) and client."""
    velden = _gemeenschappelijk(
        offerte.omschrijving, offerte.bedrag, offerte.leverancier, offerte.inwoner
    )
    return _volledigheid("offerte", _ontbrekend(velden))


def controleer_factuur(factuur: Factuur) -> Volledigheid:
    """FIN-04: as a quote, plus invoice number or payment reference, delivery and invoice date."""
    velden = [
        *_gemeenschappelijk(
            factuur.omschrijving, factuur.bedrag, factuur.leverancier, factuur.inwoner
        ),
        ("factuurnummer_of_betalingskenmerk", factuur.factuurnummer_of_betalingskenmerk),
        ("afleverdatum", factuur.afleverdatum),
        ("factuurdatum", factuur.factuurdatum),
    ]
    return _volledigheid("factuur", _ontbrekend(velden))


@dataclass(frozen=True, slots=True)
class Uitgesloten:
    kenmerk: str
    reden: str


@dataclass(frozen=True, slots=True)
class KostprijsUitkomst:
    kostprijs: Decimal | None  # None: not enough adequate prices to decide (see regels)
    gekozen: str | None  # kenmerk of the winning quote or price
    vergeleken: tuple[str, ...]
    uitgesloten: tuple[Uitgesloten, ...]
    regels: tuple[Regel, ...]

    @property
    def vastgesteld(self) -> bool:
        return self.kostprijs is not None


@dataclass(frozen=True, slots=True)
class _Kandidaat:
    kenmerk: str
    bedrag: Decimal
    offerte_bron: OfferteBron | None
    prijs_bron: PrijsBron | None


def goedkoopst_adequate_kostprijs(
    voorziening: VoorzieningSoort,
    *,
    offertes: Sequence[Offerte] = (),
    referentieprijzen: Sequence[Referentieprijs] = (),
    in_kernassortiment: bool = True,
    minimum_offertes_onroerend: int,
) -> KostprijsUitkomst:
    """FIN-03: the lowest adequate price among the admissible ones wins.

    - onroerend (incl. aanbouw): at least ``minimum_offertes_onroerend`` realistic, specific,
      complete quotes; reference prices do not count.
    - roerend: the contracted (ZIN) price of a comparable item, market prices, and quotes.
    - hulpmiddel / sportvoorziening: the contracted category price; not in the kernassortiment:
      the price of a comparable contracted item and at least one counter-quote.
    The client's own quote is always part of the comparison (when complete and adequate).
    """
    uitgesloten: list[Uitgesloten] = []
    kandidaten: list[_Kandidaat] = []
    regels: list[Regel] = []

    for offerte in offertes:
        volledigheid = controleer_offerte(offerte)
        if not volledigheid.volledig or offerte.bedrag is None:
            reden = "onvolledig (FIN-04), ontbreekt: " + ", ".join(volledigheid.ontbrekend)
            uitgesloten.append(Uitgesloten(offerte.kenmerk, reden))
        elif not offerte.realistisch_en_specifiek:
            uitgesloten.append(Uitgesloten(offerte.kenmerk, "niet realistisch en specifiek"))
        elif not offerte.adequaat:
            uitgesloten.append(Uitgesloten(offerte.kenmerk, "niet adequaat"))
        else:
            kandidaten.append(_Kandidaat(offerte.kenmerk, offerte.bedrag, offerte.bron, None))

    for prijs in referentieprijzen:
        if not prijs.adequaat:
            uitgesloten.append(Uitgesloten(prijs.kenmerk, "niet adequaat"))
        elif voorziening.is_onroerend:
            reden = "bij een onroerende woonvoorziening tellen alleen offertes"
            uitgesloten.append(Uitgesloten(prijs.kenmerk, reden))
        elif voorziening.is_hulpmiddel and prijs.bron is PrijsBron.marktprijs:
            reden = "bij een hulpmiddel telt de categorieprijs of een tegenofferte"
            uitgesloten.append(Uitgesloten(prijs.kenmerk, reden))
        else:
            kandidaten.append(_Kandidaat(prijs.kenmerk, prijs.bedrag, None, prijs.bron))

    tekort = _tekort(voorziening, kandidaten, in_kernassortiment, minimum_offertes_onroerend)
    regels.extend(
        Regel(
            "FIN-03" if not u.reden.startswith("onvolledig") else "FIN-04",
            f"{u.kenmerk} telt niet mee: {u.reden}.",
        )
        for u in uitgesloten
    )
    if tekort:
        toelichting = f"De goedkoopst adequate kostprijs is niet vast te stellen: {tekort}."
        regels.append(Regel("FIN-03", toelichting))
        return KostprijsUitkomst(
            None, None, tuple(k.kenmerk for k in kandidaten), tuple(uitgesloten), tuple(regels)
        )

    winnaar = min(kandidaten, key=lambda k: k.bedrag)
    inwoner = [k for k in kandidaten if k.offerte_bron is OfferteBron.inwoner]
    toelichting = (
        f"Goedkoopst adequaat is {winnaar.kenmerk} met {euro(winnaar.bedrag)}, "
        f"vergeleken met {len(kandidaten)} adequate prijs(en)"
        + (", waaronder de offerte van de inwoner" if inwoner else "")
        + "."
    )
    regels.append(Regel("FIN-03", toelichting))
    return KostprijsUitkomst(
        winnaar.bedrag,
        winnaar.kenmerk,
        tuple(k.kenmerk for k in kandidaten),
        tuple(uitgesloten),
        tuple(regels),
    )


def _tekort(
    voorziening: VoorzieningSoort,
    kandidaten: Sequence[_Kandidaat],
    in_kernassortiment: bool,
    minimum_offertes_onroerend: int,
) -> str | None:
    """What is missing for a valid comparison, or None."""
    if voorziening.is_onroerend:
        if len(kandidaten) < minimum_offertes_onroerend:
            return (
                f"nodig zijn minstens {minimum_offertes_onroerend} realistische, specifieke "
                f"offertes, er zijn er {len(kandidaten)}"
            )
        return None
    if voorziening.is_hulpmiddel:
        gecontracteerd = [k for k in kandidaten if k.prijs_bron is PrijsBron.gecontracteerd]
        if not gecontracteerd:
            return "de categorieprijs van de gecontracteerde leverancier ontbreekt"
        if not in_kernassortiment and not any(
            k.offerte_bron in (OfferteBron.tegenofferte, OfferteBron.gemeente) for k in kandidaten
        ):
            return (
                "het hulpmiddel zit niet in het kernassortiment: naast een vergelijkbaar "
                "gecontracteerd hulpmiddel is minstens één tegenofferte nodig"
            )
        return None
    if not kandidaten:
        return "er is geen gecontracteerde prijs, marktprijs of offerte"
    return None
