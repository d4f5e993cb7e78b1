"""Ending a running maatwerkvoorziening early, in the caller's transaction (issue 12.4, 12.7):
once per voorziening, recorded with its ground; the CAK register (eigen bijdrage) and the pgb
budget hear of it through the outbox, and a running opdracht gets the einddatum in its WMO301
and in the toewijzingen feed. A voorziening that never ran is cancelled: every receiver gets an
einddatum equal to its ingangsdatum (``domain.beeindiging``)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beeindigingen, opdrachten
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beeindiging import Beeindiging, Grond, RedenWijziging, beeindiging
from wmo_intake.service import gebeurtenissen
from wmo_intake.service.regels import regels_json
from wmo_intake.service.toewijzing import publiceer
from wmo_shared.auth import Principal
from wmo_shared.clock import nu


async def beeindig(
    conn: AsyncConnection,
    principal: Principal,
    client: Rij,
    voorziening: Rij,
    laatste_dag: dt.date,
    grond: Grond,
    *,
    beschikking_id: uuid.UUID,
    veld: str,
) -> Beeindiging | None:
    """End ``voorziening`` with ``laatste_dag`` as its last day (the case is locked by the
    caller). None when it ended before or ends by itself by then: nothing is sent twice.
    ``beschikking_id`` is what the receivers hear the ending was decided by; ``veld`` the field
    a refusal of the event's dates names."""
    if await beeindigingen.van_voorziening(conn, voorziening.id) is not None:
        return None
    einde = beeindiging(grond, voorziening.begindatum, voorziening.einddatum, laatste_dag)
    if einde is None:
        return None
    await beeindigingen.insert_beeindiging(
        conn,
        {
            "gemeente": principal.gemeente,
            "maatwerkvoorziening_id": voorziening.id,
            "grond": grond.value,
            "einddatum": einde.einddatum,
            "geannuleerd": einde.geannuleerd,
            "beschikking_id": beschikking_id,
            "regels": regels_json(einde.regels),
            "sub": principal.sub,
        },
    )
    if gebeurtenissen.naar_cak(voorziening):
        await gebeurtenissen.cak(
            conn,
            principal.gemeente,
            client,
            beschikking_id,
            voorziening,
            "maatwerkvoorziening-beeindigd",
            einde.einddatum,
            veld=veld,
        )
    if voorziening.leveringsvorm == "pgb":
        await gebeurtenissen.pgb(
            conn,
            principal.gemeente,
            beschikking_id,
            voorziening,
            "pgb-ingetrokken",
            einde.einddatum,
            veld=veld,
        )
    await _beeindig_opdrachten(conn, voorziening.id, einde)
    return einde


async def _beeindig_opdrachten(
    conn: AsyncConnection, voorziening_id: uuid.UUID, einde: Beeindiging
) -> None:
    """Each running opdracht of the voorziening gets the einddatum and the iWmo RedenWijziging;
    its changed WMO301 goes into the toewijzingen feed."""
    moment = nu()
    for opdracht in await beeindigingen.lopende_opdrachten(conn, voorziening_id):
        eigen_einde = opdracht.gegevens.get("einddatum")
        if eigen_einde and dt.date.fromisoformat(eigen_einde) <= einde.einddatum:
            continue  # it ended before (a wisseling of provider): nothing is sent twice
        begin = dt.date.fromisoformat(opdracht.gegevens["begindatum"])
        # A toewijzing after a wisseling that would only start after the end is withdrawn.
        einddatum, reden = (
            (einde.einddatum, einde.reden_wijziging.value)
            if einde.einddatum >= begin
            else (begin, RedenWijziging.VERWIJDERD.value)
        )
        gegevens = {
            **opdracht.gegevens,
            "einddatum": einddatum.isoformat(),
            "redenWijziging": reden,
        }
        row = await opdrachten.wijzig(
            conn, opdracht.id, {"gegevens": gegevens, "versie": opdracht.versie + 1}
        )
        await publiceer(conn, row, gegevens, moment)
