"""The use cases of policy values, the same in every service (issue 12.8): setting a value (role
beheer, audited, idempotent, never rewriting a period) and listing them. A service binds its own
tables and the keys it accepts (:class:`Beleidswaardebeheer`); the rules that need a value read it
through :meth:`Beleidswaardebeheer.waarde_op`. The queries are the generic ones of
``wmo_shared.beleidswaarden``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Table
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_shared import audit as audit_log
from wmo_shared import beleidswaarden as generiek
from wmo_shared.auth import Principal
from wmo_shared.beleidswaarden import (
    BeleidswaardeCreate,
    BeleidswaardeList,
    BeleidswaardeRead,
    Periode,
    Sleutel,
    geen_overlap,
    lijst,
    sleutel_van,
    waarde_past,
)
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.policy import default_registry
from wmo_shared.weigering import Weigering

RESOURCE = "beleidswaarde"


@dataclass(frozen=True, slots=True)
class Beleidswaardebeheer:
    """A service's policy values: its ``beleidswaarden`` table, its audit and idempotency tables,
    and the keys it accepts."""

    tabel: Table
    audit: Table
    idempotency_keys: Table
    sleutels: Mapping[str, Sleutel]

    async def stel_vast(
        self, db: Database, principal: Principal, write: WriteRequest, body: BeleidswaardeCreate
    ) -> Written[BeleidswaardeRead]:
        sleutel = sleutel_van(self.sleutels, body.sleutel)
        waarde = waarde_past(sleutel, body.waarde)
        if principal.gemeente not in default_registry().gemeenten():
            raise Weigering(
                "onbekende-gemeente",
                f"Gemeente {principal.gemeente} is onbekend: "
                "er is geen Wmo-beleid voor vastgelegd.",
                veld="gemeente",
            )

        async def work(conn: AsyncConnection) -> Written[BeleidswaardeRead]:
            await generiek.vergrendel(conn, self.tabel, principal.gemeente, sleutel.naam)
            bestaand = await generiek.perioden(conn, self.tabel, principal.gemeente, sleutel.naam)
            geen_overlap([_periode(r) for r in bestaand], body.geldig_vanaf, body.geldig_tot)
            row = await generiek.voeg_toe(
                conn,
                self.tabel,
                {
                    "gemeente": principal.gemeente,
                    "sleutel": sleutel.naam,
                    "waarde": waarde,
                    "geldig_vanaf": body.geldig_vanaf,
                    "geldig_tot": body.geldig_tot,
                    "toelichting": body.toelichting,
                    "sub": principal.sub,
                },
            )
            await audit_log.record(
                conn,
                self.audit,
                principal,
                "vaststellen",
                RESOURCE,
                row.id,
                {"sleutel": sleutel.naam, "geldigVanaf": body.geldig_vanaf.isoformat()},
            )
            (gelezen,) = lijst(self.sleutels, [row]).resultaten
            return Written(body=gelezen)

        return await write_once(
            db, self.idempotency_keys, principal, write, BeleidswaardeRead, work
        )

    async def lees(
        self, db: Database, principal: Principal, sleutel: str | None
    ) -> BeleidswaardeList:
        if sleutel is not None:
            sleutel_van(self.sleutels, sleutel)
        async with db.single_statement() as conn:
            rows = await generiek.perioden(conn, self.tabel, principal.gemeente, sleutel)
        return lijst(self.sleutels, rows)

    async def waarde_op(
        self, conn: AsyncConnection, gemeente: str, sleutel: Sleutel, peildatum: dt.date
    ) -> Row[Any] | None:
        """The value of ``sleutel`` in force for the gemeente on ``peildatum``, if beheer set
        one."""
        return await generiek.waarde_op(conn, self.tabel, gemeente, sleutel.naam, peildatum)


def _periode(row: Row[Any]) -> Periode:
    return Periode(vanaf=row.geldig_vanaf, tot=row.geldig_tot)
