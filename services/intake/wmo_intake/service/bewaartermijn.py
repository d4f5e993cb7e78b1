"""The destruction list (issue 14.5): every record of the four services past the bewaartermijn
each service's beheer set for the gemeente (a policy value, sleutel ``bewaartermijn-jaren``; no
seed gives one, so a service without it says so instead of inventing one).

Intake's own part is the cliënten whose whole file is closed and past the term. The parts of
indicatie, pgb and finance are asked in parallel with it, outside any transaction, each within
the dossier timeout; a service that does not answer is ``niet-beschikbaar``, never the whole
call failing. Each service audits its own part (every record listed). The cursor keeps, per
service with more to list, the cursor of its next page."""

from __future__ import annotations

import asyncio
from typing import Any

from wmo_intake.clients.vernietiging import Deelpagina
from wmo_intake.clients.vernietiging import kandidaten as peer_kandidaten
from wmo_intake.db import bewaartermijn as q
from wmo_intake.db.models import audit
from wmo_intake.domain.bewaartermijn import SOORTEN
from wmo_intake.schemas.bewaartermijn import VernietigingslijstDienst, VernietigingslijstRead
from wmo_intake.service.beleidswaarde import bewaartermijn
from wmo_intake.service.dossier import Dossierbronnen
from wmo_intake.service.paginering import lees_lijst, lijst_cursor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.bewaartermijn import (
    eis_bewaartermijn,
    laatste_einde,
    lees_kandidaat_cursor,
    pagina,
)
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.vernietigingscontracten import Dienst, VernietigingskandidatenDeel
from wmo_shared.weigering import Weigering

DIENSTEN: tuple[Dienst, ...] = ("intake", "indicatie", "pgb", "finance")
RESOURCE = "vernietigingskandidaat"


async def eigen_deel(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> VernietigingskandidatenDeel:
    """Intake's part: the closed files past the term, audited on every cliënt listed."""
    peildatum = vandaag()
    na = lees_kandidaat_cursor(cursor)
    async with db.transaction() as conn:
        waarde = await bewaartermijn(conn, principal.gemeente, peildatum)
        termijn = eis_bewaartermijn(waarde, "intake", principal.gemeente, peildatum)
        grens = laatste_einde(peildatum, termijn.jaren)
        rijen = await q.kandidaten(conn, principal.gemeente, peildatum, grens, na, limit)
        deel = pagina("intake", peildatum, termijn, rijen, limit, SOORTEN)
        ids: list[object] = [k.id for k in deel.resultaten]
        await audit_log.record_many(conn, audit, principal, "lezen", RESOURCE, ids)
        if not ids:
            await audit_log.record(conn, audit, principal, "lezen", "vernietigingslijst", None)
    return deel


async def _eigen(db: Database, principal: Principal, cursor: str | None, limit: int) -> Deelpagina:
    try:
        return Deelpagina(await eigen_deel(db, principal, cursor, limit))
    except Weigering as exc:
        if exc.code != "beleidswaarde-ontbreekt":
            raise
        return Deelpagina(None, exc.toelichting, termijn_ontbreekt=True)


async def _vraag(
    db: Database,
    principal: Principal,
    bronnen: Dossierbronnen,
    dienst: Dienst,
    cursor: str | None,
    limit: int,
) -> Deelpagina:
    if dienst == "intake":
        return await _eigen(db, principal, cursor, limit)
    client = bronnen.clients.get(dienst)
    if client is None:
        return Deelpagina(None, "is niet ingesteld")
    return await peer_kandidaten(client, bronnen.token, cursor, limit, bronnen.timeout)


def _dienst(dienst: Dienst, antwoord: Deelpagina) -> VernietigingslijstDienst:
    if antwoord.deel is not None:
        return VernietigingslijstDienst(
            dienst=dienst,
            status="beschikbaar",
            bewaartermijn=antwoord.deel.bewaartermijn,
            resultaten=antwoord.deel.resultaten,
        )
    if antwoord.termijn_ontbreekt:
        return VernietigingslijstDienst(
            dienst=dienst, status="bewaartermijn-ontbreekt", toelichting=antwoord.reden
        )
    return VernietigingslijstDienst(
        dienst=dienst,
        status="niet-beschikbaar",
        toelichting=f"De dienst {antwoord.reden}; vraag de lijst later opnieuw op.",
    )


async def kandidaten(
    db: Database,
    principal: Principal,
    bronnen: Dossierbronnen,
    cursor: str | None,
    limit: int,
) -> VernietigingslijstRead:
    """One page of the list: up to ``limit`` records of each service that has more."""
    posities: dict[str, Any] = lees_lijst(cursor, DIENSTEN) if cursor else dict.fromkeys(DIENSTEN)
    gevraagd = [d for d in DIENSTEN if d in posities]
    antwoorden = await asyncio.gather(
        *(_vraag(db, principal, bronnen, d, posities[d], limit) for d in gevraagd)
    )
    per_dienst = dict(zip(gevraagd, antwoorden, strict=True))
    volgende: dict[str, str | None] = {
        d: a.deel.volgende_cursor
        for d, a in per_dienst.items()
        if a.deel is not None and a.deel.volgende_cursor is not None
    }
    diensten = [
        _dienst(d, per_dienst[d])
        if d in per_dienst
        else VernietigingslijstDienst(
            dienst=d, status="afgerond", toelichting="Alles staat op een eerdere pagina."
        )
        for d in DIENSTEN
    ]
    return VernietigingslijstRead(
        peildatum=vandaag(),
        diensten=diensten,
        volgende_cursor=lijst_cursor(volgende) if volgende else None,
    )
