"""The case (zaak) around a melding: loading it within the caller's gemeente (and, for a
cliëntondersteuner, only with the client's consent, INT-15) and moving it through the state
machine of ``domain.zaakstatus`` with the translation of its errors to problems."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row, and_, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    audit,
    clientondersteuner_toestemmingen,
    meldingen,
    zaakgebeurtenissen,
)
from wmo_intake.domain.fouten import OngeldigeOvergang, VoorwaardeNietVoldaan
from wmo_intake.domain.termijnen import AMSTERDAM
from wmo_intake.domain.zaakstatus import (
    GEEN_FEITEN,
    Overgang,
    Overgangsfeiten,
    Zaakgebeurtenis,
    Zaakstatus,
    overgang,
)
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation
from wmo_shared.regels import Regel

NIET_GEVONDEN = "Er is geen zaak (melding) met dit id in uw gemeente."

# The field a refused precondition is about, per rule.
_VELD_PER_REGEL = {
    "INT-02": "clientondersteuningBericht",
    "INT-09": "kanaal",
    "INT-10": "spoedgrond",
}


def vandaag() -> dt.date:
    return dt.datetime.now(AMSTERDAM).date()


def regels_json(regels: tuple[Regel, ...] | list[Regel]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]


async def heeft_toestemming(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> bool:
    """INT-15: a cliëntondersteuner sees a client's case only with the client's consent, given
    as a recorded toestemming or as the token claim ``clienten`` (a list of client ids)."""
    claim = principal.claims.get("clienten")
    if isinstance(claim, list) and str(client_id) in {str(c) for c in claim}:
        return True
    t = clientondersteuner_toestemmingen
    row = (
        await conn.execute(
            select(t.c.id).where(
                t.c.gemeente == principal.gemeente,
                t.c.client_id == client_id,
                t.c.ondersteuner_sub == principal.sub,
                t.c.ingetrokken_op.is_(None),
            )
        )
    ).first()
    return row is not None


async def client_zichtbaar(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> bool:
    if principal.has("gebiedsteam", "beheer", "systeem"):
        return True
    return principal.has("clientondersteuner") and await heeft_toestemming(
        conn, principal, client_id
    )


async def laad_zaak(
    conn: AsyncConnection,
    principal: Principal,
    melding_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
    actie: str | None = None,
) -> Row[Any]:
    """The melding of the caller's gemeente (404 otherwise), locked when it will change; audits
    ``actie`` when given."""
    query = select(meldingen).where(
        meldingen.c.id == melding_id, meldingen.c.gemeente == principal.gemeente
    )
    if voor_wijziging:
        query = query.with_for_update()
    row = (await conn.execute(query)).first()
    if row is None or not await client_zichtbaar(conn, principal, row.client_id):
        raise NotFound(NIET_GEVONDEN)
    if actie:
        await audit_log.record(conn, audit, principal, actie, "melding", row.id)
    return row


def pas_toe(
    status: str, gebeurtenis: Zaakgebeurtenis, feiten: Overgangsfeiten = GEEN_FEITEN
) -> Overgang:
    """The domain transition, its errors as problems: 409 naming the current state, or 400
    naming the rule whose precondition is missing."""
    try:
        return overgang(Zaakstatus(status), gebeurtenis, feiten)
    except OngeldigeOvergang as exc:
        raise Conflict(
            exc.melding,
            code="ongeldige-statusovergang",
            title=f"Dit kan niet in de huidige status '{exc.huidige_status}'.",
        ) from exc
    except VoorwaardeNietVoldaan as exc:
        rule = exc.rule or "INT-02"
        raise RuleViolation(
            exc.melding,
            code=exc.code,
            invalid_params=[
                InvalidParam(
                    name=_VELD_PER_REGEL.get(rule, "status"), code=exc.code, reason=exc.melding
                )
            ],
            rules=[rule],
        ) from exc


async def verplaats(
    conn: AsyncConnection,
    principal: Principal,
    zaak: Row[Any],
    gebeurtenis: Zaakgebeurtenis,
    feiten: Overgangsfeiten = GEEN_FEITEN,
) -> Overgang:
    """Apply ``gebeurtenis`` to the locked zaak: new status, versie + 1, a history row."""
    stap = pas_toe(zaak.status, gebeurtenis, feiten)
    await conn.execute(
        update(meldingen)
        .where(meldingen.c.id == zaak.id)
        .values(
            status=stap.naar.value, versie=meldingen.c.versie + 1, gewijzigd=dt.datetime.now(dt.UTC)
        )
    )
    await conn.execute(
        insert(zaakgebeurtenissen).values(
            melding_id=zaak.id,
            van=stap.van.value,
            gebeurtenis=stap.gebeurtenis.value,
            naar=stap.naar.value,
            regels=regels_json(stap.regels),
            sub=principal.sub,
        )
    )
    return stap


def zichtbaar_voor(principal: Principal) -> Any:
    """A WHERE clause for lists: the gemeente, and for a cliëntondersteuner only consented
    clients."""
    clause = meldingen.c.gemeente == principal.gemeente
    if principal.has("gebiedsteam", "beheer", "systeem"):
        return clause
    t = clientondersteuner_toestemmingen
    claim = principal.claims.get("clienten")
    ids = [str(c) for c in claim] if isinstance(claim, list) else []
    consent = meldingen.c.client_id.in_(
        select(t.c.client_id).where(
            and_(
                t.c.gemeente == principal.gemeente,
                t.c.ondersteuner_sub == principal.sub,
                t.c.ingetrokken_op.is_(None),
            )
        )
    )
    geldig = []
    for waarde in ids:
        try:
            geldig.append(uuid.UUID(waarde))
        except ValueError:
            continue
    if geldig:
        consent = or_(consent, meldingen.c.client_id.in_(geldig))
    return and_(clause, consent)
