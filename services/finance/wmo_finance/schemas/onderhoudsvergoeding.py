"""Wire schemas of a tegemoetkoming in maintenance or repair (FIN-06)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import Field

from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.schemas.grenzen import Geld, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode


class OnderhoudsvergoedingCreate(WireModel):
    """FIN-06: maintenance or repair of a voorziening."""

    bsn: Bsn
    tegemoetkoming_id: uuid.UUID | None = None
    voorziening: VoorzieningSoort
    peildatum: Zaakdatum
    bedrag_offerte_of_factuur: Geld
    vooraf_contact: bool = Field(description="Contact met de gemeente vóór het werk")
    onder_garantie: bool = False
    onzorgvuldig_gebruik: bool = False
    noodzakelijk: bool = True


class OnderhoudsvergoedingRead(WireModel):
    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    tegemoetkoming_id: uuid.UUID | None
    voorziening: VoorzieningSoort
    peildatum: dt.date
    toegekend: bool
    bedrag: Decimal
    eigen_bijdrage: bool = Field(description="Altijd false: geen eigen bijdrage (FIN-06)")
    regels: list[RegelRead]
    aangemaakt_op: dt.datetime
