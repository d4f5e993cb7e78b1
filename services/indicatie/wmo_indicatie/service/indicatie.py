"""Use cases of ``/indicaties``: record, revise and end an indicatie, read and search them.
Nothing is overwritten: each change is a new version in the same reeks, the old one is marked
``vervangen``. Every version keeps the request it was decided on, the engine's advice it was
decided next to, and the rules the checks applied (replayable in bezwaar)."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db import indicaties
from wmo_indicatie.db.models import audit, idempotency_keys
from wmo_indicatie.domain.aanvraag import toets_aanvraag
from wmo_indicatie.domain.begrippen import Profiel
from wmo_indicatie.domain.reeks import (
    beeindiging,
    geen_actieve,
    perceelduur_over_de_reeks,
    tegelijk_gewijzigd,
    wijzigbaar,
    zelfde_aard,
)
from wmo_indicatie.schemas.indicatie import (
    IndicatieBeeindigingCreate,
    IndicatieCreate,
    IndicatieHerzieningCreate,
    IndicatieList,
    IndicatieRead,
    IndicatieZoek,
)
from wmo_indicatie.service.aanvraag import Aanvragen
from wmo_indicatie.service.beleid import normenkader
from wmo_indicatie.service.beoordeling import beoordeel
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import IndicatieBesluit, IndicatieOmvang
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound

RESOURCE = "indicatie"
_NIET_GEVONDEN = "Er is geen indicatie met dit id in uw gemeente."
# What an ending keeps of the version it ends.
_BLIJFT_BIJ_BEEINDIGING = (
    "advies_id",
    "aard",
    "profiel",
    "plus",
    "omvang",
    "eenheid",
    "perceel",
    "productcategorie",
    "productcode",
    "begindatum",
    "motivering",
    "afwijking",
    "advies",
)


async def leg_vast(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    body: IndicatieCreate,
    aanvragen: Aanvragen,
) -> Written[IndicatieRead]:
    """The aanvraag is read from intake first (before the transaction); the indicatie's own
    checks come before the check that it is this cliënt's aanvraag (issue 12.1)."""
    feiten = await aanvragen.feiten(principal.gemeente, body.aanvraag_id)

    async def work(conn: AsyncConnection) -> Written[IndicatieRead]:
        kader = normenkader(principal.gemeente, body.begindatum)
        waarden = await beoordeel(conn, principal, kader, body, body.bsn)
        toets_aanvraag(feiten, bsn=body.bsn, gemeente=principal.gemeente)
        geen_actieve(
            await indicaties.actieve_voor_aanvraag(
                conn, principal.gemeente, body.aanvraag_id, body.aard.value
            )
        )
        nieuw_id = uuid.uuid4()
        row = await _insert(
            conn,
            {
                **waarden,
                "id": nieuw_id,
                "reeks_id": nieuw_id,
                "volgnummer": 1,
                "soort": "vastgesteld",
                "status": "actief",
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "aanvraag_id": body.aanvraag_id,
                "invoer": body.model_dump(mode="json", by_alias=True, exclude={"bsn"}),
                "vastgesteld_door": principal.sub,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, row.id)
        return _written(row)

    return await write_once(db, idempotency_keys, principal, write, IndicatieRead, work)


async def herzie(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    indicatie_id: uuid.UUID,
    if_match: str | None,
    body: IndicatieHerzieningCreate,
    aanvragen: Aanvragen,
) -> Written[IndicatieRead]:
    """A herindicatie on a new aanvraag: that aanvraag is read from intake first and must be
    the cliënt's of the indicatie (issue 12.1)."""
    nieuwe_aanvraag = body.aanvraag_id
    feiten = (
        await aanvragen.feiten(principal.gemeente, nieuwe_aanvraag) if nieuwe_aanvraag else None
    )

    async def work(conn: AsyncConnection) -> Written[IndicatieRead]:
        oud = await _huidige(conn, principal, indicatie_id, if_match, "herzien")
        zelfde_aard(oud.aard, body.aard)
        kader = normenkader(principal.gemeente, body.begindatum)
        waarden = await beoordeel(conn, principal, kader, body, oud.bsn)
        if nieuwe_aanvraag is not None:
            toets_aanvraag(feiten, bsn=oud.bsn, gemeente=principal.gemeente, bsn_veld="aanvraagId")
        eerste = await indicaties.eerste_inzet(conn, oud.reeks_id, body.perceel.value)
        perceelduur_over_de_reeks(
            kader.policy, body.perceel, eerste, body.begindatum, body.einddatum
        )
        waarden |= {
            "soort": "herzien",
            "status": "actief",
            "aanvraag_id": body.aanvraag_id or oud.aanvraag_id,
            "reden": body.reden,
            "invoer": body.model_dump(mode="json", by_alias=True),
        }
        return _written(await _opvolger(conn, principal, oud, waarden, "herzien"))

    return await write_once(db, idempotency_keys, principal, write, IndicatieRead, work)


async def beeindig(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    indicatie_id: uuid.UUID,
    if_match: str | None,
    body: IndicatieBeeindigingCreate,
) -> Written[IndicatieRead]:
    async def work(conn: AsyncConnection) -> Written[IndicatieRead]:
        oud = await _huidige(conn, principal, indicatie_id, if_match, "beëindigen")
        einde = beeindiging(
            oud.begindatum, oud.einddatum, oud.herzieningsdatum, body.einddatum, body.reden
        )
        beoordeling = {
            **oud.beoordeling,
            "regels": [{"rule": einde.regel.rule, "toelichting": einde.regel.toelichting}],
            "rules": [einde.regel.rule],
            "waarschuwingen": [],
        }
        waarden = {c: getattr(oud, c) for c in _BLIJFT_BIJ_BEEINDIGING} | {
            "einddatum": body.einddatum,
            "herzieningsdatum": einde.herzieningsdatum,
            "soort": "beeindigd",
            "status": "beeindigd",
            "reden": body.reden,
            "invoer": body.model_dump(mode="json", by_alias=True),
            "beoordeling": beoordeling,
        }
        return _written(await _opvolger(conn, principal, oud, waarden, "beeindigen"))

    return await write_once(db, idempotency_keys, principal, write, IndicatieRead, work)


async def lees(db: Database, principal: Principal, indicatie_id: uuid.UUID) -> IndicatieRead:
    row = await indicaties.get_indicatie_audited(db, principal, indicatie_id)
    if row is None:
        raise NotFound(_NIET_GEVONDEN)
    return to_read(row)


async def besluit(db: Database, principal: Principal, indicatie_id: uuid.UUID) -> IndicatieBesluit:
    """The recorded indicatie as the contract other services check a beschikking against
    (issue 12.1); the read is audited like every read of an indicatie."""
    row = await indicaties.get_indicatie_audited(db, principal, indicatie_id)
    if row is None:
        raise NotFound(_NIET_GEVONDEN)
    return to_besluit(row)


async def zoek(db: Database, principal: Principal, body: IndicatieZoek) -> IndicatieList:
    rows = await indicaties.zoek_audited(
        db, principal, body.bsn, body.aanvraag_id, body.inclusief_vervangen
    )
    return IndicatieList(resultaten=[to_read(r) for r in rows])


async def versies(db: Database, principal: Principal, indicatie_id: uuid.UUID) -> IndicatieList:
    """Every version of the reeks, each read audited. The attempt on an indicatie that is not
    one of the caller's gemeente is audited too, then answered 404 (after the commit)."""
    async with db.transaction() as conn:
        rows = await indicaties.versies(conn, principal.gemeente, indicatie_id)
        if rows:
            ids = [r.id for r in rows]
            await audit_log.record_many(conn, audit, principal, "lezen", RESOURCE, ids)
        else:
            await audit_log.record(conn, audit, principal, "lezen", RESOURCE, indicatie_id)
    if not rows:
        raise NotFound(_NIET_GEVONDEN)
    return IndicatieList(resultaten=[to_read(r) for r in rows])


# --- helpers ----------------------------------------------------------------------------------


async def _huidige(
    conn: AsyncConnection,
    principal: Principal,
    indicatie_id: uuid.UUID,
    if_match: str | None,
    handeling: str,
) -> Row[Any]:
    oud = await indicaties.lock_indicatie(conn, principal.gemeente, indicatie_id)
    if oud is None:
        raise NotFound(_NIET_GEVONDEN)
    require_version(if_match, oud.versie)
    wijzigbaar(oud.status, oud.vervangen_door_id, oud.einddatum, handeling)
    return oud


async def _opvolger(
    conn: AsyncConnection,
    principal: Principal,
    oud: Row[Any],
    waarden: dict[str, Any],
    actie: str,
) -> Row[Any]:
    nieuw_id = uuid.uuid4()
    await indicaties.markeer_vervangen(conn, oud.id)
    row = await _insert(
        conn,
        {
            "aanvraag_id": oud.aanvraag_id,
            **waarden,
            "id": nieuw_id,
            "reeks_id": oud.reeks_id,
            "volgnummer": oud.volgnummer + 1,
            "vorige_id": oud.id,
            "gemeente": oud.gemeente,
            "bsn": oud.bsn,
            "vastgesteld_door": principal.sub,
        },
    )
    await indicaties.koppel_opvolger(conn, oud.id, nieuw_id)
    await audit_log.record(
        conn, audit, principal, actie, RESOURCE, nieuw_id, {"vorigeVersie": str(oud.id)}
    )
    return row


async def _insert(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    row = await indicaties.insert_indicatie(conn, values)
    if row is None:
        raise tegelijk_gewijzigd()
    return row


def _written(row: Row[Any]) -> Written[IndicatieRead]:
    return Written(body=to_read(row), location=f"/indicaties/{row.id}", version=row.versie)


def to_besluit(row: Row[Any]) -> IndicatieBesluit:
    return IndicatieBesluit(
        id=row.id,
        reeks_id=row.reeks_id,
        versie=row.volgnummer,
        status=row.status,
        vervangen_door_id=row.vervangen_door_id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        aanvraag_id=row.aanvraag_id,
        aard=row.aard,
        profiel=row.profiel,
        plus=row.plus,
        productcategorie=row.productcategorie,
        productcode=row.productcode,
        omvang=IndicatieOmvang(waarde=_omvang(row.omvang), eenheid=row.eenheid),
        begindatum=row.begindatum,
        einddatum=row.einddatum,
        herzieningsdatum=row.herzieningsdatum,
        afwijking=row.afwijking,
        rules=row.beoordeling.get("rules", []),
        vastgesteld_op=row.vastgesteld_op,
    )


def _omvang(waarde: Decimal) -> Decimal:
    """3.50 as stored reads 3.5, 4.00 reads 4."""
    return Decimal(format(waarde.normalize(), "f"))


def to_read(row: Row[Any]) -> IndicatieRead:
    b = row.beoordeling
    return IndicatieRead(
        id=row.id,
        reeks_id=row.reeks_id,
        volgnummer=row.volgnummer,
        vorige_id=row.vorige_id,
        vervangen_door_id=row.vervangen_door_id,
        soort=row.soort,
        status=row.status,
        gemeente=row.gemeente,
        bsn=row.bsn,
        aanvraag_id=row.aanvraag_id,
        advies_id=row.advies_id,
        aard=row.aard,
        profiel=row.profiel,
        profiel_naam=Profiel(row.profiel).naam,
        plus=row.plus,
        omvang=_omvang(row.omvang),
        eenheid=row.eenheid,
        perceel=row.perceel,
        productcategorie=row.productcategorie,
        productcode=row.productcode,
        begindatum=row.begindatum,
        einddatum=row.einddatum,
        herzieningsdatum=row.herzieningsdatum,
        motivering=row.motivering,
        afwijking=row.afwijking,
        reden=row.reden,
        regels=b.get("regels", []),
        rules=b.get("rules", []),
        waarschuwingen=b.get("waarschuwingen", []),
        advies=b.get("vergelijking"),
        vastgesteld_op=row.vastgesteld_op,
        vastgesteld_door=row.vastgesteld_door,
        versie=row.versie,
    )
