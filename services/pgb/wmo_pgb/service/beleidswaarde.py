"""Pgb's policy values (issue 12.8): the keys this service accepts. The budget calculation reads
the value in force through :func:`laag_tarief`. Setting and listing them is the shared use case
(``wmo_shared.beleidswaardebeheer``) on this service's tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db.models import audit, beleidswaarden, idempotency_keys
from wmo_shared.beleidswaardebeheer import Beleidswaardebeheer
from wmo_shared.beleidswaarden import Sleutel, bewaartermijn_sleutel

LAAG_PGB_TARIEF = Sleutel(
    naam="laag-pgb-tarief-per-uur",
    omschrijving="het lage pgb-tarief voor informele zorg (seed 001 H2), per uur",
    eenheid="euro per uur",
    minimum=Decimal("0.01"),
    maximum=Decimal("250.00"),
    decimalen=2,
    rule="PGB-11",
)
"""Ooststellingwerf's seed gives informal care "het lage pgb tarief" without an amount. Set, it
overlays the policy's tariff for informal care (network and others) from its geldigVanaf."""

BEWAARTERMIJN = bewaartermijn_sleutel("de pgb-plannen, budgetten en pgb-verzoeken")
"""No seed gives a bewaartermijn: the destruction list (issue 14.5) waits for beheer."""

SLEUTELS: dict[str, Sleutel] = {s.naam: s for s in (LAAG_PGB_TARIEF, BEWAARTERMIJN)}

BEHEER = Beleidswaardebeheer(beleidswaarden, audit, idempotency_keys, SLEUTELS)
stel_vast = BEHEER.stel_vast
lees = BEHEER.lees


async def laag_tarief(conn: AsyncConnection, gemeente: str, peildatum: dt.date) -> Row[Any] | None:
    """The low pgb tariff in force for the gemeente on ``peildatum``, if beheer set one."""
    return await BEHEER.waarde_op(conn, gemeente, LAAG_PGB_TARIEF, peildatum)


async def bewaartermijn(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Row[Any] | None:
    """The bewaartermijn in force for the gemeente on ``peildatum``, if beheer set one."""
    return await BEHEER.waarde_op(conn, gemeente, BEWAARTERMIJN, peildatum)
