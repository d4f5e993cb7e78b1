"""Wire schemas of the bouwplan check against the floor-area norms (FIN-11)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from wmo_finance.domain.soorten import Bouwvorm, Ruimtehulpmiddel, Vertrek
from wmo_finance.schemas.grenzen import Oppervlakte, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel


class GevraagdVertrekIn(WireModel):
    vertrek: Vertrek
    bouwvorm: Bouwvorm
    gevraagd_m2: Oppervlakte
    hulpmiddelen: list[Ruimtehulpmiddel] = Field(default_factory=list, max_length=10)


class BouwplanToetsingCreate(WireModel):
    peildatum: Zaakdatum
    vertrekken: list[GevraagdVertrekIn] = Field(min_length=1, max_length=30)
    pad_m2: Oppervlakte | None = None


class VertrekToetsRead(WireModel):
    vertrek: Vertrek
    bouwvorm: Bouwvorm
    gevraagd_m2: Decimal
    norm_m2: Decimal
    extra_m2: Decimal
    maximum_m2: Decimal
    toegestaan_m2: Decimal
    over_m2: Decimal
    binnen_norm: bool


class PadToetsRead(WireModel):
    gevraagd_m2: Decimal
    maximum_m2: Decimal
    toegestaan_m2: Decimal
    over_m2: Decimal
    binnen_norm: bool


class BouwplanToetsingRead(WireModel):
    binnen_norm: bool
    vertrekken: list[VertrekToetsRead]
    pad: PadToetsRead | None
    regels: list[RegelRead]
