"""The AVG inzage (art. 15, issue 14.5), for role beheer: everything intake, indicatie, pgb and
finance hold about a person in the gemeente, and every audit row about those data. The other
services are asked in parallel before intake's transaction opens (a service that does not
answer is ``niet-beschikbaar``); each audits the inzage on every row it disclosed."""

from __future__ import annotations

import asyncio
from typing import Any

from wmo_intake.clients.dossier import Deelantwoord, deel
from wmo_intake.db.avg import STAPPEN
from wmo_intake.db.models import audit
from wmo_intake.schemas.avg import AvgAuditRegel, AvgInzageDienst, AvgInzageRead
from wmo_intake.service.avgbrief import als_pdf
from wmo_intake.service.dossier import Dossierbronnen
from wmo_shared.auth import Principal
from wmo_shared.clock import nu
from wmo_shared.db.engine import Database
from wmo_shared.dossiercontracten import AvgInzageDeel, AvgInzageVerzoek
from wmo_shared.inzage import inzage as eigen_deel

PAD = "/api/v1/avg-inzageverzoeken"
PEERS = ("indicatie", "pgb", "finance")


async def _vraag(bronnen: Dossierbronnen, dienst: str, bsn: str) -> Deelantwoord[AvgInzageDeel]:
    client = bronnen.clients.get(dienst)
    if client is None:
        return Deelantwoord(None, "niet ingesteld")
    return await deel(client, bronnen.token, bsn, AvgInzageDeel, bronnen.timeout, PAD)


def _dienst(dienst: Any, antwoord: Deelantwoord[AvgInzageDeel]) -> AvgInzageDienst:
    if antwoord.gegevens is None:
        return AvgInzageDienst(
            dienst=dienst,
            status="niet-beschikbaar",
            toelichting=f"De dienst {antwoord.reden}; vraag de inzage later opnieuw op.",
        )
    return AvgInzageDienst(dienst=dienst, status="beschikbaar", gegevens=antwoord.gegevens.gegevens)


async def inzage(
    db: Database,
    principal: Principal,
    body: AvgInzageVerzoek,
    bronnen: Dossierbronnen,
    *,
    pdf: bool = False,
) -> AvgInzageRead | bytes:
    """The export as JSON; with ``pdf`` as a letter for the person (B1)."""
    antwoorden = await asyncio.gather(*(_vraag(bronnen, d, body.bsn) for d in PEERS))
    async with db.transaction() as conn:
        eigen = await eigen_deel(conn, audit, principal, body.bsn, STAPPEN)
    delen: list[tuple[Any, Deelantwoord[AvgInzageDeel]]] = [
        ("intake", Deelantwoord(eigen)),
        *zip(PEERS, antwoorden, strict=True),
    ]
    regels = [
        AvgAuditRegel(dienst=d, **r.model_dump())
        for d, a in delen
        if a.gegevens is not None
        for r in a.gegevens.audit
    ]
    export = AvgInzageRead(
        gemeente=principal.gemeente,
        gemaakt_op=nu(),
        diensten=[_dienst(d, a) for d, a in delen],
        audit=sorted(regels, key=lambda r: r.tijdstip),
    )
    return await als_pdf(export, principal.gemeente) if pdf else export
