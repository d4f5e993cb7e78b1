"""The RES-01..09 and MZ-01/02 checks of the onderzoek by name (INT-13): the facts arrive as
JSON and are converted to the domain's types; the finding goes back with its rule."""

from __future__ import annotations

import dataclasses
import enum
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic.alias_generators import to_camel, to_snake

from wmo_intake.domain import mantelzorg as mz
from wmo_intake.domain import resultaatgebieden as res
from wmo_intake.domain.bevinding import Bevinding, Toetsing
from wmo_intake.domain.resultaatgebieden import Resultaatgebied as G
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

MAX_GETAL = 10**12
"""Issue 11.4: a number among the facts of a check is at most this large (no overflow when the
check computes with it)."""


class OngeldigeToets(Weigering):
    """INT-13: the named check does not exist, or its facts do not fit; ``veld`` names the
    part (code ``ongeldige-toets``)."""

    def __init__(self, veld: str, reden: str) -> None:
        super().__init__("ongeldige-toets", reden, veld=veld, regels=[Regel("INT-13", reden)])
        self.reden = reden


TOETSEN: dict[str, tuple[Callable[..., Any], frozenset[G]]] = {
    "ruimte_schoon_huis": (res.toets_ruimte_schoon_huis, frozenset({G.GESTRUCTUREERD_HUISHOUDEN})),
    "zelf_betaalde_schoonmaak": (
        res.toets_zelf_betaalde_schoonmaak,
        frozenset({G.GESTRUCTUREERD_HUISHOUDEN}),
    ),
    "boodschappen": (res.toets_boodschappen, frozenset({G.GESTRUCTUREERD_HUISHOUDEN})),
    "wasverzorging": (res.toets_wasverzorging, frozenset({G.GESTRUCTUREERD_HUISHOUDEN})),
    "rolstoel": (res.toets_rolstoel, frozenset({G.VERPLAATSEN_IN_EN_OM_DE_WONING})),
    "complex_hulpmiddel": (
        res.toets_complex_hulpmiddel,
        frozenset({G.VERPLAATSEN_IN_EN_OM_DE_WONING}),
    ),
    "primaat_van_verhuizen": (
        res.weeg_primaat_van_verhuizen,
        frozenset({G.WONEN_IN_EEN_GESCHIKT_HUIS}),
    ),
    "woonunit_of_aanpassing": (
        res.vergelijk_woonunit_en_aanpassing,
        frozenset({G.WONEN_IN_EEN_GESCHIKT_HUIS}),
    ),
    "woonruimte": (res.toets_woonruimte, frozenset({G.WONEN_IN_EEN_GESCHIKT_HUIS})),
    "woningsanering": (res.toets_woningsanering, frozenset({G.WONEN_IN_EEN_GESCHIKT_HUIS})),
    "collectief_vervoer": (res.toets_collectief_vervoer, frozenset({G.LOKAAL_VERPLAATSEN})),
    "scootmobiel": (res.toets_scootmobiel, frozenset({G.LOKAAL_VERPLAATSEN})),
    "niet_met_taxi": (res.toets_niet_met_taxi, frozenset({G.LOKAAL_VERPLAATSEN})),
    "begeleiding_collectief_vervoer": (
        res.toets_begeleiding_collectief_vervoer,
        frozenset({G.LOKAAL_VERPLAATSEN, G.MANTELZORG}),
    ),
    "autoaanpassing": (res.toets_autoaanpassing, frozenset({G.LOKAAL_VERPLAATSEN})),
    "autovoorziening_meerkosten": (
        res.toets_autovoorziening_meerkosten,
        frozenset({G.LOKAAL_VERPLAATSEN}),
    ),
    "stalling": (res.toets_stalling, frozenset({G.LOKAAL_VERPLAATSEN})),
    "tijdelijke_opvang_kinderen": (
        res.toets_tijdelijke_opvang_kinderen,
        frozenset({G.ZORGEN_VOOR_KINDEREN}),
    ),
    "rolstoel_participatie": (
        res.toets_rolstoel_participatie,
        frozenset({G.CONTACTEN_EN_PARTICIPATIE}),
    ),
    "sportvoorziening": (res.toets_sportvoorziening, frozenset({G.CONTACTEN_EN_PARTICIPATIE})),
    "respijt": (mz.toets_respijt, frozenset({G.MANTELZORG})),
    "hulp_in_huis_mantelzorger": (mz.toets_hulp_in_huis_mantelzorger, frozenset({G.MANTELZORG})),
}


def _converteer(waarde: Any, soort: Any, veld: str) -> Any:
    origin = typing.get_origin(soort)
    args = typing.get_args(soort)
    if origin is typing.Union or (origin is not None and type(None) in args):
        if waarde is None:
            return None
        soort = next(a for a in args if a is not type(None))
        origin = typing.get_origin(soort)
        args = typing.get_args(soort)
    if origin in (Sequence, list, tuple) or (
        origin is not None and isinstance(origin, type) and issubclass(origin, Sequence)
    ):
        if not isinstance(waarde, list):
            raise OngeldigeToets(veld, "verwacht een lijst")
        return tuple(_converteer(w, args[0], f"{veld}[{i}]") for i, w in enumerate(waarde))
    if soort is bool:
        if not isinstance(waarde, bool):
            raise OngeldigeToets(veld, "verwacht true of false")
        return waarde
    if soort is int:
        if isinstance(waarde, bool) or not isinstance(waarde, int):
            raise OngeldigeToets(veld, "verwacht een geheel getal")
        if abs(waarde) > MAX_GETAL:
            raise OngeldigeToets(veld, f"verwacht een getal tot {MAX_GETAL}")
        return waarde
    if soort is str:
        if not isinstance(waarde, str):
            raise OngeldigeToets(veld, "verwacht tekst")
        return waarde
    if soort is Decimal:
        try:
            getal = Decimal(str(waarde))
        except InvalidOperation as exc:
            raise OngeldigeToets(veld, "verwacht een getal") from exc
        if not getal.is_finite() or getal.copy_abs() > MAX_GETAL:
            raise OngeldigeToets(veld, f"verwacht een getal tot {MAX_GETAL}")
        return getal
    if isinstance(soort, type) and issubclass(soort, enum.Enum):
        try:
            return soort(waarde)
        except ValueError as exc:
            toegestaan = ", ".join(str(m.value) for m in soort)
            raise OngeldigeToets(veld, f"onbekende waarde; mogelijk: {toegestaan}") from exc
    if dataclasses.is_dataclass(soort) and isinstance(soort, type):
        if not isinstance(waarde, dict):
            raise OngeldigeToets(veld, "verwacht een object")
        return soort(**_argumenten(soort, waarde, veld))
    raise OngeldigeToets(veld, "niet te verwerken")


def _argumenten(doel: Any, invoer: dict[str, Any], veld: str) -> dict[str, Any]:
    hints = typing.get_type_hints(doel)
    hints.pop("return", None)
    onbekend = [k for k in invoer if to_snake(k) not in hints]
    if onbekend:
        raise OngeldigeToets(f"{veld}.{onbekend[0]}", "onbekend veld")
    if dataclasses.is_dataclass(doel):
        verplicht = {
            f.name
            for f in dataclasses.fields(doel)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
    else:
        import inspect

        verplicht = {
            n
            for n, p in inspect.signature(doel).parameters.items()
            if p.default is inspect.Parameter.empty
        }
    ontbreekt = sorted(verplicht - {to_snake(k) for k in invoer})
    if ontbreekt:
        raise OngeldigeToets(f"{veld}.{to_camel(ontbreekt[0])}", "verplicht veld ontbreekt")
    return {
        to_snake(k): _converteer(v, hints[to_snake(k)], f"{veld}.{k}") for k, v in invoer.items()
    }


def _json(waarde: Any) -> Any:
    if isinstance(waarde, enum.Enum):
        return waarde.value
    if isinstance(waarde, Decimal):
        return str(waarde)
    if isinstance(waarde, tuple | list | frozenset):
        return [_json(w) for w in waarde]
    return waarde


def _uitkomst(resultaat: Any) -> tuple[str, str | None, dict[str, Any], list[Regel]]:
    if isinstance(resultaat, Bevinding):
        return resultaat.uitkomst.value, resultaat.verwijzing, {}, [resultaat.regel]
    if isinstance(resultaat, Toetsing):
        uitslag = "voldaan" if resultaat.voldaan else "niet_voldaan"
        return uitslag, None, {"ontbrekend": list(resultaat.ontbrekend)}, list(resultaat.regels)
    uitkomst = ""
    verwijzing: str | None = None
    details: dict[str, Any] = {}
    regels: list[Regel] = []
    for veld in dataclasses.fields(resultaat):
        waarde = getattr(resultaat, veld.name)
        if isinstance(waarde, Bevinding | Toetsing):
            uitkomst, verwijzing, sub, regels = _uitkomst(waarde)
            details.update(sub)
        elif veld.name == "regels":
            regels = list(waarde)
        else:
            details[to_camel(veld.name)] = _json(waarde)
    if not uitkomst:
        uitkomst = str(details.pop("oplossing", "bepaald"))
    return uitkomst, verwijzing, details, regels


def voer_toets_uit(
    gebied: G, naam: str, invoer: dict[str, Any], veld: str
) -> tuple[str, str | None, dict[str, Any], list[Regel]]:
    """Run one named check; raises ``OngeldigeToets`` naming the bad part of the input."""
    gevonden = TOETSEN.get(naam)
    if gevonden is None:
        raise OngeldigeToets(
            f"{veld}.toets", f"onbekende toets; mogelijk: {', '.join(sorted(TOETSEN))}"
        )
    functie, gebieden = gevonden
    if gebied not in gebieden:
        raise OngeldigeToets(
            f"{veld}.toets",
            f"de toets {naam} hoort bij {', '.join(sorted(g.value for g in gebieden))}",
        )
    argumenten = _argumenten(functie, invoer, f"{veld}.invoer")
    try:
        return _uitkomst(functie(**argumenten))
    except ValueError as exc:
        raise OngeldigeToets(f"{veld}.invoer", str(exc)) from exc
