"""The ``intake`` section of a municipality's policy (``policies/<naam>/intake.yaml``): the rules
of the intake that are each gemeente's own. Selected like every service's section, by gemeente
and peildatum (``wmo_shared.policy``); no default: a gemeente or date without one is refused
with a reason that says so (``geen-beleid-van-kracht``).

Today: INT-10, the conditions under which the beschikking may follow a temporary voorziening
afterwards, per kind of urgency, and AAN-05's no-show productcodes (``no_show``). Walcheren
(seed 002 art. 6.5): spoed needs multidisciplinary consultation with the network (unless safety
prevented it, motivated), crisis and dwang the protocol with the Raad voor de
Kinderbescherming, and always a motivation why the care was necessary. Ooststellingwerf (seed
001 Bijlage 2 §7.6): in a crisis support starts within 24 hours, with or without an opdracht,
and the provider reports it within 24 hours (AAN-07); the seed sets no further condition for
deciding afterwards than the recorded reason.

Two numbers intake uses are finance's, read from the same policy's ``finance.yaml`` (one source,
``FinanceNormen``): the km norms of a vervoersvoorziening (RES-07/FIN-10, section ``vervoer``)
and the eigendom/bruikleen threshold of a hulpmiddel (FIN-09, section ``hulpmiddelen``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from wmo_shared.policy import PolicyNotFound, PolicyRegistry
from wmo_shared.weigering import Weigering

SECTION = "intake"
FINANCE_SECTION = "finance"

Voorwaarde = Literal["reden", "multidisciplinair_overleg", "protocol_raad_kinderbescherming"]
"""A condition for a beschikking afterwards: the recorded reason why the care could not wait;
multidisciplinary consultation with the network (or why safety prevented it); the protocol with
the Raad voor de Kinderbescherming applied."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SpoedAchteraf(_Frozen):
    """INT-10: the conditions per kind of urgency, and where the policy says so."""

    bron: str = Field(min_length=1)
    spoed: tuple[Voorwaarde, ...] = Field(min_length=1)
    crisis: tuple[Voorwaarde, ...] = Field(min_length=1)
    dwang: tuple[Voorwaarde, ...] = Field(min_length=1)

    def voorwaarden(self, soort: str) -> tuple[Voorwaarde, ...]:
        gevonden: tuple[Voorwaarde, ...] = getattr(self, soort)
        return gevonden


class Maanddag(_Frozen):
    maand: int = Field(ge=1, le=12)
    dag: int = Field(ge=1, le=31)


class MantelzorgwaarderingBeleid(_Frozen):
    """MZ-03 (seed 002 art. 5): the window, the criteria, who carries it out and, when the
    policy gives one, the amount (else beheer sets ``mantelzorgwaardering-bedrag``)."""

    bron: str = Field(min_length=1)
    uitvoerder: str = Field(min_length=1)
    aanmelding_van: Maanddag
    aanmelding_tot_en_met: Maanddag
    meer_dan_uren_per_week: Decimal = Field(ge=0, le=168)
    minimaal_maanden: int = Field(ge=1, le=12)
    bedrag: Decimal | None = Field(default=None, gt=0, le=10000)


class _Deel(BaseModel):
    """Intake's view of a section finance owns: only the numbers intake reads (finance
    validates the whole section)."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class VervoerBeleid(_Deel):
    """RES-07/FIN-10 (seed 001 H6): the km norm of a vervoersvoorziening per year, and halved
    with another means of transport or intramural; above it only with a motivation."""

    bron: str = Field(min_length=1)
    kilometers_per_jaar: int = Field(ge=1, le=100000)
    kilometers_ander_vervoer_of_intramuraal: int = Field(ge=1, le=100000)


class HulpmiddelBeleid(_Deel):
    """FIN-09 (seed 001 H4): up to this kostprijs in eigendom, above it in bruikleen."""

    bron: str = Field(min_length=1)
    eigendom_tot_en_met: Decimal = Field(gt=0, le=100000)


ProductCode = Annotated[str, Field(min_length=1, max_length=5, pattern=r"\S")]
"""LDT_ProductCode of basisschema.xsd: 1-5 characters, not only whitespace."""


class NoShowProducten(_Frozen):
    """AAN-05 (seed 001 Bijlage 2 §6.5): the productcodes under which a provider declares a
    no-show in a WMO323, on the toewijzing of the product it replaces. iWmo 3.2 has no
    no-show element, so only the gemeente's own productcodes make a line a no-show; an empty
    list (the seed names no code) means no line is read as one."""

    bron: str = Field(min_length=1)
    productcodes: tuple[ProductCode, ...] = ()


class FinanceNormen(_Deel):
    """The parts of the policy's ``finance.yaml`` intake reads: one source for both services."""

    vervoer: VervoerBeleid | None = None
    """None: the policy sets no km norm (Walcheren's seed 002 has none)."""
    hulpmiddelen: HulpmiddelBeleid | None = None
    """None: the policy sets no eigendom/bruikleen threshold."""


class IntakeBeleid(_Frozen):
    spoed_achteraf: SpoedAchteraf
    mantelzorgwaardering: MantelzorgwaarderingBeleid | None = None
    """None: the gemeente has no mantelzorgwaardering (Ooststellingwerf's seed has none)."""
    no_show: NoShowProducten | None = None
    """None: the policy has no no-show rule (Walcheren's seed 002 has none)."""


def intakebeleid(
    registry: PolicyRegistry, gemeente: str, peildatum: dt.date, *, veld: str
) -> IntakeBeleid:
    """The intake section in force; ``geen-beleid-van-kracht`` (400 naming ``veld``, INT-10)
    when there is none."""
    try:
        return registry.section(gemeente, peildatum, SECTION, IntakeBeleid)
    except PolicyNotFound as exc:
        raise Weigering("geen-beleid-van-kracht", str(exc), veld=veld) from exc


def financenormen(
    registry: PolicyRegistry, gemeente: str, peildatum: dt.date, *, veld: str
) -> FinanceNormen:
    """Finance's norms intake reads, from the policy in force (``geen-beleid-van-kracht``, 400
    naming ``veld``, when there is none; a policy without a finance section has no norms)."""
    try:
        policy = registry.in_force(gemeente, peildatum)
    except PolicyNotFound as exc:
        raise Weigering("geen-beleid-van-kracht", str(exc), veld=veld) from exc
    if not policy.has_section(FINANCE_SECTION):
        return FinanceNormen()
    return policy.section(FINANCE_SECTION, FinanceNormen)
