"""Who handles a case (issue 14.3, ``domain.behandeling``): toewijzen, oppakken and overdracht
of a melding, each in one transaction with the melding locked, If-Match checked when given,
the change of hands kept in the history and audited."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import behandelaars
from wmo_intake.db.models import idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.behandeling import Behandelaar, Wisselsoort, wissel
from wmo_intake.schemas.behandeling import (
    BehandelaarRef,
    BehandelaarToewijzingCreate,
    BehandelaarwisselRead,
    BehandelingRead,
    OppakkingCreate,
    OverdrachtCreate,
)
from wmo_intake.service.regels import regels_json
from wmo_intake.service.zaak import laad_zaak
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.schemas import storable_text


def _ref(sub: str | None, naam: str | None) -> BehandelaarRef | None:
    return BehandelaarRef(sub=sub, naam=naam) if sub else None


def claim_naam(principal: Principal) -> str | None:
    """The token's ``name``, when it is text that can be stored (else as if absent)."""
    naam = storable_text(principal.claims.get("name"))
    return naam[:200] if naam and naam.strip() else None


def claim_team(principal: Principal) -> str | None:
    """The token's ``team``, when it is text that can be stored (else as if absent)."""
    team = storable_text(principal.claims.get("team"))
    return team[:100] if team and team.strip() else None


async def behandeling_read(conn: AsyncConnection, zaak: Rij) -> BehandelingRead:
    return BehandelingRead(
        melding_id=zaak.id,
        behandelaar=_ref(zaak.behandelaar_sub, zaak.behandelaar_naam),
        team=zaak.team,
        historie=[
            BehandelaarwisselRead.model_validate(
                {
                    "soort": w.soort,
                    "van": _ref(w.van_sub, w.van_naam),
                    "naar": BehandelaarRef(sub=w.naar_sub, naam=w.naar_naam),
                    "team": w.team,
                    "reden": w.reden,
                    "door": w.door_sub,
                    "rol": w.door_rol,
                    "tijdstip": w.tijdstip,
                    "regels": w.regels,
                }
            )
            for w in await behandelaars.wissels(conn, zaak.id)
        ],
        versie=zaak.versie,
    )


async def _wissel(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    if_match: str | None,
    soort: Wisselsoort,
    nieuw: Behandelaar,
    team: str | None,
    reden: str | None = None,
) -> Written[BehandelingRead]:
    async def work(conn: AsyncConnection) -> Written[BehandelingRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        if if_match is not None:
            require_version(if_match, zaak.versie)
        huidig = (
            Behandelaar(zaak.behandelaar_sub, zaak.behandelaar_naam)
            if zaak.behandelaar_sub
            else None
        )
        regel = wissel(
            soort,
            status=zaak.status,
            huidig=huidig,
            huidig_team=zaak.team,
            nieuw=nieuw,
            team=team,
            reden=reden,
        )
        await behandelaars.insert_wissel(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "soort": soort.value,
                "van_sub": zaak.behandelaar_sub,
                "van_naam": zaak.behandelaar_naam,
                "naar_sub": nieuw.sub,
                "naar_naam": nieuw.naam,
                "team": team,
                "reden": reden,
                "regels": regels_json([regel]),
                "door_sub": principal.sub,
                "door_rol": principal.role,
            },
        )
        zaak = await behandelaars.zet_behandelaar(
            conn,
            zaak.id,
            {"behandelaar_sub": nieuw.sub, "behandelaar_naam": nieuw.naam, "team": team},
        )
        gelezen = await behandeling_read(conn, zaak)
        return Written(gelezen, f"/meldingen/{zaak.id}/behandeling", zaak.versie)

    return await write_once(db, idempotency_keys, principal, write, BehandelingRead, work)


async def wijs_toe(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: BehandelaarToewijzingCreate,
    if_match: str | None,
) -> Written[BehandelingRead]:
    """BEH-01."""
    nieuw = Behandelaar(body.behandelaar.sub, body.behandelaar.naam)
    return await _wissel(
        db, principal, write, melding_id, if_match, Wisselsoort.TOEWIJZING, nieuw, body.team
    )


async def pak_op(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: OppakkingCreate,
    if_match: str | None,
) -> Written[BehandelingRead]:
    """BEH-02: the caller (a gebiedsteam member: the router allows no other role) takes the
    melding; name and team from the token when it carries them."""
    nieuw = Behandelaar(principal.sub, claim_naam(principal))
    team = body.team or claim_team(principal)
    return await _wissel(
        db, principal, write, melding_id, if_match, Wisselsoort.OPPAKKEN, nieuw, team
    )


async def draag_over(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: OverdrachtCreate,
    if_match: str | None,
) -> Written[BehandelingRead]:
    """BEH-03."""
    nieuw = Behandelaar(body.behandelaar.sub, body.behandelaar.naam)
    return await _wissel(
        db,
        principal,
        write,
        melding_id,
        if_match,
        Wisselsoort.OVERDRACHT,
        nieuw,
        body.team,
        body.reden,
    )


async def lees(db: Database, principal: Principal, melding_id: uuid.UUID) -> BehandelingRead:
    async with db.transaction() as conn:
        zaak = await laad_zaak(conn, principal, melding_id, actie="lezen")
        return await behandeling_read(conn, zaak)
