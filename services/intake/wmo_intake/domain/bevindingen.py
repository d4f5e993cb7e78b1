"""Open findings (issue 12.5, 12.6): what the onderzoek found against a maatwerkvoorziening, shown
on the aanvraag and the beschikking, and the written motivering a beschikking needs to go
against one. Never a silent note: a beschikking that goes against an open finding without a
motivering is refused naming ``afwijkingen`` and the finding's rule.

Open findings:
- ``onderzoek`` (INT-05, INT-03): the aanvraag came before the onderzoek was finished (the
  Awb right to apply at any moment, seed 002 art. 6.6). A beschikking on that aanvraag waits
  for the onderzoek, or motivates why it decides before it is finished.
- a RES or MZ check of the onderzoek that is not satisfied: the rule points away from a
  maatwerkvoorziening (``geen_maatwerk``), to something that comes first
  (``eerst_voorliggend``), to advice still needed (``advies_nodig``), or the check is incomplete
  (``niet_voldaan``); and the primaat van verhuizen (RES-05) when moving reaches the result.
  Such a finding concerns the voorzieningen of its kind only (``TOETS_CATEGORIEEN``, iWmo
  productcategorieën): a wheelchair finding does not stand in the way of begeleiding.

The comparison of a woonunit with adapting the home (RES-05) is a choice, not a check that can
fail: it is shown with the onderzoek and is not an open finding. Pure: no clock, no I/O."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

ONDERZOEK = "onderzoek"
NIET_VOLDAAN = frozenset({"geen_maatwerk", "eerst_voorliggend", "advies_nodig", "niet_voldaan"})

_HUISHOUDEN = frozenset({"01"})
_HULPMIDDEL = frozenset({"11", "14"})
_WONEN = frozenset({"13"})
_VERVOER = frozenset({"08", "12"})
TOETS_CATEGORIEEN: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "ruimte_schoon_huis": _HUISHOUDEN,
        "zelf_betaalde_schoonmaak": _HUISHOUDEN,
        "boodschappen": _HUISHOUDEN,
        "wasverzorging": _HUISHOUDEN,
        "rolstoel": frozenset({"11"}),
        "complex_hulpmiddel": _HULPMIDDEL,
        "primaat_van_verhuizen": _WONEN,
        "woonruimte": _WONEN,
        "woningsanering": _WONEN,
        "collectief_vervoer": _VERVOER,
        "scootmobiel": frozenset({"12"}),
        "niet_met_taxi": _VERVOER,
        "begeleiding_collectief_vervoer": _VERVOER,
        "autoaanpassing": frozenset({"12"}),
        "autovoorziening_meerkosten": frozenset({"12"}),
        "stalling": frozenset({"12"}),
        "tijdelijke_opvang_kinderen": frozenset({"01", "06"}),
        "rolstoel_participatie": frozenset({"11"}),
        "sportvoorziening": _HULPMIDDEL,
        "respijt": frozenset({"04", "07"}),
        "hulp_in_huis_mantelzorger": _HUISHOUDEN,
    }
)
"""Which maatwerkvoorzieningen (iWmo productcategorie) a check is about: 01 hulp bij het
huishouden, 04 kortdurend verblijf, 06 overige ondersteuning, 07 dagbesteding, 08
vervoerdiensten, 11 rolstoelen, 12 vervoervoorzieningen, 13 woonvoorzieningen, 14 overige
hulpmiddelen. A check not listed concerns every voorziening."""


@dataclass(frozen=True, slots=True)
class OpenBevinding:
    toets: str
    gebied: str | None
    uitkomst: str
    regels: tuple[Regel, ...]
    productcategorieen: frozenset[str]
    """The voorzieningen it concerns; empty: every one."""

    @property
    def rules(self) -> list[str]:
        return list(dict.fromkeys(r.rule for r in self.regels))

    @property
    def toelichting(self) -> str:
        return " ".join(r.toelichting for r in self.regels)


def onderzoek_niet_af(ontbrekend: Sequence[str] | None) -> OpenBevinding:
    """The aanvraag came before the onderzoek was finished (``ontbrekend`` None: not started)."""
    if ontbrekend is None:
        wat = "het onderzoek is nog niet gestart"
    else:
        wat = f"het onderzoek is nog niet af (ontbreekt: {', '.join(ontbrekend) or '-'})"
    regels = (
        Regel(
            "INT-05",
            f"De aanvraag is ontvangen terwijl {wat}. Een beschikking wacht op het onderzoek, "
            "of motiveert waarom zij eerder beslist.",
        ),
        Regel(
            "INT-03",
            "De cliënt mag altijd een aanvraag indienen (Awb; seed 002 art. 6.6): de "
            "beslistermijn van twee weken loopt vanaf de aanvraag, de onderzoekstermijn loopt "
            "door.",
        ),
    )
    return OpenBevinding(ONDERZOEK, None, "onderzoek_niet_af", regels, frozenset())


def _open(bevinding: Mapping[str, Any]) -> bool:
    if bevinding.get("uitkomst") in NIET_VOLDAAN:
        return True
    details = bevinding.get("details") or {}
    return (
        bevinding.get("toets") == "primaat_van_verhuizen"
        and details.get("verhuizenAdequaat") is True
    )


def open_bevindingen(
    onderzoek: Mapping[str, Any] | None, *, voor_aanvraag: bool
) -> list[OpenBevinding]:
    """The open findings of an onderzoek's stored judgement (``uitkomst``; None: no onderzoek).
    ``voor_aanvraag``: the decision rests on an aanvraag, so an unfinished onderzoek counts."""
    gevonden: list[OpenBevinding] = []
    if voor_aanvraag and (onderzoek is None or not onderzoek.get("gereed")):
        gevonden.append(onderzoek_niet_af(None if onderzoek is None else onderzoek["ontbrekend"]))
    for b in (onderzoek or {}).get("bevindingen", []):
        if _open(b):
            gevonden.append(
                OpenBevinding(
                    b["toets"],
                    b.get("gebied"),
                    b["uitkomst"],
                    tuple(Regel(r["rule"], r["toelichting"]) for r in b.get("regels", [])),
                    TOETS_CATEGORIEEN.get(b["toets"], frozenset()),
                )
            )
    return gevonden


def raakt(bevinding: OpenBevinding, soort: str, productcategorieen: Collection[str]) -> bool:
    """Does a beschikking of ``soort`` granting these productcategorieën go against it? An
    unfinished onderzoek: every decision on the aanvraag; a check: a toekenning or herziening of
    a voorziening of its kind."""
    if bevinding.toets == ONDERZOEK:
        return soort in ("toekenning", "afwijzing")
    if soort not in ("toekenning", "herziening"):
        return False
    return not bevinding.productcategorieen or bool(
        bevinding.productcategorieen & set(productcategorieen)
    )


def toets_afwijkingen(
    soort: str,
    productcategorieen: Collection[str],
    bevindingen: Sequence[OpenBevinding],
    afwijkingen: Sequence[tuple[str, str]],
) -> dict[str, str]:
    """The motivering per finding the beschikking goes against (``afwijkingen``: (toets,
    motivering) as given). Refuses (``motivering-ontbreekt``) naming every finding it goes
    against without a motivering and its rules; and (``onbekend``) a motivering for a finding
    that is not open or not touched."""
    geraakt = {b.toets: b for b in bevindingen if raakt(b, soort, productcategorieen)}
    gegeven = {toets: motivering for toets, motivering in afwijkingen if motivering.strip()}
    for i, (toets, _) in enumerate(afwijkingen):
        if toets not in geraakt:
            raise Weigering(
                "onbekend",
                f"Er is geen open bevinding '{toets}' waartegen deze beschikking ingaat.",
                veld=f"afwijkingen[{i}].toets",
            )
    ontbreekt = [b for toets, b in geraakt.items() if toets not in gegeven]
    if ontbreekt:
        raise Weigering(
            "motivering-ontbreekt",
            "De beschikking gaat in tegen een open bevinding van het onderzoek; motiveer dat "
            "schriftelijk in afwijkingen (toets en motivering).",
            velden=[
                ("afwijkingen", f"{b.toets} ({', '.join(b.rules)}): {b.toelichting}")
                for b in ontbreekt
            ],
            regels=[r for b in ontbreekt for r in b.regels],
        )
    return {toets: gegeven[toets] for toets in geraakt}
