"""The review cycle of a running maatwerkvoorziening (issue 14.4; seed 001 Bijlage 2 §8.1:
gebiedsteam and provider measure the doelrealisatie at the evaluatie; Bijlage 6 §6.7: the
ondersteuningsplan is reviewed after the indicatie's duur).

- EVA-01 an evaluatie rates every goal of the voorziening once — the opdracht's doelen, else
  the resultaatgebieden of the onderzoek — as behaald, deels behaald or niet behaald; a goal
  the voorziening does not have is refused. Without known goals the worker names them.
- EVA-02 only a running voorziening (sent, not ended, not replaced) is evaluated, on a day from
  its begindatum up to today.
- EVA-03 the uitkomst: voortzetten (the next review is planned), wijzigen (a herziening of the
  beschikking follows, also while a herindicatie runs; the next review is planned) or
  beëindigen (an intrekking follows through the beëindiging of the voorziening; no next
  review).
- IND-11 the next review: after the months of the chosen duurcategorie in the gemeente's
  policy (3, 6, 12, 24 or 60 in Ooststellingwerf), or on the date the worker sets (the
  categories are indicative: the worker decides).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Realisatie(StrEnum):
    BEHAALD = "behaald"
    DEELS = "deels"
    NIET = "niet"


class Uitkomst(StrEnum):
    VOORTZETTEN = "voortzetten"
    WIJZIGEN = "wijzigen"
    BEEINDIGEN = "beeindigen"


class Duurcategorie(StrEnum):
    """IND-11 (seed 001 Bijlage 6 §6.7), as indicatie names them."""

    KORTE_TERMIJN = "korte_termijn"
    SNEL_HAALBAAR = "snel_haalbaar"
    LANGERE_INZET = "langere_inzet"
    ONDERHOUDSDOSIS = "onderhoudsdosis"
    LEVENSLANG = "levenslang"


class Indicatieduur(BaseModel):
    """The IND-11 months of the gemeente's ``indicatie`` policy section (the rest of it is
    indicatie's)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    duur_maanden: dict[Duurcategorie, int]


@dataclass(frozen=True, slots=True)
class Doelscore:
    doel: str
    realisatie: Realisatie


@dataclass(frozen=True, slots=True)
class Planning:
    volgende_evaluatie: dt.date | None
    regels: tuple[Regel, ...]


LABEL = {
    Realisatie.BEHAALD: "behaald",
    Realisatie.DEELS: "deels behaald",
    Realisatie.NIET: "niet behaald",
}


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """The same day ``maanden`` calendar months later, the last day of a shorter month."""
    jaar, maand = divmod(datum.month - 1 + maanden, 12)
    jaar += datum.year
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return dt.date(jaar, maand + 1, dag)


def toets_doelen(bekend: Sequence[str], scores: Sequence[Doelscore]) -> Regel:
    """EVA-01."""
    genoemd = [s.doel for s in scores]
    for i, doel in enumerate(genoemd):
        if doel in genoemd[:i]:
            raise Weigering(
                "doel-dubbel",
                f"Het doel '{doel}' staat twee keer in de evaluatie.",
                veld=f"doelrealisatie.{i}.doel",
                regels=[Regel("EVA-01", "Elk doel wordt één keer beoordeeld.")],
            )
        if bekend and doel not in bekend:
            raise Weigering(
                "onbekend-doel",
                f"'{doel}' is geen doel van deze voorziening; de doelen zijn: " + "; ".join(bekend),
                veld=f"doelrealisatie.{i}.doel",
                regels=[Regel("EVA-01", "Alleen de doelen van de voorziening worden beoordeeld.")],
            )
    ontbreekt = [d for d in bekend if d not in genoemd]
    if ontbreekt or not genoemd:
        raise Weigering(
            "doel-niet-beoordeeld",
            "Beoordeel elk doel van de voorziening: "
            + ("; ".join(ontbreekt) if ontbreekt else "noem minstens één doel"),
            veld="doelrealisatie",
            regels=[Regel("EVA-01", "Een evaluatie beoordeelt elk doel van de voorziening.")],
        )
    per = {r: sum(1 for s in scores if s.realisatie is r) for r in Realisatie}
    samenvatting = ", ".join(f"{n} {LABEL[r]}" for r, n in per.items() if n)
    return Regel("EVA-01", f"Doelrealisatie van {len(scores)} doel(en): {samenvatting}.")


def toets_lopend(
    *,
    verzonden: bool,
    lopend: bool,
    begindatum: dt.date,
    einddatum: dt.date | None,
    datum: dt.date,
    vandaag: dt.date,
) -> None:
    """EVA-02."""
    if not (verzonden and lopend) or (einddatum is not None and einddatum < datum):
        raise Weigering(
            "voorziening-loopt-niet",
            "Alleen een lopende maatwerkvoorziening wordt geëvalueerd (verzonden, niet "
            "beëindigd of vervangen).",
            soort="conflict",
            regels=[Regel("EVA-02", "Een evaluatie is er van een lopende voorziening.")],
        )
    if datum < begindatum or datum > vandaag:
        raise Weigering(
            "ongeldige-evaluatiedatum",
            "De evaluatiedatum ligt vóór de begindatum van de voorziening of in de toekomst.",
            veld="evaluatiedatum",
            regels=[Regel("EVA-02", "Geëvalueerd wordt tijdens de looptijd, niet vooruit.")],
        )


def plan(
    uitkomst: Uitkomst,
    datum: dt.date,
    *,
    duurcategorie: Duurcategorie | None,
    maanden: Mapping[Duurcategorie, int] | None,
    handmatig: dt.date | None,
) -> Planning:
    """EVA-03 and IND-11: the next review (None when the voorziening ends). ``maanden`` is the
    policy's table (None: the gemeente has none, so the worker sets the date)."""
    if uitkomst is Uitkomst.BEEINDIGEN:
        return Planning(
            None,
            (
                Regel(
                    "EVA-03",
                    "Uitkomst beëindigen: de voorziening wordt beëindigd met een beschikking "
                    "(intrekking); er volgt geen evaluatie meer.",
                ),
            ),
        )
    vervolg = (
        Regel("EVA-03", "Uitkomst voortzetten: de voorziening loopt door zoals beschikt.")
        if uitkomst is Uitkomst.VOORTZETTEN
        else Regel(
            "EVA-03",
            "Uitkomst wijzigen: een herziening van de beschikking volgt (ook tijdens een "
            "herindicatie).",
        )
    )
    if handmatig is not None:
        if handmatig <= datum:
            raise Weigering(
                "ongeldige-evaluatiedatum",
                "De volgende evaluatie ligt na deze evaluatie.",
                veld="volgendeEvaluatieOp",
                regels=[Regel("IND-11", "De volgende evaluatie ligt in de toekomst.")],
            )
        return Planning(
            handmatig,
            (
                vervolg,
                Regel(
                    "IND-11",
                    f"Volgende evaluatie op {handmatig.isoformat()}, door de "
                    "consulent bepaald (de duurcategorieën zijn indicatief).",
                ),
            ),
        )
    if duurcategorie is None:
        raise Weigering(
            "duurcategorie-ontbreekt",
            "Kies een duurcategorie (IND-11) of geef de datum van de volgende evaluatie.",
            veld="duurcategorie",
            regels=[Regel("IND-11", "De volgende evaluatie volgt uit de duur van de indicatie.")],
        )
    if maanden is None or duurcategorie not in maanden:
        raise Weigering(
            "beleidswaarde-ontbreekt",
            "Het beleid van uw gemeente kent geen duur per categorie (IND-11) op deze datum; "
            "geef de datum van de volgende evaluatie (volgendeEvaluatieOp).",
            veld="duurcategorie",
            regels=[Regel("IND-11", "De maanden per duurcategorie zijn beleid van de gemeente.")],
        )
    n = maanden[duurcategorie]
    volgende = plus_maanden(datum, n)
    return Planning(
        volgende,
        (
            vervolg,
            Regel(
                "IND-11",
                f"Duurcategorie {duurcategorie.value.replace('_', ' ')}: volgende evaluatie na "
                f"{n} maanden, op {volgende.isoformat()}.",
            ),
        ),
    )
