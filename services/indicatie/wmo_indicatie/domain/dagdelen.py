"""IND-09: fewer or more dagdelen dagbesteding (seed 001 Bijlage 6 §6.12, §6.14).

The deciding factor is the belastbaarheid of the client, then motivatie/ambitie. A low
draagkracht of mantelzorg/steunsysteem "kan overrulen": it can make more dagdelen necessary so
that the whole client system keeps functioning. Bijlage 2 puts belastbaarheid "laag" under the
profiles with fewer dagdelen (DBB-1, DBO-1) and "normaal/goed" under those with more.
"""

from __future__ import annotations

from dataclasses import dataclass

from wmo_indicatie.domain.begrippen import Dagdeelklasse, Zekerheid
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class DagdeelOordeel:
    klasse: Dagdeelklasse | None  # None: nothing known to decide on
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]


def _tekst(klasse: Dagdeelklasse) -> str:
    if klasse is Dagdeelklasse.MINDER_DAGDELEN:
        return "het profiel met minder dagdelen (DBB-1/DBO-1)"
    return "het profiel met meer dagdelen (DBB-2/DBO-2)"


def bepaal_dagdeelklasse(kenmerken: Kenmerken) -> DagdeelOordeel:
    b, m, d = kenmerken.belastbaarheid, kenmerken.motivatie, kenmerken.draagkracht_netwerk
    if (
        (b is None or type(b) is Niveau)
        and (m is None or type(m) is Niveau)
        and (d is None or type(d) is Niveau)
    ):
        return _OORDELEN[b, m, d]
    return _bepaal(kenmerken)


def _bepaal(kenmerken: Kenmerken) -> DagdeelOordeel:
    regels: list[Regel] = []
    klasse: Dagdeelklasse | None = None
    zekerheid = Zekerheid.LAAG
    b, m = kenmerken.belastbaarheid, kenmerken.motivatie
    if b is not None:
        klasse = Dagdeelklasse.MINDER_DAGDELEN if b is Niveau.LAAG else Dagdeelklasse.MEER_DAGDELEN
        zekerheid = Zekerheid.HOOG
        regels.append(
            Regel(
                "IND-09",
                f"De belastbaarheid ({b.value}) is de bepalende factor voor het aantal dagdelen: "
                f"{_tekst(klasse)}.",
            )
        )
        if m is not None and (m is Niveau.LAAG) != (klasse is Dagdeelklasse.MINDER_DAGDELEN):
            zekerheid = Zekerheid.REDELIJK
            regels.append(
                Regel(
                    "IND-09",
                    f"De motivatie en ambitie ({m.value}) wijzen eerder de andere kant op; "
                    "ter beoordeling van de consulent.",
                )
            )
    elif m is not None and m is not Niveau.NORMAAL:
        klasse = Dagdeelklasse.MINDER_DAGDELEN if m is Niveau.LAAG else Dagdeelklasse.MEER_DAGDELEN
        regels.append(
            Regel(
                "IND-09",
                "De belastbaarheid is niet vastgesteld; op grond van de motivatie en ambitie "
                f"({m.value}) voorlopig {_tekst(klasse)}.",
            )
        )
    else:
        regels.append(
            Regel(
                "IND-09",
                "Belastbaarheid en motivatie geven geen richting voor het aantal dagdelen; "
                "ter beoordeling van de consulent.",
            )
        )

    if kenmerken.draagkracht_netwerk is Niveau.LAAG and klasse is not Dagdeelklasse.MEER_DAGDELEN:
        klasse = Dagdeelklasse.MEER_DAGDELEN
        zekerheid = Zekerheid.LAAG
        regels.append(
            Regel(
                "IND-09",
                "De draagkracht van mantelzorg/steunsysteem is laag; dat kan meer dagdelen "
                f"nodig maken om het hele cliëntsysteem te laten functioneren: {_tekst(klasse)}. "
                "Ter beoordeling van de consulent.",
            )
        )
    return DagdeelOordeel(klasse, zekerheid, tuple(regels))


# The judgement for every value of the three characteristics it reads, worked out once.
_OORDELEN = {
    (b, m, d): _bepaal(Kenmerken(belastbaarheid=b, motivatie=m, draagkracht_netwerk=d))
    for b in (None, *Niveau)
    for m in (None, *Niveau)
    for d in (None, *Niveau)
}
