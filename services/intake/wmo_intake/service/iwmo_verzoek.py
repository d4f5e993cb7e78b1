"""A provider's verzoek om toewijzing (WMO315) or om wijziging (WMO317): checked and answered
with its retour (WMO316 / WMO318) in the call that imports it (``service.iwmo_bericht``),
kept with its terms (retour 3, answer 5 werkdagen), read and listed by the case worker. The
answer itself is ``service.iwmo_verzoekantwoord``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clienten, iwmo_berichten, iwmo_verzoeken
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.iwmo_verzoek import antwoordtermijn, retourtermijn
from wmo_intake.schemas.iwmo_verzoek import IwmoVerzoekList, IwmoVerzoekRead
from wmo_intake.service.iwmo_toewijzing import toewijzing_van
from wmo_intake.service.paginering import lees_termijn_id, termijn_cursor
from wmo_intake.service.regels import regels_json
from wmo_iwmo.controle_verzoek import check_wmo315, check_wmo317
from wmo_iwmo.retour import Retourbericht, build_retour_wmo316, build_retour_wmo318
from wmo_iwmo.wmo315 import Wmo315Bericht
from wmo_iwmo.wmo317 import Wmo317Bericht
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import datum_van, nu
from wmo_shared.db.engine import Database
from wmo_shared.problems import NotFound

GEEN_VERZOEK = "Er is geen iWmo-verzoek met dit id in uw gemeente."
Nazorg = Callable[[AsyncConnection, Rij], Awaitable[None]]


def _camel(naam: str) -> str:
    eerste, *rest = naam.split("_")
    return eerste + "".join(d.capitalize() for d in rest)


def als_json(waarde: Any) -> Any:
    """A parsed message part as JSON: camelCase keys, ISO dates, codes as their value."""
    if dataclasses.is_dataclass(waarde) and not isinstance(waarde, type):
        return {
            _camel(f.name): als_json(getattr(waarde, f.name)) for f in dataclasses.fields(waarde)
        }
    if isinstance(waarde, enum.Enum):
        return waarde.value
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, tuple | list):
        return [als_json(w) for w in waarde]
    return waarde


async def verwerk(
    conn: AsyncConnection,
    principal: Principal,
    bericht: Wmo315Bericht | Wmo317Bericht,
    identificatie: str,
    dag: dt.date,
) -> tuple[Retourbericht, Nazorg]:
    """The retour of a verzoek and, once the message is stored, its accepted verzoeken (one per
    AangevraagdProduct of a 315, one for a 317). Verzoeken of one aanbieder are checked one
    after the other (lock on the afzender), so a ReferentieAanbieder is never used twice."""
    afzender = bericht.header.afzender
    gemeente = principal.gemeente
    await iwmo_berichten.vergrendel(conn, f"iwmo-verzoek:{gemeente}:{afzender}")
    verzoeken: list[tuple[str, Any]] = []
    if isinstance(bericht, Wmo315Bericht):
        producten = bericht.client.aangevraagde_producten
        gebruikt = await iwmo_verzoeken.gebruikte_referenties(
            conn, gemeente, afzender, [p.referentie_aanbieder for p in producten]
        )
        uitkomsten = check_wmo315(bericht, gebruikt)
        retour = build_retour_wmo316(
            bericht, uitkomsten, identificatie=identificatie, dagtekening=dag
        )
        verzoeken = [
            (p.referentie_aanbieder, p)
            for p, u in zip(producten, uitkomsten, strict=True)
            if u.goedgekeurd
        ]
    else:
        verzoek = bericht.client.verzoek
        gebruikt = await iwmo_verzoeken.gebruikte_referenties(
            conn, gemeente, afzender, [verzoek.referentie_aanbieder]
        )
        rows = await iwmo_verzoeken.actuele_toewijzingen(
            conn, gemeente, afzender, bericht.client.bsn, dag
        )
        actueel = [t for r in rows if (t := toewijzing_van(r)) is not None]
        uitkomst = check_wmo317(bericht, actueel, gebruikt)
        retour = build_retour_wmo318(
            bericht, uitkomst, identificatie=identificatie, dagtekening=dag
        )
        verzoeken = [(verzoek.referentie_aanbieder, verzoek)] if uitkomst.goedgekeurd else []
    soort = "WMO315" if isinstance(bericht, Wmo315Bericht) else "WMO317"
    bsn = bericht.client.bsn

    async def bewaar(conn: AsyncConnection, row: Rij) -> None:
        moment = nu()
        ontvangen = datum_van(moment)
        retour_t, antwoord_t = retourtermijn(ontvangen), antwoordtermijn(ontvangen)
        client = await clienten.find_by_bsn(conn, gemeente, bsn)
        for referentie, inhoud in verzoeken:
            rij = await iwmo_verzoeken.insert_verzoek(
                conn,
                {
                    "gemeente": gemeente,
                    "bericht_id": row.id,
                    "berichttype": soort,
                    "aanbieder_agb": afzender,
                    "referentie_aanbieder": referentie,
                    "bsn": bsn,
                    "client_id": client.id if client is not None else None,
                    "verzoek": als_json(inhoud),
                    "ontvangen_op": ontvangen,
                    "retour_uiterlijk": retour_t.uiterlijk,
                    "retour_verzonden_op": moment,
                    "antwoord_uiterlijk": antwoord_t.uiterlijk,
                    "regels": regels_json((retour_t.regel, antwoord_t.regel)),
                },
            )
            await audit_log.record(conn, audit, principal, "aanmaken", "iwmo_verzoek", rij.id)

    return retour, bewaar


def verzoek_read(rij: Rij) -> IwmoVerzoekRead:
    retour_voldaan = datum_van(rij.retour_verzonden_op) if rij.retour_verzonden_op else None
    return IwmoVerzoekRead.model_validate(
        {
            "id": rij.id,
            "berichtId": rij.bericht_id,
            "berichttype": rij.berichttype,
            "aanbiederAgb": rij.aanbieder_agb,
            "referentieAanbieder": rij.referentie_aanbieder,
            "clientId": rij.client_id,
            "ontvangenOp": rij.ontvangen_op,
            "verzoek": rij.verzoek,
            "status": rij.status,
            "retourtermijn": _termijn("IWMO-RETOUR", rij.retour_uiterlijk, retour_voldaan),
            "antwoordtermijn": _termijn("IWMO-ANTWOORD", rij.antwoord_uiterlijk, rij.beantwoord_op),
            "antwoorden": rij.antwoorden,
            "regels": rij.regels,
            "versie": rij.versie,
        }
    )


def _termijn(rule: str, uiterlijk: dt.date, voldaan: dt.date | None) -> dict[str, Any]:
    return {
        "rule": rule,
        "uiterlijk": uiterlijk,
        "voldaanOp": voldaan,
        "opTijd": None if voldaan is None else voldaan <= uiterlijk,
    }


async def laad_verzoek(
    conn: AsyncConnection, principal: Principal, verzoek_id: uuid.UUID, *, wijzigen: bool = False
) -> Rij:
    rij = await iwmo_verzoeken.verzoek(conn, principal.gemeente, verzoek_id, lock=wijzigen)
    if rij is None:
        raise NotFound(GEEN_VERZOEK)
    actie = "wijzigen" if wijzigen else "lezen"
    await audit_log.record(conn, audit, principal, actie, "iwmo_verzoek", rij.id)
    return rij


async def lees_verzoek(
    db: Database, principal: Principal, verzoek_id: uuid.UUID
) -> IwmoVerzoekRead:
    async with db.transaction() as conn:
        return verzoek_read(await laad_verzoek(conn, principal, verzoek_id))


async def lijst_verzoeken(
    db: Database, principal: Principal, status: str | None, cursor: str | None, limit: int
) -> IwmoVerzoekList:
    na = None
    if cursor:
        na = lees_termijn_id(cursor)
    async with db.transaction() as conn:
        rows = await iwmo_verzoeken.pagina(
            conn, principal.gemeente, status=status, na=na, limit=limit
        )
        meer = len(rows) > limit
        rows = rows[:limit]
        await audit_log.record_many(
            conn, audit, principal, "lezen", "iwmo_verzoek", [r.id for r in rows]
        )
    laatste = rows[-1] if rows and meer else None
    return IwmoVerzoekList(
        resultaten=[verzoek_read(r) for r in rows],
        volgende_cursor=termijn_cursor(laatste.antwoord_uiterlijk, "verzoek", str(laatste.id))
        if laatste is not None
        else None,
    )
