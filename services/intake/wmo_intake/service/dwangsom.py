"""The dwangsom of an ingebrekestelling on a peildatum (Awb 4:17, 4:18), recomputed on every
read: it runs from two weeks after the ingebrekestelling until the decision is taken."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Protocol

from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb import Dwangsomuitsluiting, dwangsom
from wmo_intake.schemas.ingebrekestelling import DwangsomRead
from wmo_intake.service.regels import regels_json

CENT = Decimal("0.01")


class Ingebrekestelling(Protocol):
    """What the dwangsom needs of an ingebrekestelling (a row of it, or the werkvoorraad's)."""

    @property
    def beslistermijn_uiterlijk(self) -> dt.date: ...
    @property
    def ontvangstdatum(self) -> dt.date: ...
    @property
    def uitsluiting(self) -> str | None: ...
    @property
    def reden_uitsluiting(self) -> str | None: ...


def dwangsom_read(
    rij: Ingebrekestelling | Rij, beslist_op: dt.date | None, peildatum: dt.date
) -> DwangsomRead:
    d = dwangsom(
        beslistermijn_uiterlijk=rij.beslistermijn_uiterlijk,
        ingebrekestelling_ontvangen=rij.ontvangstdatum,
        peildatum=peildatum,
        beslist_op=beslist_op,
        uitsluiting=Dwangsomuitsluiting(rij.uitsluiting) if rij.uitsluiting else None,
        reden_uitsluiting=rij.reden_uitsluiting,
    )
    return DwangsomRead.model_validate(
        {
            "verschuldigd": d.verschuldigd,
            "eersteDag": d.eerste_dag,
            "dagen": d.dagen,
            "bedrag": d.bedrag.quantize(CENT),
            "maximumBereikt": d.maximum_bereikt,
            "definitief": d.definitief,
            "vaststellenUiterlijk": d.vaststellen_uiterlijk,
            "peildatum": peildatum,
            "regels": regels_json(d.regels),
        }
    )
