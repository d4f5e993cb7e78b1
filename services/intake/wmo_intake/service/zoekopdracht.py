"""Searching cliënten of the caller's gemeente (issue 14.2): by name (fuzzy), geboortedatum,
postcode with huisnummer, BSN or a case reference; ranked, cursor-paged, and every search
audited with the kinds of criteria and the number found (never a value: no BSN, no name)."""

from __future__ import annotations

import uuid
from typing import Any

from wmo_intake.db import clientzoeken
from wmo_intake.domain.zoeken import criteria, lees_zaakreferentie, normaliseer_naam
from wmo_intake.schemas.zoekopdracht import ClientZoekopdracht
from wmo_intake.service.client import client_json
from wmo_intake.service.paginering import lees_rang, rang_cursor
from wmo_shared.audit import audit_bind
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database


async def zoek(db: Database, principal: Principal, body: ClientZoekopdracht) -> dict[str, Any]:
    """The page as the wire has it (``ClientZoekresultaten`` by alias): plain dicts, not models
    validated per cliënt (issue 17.3; every API test validates the answer against the published
    schema), read with the audit row in one statement."""
    soorten = criteria(
        naam=body.naam,
        geboortedatum=body.geboortedatum,
        postcode=body.postcode,
        huisnummer=body.huisnummer,
        bsn=body.bsn,
        zaakreferentie=body.zaakreferentie,
    )
    referentie = lees_zaakreferentie(body.zaakreferentie) if body.zaakreferentie else None
    na = None
    if body.cursor:
        rang, id_ = lees_rang(body.cursor)
        na = (int(rang), uuid.UUID(id_))
    naam = normaliseer_naam(body.naam) if body.naam is not None else None
    # by name: a transaction (the similarity threshold is set for it); else one statement
    verbinding = db.transaction() if naam is not None else db.single_statement()
    async with verbinding as conn:
        rows = await clientzoeken.zoek(
            conn,
            principal.gemeente,
            naam=naam,
            geboortedatum=body.geboortedatum,
            postcode=body.postcode,
            huisnummer=body.huisnummer,
            bsn=body.bsn,
            referentie_id=referentie.id if referentie else None,
            toewijzingnummer=referentie.nummer if referentie else None,
            na=na,
            limit=body.limit,
            criteria=[s.value for s in soorten],
            audit=audit_bind(principal, "zoeken", "client", None),
        )
    meer = len(rows) > body.limit
    rows = rows[: body.limit]
    laatste = rows[-1] if rows else None
    return {
        "resultaten": [
            {
                "client": client_json(r),
                "overeenkomst": r.rang / 1000 if naam is not None else None,
            }
            for r in rows
        ],
        "volgendeCursor": rang_cursor(laatste.rang, str(laatste.id))
        if meer and laatste is not None
        else None,
    }
