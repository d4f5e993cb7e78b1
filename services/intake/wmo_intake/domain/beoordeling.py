"""The judgement of one version of the onderzoek: the six questions (INT-05), the persoonlijk
plan (INT-14), the afwegingsladder with the cheapest adequate option (INT-06), attunement
(INT-11) and the RES/MZ checks per result area (INT-13). ``gereed`` when an aanvraag may follow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wmo_intake.domain.afwegingsladder import (
    Ladderconclusie,
    Maatwerkoptie,
    Trede,
    Tredebijdrage,
    doorloop_afwegingsladder,
    kies_goedkoopst_adequaat,
)
from wmo_intake.domain.onderzoek import (
    Afstemming,
    Conclusie,
    ExternAdvies,
    Onderzoeksantwoord,
    PersoonlijkPlan,
    toets_afstemming,
    toets_onderzoek,
    toets_persoonlijk_plan,
)
from wmo_intake.domain.resultaatgebieden import Resultaatgebied
from wmo_intake.domain.toetsen import voer_toets_uit
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


@dataclass(frozen=True, slots=True)
class Resultaattoets:
    """One named RES/MZ check of a result area; ``veld`` is where it sits in the request."""

    gebied: Resultaatgebied
    toets: str
    invoer: Mapping[str, Any]
    veld: str


@dataclass(frozen=True, slots=True)
class Onderzoeksinvoer:
    antwoorden: Sequence[Onderzoeksantwoord]
    conclusie: Conclusie | None
    extern_advies: ExternAdvies
    persoonlijk_plan_meegewogen: bool
    hulpvraagdelen: Sequence[str]
    ladder: Sequence[Tredebijdrage]
    opties: Sequence[Maatwerkoptie]
    afstemming: Sequence[Afstemming]
    toetsen: Sequence[Resultaattoets]


@dataclass(frozen=True, slots=True)
class Toetsbevinding:
    gebied: Resultaatgebied
    toets: str
    uitkomst: str
    verwijzing: str | None
    details: dict[str, Any]
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Ladderoordeel:
    conclusie: Ladderconclusie
    resterend: tuple[str, ...]
    opgelost_door: tuple[tuple[str, Trede], ...]
    niet_onderzocht: tuple[Trede, ...]
    gekozen: str | None
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Beoordeling:
    gereed: bool
    volledig: bool
    compensatieplicht: bool
    ontbrekend: tuple[str, ...]
    ladder: Ladderoordeel
    afstemming_voldaan: bool
    persoonlijk_plan_voldaan: bool
    bevindingen: tuple[Toetsbevinding, ...]
    regels: tuple[Regel, ...]


def _ladder(invoer: Onderzoeksinvoer) -> Ladderoordeel:
    try:
        ladder = doorloop_afwegingsladder(invoer.hulpvraagdelen, invoer.ladder)
    except ValueError as exc:
        raise Weigering(
            "ongeldige-trede", str(exc), veld="ladder", regels=[Regel("INT-06", str(exc))]
        ) from exc
    regels = list(ladder.regels)
    gekozen = None
    if ladder.conclusie is Ladderconclusie.MAATWERK and invoer.opties:
        keuze = kies_goedkoopst_adequaat(invoer.opties, ladder.resterend)
        regels.extend(keuze.regels)
        gekozen = keuze.gekozen.naam if keuze.gekozen else None
    return Ladderoordeel(
        ladder.conclusie,
        ladder.resterend,
        ladder.opgelost_door,
        ladder.niet_onderzocht,
        gekozen,
        tuple(regels),
    )


def beoordeel(
    invoer: Onderzoeksinvoer, melding_ontvangen: dt.date, eerste_plan: dt.date | None
) -> Beoordeling:
    """All domain judgements of one version of the onderzoek. ``eerste_plan``: when the first
    persoonlijk plan arrived, if one did. Refuses (``Weigering``) a ladder with the
    maatwerkvoorziening as a step (INT-06) and a check that does not exist or whose facts do
    not fit (INT-13)."""
    regels: list[Regel] = []
    uitkomst = toets_onderzoek(
        invoer.antwoorden, invoer.conclusie, extern_advies=invoer.extern_advies
    )
    regels.extend(uitkomst.regels)
    ontbrekend = [v.value for v in uitkomst.ontbrekend]

    plan_toets = toets_persoonlijk_plan(
        PersoonlijkPlan(eerste_plan, invoer.persoonlijk_plan_meegewogen) if eerste_plan else None,
        melding_ontvangen,
    )
    regels.extend(plan_toets.regels)
    ontbrekend.extend(plan_toets.ontbrekend)

    ladder = _ladder(invoer)
    regels.extend(ladder.regels)
    if ladder.conclusie is Ladderconclusie.ONVOLLEDIG:
        ontbrekend.append("ladder")

    afstemming = toets_afstemming(invoer.afstemming)
    regels.extend(afstemming.regels)
    ontbrekend.extend(f"afstemming.{f}" for f in afstemming.ontbrekend)

    bevindingen = []
    for toets in invoer.toetsen:
        uitslag, verwijzing, details, toets_regels = voer_toets_uit(
            toets.gebied, toets.toets, dict(toets.invoer), toets.veld
        )
        regels.extend(toets_regels)
        bevindingen.append(
            Toetsbevinding(
                toets.gebied, toets.toets, uitslag, verwijzing, details, tuple(toets_regels)
            )
        )
    gereed = (
        uitkomst.volledig
        and plan_toets.voldaan
        and afstemming.voldaan
        and (ladder.conclusie is not Ladderconclusie.ONVOLLEDIG)
    )
    return Beoordeling(
        gereed=gereed,
        volledig=uitkomst.volledig,
        compensatieplicht=uitkomst.compensatieplicht,
        ontbrekend=tuple(ontbrekend),
        ladder=ladder,
        afstemming_voldaan=afstemming.voldaan,
        persoonlijk_plan_voldaan=plan_toets.voldaan,
        bevindingen=tuple(bevindingen),
        regels=tuple(regels),
    )
