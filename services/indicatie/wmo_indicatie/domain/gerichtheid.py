"""IND-08: ontwikkelgericht or behoudgericht (seed 001 Bijlage 6 §6.4, §6.6, §6.12).

Ontwikkelgericht: the primary aim is clear development within months to a year (at most two).
Behoudgericht: the primary aim is keeping abilities, also support in decline.

- Individuele begeleiding: the seed defines the two by the expected development, so the
  ``verwachting`` decides (verbetering -> ontwikkel, gelijk/achteruitgang -> behoud); the lerend
  vermogen only confirms or weakens it (IBO profiles need leerbaarheid, IBB "minder leerbaar").
- Dagbesteding: the seed names the deciding factor explicitly: lerend vermogen, then
  zelfinzicht, then ziektebesef; higher -> ontwikkelgericht. The first one known decides; the
  Bijlage 2 table puts "weinig" under DBB and "normaal/goed" under DBO, so normaal counts as
  higher. A verwachting that contradicts it lowers the certainty.
"""

from __future__ import annotations

from dataclasses import dataclass

from wmo_indicatie.domain.begrippen import Aard, Gerichtheid, Zekerheid
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau, Verwachting
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class GerichtheidOordeel:
    gerichtheid: Gerichtheid | None  # None: nothing known to decide on
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]


def _uit_verwachting(verwachting: Verwachting) -> Gerichtheid:
    if verwachting is Verwachting.VERBETERING:
        return Gerichtheid.ONTWIKKELGERICHT
    return Gerichtheid.BEHOUDGERICHT


def _uit_niveau(niveau: Niveau) -> Gerichtheid:
    return Gerichtheid.BEHOUDGERICHT if niveau is Niveau.LAAG else Gerichtheid.ONTWIKKELGERICHT


def bepaal_gerichtheid(kenmerken: Kenmerken, aard: Aard) -> GerichtheidOordeel:
    v, lv = kenmerken.verwachting, kenmerken.lerend_vermogen
    zi, zb = kenmerken.zelfinzicht, kenmerken.ziektebesef
    if (
        type(aard) is Aard
        and (v is None or type(v) is Verwachting)
        and (lv is None or type(lv) is Niveau)
        and (zi is None or type(zi) is Niveau)
        and (zb is None or type(zb) is Niveau)
    ):
        return _OORDELEN[aard, v, lv, zi, zb]
    return _bepaal(kenmerken, aard)


def _bepaal(kenmerken: Kenmerken, aard: Aard) -> GerichtheidOordeel:
    if aard is Aard.DAGBESTEDING:
        return _dagbesteding(kenmerken)
    return _individueel(kenmerken)


def _individueel(k: Kenmerken) -> GerichtheidOordeel:
    if k.verwachting is not None:
        g = _uit_verwachting(k.verwachting)
        regels = [
            Regel(
                "IND-08",
                f"De verwachting is {k.verwachting.value}: de begeleiding is primair {g.value}.",
            )
        ]
        zekerheid = Zekerheid.HOOG
        if k.lerend_vermogen is not None:
            past = (_uit_niveau(k.lerend_vermogen) is g) or (
                g is Gerichtheid.BEHOUDGERICHT and k.lerend_vermogen is Niveau.NORMAAL
            )
            if past:
                zin = f"Het lerend vermogen ({k.lerend_vermogen.value}) past hierbij."
                regels.append(Regel("IND-08", zin))
            else:
                zekerheid = Zekerheid.REDELIJK
                regels.append(
                    Regel(
                        "IND-08",
                        f"Het lerend vermogen ({k.lerend_vermogen.value}) wijst eerder de andere "
                        "kant op; ter beoordeling van de consulent.",
                    )
                )
        return GerichtheidOordeel(g, zekerheid, tuple(regels))
    if k.lerend_vermogen is not None:
        g = _uit_niveau(k.lerend_vermogen)
        return GerichtheidOordeel(
            g,
            Zekerheid.LAAG,
            (
                Regel(
                    "IND-08",
                    "De verwachting over de ontwikkeling is niet vastgesteld; op grond van het "
                    f"lerend vermogen ({k.lerend_vermogen.value}) voorlopig {g.value}. "
                    "Ter beoordeling van de consulent.",
                ),
            ),
        )
    return GerichtheidOordeel(
        None,
        Zekerheid.LAAG,
        (
            Regel(
                "IND-08",
                "Verwachting en lerend vermogen zijn niet vastgesteld; of de begeleiding "
                "ontwikkel- of behoudgericht is, is ter beoordeling van de consulent.",
            ),
        ),
    )


def _dagbesteding(k: Kenmerken) -> GerichtheidOordeel:
    factoren = (
        ("lerend vermogen", k.lerend_vermogen),
        ("zelfinzicht", k.zelfinzicht),
        ("ziektebesef", k.ziektebesef),
    )
    for positie, (naam, niveau) in enumerate(factoren):
        if niveau is None:
            continue
        g = _uit_niveau(niveau)
        regels = [
            Regel(
                "IND-08",
                f"Bij dagbesteding beslist eerst het lerend vermogen, dan zelfinzicht, dan "
                f"ziektebesef. Het {naam} is {niveau.value}: primair {g.value}.",
            )
        ]
        zekerheid = Zekerheid.HOOG if positie == 0 else Zekerheid.REDELIJK
        if k.verwachting is not None and _uit_verwachting(k.verwachting) is not g:
            zekerheid = Zekerheid.LAAG if positie > 0 else Zekerheid.REDELIJK
            regels.append(
                Regel(
                    "IND-08",
                    f"De verwachting ({k.verwachting.value}) past daar niet goed bij; "
                    "ter beoordeling van de consulent.",
                )
            )
        return GerichtheidOordeel(g, zekerheid, tuple(regels))
    if k.verwachting is not None:
        g = _uit_verwachting(k.verwachting)
        return GerichtheidOordeel(
            g,
            Zekerheid.LAAG,
            (
                Regel(
                    "IND-08",
                    "Lerend vermogen, zelfinzicht en ziektebesef zijn niet vastgesteld; op grond "
                    f"van de verwachting ({k.verwachting.value}) voorlopig {g.value}. "
                    "Ter beoordeling van de consulent.",
                ),
            ),
        )
    return GerichtheidOordeel(
        None,
        Zekerheid.LAAG,
        (
            Regel(
                "IND-08",
                "Lerend vermogen, zelfinzicht, ziektebesef en verwachting zijn niet vastgesteld; "
                "of de dagbesteding ontwikkel- of behoudgericht is, is ter beoordeling van de "
                "consulent.",
            ),
        ),
    )


# The judgement for every aard and every value of the four characteristics it reads, worked
# out once (2 x 4 x 4 x 4 x 4 = 512 combinations, None included).
_OORDELEN = {
    (a, v, lv, zi, zb): _bepaal(
        Kenmerken(verwachting=v, lerend_vermogen=lv, zelfinzicht=zi, ziektebesef=zb), a
    )
    for a in Aard
    for v in (None, *Verwachting)
    for lv in (None, *Niveau)
    for zi in (None, *Niveau)
    for zb in (None, *Niveau)
}
