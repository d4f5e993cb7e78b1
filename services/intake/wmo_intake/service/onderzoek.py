"""The onderzoek: started only after the INT-02 notice; its answers judged by the domain
(``domain.beoordeling``: INT-05, INT-06, INT-11, INT-13, INT-14, MZ); every version kept."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clientondersteuning, indicatie_adviezen, meldingen, onderzoeken
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.afwegingsladder import Maatwerkoptie, Tredebijdrage
from wmo_intake.domain.beoordeling import (
    Beoordeling,
    Onderzoeksinvoer,
    Resultaattoets,
    beoordeel,
)
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.onderzoek import Afstemming, Conclusie, Onderzoeksantwoord
from wmo_intake.domain.onderzoeksverloop import toets_bijwerken, toets_enige_onderzoek
from wmo_intake.domain.zaakstatus import Overgangsfeiten, Zaakgebeurtenis
from wmo_intake.schemas.indicatie_advies import IndicatieAdviesRead
from wmo_intake.schemas.onderzoek import OnderzoekCreate, OnderzoekRead, OnderzoekUitkomstRead
from wmo_intake.service.clientondersteuning import clientondersteuning_gewezen
from wmo_intake.service.regels import regels_json
from wmo_intake.service.zaak import laad_zaak, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.regels import rule_ids

GEEN_ONDERZOEK = "Er is geen onderzoek met dit id in uw gemeente."


def _invoer(body: OnderzoekCreate) -> Onderzoeksinvoer:
    return Onderzoeksinvoer(
        antwoorden=[Onderzoeksantwoord(a.vraag, a.antwoord) for a in body.antwoorden],
        conclusie=Conclusie(
            body.conclusie.hulpvraag_volledig_opgelost,
            body.conclusie.passende_maatwerkvoorziening,
        )
        if body.conclusie
        else None,
        extern_advies=body.extern_advies,
        persoonlijk_plan_meegewogen=body.persoonlijk_plan_meegewogen,
        hulpvraagdelen=body.hulpvraagdelen,
        ladder=[Tredebijdrage(b.trede, frozenset(b.lost_op), b.toelichting) for b in body.ladder],
        opties=[Maatwerkoptie(o.naam, o.kosten, frozenset(o.dekt), o.passend) for o in body.opties],
        afstemming=[Afstemming(a.factor, a.van_toepassing, a.toelichting) for a in body.afstemming],
        toetsen=[
            Resultaattoets(gebied.gebied, t.toets, t.invoer, f"resultaatgebieden[{i}].toetsen[{j}]")
            for i, gebied in enumerate(body.resultaatgebieden)
            for j, t in enumerate(gebied.toetsen)
        ],
    )


def _uitkomst_read(oordeel: Beoordeling) -> OnderzoekUitkomstRead:
    ladder = oordeel.ladder
    return OnderzoekUitkomstRead.model_validate(
        {
            "gereed": oordeel.gereed,
            "volledig": oordeel.volledig,
            "compensatieplicht": oordeel.compensatieplicht,
            "ontbrekend": list(oordeel.ontbrekend),
            "ladder": {
                "conclusie": ladder.conclusie,
                "resterend": list(ladder.resterend),
                "opgelostDoor": dict(ladder.opgelost_door),
                "nietOnderzocht": list(ladder.niet_onderzocht),
                "gekozen": ladder.gekozen,
                "regels": regels_json(ladder.regels),
            },
            "afstemmingVoldaan": oordeel.afstemming_voldaan,
            "persoonlijkPlanVoldaan": oordeel.persoonlijk_plan_voldaan,
            "bevindingen": [
                {
                    "gebied": b.gebied,
                    "toets": b.toets,
                    "uitkomst": b.uitkomst,
                    "verwijzing": b.verwijzing,
                    "details": b.details,
                    "regels": regels_json(b.regels),
                }
                for b in oordeel.bevindingen
            ],
            "regels": regels_json(oordeel.regels),
            "rules": rule_ids(oordeel.regels),
        }
    )


async def _beoordeel(conn: AsyncConnection, zaak: Rij, body: OnderzoekCreate) -> dict[str, object]:
    """The judgement of this version, as stored."""
    plannen = await meldingen.plannen(conn, zaak.id)
    eerste_plan = min((p.ontvangstdatum for p in plannen), default=None)
    oordeel = beoordeel(_invoer(body), zaak.ontvangstdatum, eerste_plan)
    return _uitkomst_read(oordeel).model_dump(mode="json", by_alias=True)


def advies_read(row: Rij) -> IndicatieAdviesRead:
    return IndicatieAdviesRead(
        id=row.id,
        onderzoek_id=row.onderzoek_id,
        verzoek=row.verzoek,
        antwoord=row.antwoord,
        ontvangen_op=row.aangemaakt,
    )


async def onderzoek_read(conn: AsyncConnection, row: Rij) -> OnderzoekRead:
    adviezen = await indicatie_adviezen.adviezen(conn, row.id)
    return OnderzoekRead.model_validate(
        {
            **row.invoer,
            "id": row.id,
            "meldingId": row.melding_id,
            "uitkomst": row.uitkomst,
            "indicatieAdviezen": [advies_read(a) for a in adviezen],
            "versie": row.versie,
        }
    )


async def laad_onderzoek(
    conn: AsyncConnection,
    principal: Principal,
    onderzoek_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
    actie: str | None = None,
) -> tuple[Rij, Rij]:
    """The onderzoek and its zaak (404 outside the gemeente or without consent); with
    ``voor_wijziging`` both locked, the zaak first."""
    row = await onderzoeken.onderzoek(conn, principal.gemeente, onderzoek_id)
    if row is None:
        raise NotFound(GEEN_ONDERZOEK)
    try:
        zaak = await laad_zaak(conn, principal, row.melding_id, voor_wijziging=voor_wijziging)
    except NotFound as exc:
        raise NotFound(GEEN_ONDERZOEK) from exc
    if voor_wijziging:
        row = await onderzoeken.vergrendel(conn, onderzoek_id)
    if actie:
        await audit_log.record(conn, audit, principal, actie, "onderzoek", row.id)
    return row, zaak


def _geschreven(onderzoek: OnderzoekRead) -> Written[OnderzoekRead]:
    return Written(onderzoek, f"/onderzoeken/{onderzoek.id}", onderzoek.versie)


async def start_onderzoek(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: OnderzoekCreate,
) -> Written[OnderzoekRead]:
    async def work(conn: AsyncConnection) -> Written[OnderzoekRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        tussen(
            "startdatum",
            body.startdatum,
            zaak.ontvangstdatum,
            vandaag(),
            "De startdatum ligt vóór de melding of in de toekomst.",
        )
        berichten = await clientondersteuning.berichten(conn, zaak.id)
        notitie = clientondersteuning_gewezen(berichten[-1]) if berichten else None
        await verplaats(
            conn,
            principal,
            zaak,
            Zaakgebeurtenis.ONDERZOEK_GESTART,
            Overgangsfeiten(clientondersteuning=notitie, onderzoek_start=body.startdatum),
        )
        toets_enige_onderzoek(await onderzoeken.onderzoek_van_melding(conn, zaak.id) is not None)
        uitkomst = await _beoordeel(conn, zaak, body)
        invoer = body.model_dump(mode="json", by_alias=True)
        row = await onderzoeken.insert_onderzoek(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "startdatum": body.startdatum,
                "invoer": invoer,
                "uitkomst": uitkomst,
            },
        )
        await onderzoeken.insert_versie(
            conn, row.id, versie=1, invoer=invoer, uitkomst=uitkomst, sub=principal.sub
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "onderzoek", row.id)
        return _geschreven(await onderzoek_read(conn, row))

    return await write_once(db, idempotency_keys, principal, write, OnderzoekRead, work)


async def werk_onderzoek_bij(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    onderzoek_id: uuid.UUID,
    body: OnderzoekCreate,
    if_match: str | None,
) -> Written[OnderzoekRead]:
    """A new version (If-Match with the ETag of the one it replaces)."""

    async def work(conn: AsyncConnection) -> Written[OnderzoekRead]:
        row, zaak = await laad_onderzoek(
            conn, principal, onderzoek_id, voor_wijziging=True, actie="wijzigen"
        )
        require_version(if_match, row.versie)
        toets_bijwerken(
            zaak.status, bool(row.uitkomst.get("gereed")), row.startdatum, body.startdatum
        )
        uitkomst = await _beoordeel(conn, zaak, body)
        invoer = body.model_dump(mode="json", by_alias=True)
        nieuw = await onderzoeken.wijzig_onderzoek(
            conn, row.id, invoer=invoer, uitkomst=uitkomst, versie=row.versie + 1, gewijzigd=nu()
        )
        await onderzoeken.insert_versie(
            conn, row.id, versie=nieuw.versie, invoer=invoer, uitkomst=uitkomst, sub=principal.sub
        )
        return Written(await onderzoek_read(conn, nieuw), version=nieuw.versie, status=200)

    return await write_once(db, idempotency_keys, principal, write, OnderzoekRead, work)


async def lees_onderzoek(
    db: Database, principal: Principal, onderzoek_id: uuid.UUID
) -> OnderzoekRead:
    async with db.transaction() as conn:
        row, _ = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
        return await onderzoek_read(conn, row)
