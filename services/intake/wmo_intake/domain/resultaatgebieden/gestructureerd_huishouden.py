"""RES-01..03 gestructureerd huishouden (seed 001 H3): a clean and liveable home, groceries,
clean clothes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wmo_intake.domain.bevinding import Bevinding, Uitkomst

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_GEEN = Uitkomst.GEEN_MAATWERK
_EERST = Uitkomst.EERST_VOORLIGGEND


class Ruimte(StrEnum):
    WOONKAMER = "woonkamer"
    KEUKEN = "keuken"
    SLAAPKAMER = "slaapkamer"
    BADKAMER = "badkamer"
    TOILET = "toilet"
    HAL = "hal"
    SERRE = "serre"
    BERGING = "berging"
    TUIN = "tuin"


def toets_ruimte_schoon_huis(ruimte: Ruimte, *, in_gebruik: bool) -> Bevinding:
    """RES-01: a clean and liveable home covers every room in use, the berging included and the
    garden not."""
    if ruimte is Ruimte.TUIN:
        return Bevinding(
            "RES-01", _GEEN, "De tuin valt niet onder het resultaat schoon en leefbaar huis."
        )
    if not in_gebruik:
        return Bevinding(
            "RES-01",
            _GEEN,
            f"De {ruimte.value} wordt niet gebruikt en hoeft niet te worden schoongehouden.",
        )
    berging = " (de berging hoort er uitdrukkelijk bij)" if ruimte is Ruimte.BERGING else ""
    return Bevinding(
        "RES-01",
        _MAATWERK,
        f"De {ruimte.value} is in gebruik en valt onder schoon en leefbaar huis{berging}.",
    )


def toets_zelf_betaalde_schoonmaak(
    *,
    jaren_zelf_betaald: bool,
    inkomen_gewijzigd: bool,
    aantoonbare_meerkosten: bool,
    niet_meer_te_betalen: bool = False,
) -> Bevinding:
    """RES-01: who has paid for cleaning themselves for years, without a change of income when
    the limitation arose and without proven extra costs from it, has already solved it."""
    if jaren_zelf_betaald and not (
        inkomen_gewijzigd or aantoonbare_meerkosten or niet_meer_te_betalen
    ):
        return Bevinding(
            "RES-01",
            _GEEN,
            "De cliënt betaalt al jaren zelf voor schoonmaakhulp, het inkomen is niet veranderd "
            "en er zijn geen aantoonbare meerkosten door de beperking: het probleem is al "
            "opgelost, er is geen ondersteuning nodig.",
        )
    if jaren_zelf_betaald:
        return Bevinding(
            "RES-01",
            _MAATWERK,
            "De cliënt betaalde de schoonmaakhulp zelf, maar de situatie is veranderd (inkomen, "
            "meerkosten of niet meer te betalen): beoordeel de ondersteuning opnieuw.",
        )
    return Bevinding(
        "RES-01",
        _MAATWERK,
        "De cliënt betaalde niet al jaren zelf voor schoonmaakhulp: deze grond staat een "
        "maatwerkvoorziening niet in de weg.",
    )


@dataclass(frozen=True, slots=True)
class Boodschappenbevinding:
    bevinding: Bevinding
    keer_per_week: int


def toets_boodschappen(
    *,
    gevraagd_keer_per_week: int,
    netwerk_doet_boodschappen: bool,
    bezorg_of_maaltijdservice_bruikbaar: bool,
) -> Boodschappenbevinding:
    """RES-02: daily groceries and cleaning products (and meals if needed); neighbours,
    children, delivery and meal services come first; the norm is shopping once a week."""
    if netwerk_doet_boodschappen:
        return Boodschappenbevinding(
            Bevinding(
                "RES-02",
                _EERST,
                "Bekenden of kinderen in de buurt doen de boodschappen al of zijn daartoe bereid.",
                "sociaal netwerk",
            ),
            0,
        )
    if bezorg_of_maaltijdservice_bruikbaar:
        return Boodschappenbevinding(
            Bevinding(
                "RES-02",
                _EERST,
                "De cliënt kan een boodschappenbezorgservice of maaltijdservice gebruiken "
                "(algemene voorziening).",
                "bezorgservice of maaltijdservice",
            ),
            0,
        )
    keer = min(gevraagd_keer_per_week, 1)
    beperkt = (
        f" Gevraagd is {gevraagd_keer_per_week} keer per week; uitgangspunt is één keer."
        if gevraagd_keer_per_week > 1
        else ""
    )
    return Boodschappenbevinding(
        Bevinding(
            "RES-02",
            _MAATWERK,
            "Geen netwerk of algemene voorziening voor de boodschappen: ondersteuning bij de "
            f"dagelijkse levens- en schoonmaakmiddelen, één keer per week.{beperkt}",
        ),
        keer,
    )


class Wastaak(StrEnum):
    WASSEN = "wassen"
    DROGEN = "drogen"
    LICHT_VERSTELWERK = "licht_verstelwerk"
    STRIJKEN_KLEDING = "strijken_kleding"
    STRIJKEN_LAKENS = "strijken_lakens"
    STRIJKEN_THEEDOEKEN = "strijken_theedoeken"
    STRIJKEN_ZAKDOEKEN = "strijken_zakdoeken"
    STRIJKEN_ONDERGOED = "strijken_ondergoed"


def toets_wasverzorging(taak: Wastaak) -> Bevinding:
    """RES-03: washing, drying and light mending; no ironing of sheets, tea towels,
    handkerchiefs or underwear; choosing clothes that need no ironing is the client's own."""
    if taak in (Wastaak.WASSEN, Wastaak.DROGEN, Wastaak.LICHT_VERSTELWERK):
        return Bevinding(
            "RES-03",
            _MAATWERK,
            f"{taak.value.replace('_', ' ').capitalize()} hoort bij schone en doelmatige kleding.",
        )
    if taak is Wastaak.STRIJKEN_KLEDING:
        return Bevinding(
            "RES-03",
            _GEEN,
            "De keuze van kleding is eigen verantwoordelijkheid; kleding hoeft in principe niet "
            "gestreken te worden.",
        )
    return Bevinding(
        "RES-03",
        _GEEN,
        "Lakens, theedoeken, zakdoeken en ondergoed worden niet gestreken.",
    )
