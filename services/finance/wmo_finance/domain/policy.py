"""The finance section of a municipality's policy (``finance.yaml``): the [policy] numbers of
FIN-01, FIN-03, FIN-06..FIN-11 and FIN-13. A part a municipality's rules do not give is left out
(None); asking for it raises ``PolicyNotFound`` naming the part. ``beleid_van_kracht`` and
``beleid_als_weigering`` turn a missing policy (or part) into the refusal the API answers with a
400 ``geen-beleid-van-kracht`` naming the date asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wmo_shared.policy import PolicyNotFound, PolicyRegistry
from wmo_shared.weigering import Weigering

from .soorten import Ruimtehulpmiddel, Vertrek, VoorzieningSoort
from .tarieven import Tarief, controleer_perioden

SECTION = "finance"

Percentage = Annotated[Decimal, Field(ge=0, le=100)]
Bedrag = Annotated[Decimal, Field(ge=0, decimal_places=2)]
PositiefBedrag = Annotated[Decimal, Field(gt=0, decimal_places=2)]
Oppervlak = Annotated[Decimal, Field(ge=0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TegemoetkomingBeleid(_Frozen):
    """FIN-01, FIN-03, FIN-06, FIN-07."""

    percentage: Percentage = Field(lt=100)  # never cost-covering (seed 001 Bijlage 3 par. 1)
    onderhoud_percentage: Percentage
    minimum_offertes_onroerend: int = Field(ge=1)  # "meerdere offertes" (art. 34)
    bewijs_termijn_maanden: int = Field(ge=1)
    controle_termijn_maanden: int = Field(ge=1)


class Samenloop(StrEnum):
    """FIN-08 leaves open what a household pays in a month in which the regime of a
    financiële tegemoetkoming runs next to another voorziening with eigen bijdrage (seed 001
    Bijlage 3 art. 36: after the maximum duration collection stops "tenzij de inwoner nog een
    andere Wmo-voorziening heeft waarvoor een EB wordt geïnd"). Each regime keeps its own
    months, cap and duration either way; this says what the household pays for such a month."""

    # One eigen bijdrage per household a month, the highest of the regimes running then, as the
    # CAK charges one abonnementstarief per household (Uitvoeringsbesluit Wmo 2015 art. 3.8).
    hoogste_per_huishouden = "hoogste_per_huishouden"
    # Every regime is charged in full next to the others.
    optellen = "optellen"


class EigenBijdrageBeleid(_Frozen):
    """FIN-08: a fixed amount per month, capped by the tegemoetkoming and a duration per kind,
    and what a household pays when it runs next to another voorziening (``Samenloop``)."""

    per_maand: PositiefBedrag
    max_duur_jaren: dict[VoorzieningSoort, Annotated[int, Field(ge=1)]]
    samenloop: Samenloop

    @model_validator(mode="after")
    def _alle_soorten(self) -> EigenBijdrageBeleid:
        ontbreekt = [s.value for s in VoorzieningSoort if s not in self.max_duur_jaren]
        if ontbreekt:
            raise ValueError(f"max_duur_jaren mist {ontbreekt}")
        return self

    def max_maanden(self, soort: VoorzieningSoort) -> int:
        return 12 * self.max_duur_jaren[soort]


class HulpmiddelBeleid(_Frozen):
    """FIN-09: hulpmiddelen via the contracted supplier up to this kostprijs in ownership. The
    one source of the threshold: intake reads this section for eigendom or bruikleen."""

    bron: str = Field(min_length=1)
    eigendom_tot_en_met: Bedrag


class VervoerBeleid(_Frozen):
    """FIN-10: the km norms and what a km is worth. The one source of the norms: intake reads
    this section for the km budget of a vervoersvoorziening (RES-07)."""

    bron: str = Field(min_length=1)
    kilometers_per_jaar: int = Field(gt=0)
    kilometers_gemotiveerd_max: int = Field(gt=0)
    kilometers_ander_vervoer_of_intramuraal: int = Field(gt=0)
    tarief_per_km: PositiefBedrag
    factor_echtpaar: Decimal = Field(ge=1)

    @model_validator(mode="after")
    def _volgorde(self) -> VervoerBeleid:
        if not (
            self.kilometers_ander_vervoer_of_intramuraal
            <= self.kilometers_per_jaar
            <= self.kilometers_gemotiveerd_max
        ):
            raise ValueError("kilometers: ander vervoer <= per jaar <= gemotiveerd maximum")
        return self


class VertrekNorm(_Frozen):
    aanbouw: Oppervlak
    uitbreiding: Oppervlak


class ExtraRuimte(_Frozen):
    m2: Oppervlak
    alleen_vertrekken: tuple[Vertrek, ...] | None = Field(default=None, min_length=1)  # None: any


class WoonvoorzieningBeleid(_Frozen):
    """FIN-11 (seed 001 Bijlage 5)."""

    vertrekken: dict[Vertrek, VertrekNorm]
    extra_ruimte: dict[Ruimtehulpmiddel, ExtraRuimte]
    pad_max_m2: Oppervlak


class CakRegime(StrEnum):
    """How the CAK computes the eigen bijdrage under the Uitvoeringsbesluit of the time."""

    abonnementstarief = "abonnementstarief"  # since 2020: a fixed tariff per household
    inkomensafhankelijk = "inkomensafhankelijk"  # 2015-2019: per four weeks, by income (art. 3.1)


class CakBeleid(_Frozen):
    """FIN-12: the regime, and a lower abonnementstarief the gemeente sets, per year."""

    regime: CakRegime
    abonnementstarief_per_maand: dict[int, Bedrag] = Field(default_factory=dict)


class FinancePolicy(_Frozen):
    """``finance.yaml`` of one policy folder."""

    tegemoetkoming: TegemoetkomingBeleid | None = None
    eigen_bijdrage: EigenBijdrageBeleid | None = None
    hulpmiddelen: HulpmiddelBeleid | None = None
    vervoer: VervoerBeleid | None = None
    woonvoorzieningen: WoonvoorzieningBeleid | None = None
    cak: CakBeleid
    tarieven: tuple[Tarief, ...] = ()

    @model_validator(mode="after")
    def _perioden(self) -> FinancePolicy:
        controleer_perioden(self.tarieven)
        return self


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FinanceBeleid:
    """The finance policy in force for one gemeente on one peildatum; each part on demand."""

    gemeente: str
    peildatum: dt.date
    policy: FinancePolicy

    def _vereist(self, naam: str, deel: T | None) -> T:
        if deel is None:
            raise PolicyNotFound(self.gemeente, self.peildatum, f"{SECTION}.{naam}")
        return deel

    @property
    def tegemoetkoming(self) -> TegemoetkomingBeleid:
        return self._vereist("tegemoetkoming", self.policy.tegemoetkoming)

    @property
    def eigen_bijdrage(self) -> EigenBijdrageBeleid:
        return self._vereist("eigen_bijdrage", self.policy.eigen_bijdrage)

    @property
    def hulpmiddelen(self) -> HulpmiddelBeleid:
        return self._vereist("hulpmiddelen", self.policy.hulpmiddelen)

    @property
    def vervoer(self) -> VervoerBeleid:
        return self._vereist("vervoer", self.policy.vervoer)

    @property
    def woonvoorzieningen(self) -> WoonvoorzieningBeleid:
        return self._vereist("woonvoorzieningen", self.policy.woonvoorzieningen)

    @property
    def cak(self) -> CakBeleid:
        return self.policy.cak

    @property
    def tarieven(self) -> tuple[Tarief, ...]:
        return self.policy.tarieven


def finance_beleid(registry: PolicyRegistry, gemeente: str, peildatum: dt.date) -> FinanceBeleid:
    """The finance policy in force; ``PolicyNotFound`` when there is none (API: 400)."""
    policy = registry.section(gemeente, peildatum, SECTION, FinancePolicy)
    return FinanceBeleid(gemeente, peildatum, policy)


def geen_beleid(exc: PolicyNotFound, veld: str = "peildatum") -> Weigering:
    """No policy (or no part of it) is in force on the date in ``veld``."""
    return Weigering("geen-beleid-van-kracht", str(exc), veld=veld)


def beleid_van_kracht(
    registry: PolicyRegistry, gemeente: str, peildatum: dt.date, veld: str = "peildatum"
) -> FinanceBeleid:
    """The finance policy in force, or the refusal naming ``veld``. Parts asked for later
    (``beleid.vervoer``) raise ``PolicyNotFound``: ask for them in ``beleid_als_weigering``."""
    try:
        return finance_beleid(registry, gemeente, peildatum)
    except PolicyNotFound as exc:
        raise geen_beleid(exc, veld) from exc


@contextmanager
def beleid_als_weigering(veld: str = "peildatum") -> Iterator[None]:
    """Inside: a ``PolicyNotFound`` (a part the policy lacks) becomes the refusal naming
    ``veld``."""
    try:
        yield
    except PolicyNotFound as exc:
        raise geen_beleid(exc, veld) from exc
