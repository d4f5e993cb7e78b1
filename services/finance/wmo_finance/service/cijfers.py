"""Finance's figures for the management information (issue 14.6). Counts and sums, no
personal data; the read is audited like every read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row

from wmo_finance.db import cijfers
from wmo_finance.db.models import audit
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.cijfercontracten import FinanceCijfers, Maandbedrag, controleer_periode
from wmo_shared.db.engine import Database


def _maanden(rijen: list[Row[Any]]) -> list[Maandbedrag]:
    return [Maandbedrag(maand=r.maand, bedrag=r.bedrag, aantal=r.aantal) for r in rijen]


async def lees(db: Database, principal: Principal, van: dt.date, tot: dt.date) -> FinanceCijfers:
    controleer_periode(van, tot)
    g = principal.gemeente
    async with db.transaction() as conn:
        betaald = await cijfers.tegemoetkomingen(conn, g, van, tot)
        termijnen = await cijfers.termijnen(conn, g, van, tot)
        cak = await cijfers.cak_registraties(conn, g, van, tot)
        await audit_log.record(
            conn,
            audit,
            principal,
            "lezen",
            "financiele-cijfers",
            None,
            {"van": van.isoformat(), "tot": tot.isoformat()},
        )
    return FinanceCijfers(
        van=van,
        tot=tot,
        tegemoetkomingen=_maanden(betaald),
        eigen_bijdrage_termijnen=_maanden(termijnen),
        cak_registraties=_maanden(cak),
    )
