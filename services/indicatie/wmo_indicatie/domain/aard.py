"""IND-04 / seed §6.2: which aard the onderzoek points to: individuele begeleiding, dagbesteding,
or a combination of both.

The seed leaves this to the onderzoek ("op basis van het onderzoek is duidelijk geworden ...");
when the consulent has decided, that decision stands. Otherwise the engine proposes from
signals and says how sure it is:
- dagbesteding: the client cannot fill the day independently (life domain dagbesteding/
  daginvulling scored 2 or 3 as a barrier; seed Bijlage 2 §1.5 "beperkt om een besteding van de
  dag zelfstandig in te vullen"), or dagstructuur is a result area together with any counted
  limitation in daginvulling, or the mantelzorg needs relief (result area netwerk/mantelzorg
  with a low draagkracht; DBB's goal "ontlasting mantelzorger");
- individuele begeleiding: any result area other than dagstructuur and netwerk/mantelzorg.
"""

from __future__ import annotations

from typing import NamedTuple

from wmo_indicatie.domain.begrippen import AardKeuze, Zekerheid
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau
from wmo_indicatie.domain.levensdomeinen import Levensdomein, LevensdomeinenOordeel
from wmo_indicatie.domain.resultaatgebieden import (
    INDIVIDUELE_GEBIEDEN,
    OPSOMMING,
    Resultaatgebied,
    beoordeel_resultaatgebieden,
)
from wmo_shared.regels import Regel

# Enum members as module names: reading them from their class is slow on Python 3.11.
_DAGBESTEDING = Levensdomein.DAGBESTEDING
_DAGSTRUCTUUR = Resultaatgebied.DAGSTRUCTUUR
_NETWERK = Resultaatgebied.NETWERK_EN_MANTELZORG
_LAAG = Niveau.LAAG
_LOS = (_DAGSTRUCTUUR, _NETWERK)


class AardOordeel(NamedTuple):  # built on every advice: see ``Advies``
    aard: AardKeuze
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]


def stel_aard_voor(
    levensdomeinen: LevensdomeinenOordeel,
    resultaatgebieden: frozenset[Resultaatgebied],
    kenmerken: Kenmerken,
    gekozen: AardKeuze | None = None,
) -> AardOordeel:
    if gekozen is not None:
        return AardOordeel(
            gekozen,
            Zekerheid.HOOG,
            (
                Regel(
                    "IND-04",
                    f"De consulent heeft op grond van het onderzoek de aard vastgesteld: "
                    f"{gekozen.value.replace('_', ' ')}.",
                ),
            ),
        )

    db_redenen: list[str] = []
    daginvulling = levensdomeinen.score_van(_DAGBESTEDING)
    if daginvulling >= 2:
        db_redenen.append(
            f"de cliënt kan de dag niet zelfstandig invullen (daginvulling score {daginvulling})"
        )
    elif daginvulling == 1 and _DAGSTRUCTUUR in resultaatgebieden:
        db_redenen.append("dagstructuur is een te behalen resultaat en de daginvulling is beperkt")
    if _NETWERK in resultaatgebieden and kenmerken.draagkracht_netwerk is _LAAG:
        db_redenen.append("de mantelzorg heeft een lage draagkracht en moet worden ontlast")

    # the chosen areas in the order a-k, as the judgement of the result areas lists them
    ib_gebieden = [
        r
        for r in beoordeel_resultaatgebieden(resultaatgebieden).gekozen
        if r in INDIVIDUELE_GEBIEDEN
    ]
    # dagstructuur / netwerk without a dagbesteding signal are worked on individually
    losse = [] if db_redenen else [r for r in _LOS if r in resultaatgebieden]
    ib_redenen = [OPSOMMING[r] for r in ib_gebieden + losse]

    regels: list[Regel] = []
    if db_redenen and ib_redenen:
        aard, zekerheid = AardKeuze.BEIDE, Zekerheid.REDELIJK
    elif db_redenen:
        aard, zekerheid = AardKeuze.DAGBESTEDING, Zekerheid.REDELIJK
    elif ib_redenen:
        aard, zekerheid = AardKeuze.INDIVIDUELE_BEGELEIDING, Zekerheid.REDELIJK
    else:
        aard, zekerheid = AardKeuze.INDIVIDUELE_BEGELEIDING, Zekerheid.LAAG
        regels.append(
            Regel(
                "IND-04",
                "Er zijn geen resultaatgebieden of beperkingen in daginvulling die de aard "
                "bepalen; voorlopig individuele begeleiding, het uitgangspunt van het "
                "normenkader. Ter beoordeling van de consulent.",
            )
        )
    if db_redenen:
        regels.append(Regel("IND-04", "Dagbesteding past omdat " + "; ".join(db_redenen) + "."))
    if ib_redenen:
        regels.append(
            Regel(
                "IND-04",
                "Individuele begeleiding past bij de resultaten " + "; ".join(ib_redenen) + ".",
            )
        )
    if aard is not AardKeuze.INDIVIDUELE_BEGELEIDING or ib_redenen:
        regels.append(_VOORSTEL[aard])
    return AardOordeel(aard, zekerheid, tuple(regels))


def _voorstel(aard: AardKeuze) -> Regel:
    return Regel(
        "IND-04",
        f"Voorstel aard: {aard.value.replace('_', ' ')}. De aard volgt uit het onderzoek "
        "en is ter beoordeling van de consulent.",
    )


_VOORSTEL = {a: _voorstel(a) for a in AardKeuze}
