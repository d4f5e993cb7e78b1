"""The ``pgb`` section of a municipality's policy (``policies/<naam>/pgb.yaml``).

Only numbers and choices the catalogue marks **[policy]** live here: the pgb tariff method
(PGB-11) and the SVB trekkingsrecht agreements (PGB-12, PGB-14). A value a seed does not give is
left out (``null``); the domain then answers "niet in beleid geregeld" instead of guessing.

Amounts and percentages are written as strings in YAML (``"27.50"``): a YAML float is binary and
is refused here, so no tariff is ever off by a fraction of a cent.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from wmo_shared.policy import PolicyNotFound, PolicyRegistry
from wmo_shared.weigering import Weigering

SECTION = "pgb"


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError('schrijf bedragen en percentages als tekst, bijvoorbeeld "27.50"')
    return value


Bedrag = Annotated[Decimal, BeforeValidator(_no_float), Field(ge=0, decimal_places=2)]
Percentage = Annotated[Decimal, BeforeValidator(_no_float), Field(gt=0, le=100)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tariefregel(_Frozen):
    """How the pgb tariff per unit is found (PGB-11), tried in this order:

    (a) ``afgesproken_pgb_tarief``: the pgb tariff the contracts set for the comparable product;
    (b) ``percentage_van_zin``: this percentage of the comparable product's ZIN tariff;
    (c) ``minimaal_aantal_offertes``: no comparable ZIN product, so the cheapest fitting of at
        least this many quotes. ``None`` switches a step off.

    Or ``vast_tarief_per_uur``: one fixed tariff per hour, whatever the product (Ooststellingwerf's
    "lage pgb tarief" for informal care, a value beheer sets: see ``met_laag_tarief``);
    ``vast_tarief_bron`` says where it comes from.
    """

    afgesproken_pgb_tarief: bool = False
    percentage_van_zin: Percentage | None = None
    minimaal_aantal_offertes: int | None = Field(default=None, ge=1)
    vast_tarief_per_uur: Bedrag | None = None
    vast_tarief_bron: str | None = None

    @model_validator(mode="after")
    def _some_method(self) -> Tariefregel:
        if not (
            self.afgesproken_pgb_tarief
            or self.percentage_van_zin is not None
            or self.minimaal_aantal_offertes is not None
            or self.vast_tarief_per_uur is not None
        ):
            raise ValueError("een tariefregel noemt minstens één manier om het tarief te bepalen")
        return self


class Tarieven(_Frozen):
    """Tariff method per kind of care provider (PGB-07 sets the kind). ``None``: not regulated."""

    formeel: Tariefregel
    informeel_netwerk: Tariefregel | None
    informeel_overig: Tariefregel | None

    @model_validator(mode="after")
    def _informal_not_above_formal(self) -> Tarieven:
        # Seed 001 H2: informal care gets "het lage pgb tarief"; a policy that paid informal
        # care a higher share of the ZIN tariff than formal care would be a typing error.
        formeel = self.formeel.percentage_van_zin
        for naam in ("informeel_netwerk", "informeel_overig"):
            regel: Tariefregel | None = getattr(self, naam)
            if (
                formeel is not None
                and regel is not None
                and regel.percentage_van_zin is not None
                and regel.percentage_van_zin > formeel
            ):
                raise ValueError(f"{naam}.percentage_van_zin ligt boven dat voor formele zorg")
        return self


class Kostensoort(StrEnum):
    """Costs the gemeente decides on under SVB trekkingsrecht (seed 002 Bijlage 3)."""

    REISKOSTEN = "reiskosten"
    EENMALIGE_UITKERING_EINDE_PGB = "eenmalige_uitkering_einde_pgb"
    FEESTDAGENUITKERING = "feestdagenuitkering"
    BEMIDDELINGSKOSTEN = "bemiddelingskosten"
    SALARISADMINISTRATIE_OPTING_IN = "salarisadministratie_opting_in"
    ADMINISTRATIEKOSTEN = "administratiekosten"


class Kostenregel(_Frozen):
    toegestaan: bool
    toelichting: str | None = None


class Bestedingscontrole(_Frozen):
    """PGB-14: how often spending is checked."""

    minimaal_per_jaar: int = Field(ge=1)
    frequentie_per_beschikking: bool  # the beschikking itself must state the frequency


class Svb(_Frozen):
    """PGB-12 trekkingsrecht agreements. A field left ``None`` or a cost type left out of
    ``kosten_uit_pgb`` is not regulated by this policy."""

    verantwoordingsvrij_bedrag: Bedrag | None = None
    kosten_uit_pgb: dict[Kostensoort, Kostenregel] = Field(default_factory=dict)
    # Charged by the SVB to the gemeente, not to the budget.
    opting_in_kosten_per_loonstrook: Bedrag | None = None
    bestedingscontrole: Bestedingscontrole | None = None


class PgbBeleid(_Frozen):
    """The validated ``pgb.yaml`` of one policy."""

    tarieven: Tarieven
    svb: Svb


def informele_tarieven_open(beleid: PgbBeleid) -> bool:
    """The policy names no tariff for informal care (the YAML leaves it ``null``)."""
    return beleid.tarieven.informeel_netwerk is None or beleid.tarieven.informeel_overig is None


def met_laag_tarief(beleid: PgbBeleid, tarief: Decimal, bron: str) -> PgbBeleid:
    """The policy overlaid with "het lage pgb tarief" (seed 001 H2) for informal care: one fixed
    tariff per hour for care by the network and by others without the formal quality."""
    regel = Tariefregel(vast_tarief_per_uur=tarief, vast_tarief_bron=bron)
    tarieven = beleid.tarieven.model_copy(
        update={"informeel_netwerk": regel, "informeel_overig": regel}
    )
    return beleid.model_copy(update={"tarieven": tarieven})


def pgb_beleid(registry: PolicyRegistry, gemeente: str, peildatum: dt.date) -> PgbBeleid:
    """The pgb policy in force for ``gemeente`` on ``peildatum``; raises ``PolicyNotFound``."""
    beleid: PgbBeleid = registry.section(gemeente, peildatum, SECTION, PgbBeleid)
    return beleid


def beleid_van_kracht(
    registry: PolicyRegistry, gemeente: str, peildatum: dt.date
) -> tuple[PgbBeleid, str]:
    """The pgb policy in force and its name; a gemeente or date without one is refused on
    ``peildatum``."""
    try:
        naam = registry.in_force(gemeente, peildatum).naam
        return pgb_beleid(registry, gemeente, peildatum), naam
    except PolicyNotFound as exc:
        raise Weigering("geen-beleid-van-kracht", str(exc), veld="peildatum") from exc


def heeft_beleid(registry: PolicyRegistry, gemeente: str, peildatum: dt.date) -> bool:
    try:
        registry.in_force(gemeente, peildatum)
    except PolicyNotFound:
        return False
    return True
