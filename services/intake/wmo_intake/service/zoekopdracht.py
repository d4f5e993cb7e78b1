"""Searching cliënten of the caller's gemeente (issue 14.2): by name (fuzzy), geboortedatum,
postcode with huisnummer, BSN or a case reference; ranked, cursor-paged, and every search
audited with the kinds of criteria and the number found (never a value: no BSN, no name)."""

from __future__ import annotations

import uuid

from wmo_intake.db import clientzoeken
from wmo_intake.domain.zoeken import criteria, lees_zaakreferentie, normaliseer_naam
from wmo_intake.schemas.zoekopdracht import ClientZoekopdracht, ClientZoekresultaten
from wmo_intake.service.paginering import lees_rang
from wmo_shared.audit import audit_bind
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database

# The page as PostgreSQL writes it (issue 17.3): ClientZoekresultaten by alias, each cliënt as
# service.client.client_read gives it; the cursor as service.paginering.rang_cursor writes it.
WEERGAVE = clientzoeken.Weergave(ClientZoekresultaten)


async def zoek(db: Database, principal: Principal, body: ClientZoekopdracht) -> str:
    """The page's JSON (``ClientZoekresultaten`` by alias), written by PostgreSQL in the
    statement that reads it and inserts its audit row: per request no cliënt is built or
    encoded in Python (issue 17.3)."""
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
    # one statement on the driver, whatever the criteria (the name threshold is per connection)
    rij = await clientzoeken.zoek(
        db,
        WEERGAVE,
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
    return str(rij.document)
