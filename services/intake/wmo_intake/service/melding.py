"""The melding (the case): creating it with its deadlines (INT-01, INT-14), reading and listing
it, the persoonlijk plan (INT-14), spoed (INT-10) and the steps that need only a date and a
reason (herindicatie, intrekking)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clientondersteuning, meldingen, opmerkingen, vertegenwoordigers
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.client import toets_actief
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.melding import geen_aanvraag_nodig, toets_nieuwe_melding, toets_spoedsoort
from wmo_intake.domain.onderzoek import PersoonlijkPlan, toets_persoonlijk_plan
from wmo_intake.domain.termijnen import onderzoekstermijn, persoonlijk_plan_termijn
from wmo_intake.domain.zaakstatus import (
    Overgangsfeiten,
    Spoedgrond,
    Spoedsoort,
    Zaakgebeurtenis,
    Zaakstatus,
    toegestane_gebeurtenissen,
    toets_spoedbeschikking,
)
from wmo_intake.schemas.melding import (
    MeldingCreate,
    MeldingList,
    MeldingRead,
    PersoonlijkPlanCreate,
    PersoonlijkPlanRead,
    SpoedgrondCreate,
    TijdelijkeVoorzieningRead,
    ZaakstapCreate,
)
from wmo_intake.service.beleid import spoed_achteraf
from wmo_intake.service.client import bestaande_client
from wmo_intake.service.clientondersteuning import bericht_read
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijn import termijn_read
from wmo_intake.service.vertegenwoordiger import vertegenwoordiger_read
from wmo_intake.service.zaak import geclaimde_clienten, laad_zaak, ondersteuner, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


def spoedgrond(data: dict[str, Any]) -> Spoedgrond:
    """The spoedgrond as stored with the melding (its wire form)."""
    return Spoedgrond(
        soort=Spoedsoort(data["soort"]),
        reden=data["reden"],
        multidisciplinair_overleg=data.get("multidisciplinairOverleg"),
        veiligheid_verhinderde_overleg=data.get("veiligheidVerhinderdeOverleg"),
        protocol_raad_kinderbescherming=data.get("protocolRaadKinderbescherming"),
    )


def _plan_read(row: Rij, melding_ontvangen: Any) -> PersoonlijkPlanRead:
    toets = toets_persoonlijk_plan(PersoonlijkPlan(row.ontvangstdatum, True), melding_ontvangen)
    return PersoonlijkPlanRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "ontvangstdatum": row.ontvangstdatum,
            "inhoud": row.inhoud,
            "opTijd": row.op_tijd,
            "regels": regels_json(toets.regels),
        }
    )


async def melding_read(conn: AsyncConnection, zaak: Rij) -> MeldingRead:
    plannen = await meldingen.plannen(conn, zaak.id)
    berichten = await clientondersteuning.berichten(conn, zaak.id)
    status = Zaakstatus(zaak.status)
    return MeldingRead.model_validate(
        {
            "id": zaak.id,
            "gemeente": zaak.gemeente,
            "clientId": zaak.client_id,
            "ontvangstdatum": zaak.ontvangstdatum,
            "kanaal": zaak.kanaal,
            "hulpvraag": zaak.hulpvraag,
            "urgentie": zaak.urgentie,
            "status": status,
            "mogelijkeGebeurtenissen": [g.value for g in toegestane_gebeurtenissen(status)],
            "geenAanvraagNodig": geen_aanvraag_nodig(zaak.kanaal),
            "onderzoekstermijn": termijn_read(onderzoekstermijn(zaak.ontvangstdatum)),
            "persoonlijkPlanTermijn": termijn_read(persoonlijk_plan_termijn(zaak.ontvangstdatum)),
            "clientondersteuning": [bericht_read(b) for b in berichten],
            "persoonlijkePlannen": [_plan_read(p, zaak.ontvangstdatum) for p in plannen],
            "tijdelijkeVoorziening": zaak.spoedgrond,
            "vertegenwoordigers": [
                vertegenwoordiger_read(v)
                for v in await vertegenwoordigers.van_client(conn, zaak.client_id)
                if v.einddatum is None or v.einddatum >= vandaag()
            ],
            "regels": await meldingen.gebeurtenisregels(conn, zaak.id),
            "versie": zaak.versie,
        }
    )


def _zaak_geschreven(melding: MeldingRead) -> Written[MeldingRead]:
    return Written(melding, f"/meldingen/{melding.id}", melding.versie)


async def maak_melding(
    db: Database, principal: Principal, write: WriteRequest, body: MeldingCreate
) -> Written[MeldingRead]:
    async def work(conn: AsyncConnection) -> Written[MeldingRead]:
        try:
            client = await bestaande_client(conn, principal, body.client_id)
        except NotFound as exc:
            raise invalid(
                "clientId", "Er is geen cliënt met dit id in uw gemeente.", "onbekende-client"
            ) from exc
        toets_actief(client.overleden_op, client.vertrokken_op, client.nieuwe_gemeente)
        toets_nieuwe_melding(
            body.ontvangstdatum, body.urgentie, body.spoedgrond is not None, vandaag()
        )
        onderzoek = onderzoekstermijn(body.ontvangstdatum)
        plan = persoonlijk_plan_termijn(body.ontvangstdatum)
        zaak = await meldingen.insert_melding(
            conn,
            {
                "gemeente": principal.gemeente,
                "client_id": body.client_id,
                "ontvangstdatum": body.ontvangstdatum,
                "kanaal": body.kanaal,
                "hulpvraag": body.hulpvraag,
                "urgentie": body.urgentie,
                "onderzoek_uiterlijk": onderzoek.uiterlijk,
                "persoonlijk_plan_uiterlijk": plan.uiterlijk,
            },
        )
        await meldingen.insert_gebeurtenis(
            conn,
            zaak.id,
            van="melding",
            gebeurtenis="melding_ontvangen",
            naar="melding",
            regels=regels_json(onderzoek.regels + plan.regels),
            sub=principal.sub,
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "melding", zaak.id)
        if body.spoedgrond is not None:
            zaak = await _start_spoed(conn, principal, zaak, body.spoedgrond)
        return _zaak_geschreven(await melding_read(conn, zaak))

    return await write_once(db, idempotency_keys, principal, write, MeldingRead, work)


async def _start_spoed(
    conn: AsyncConnection, principal: Principal, zaak: Rij, body: SpoedgrondCreate
) -> Rij:
    toets_spoedsoort(body.soort.value, zaak.urgentie)
    grond = spoedgrond(body.model_dump(mode="json", by_alias=True))
    stap = await verplaats(
        conn,
        principal,
        zaak,
        Zaakgebeurtenis.SPOEDVOORZIENING_GESTART,
        Overgangsfeiten(spoed=grond),
    )
    try:
        voorwaarden, bron = spoed_achteraf(
            principal.gemeente, body.soort.value, body.startdatum, veld="spoedgrond.startdatum"
        )
        achteraf = toets_spoedbeschikking(grond, voorwaarden, bron).regels
    except Weigering as geen_beleid:  # the temporary voorziening starts all the same (INT-10)
        achteraf = (
            Regel(
                "INT-10",
                f"{geen_beleid.toelichting} De voorwaarden voor de beschikking achteraf worden "
                "getoetst als zij wordt verzonden.",
            ),
        )
    voorziening = TijdelijkeVoorzieningRead.model_validate(
        {
            **body.model_dump(mode="json", by_alias=True),
            "regels": regels_json(stap.regels + achteraf),
        }
    )
    return await meldingen.zet_spoedgrond(
        conn, zaak.id, voorziening.model_dump(mode="json", by_alias=True), body.soort.value
    )


async def start_tijdelijke_voorziening(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: SpoedgrondCreate,
) -> Written[MeldingRead]:
    async def work(conn: AsyncConnection) -> Written[MeldingRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        zaak = await _start_spoed(conn, principal, zaak, body)
        return _zaak_geschreven(await melding_read(conn, zaak))

    return await write_once(db, idempotency_keys, principal, write, MeldingRead, work)


async def lees_melding(db: Database, principal: Principal, melding_id: uuid.UUID) -> MeldingRead:
    async with db.transaction() as conn:
        zaak = await laad_zaak(conn, principal, melding_id, actie="lezen")
        return await melding_read(conn, zaak)


async def meldingen_van_client(
    db: Database, principal: Principal, client_id: uuid.UUID
) -> MeldingList:
    async with db.transaction() as conn:
        rows = await meldingen.meldingen_van_client(
            conn,
            principal.gemeente,
            client_id,
            ondersteuner=ondersteuner(principal),
            geclaimd=geclaimde_clienten(principal),
        )
        await audit_log.record(conn, audit, principal, "lezen", "melding", f"client:{client_id}")
        return MeldingList(resultaten=[await melding_read(conn, r) for r in rows])


async def ontvang_persoonlijk_plan(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: PersoonlijkPlanCreate,
) -> Written[PersoonlijkPlanRead]:
    async def work(conn: AsyncConnection) -> Written[PersoonlijkPlanRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        tussen(
            "ontvangstdatum",
            body.ontvangstdatum,
            zaak.ontvangstdatum,
            vandaag(),
            "De ontvangstdatum ligt vóór de melding of in de toekomst.",
        )
        row = await meldingen.insert_plan(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "ontvangstdatum": body.ontvangstdatum,
                "inhoud": body.inhoud,
                "op_tijd": body.ontvangstdatum <= zaak.persoonlijk_plan_uiterlijk,
            },
        )
        return Written(
            _plan_read(row, zaak.ontvangstdatum),
            f"/meldingen/{melding_id}/persoonlijke-plannen/{row.id}",
        )

    return await write_once(db, idempotency_keys, principal, write, PersoonlijkPlanRead, work)


async def _zaakstap(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    gebeurtenis: Zaakgebeurtenis,
    body: ZaakstapCreate,
) -> Written[MeldingRead]:
    """Herindicatie of a running voorziening, or the client withdrawing the melding (before
    the beschikking); an impossible step is a 409 naming the current status."""

    async def work(conn: AsyncConnection) -> Written[MeldingRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        tussen(
            "datum",
            body.datum,
            zaak.ontvangstdatum,
            vandaag(),
            "De datum ligt vóór de melding of in de toekomst.",
        )
        await verplaats(conn, principal, zaak, gebeurtenis)
        await opmerkingen.insert_opmerking(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "sub": principal.sub,
                "rol": principal.role,
                "tekst": f"{gebeurtenis.value} op {body.datum.isoformat()}: {body.reden}",
            },
        )
        return _zaak_geschreven(await melding_read(conn, await meldingen.herlees(conn, zaak.id)))

    return await write_once(db, idempotency_keys, principal, write, MeldingRead, work)


async def start_herindicatie(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
) -> Written[MeldingRead]:
    return await _zaakstap(
        db, principal, write, melding_id, Zaakgebeurtenis.HERINDICATIE_GESTART, body
    )


async def trek_in(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: ZaakstapCreate,
) -> Written[MeldingRead]:
    return await _zaakstap(db, principal, write, melding_id, Zaakgebeurtenis.INGETROKKEN, body)
