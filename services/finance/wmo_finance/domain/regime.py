"""FIN-08 with FIN-12: one eigen-bijdrage regime per financiële tegemoetkoming (issue 12.3).

A tegemoetkoming is charged once: finance's own schedule (``eigen_bijdrage_tegemoetkoming``,
€ 19 a month in Ooststellingwerf, in total at most the amount granted, at most the maximum
duration of its kind, only while the voorziening is used) is what the CAK register records and
its feed carries — never the abonnementstarief on top. The beschikking's event says from when
the voorziening is used and until when; a minor pays only from the 18th birthday (no eigen
bijdrage under 18 except on a woningaanpassing); a herziening replaces the regime as a whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .cak import MEERDERJARIG, KostprijsSoort, kostprijs_soort, leeftijd
from .eigen_bijdrage import EigenBijdrageUitkomst
from .geld import NUL, euro
from .maanden import plus_jaren
from .policy import Samenloop
from .soorten import Leveringsvorm, VoorzieningSoort

VELD = "tegemoetkomingId"


@dataclass(frozen=True, slots=True)
class Regime:
    """The regime as the CAK gets it: from ``ingangsdatum`` ``per_maand`` a month up to
    ``einddatum`` (the last day charged), in total ``totaal``, never above ``plafond``."""

    per_maand: Decimal
    plafond: Decimal  # the tegemoetkoming granted
    max_maanden: int
    ingangsdatum: dt.date
    einddatum: dt.date | None  # None: nothing is charged
    einddatum_gebruik: dt.date | None
    aantal_maanden: int
    totaal: Decimal

    @property
    def int_iets(self) -> bool:
        return self.aantal_maanden > 0

    @property
    def cak_kostprijs(self) -> Decimal:
        """The cap the CAK gets: the amount granted; nil when nothing is charged."""
        return self.plafond if self.int_iets else NUL

    @property
    def cak_einddatum(self) -> dt.date:
        """The last day the CAK charges; never open-ended (a regime with no month at all
        closes on its first day, with a cap of nil)."""
        return self.einddatum if self.einddatum is not None else self.ingangsdatum


def regime_van(
    uitkomst: EigenBijdrageUitkomst,
    *,
    per_maand: Decimal,
    ingangsdatum: dt.date,
    einddatum_gebruik: dt.date | None,
) -> Regime:
    if uitkomst.plafond is None or uitkomst.max_maanden is None:
        raise ValueError("een regeling van een tegemoetkoming heeft een plafond en een duur")
    return Regime(
        per_maand=per_maand,
        plafond=uitkomst.plafond,
        max_maanden=uitkomst.max_maanden,
        ingangsdatum=ingangsdatum,
        einddatum=uitkomst.einddatum,
        einddatum_gebruik=einddatum_gebruik,
        aantal_maanden=uitkomst.aantal_maanden,
        totaal=uitkomst.totaal,
    )


# --- the reference to the tegemoetkoming -------------------------------------------------------


def controleer_verwijzing(
    *, leveringsvorm: Leveringsvorm, tegemoetkoming_id: object, eigen_bijdrage: bool = True
) -> None:
    """A financiële tegemoetkoming names the tegemoetkoming whose regime applies, and carries
    the eigen bijdrage of that besluit; another leveringsvorm names none."""
    if leveringsvorm is Leveringsvorm.financiele_tegemoetkoming and not eigen_bijdrage:
        reden = (
            "Op een financiële tegemoetkoming rust de eigen bijdrage van het besluit van finance "
            "(FIN-08): eigenBijdrage false spreekt dat tegen."
        )
        raise Weigering(
            "regel-geschonden", reden, veld="eigenBijdrage", regels=[Regel("FIN-08", reden)]
        )
    if leveringsvorm is Leveringsvorm.financiele_tegemoetkoming and tegemoetkoming_id is None:
        reden = (
            "Een maatwerkvoorziening in de vorm van een financiële tegemoetkoming noemt de "
            "tegemoetkoming (tegemoetkomingId) waarvan de eigen-bijdrageregeling geldt (FIN-08)."
        )
        raise Weigering("verplicht", reden, veld=VELD, regels=[Regel("FIN-08", reden)])
    if leveringsvorm is not Leveringsvorm.financiele_tegemoetkoming and tegemoetkoming_id:
        raise Weigering(
            "niet-toegestaan",
            "Alleen een financiële tegemoetkoming verwijst naar een tegemoetkoming.",
            veld=VELD,
        )


def controleer_tegemoetkoming(
    *, gevonden: bool, bsn_event: str, bsn: str | None, besloten: bool, status: str | None
) -> None:
    """The tegemoetkoming exists in the caller's gemeente, is the client's own and is decided
    (toegekend or later): else a 400 naming the field."""
    if not gevonden:
        raise Weigering(
            "onbekende-verwijzing",
            "Er is geen tegemoetkoming met dit id in uw gemeente.",
            veld=VELD,
        )
    if bsn != bsn_event:
        raise Weigering(
            "andere-inwoner", "De tegemoetkoming hoort bij een andere inwoner.", veld=VELD
        )
    if not besloten:
        reden = f"De tegemoetkoming is nog niet toegekend (status '{status}')."
        raise Weigering("niet-besloten", reden, veld=VELD, regels=[Regel("FIN-07", reden)])


# --- when the regime runs ----------------------------------------------------------------------


def gebruik(
    *, start: dt.date, geboortedatum: dt.date, soort: VoorzieningSoort
) -> tuple[dt.date, tuple[Regel, ...]]:
    """The first month of the regime: the schedule's start, or the 18th birthday of a minor
    when the voorziening is no woningaanpassing (FIN-12: only a woningaanpassing carries an
    eigen bijdrage under 18)."""
    if (
        kostprijs_soort(soort) is KostprijsSoort.woningaanpassing
        or leeftijd(geboortedatum, start) >= MEERDERJARIG
    ):
        return start, ()
    achttien = plus_jaren(geboortedatum, MEERDERJARIG)
    return achttien, (
        Regel(
            "FIN-12",
            f"De inwoner is jonger dan 18 en een {soort} is geen woningaanpassing: de eigen "
            f"bijdrage geldt pas vanaf {achttien.isoformat()}.",
        ),
    )


def regimeregels(regime: Regime, *, vervangt: str | None, herzien: bool) -> tuple[Regel, ...]:
    """What the register says about the regime it records."""
    regels = [
        Regel(
            "FIN-08",
            f"Eén regeling voor deze financiële tegemoetkoming: {euro(regime.per_maand)} per "
            f"maand vanaf {regime.ingangsdatum.isoformat()}, in totaal ten hoogste "
            f"{euro(regime.plafond)}, ten hoogste {regime.max_maanden} maanden; geen "
            "abonnementstarief daarnaast.",
        )
    ]
    if regime.einddatum is not None:
        regels.append(
            Regel(
                "FIN-08",
                f"Het CAK int {regime.aantal_maanden} maanden, {euro(regime.totaal)}, tot en met "
                f"{regime.einddatum.isoformat()}; daarna stopt de inning van deze regeling.",
            )
        )
    else:
        regels.append(Regel("FIN-08", "Op deze regeling wordt niets geïnd."))
    if herzien:
        regels.append(
            Regel("FIN-08", "De regeling vervangt de vorige van deze tegemoetkoming geheel.")
        )
    if vervangt is not None:
        regels.append(
            Regel(
                "FIN-08",
                f"Deze maatwerkvoorziening neemt de regeling over van {vervangt}: er komt geen "
                "tweede regeling bij.",
            )
        )
    return tuple(regels)


# --- two regimes in one household (policy: Samenloop) ------------------------------------------


def huishoudbedrag(samenloop: Samenloop, bedragen: Sequence[Decimal]) -> Decimal:
    """What a household pays for a month in which these regimes run (each its own amount)."""
    if not bedragen:
        return NUL
    if samenloop is Samenloop.hoogste_per_huishouden:
        return max(bedragen)
    return sum(bedragen, NUL)


def samenloopregels(
    samenloop: Samenloop,
    *,
    maand: dt.date,
    eigen: Decimal,
    anderen: Sequence[Decimal | None],
) -> tuple[Regel, ...]:
    """The regime next to the household's other voorzieningen with eigen bijdrage running in
    ``maand`` (their monthly amount; None where the CAK sets it by income)."""
    if not anderen:
        return ()
    bekend = [b for b in anderen if b is not None]
    bedrag = huishoudbedrag(samenloop, [eigen, *bekend])
    if samenloop is Samenloop.hoogste_per_huishouden:
        toelichting = (
            f"In {maand.strftime('%m-%Y')} loopt in het huishouden ook {len(anderen)} andere "
            "voorziening(en) met eigen bijdrage: het huishouden betaalt die maand één eigen "
            f"bijdrage, de hoogste ({euro(bedrag)}); elke regeling houdt haar eigen termijnen, "
            "plafond en duur (beleid: samenloop hoogste per huishouden)."
        )
    else:
        toelichting = (
            f"In {maand.strftime('%m-%Y')} loopt in het huishouden ook {len(anderen)} andere "
            f"voorziening(en) met eigen bijdrage: de regelingen worden opgeteld ({euro(bedrag)}"
            + (", zonder het inkomensafhankelijke deel" if len(bekend) < len(anderen) else "")
            + ") (beleid: samenloop optellen)."
        )
    return (
        Regel("FIN-08", toelichting),
        Regel(
            "FIN-08",
            "Na het einde van deze regeling stopt haar inning; loopt dan nog een andere "
            "Wmo-voorziening met eigen bijdrage, dan blijft het huishouden daarvoor betalen.",
        ),
    )
