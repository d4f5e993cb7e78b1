"""FIN-12: what the gemeente reports to the CAK and how the CAK charges (seed 002 art. 12; law;
standards/README.md "CAK"): the kostprijs of a voorziening, which voorzieningen carry an eigen
bijdrage (under 18 only woningaanpassingen; none on maintenance), the kostprijs cap of a
hulpmiddel or woningaanpassing, the abonnementstarief of the year (or the gemeente's lower one),
and one tariff per household a month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_shared.policy import PolicyNotFound
from wmo_shared.regels import Regel

from .geld import NUL, euro
from .maanden import laatste_dag, plus_jaren, plus_maanden
from .policy import CakBeleid, CakRegime
from .soorten import Leveringsvorm, Productcategorie, VoorzieningSoort

MEERDERJARIG = 18
MELDTERMIJN_MAANDEN = 1  # iEb: a start is reported within one month
MELDTERMIJN_PGB_MAANDEN = 4  # ... and within four months for a pgb


class KostprijsSoort(StrEnum):
    """Whether the kostprijs caps the eigen bijdrage: only for a hulpmiddel or woningaanpassing."""

    hulpmiddel = "hulpmiddel"
    woningaanpassing = "woningaanpassing"
    overig = "overig"

    @property
    def begrenst(self) -> bool:
        return self is not KostprijsSoort.overig


_HULPMIDDEL_CATEGORIEEN = {
    Productcategorie.rolstoelen,
    Productcategorie.vervoervoorzieningen,
    Productcategorie.overige_hulpmiddelen,
}


def kostprijs_soort(soort: Productcategorie | VoorzieningSoort) -> KostprijsSoort:
    """iWmo category 11, 12, 14 (and a hulpmiddel or sportvoorziening) → hulpmiddel; category 13
    (and every woonvoorziening) → woningaanpassing; services → overig."""
    if isinstance(soort, VoorzieningSoort):
        return KostprijsSoort.hulpmiddel if soort.is_hulpmiddel else KostprijsSoort.woningaanpassing
    if soort in _HULPMIDDEL_CATEGORIEEN:
        return KostprijsSoort.hulpmiddel
    if soort is Productcategorie.woonvoorzieningen:
        return KostprijsSoort.woningaanpassing
    return KostprijsSoort.overig


def leeftijd(geboortedatum: dt.date, peildatum: dt.date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return jaren


# ---------------------------------------------------------------------------------------------
# Kostprijs


@dataclass(frozen=True, slots=True)
class CakKostprijs:
    kostprijs: Decimal
    regels: tuple[Regel, ...]


def cak_kostprijs(
    leveringsvorm: Leveringsvorm,
    *,
    door_gemeente_betaald: Decimal,
    kostprijs_leverancier: Decimal | None = None,
) -> CakKostprijs:
    """The kostprijs reported to the CAK: ZIN at most what the gemeente pays for it; a pgb (also
    a one-off pgb) equals the pgb amount; a financiële tegemoetkoming the amount granted."""
    if door_gemeente_betaald < 0 or (
        kostprijs_leverancier is not None and kostprijs_leverancier < 0
    ):
        raise ValueError("kostprijs is negatief")
    if leveringsvorm is Leveringsvorm.zin:
        kostprijs = (
            door_gemeente_betaald
            if kostprijs_leverancier is None
            else min(kostprijs_leverancier, door_gemeente_betaald)
        )
        toelichting = (
            f"De kostprijs in natura is ten hoogste de prijs die de gemeente betaalt "
            f"({euro(door_gemeente_betaald)}): {euro(kostprijs)}."
        )
    elif leveringsvorm in (Leveringsvorm.pgb, Leveringsvorm.eenmalig_pgb):
        kostprijs = door_gemeente_betaald
        toelichting = f"De kostprijs van een pgb is het pgb-bedrag: {euro(kostprijs)}."
    else:
        kostprijs = door_gemeente_betaald
        toelichting = (
            f"De kostprijs van een financiële tegemoetkoming is het toegekende bedrag: "
            f"{euro(kostprijs)}."
        )
    return CakKostprijs(kostprijs, (Regel("FIN-12", toelichting),))


# ---------------------------------------------------------------------------------------------
# Melding


@dataclass(frozen=True, slots=True)
class CakVoorziening:
    """One maatwerkvoorziening of one person, as the register knows it."""

    kenmerk: str
    productcategorie: Productcategorie
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    einddatum: dt.date | None
    geboortedatum: dt.date
    kostprijs_soort: KostprijsSoort | None = None  # None: derived from the productcategorie
    onderhoud_reparatie: bool = False


@dataclass(frozen=True, slots=True)
class CakMelding:
    melden: bool
    bijdrage_vanaf: dt.date | None  # the 18th birthday when the client is a minor at the start
    melden_uiterlijk: dt.date | None
    kostprijs_soort: KostprijsSoort
    kostprijs: Decimal | None  # only where it caps the eigen bijdrage
    regels: tuple[Regel, ...]


def cak_melding(voorziening: CakVoorziening, *, kostprijs: Decimal | None = None) -> CakMelding:
    """Does the gemeente report this voorziening to the CAK, from when, by when, with which
    kostprijs? Only voorzieningen with an eigen bijdrage are reported."""
    v = voorziening
    soort = v.kostprijs_soort or kostprijs_soort(v.productcategorie)
    if v.onderhoud_reparatie:
        regel = Regel("FIN-06", "Geen eigen bijdrage op onderhoud of reparatie: geen melding.")
        return CakMelding(False, None, None, soort, None, (regel,))

    regels: list[Regel] = []
    vanaf = v.ingangsdatum
    if leeftijd(v.geboortedatum, v.ingangsdatum) < MEERDERJARIG:
        if soort is KostprijsSoort.woningaanpassing:
            regels.append(
                Regel("FIN-12", "De cliënt is jonger dan 18; een woningaanpassing telt wel mee.")
            )
        else:
            achttien = plus_jaren(v.geboortedatum, MEERDERJARIG)
            if v.einddatum is not None and v.einddatum < achttien:
                regel = Regel(
                    "FIN-12",
                    "De cliënt is jonger dan 18 zolang de voorziening loopt; alleen een "
                    "woningaanpassing kent dan een eigen bijdrage: geen melding.",
                )
                return CakMelding(False, None, None, soort, None, (regel,))
            vanaf = achttien
            regels.append(
                Regel(
                    "FIN-12",
                    f"De cliënt is jonger dan 18; de eigen bijdrage geldt pas vanaf "
                    f"{achttien.isoformat()}.",
                )
            )

    termijn = (
        MELDTERMIJN_PGB_MAANDEN
        if v.leveringsvorm in (Leveringsvorm.pgb, Leveringsvorm.eenmalig_pgb)
        else MELDTERMIJN_MAANDEN
    )
    uiterlijk = plus_maanden(vanaf, termijn)
    regels.append(
        Regel(
            "FIN-12",
            f"Melden bij het CAK (start {vanaf.isoformat()}) uiterlijk {uiterlijk.isoformat()}.",
        )
    )
    gemelde_kostprijs = None
    if soort.begrenst:
        if kostprijs is None:
            raise ValueError(f"de kostprijs van een {soort} is nodig voor de melding")
        gemelde_kostprijs = kostprijs
        regels.append(
            Regel(
                "FIN-12",
                f"De eigen bijdrage voor een {soort} is in totaal nooit hoger dan de kostprijs "
                f"({euro(kostprijs)}); die wordt meegemeld.",
            )
        )
    return CakMelding(True, vanaf, uiterlijk, soort, gemelde_kostprijs, tuple(regels))


# ---------------------------------------------------------------------------------------------
# Abonnementstarief


@dataclass(frozen=True, slots=True)
class Abonnementstarief:
    jaar: int
    landelijk: Decimal
    gemeentelijk: Decimal | None
    per_maand: Decimal
    regels: tuple[Regel, ...]


def abonnementstarief(
    *,
    gemeente: str,
    peildatum: dt.date,
    beleid: CakBeleid,
    landelijke_tarieven: Mapping[int, str | Decimal],
) -> Abonnementstarief:
    """The abonnementstarief per month per household in the year of ``peildatum``: the national
    one (``wmo_shared.policy.cak_abonnementstarieven()``), or the gemeente's lower one.

    ``PolicyNotFound`` (API: 400) when no abonnementstarief applies: the policy has the CAK
    compute the bijdrage by income (section ``finance.cak.abonnementstarief``), or the national
    table lacks the year (section ``cak-abonnementstarief``)."""
    jaar = peildatum.year
    landelijk, eigen, per_maand = _tarief(gemeente, peildatum, beleid, landelijke_tarieven)
    regels = [Regel("FIN-12", f"Landelijk abonnementstarief {jaar}: {euro(landelijk)} per maand.")]
    if eigen is not None:
        if eigen <= landelijk:
            regels.append(
                Regel("FIN-12", f"De gemeente hanteert een lager tarief: {euro(eigen)} per maand.")
            )
        else:
            regels.append(
                Regel(
                    "FIN-12",
                    f"Het gemeentelijke tarief ({euro(eigen)}) is hoger dan het landelijke; een "
                    "gemeente mag alleen lager: het landelijke tarief geldt.",
                )
            )
    return Abonnementstarief(jaar, landelijk, eigen, per_maand, tuple(regels))


def abonnementstarief_per_maand(
    *,
    gemeente: str,
    peildatum: dt.date,
    beleid: CakBeleid,
    landelijke_tarieven: Mapping[int, str | Decimal],
) -> Decimal:
    """``abonnementstarief(...).per_maand`` without the explanation: a schedule over many years
    needs only each year's amount."""
    return _tarief(gemeente, peildatum, beleid, landelijke_tarieven)[2]


def _tarief(
    gemeente: str,
    peildatum: dt.date,
    beleid: CakBeleid,
    landelijke_tarieven: Mapping[int, str | Decimal],
) -> tuple[Decimal, Decimal | None, Decimal]:
    """The national tariff, the gemeente's own (None: none) and the one that applies."""
    jaar = peildatum.year
    if beleid.regime is CakRegime.inkomensafhankelijk:
        # Uitvoeringsbesluit Wmo 2015 art. 3.1 (before 2020): by income, per four weeks
        raise PolicyNotFound(gemeente, peildatum, "finance.cak.abonnementstarief")
    if jaar not in landelijke_tarieven:
        raise PolicyNotFound(gemeente, peildatum, "cak-abonnementstarief")
    landelijk = Decimal(str(landelijke_tarieven[jaar]))
    eigen = beleid.abonnementstarief_per_maand.get(jaar)
    return landelijk, eigen, eigen if eigen is not None and eigen <= landelijk else landelijk


# ---------------------------------------------------------------------------------------------
# One tariff per household a month


@dataclass(frozen=True, slots=True)
class LopendeVoorziening:
    """A reported voorziening of any member of the household."""

    kenmerk: str
    bijdrage_vanaf: dt.date  # ``CakMelding.bijdrage_vanaf``
    einddatum: dt.date | None
    kostprijs_plafond: Decimal | None  # ``CakMelding.kostprijs``
    al_betaald: Decimal = NUL  # eigen bijdrage already counted against this voorziening


@dataclass(frozen=True, slots=True)
class Toerekening:
    kenmerk: str
    bedrag: Decimal


@dataclass(frozen=True, slots=True)
class HuishoudMaandbijdrage:
    maand: dt.date  # first day of the calendar month
    bedrag: Decimal
    toegerekend: tuple[Toerekening, ...]  # counts against each capped voorziening's kostprijs
    regels: tuple[Regel, ...]


def _loopt_in(v: LopendeVoorziening, maand: dt.date) -> bool:
    eerste = maand.replace(day=1)
    laatste = maand.replace(day=laatste_dag(maand.year, maand.month))
    return v.bijdrage_vanaf <= laatste and (v.einddatum is None or v.einddatum >= eerste)


def huishoudbijdrage(
    *, maand: dt.date, voorzieningen: Sequence[LopendeVoorziening], tarief_per_maand: Decimal
) -> HuishoudMaandbijdrage:
    """One abonnementstarief per household for a calendar month in which any voorziening with an
    eigen bijdrage runs. A hulpmiddel or woningaanpassing whose kostprijs is reached no longer
    counts; when only capped ones run, the month is at most what is left under the highest cap."""
    eerste = maand.replace(day=1)
    lopend = [v for v in voorzieningen if _loopt_in(v, eerste)]
    tellend = [
        v for v in lopend if v.kostprijs_plafond is None or v.al_betaald < v.kostprijs_plafond
    ]
    regels: list[Regel] = []
    vol = [
        v for v in lopend if v.kostprijs_plafond is not None and v.al_betaald >= v.kostprijs_plafond
    ]
    if vol:
        namen = ", ".join(v.kenmerk for v in vol)
        regels.append(Regel("FIN-12", f"Kostprijs bereikt, telt niet meer mee: {namen}."))
    if not tellend:
        regels.append(Regel("FIN-12", "Geen voorziening met eigen bijdrage in deze maand."))
        return HuishoudMaandbijdrage(eerste, NUL, (), tuple(regels))

    onbegrensd = [v for v in tellend if v.kostprijs_plafond is None]

    def rest(v: LopendeVoorziening) -> Decimal:
        if v.kostprijs_plafond is None:
            return tarief_per_maand
        return v.kostprijs_plafond - v.al_betaald

    if onbegrensd:
        bedrag = tarief_per_maand
    else:
        bedrag = min(tarief_per_maand, max(rest(v) for v in tellend))
    toegerekend = tuple(
        Toerekening(v.kenmerk, bedrag if v.kostprijs_plafond is None else min(bedrag, rest(v)))
        for v in tellend
    )
    regels.append(
        Regel(
            "FIN-12",
            f"Eén abonnementstarief per huishouden: {euro(bedrag)} voor "
            f"{eerste.strftime('%m-%Y')} ({len(tellend)} voorziening(en)).",
        )
    )
    return HuishoudMaandbijdrage(eerste, bedrag, toegerekend, tuple(regels))


def huishoudschema(
    *,
    van: dt.date,
    tot_en_met: dt.date,
    voorzieningen: Sequence[LopendeVoorziening],
    tarieven_per_jaar: Mapping[int, Decimal],
) -> tuple[HuishoudMaandbijdrage, ...]:
    """``huishoudbijdrage`` month by month, carrying what was counted against each cap."""
    if len({v.kenmerk for v in voorzieningen}) != len(voorzieningen):
        raise ValueError("kenmerken van voorzieningen zijn niet uniek")
    betaald = {v.kenmerk: v.al_betaald for v in voorzieningen}
    maanden: list[HuishoudMaandbijdrage] = []
    maand = van.replace(day=1)
    while maand <= tot_en_met:
        if maand.year not in tarieven_per_jaar:
            raise LookupError(f"Geen abonnementstarief voor {maand.year}.")
        huidige = [
            LopendeVoorziening(
                v.kenmerk, v.bijdrage_vanaf, v.einddatum, v.kostprijs_plafond, betaald[v.kenmerk]
            )
            for v in voorzieningen
        ]
        uitkomst = huishoudbijdrage(
            maand=maand, voorzieningen=huidige, tarief_per_maand=tarieven_per_jaar[maand.year]
        )
        for t in uitkomst.toegerekend:
            betaald[t.kenmerk] += t.bedrag
        maanden.append(uitkomst)
        maand = plus_maanden(maand, 1)
    return tuple(maanden)
