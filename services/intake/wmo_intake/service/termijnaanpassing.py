"""Recording that a term pauses or stretches (``db.termijnaanpassingen``), for every object
with a term: the step must fit the term as it stands (replayed by ``domain.awb.verloop``),
its explanation is stored with it, and a changed step is only accepted when every later step
still fits. Used by the aanvraag and melding terms here and by bezwaar and klacht."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import termijnaanpassingen
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb import Awbtermijn, Dagtermijn
from wmo_intake.domain.awb.verloop import Stap, herbereken, pas_toe
from wmo_intake.domain.termijnen import termijnstatus
from wmo_intake.schemas.termijnaanpassing import AangepasteTermijnRead, AanpassingRead
from wmo_intake.service.regels import regels_json
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.problems import NotFound


def stappen(rijen: Sequence[Rij]) -> list[Stap]:
    return [Stap(r.soort, r.gegevens) for r in rijen]


def aanpassing_read(rij: Rij) -> AanpassingRead:
    return AanpassingRead.model_validate(
        {
            "id": rij.id,
            "soort": rij.soort,
            "gegevens": rij.gegevens,
            "regels": rij.regels,
            "versie": rij.versie,
            "aangemaakt": rij.aangemaakt,
        }
    )


def termijn_read(
    termijn: Awbtermijn, rijen: Sequence[Rij], peildatum: dt.date | None = None
) -> AangepasteTermijnRead:
    return AangepasteTermijnRead.model_validate(
        {
            "rule": termijn.rule,
            "aanvang": termijn.aanvang,
            "berekendEinde": termijn.berekend_einde,
            "uiterlijk": termijn.uiterlijk,
            "verwachtOp": termijn.verwacht_op,
            "status": termijnstatus(termijn.uiterlijk, peildatum or vandaag()),
            "regels": regels_json(termijn.regels),
            "aanpassingen": [aanpassing_read(r) for r in rijen],
        }
    )


async def huidige_termijn(
    conn: AsyncConnection, doel: str, doel_id: uuid.UUID, basis: Dagtermijn
) -> tuple[Awbtermijn, list[Rij]]:
    rijen = await termijnaanpassingen.van(conn, doel, doel_id)
    termijn, _ = herbereken(doel, basis, stappen(rijen))
    return termijn, rijen


async def registreer(
    conn: AsyncConnection,
    principal: Principal,
    *,
    doel: str,
    doel_id: uuid.UUID,
    basis: Dagtermijn,
    soort: str,
    gegevens: Mapping[str, Any],
    veld: str,
) -> tuple[Rij, Awbtermijn, list[Rij]]:
    """Record one step on the term as it stands; the new row, the term after it, all rows."""
    huidig, rijen = await huidige_termijn(conn, doel, doel_id, basis)
    nieuw, uitleg = pas_toe(doel, huidig, Stap(soort, gegevens), veld=veld)
    rij = await termijnaanpassingen.insert(
        conn,
        {
            "gemeente": principal.gemeente,
            "doel": doel,
            "doel_id": doel_id,
            "soort": soort,
            "gegevens": dict(gegevens),
            "regels": regels_json(uitleg),
            "sub": principal.sub,
        },
    )
    return rij, nieuw, [*rijen, rij]


async def wijzig(
    conn: AsyncConnection,
    *,
    doel: str,
    doel_id: uuid.UUID,
    basis: Dagtermijn,
    aanpassing_id: uuid.UUID,
    gegevens: Mapping[str, Any],
    veld: str,
) -> tuple[Rij, Awbtermijn, list[Rij]]:
    """Change the facts of one step; it and every later step are replayed and their
    explanations rewritten (a later step that no longer fits refuses the change)."""
    rijen = await termijnaanpassingen.van(conn, doel, doel_id)
    index = next((i for i, r in enumerate(rijen) if r.id == aanpassing_id), None)
    if index is None:
        raise NotFound("Er is geen termijnaanpassing met dit id bij deze termijn.")
    nieuwe = stappen(rijen)
    nieuwe[index] = Stap(rijen[index].soort, gegevens)
    termijn, uitleg = herbereken(doel, basis, nieuwe, veld=veld)
    bijgewerkt = list(rijen)
    for i in range(index, len(rijen)):
        waarden: dict[str, Any] = {"regels": regels_json(uitleg[i]), "gewijzigd": nu()}
        if i == index:
            waarden |= {"gegevens": dict(gegevens), "versie": rijen[i].versie + 1}
        bijgewerkt[i] = await termijnaanpassingen.wijzig(conn, rijen[i].id, waarden)
    return bijgewerkt[index], termijn, bijgewerkt


def open_opschorting(rijen: Sequence[Rij], soort: str, sleutel: str) -> Rij | None:
    """The last request of ``soort`` that has not been answered (``sleutel`` still empty)."""
    for r in reversed(rijen):
        if r.soort == soort:
            return r if not r.gegevens.get(sleutel) else None
    return None
