"""Indicatie's policy values (issue 14.5): the keys this service accepts. Today one key: the
bewaartermijn of the destruction list, which no seed gives. Setting and listing them is the
shared use case (``wmo_shared.beleidswaardebeheer``) on this service's tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db.beleidswaarden import beleidswaarden
from wmo_indicatie.db.models import audit, idempotency_keys
from wmo_shared.beleidswaardebeheer import Beleidswaardebeheer
from wmo_shared.beleidswaarden import Sleutel, bewaartermijn_sleutel

BEWAARTERMIJN = bewaartermijn_sleutel("de indicaties en adviezen")
SLEUTELS: dict[str, Sleutel] = {s.naam: s for s in (BEWAARTERMIJN,)}

BEHEER = Beleidswaardebeheer(beleidswaarden, audit, idempotency_keys, SLEUTELS)
stel_vast = BEHEER.stel_vast
lees = BEHEER.lees


async def bewaartermijn(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Row[Any] | None:
    """The bewaartermijn in force for the gemeente on ``peildatum``, if beheer set one."""
    return await BEHEER.waarde_op(conn, gemeente, BEWAARTERMIJN, peildatum)
