"""Intake's policy values (issue 12.8): the keys intake accepts, read by the rules that need
them. Today: the amount of the mantelzorgwaardering (MZ-03), which seed 002 art. 5 names without
a sum, and the bewaartermijn of the destruction list. Setting and listing them is the shared use
case (``wmo_shared.beleidswaardebeheer``) on intake's tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.beleidswaarden import beleidswaarden
from wmo_intake.db.models import audit, idempotency_keys
from wmo_shared.beleidswaardebeheer import Beleidswaardebeheer
from wmo_shared.beleidswaarden import Sleutel, afgerond, bewaartermijn_sleutel

MANTELZORGWAARDERING_BEDRAG = Sleutel(
    naam="mantelzorgwaardering-bedrag",
    omschrijving="het bedrag van de mantelzorgwaardering per mantelzorger en hulpvrager per "
    "jaar (seed 002 art. 5: 'een geldelijke bijdrage', zonder bedrag)",
    eenheid="euro per jaar",
    minimum=Decimal("0.01"),
    maximum=Decimal("10000.00"),
    decimalen=2,
    rule="MZ-03",
)
BEWAARTERMIJN = bewaartermijn_sleutel("de dossiers van cliënten (na de laatste activiteit)")
"""Neither seed gives a bewaartermijn: the destruction list (issue 14.5) waits for beheer."""

SLEUTELS: dict[str, Sleutel] = {s.naam: s for s in (MANTELZORGWAARDERING_BEDRAG, BEWAARTERMIJN)}

BEHEER = Beleidswaardebeheer(beleidswaarden, audit, idempotency_keys, SLEUTELS)
stel_vast = BEHEER.stel_vast
lees = BEHEER.lees


async def mantelzorgwaardering_bedrag(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Decimal | None:
    """The amount beheer set for the gemeente on ``peildatum``, if any."""
    row = await BEHEER.waarde_op(conn, gemeente, MANTELZORGWAARDERING_BEDRAG, peildatum)
    return None if row is None else afgerond(MANTELZORGWAARDERING_BEDRAG, row.waarde)


async def bewaartermijn(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Row[Any] | None:
    """The bewaartermijn in force for the gemeente on ``peildatum``, if beheer set one."""
    return await BEHEER.waarde_op(conn, gemeente, BEWAARTERMIJN, peildatum)
