"""The dienstverleningsopdracht to a provider: complete per AAN-01, published in the
toewijzingen feed, read by the provider it is for (by the AGB code in its token). The contract
tariff is asked of finance before the opdracht's transaction opens."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.clients import finance
from wmo_intake.db import beschikkingen, clienten, opdrachten
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.opdracht import (
    Dienstverleningsopdracht,
    tarief_per_eenheid,
    toets_crisis,
    toets_in_natura,
    toets_verstrekbaar,
    toets_volledig,
)
from wmo_intake.domain.termijnen import crisis_starttermijn, zorgplantermijn
from wmo_intake.domain.zaakstatus import Zaakgebeurtenis
from wmo_intake.schemas.opdracht import OpdrachtCreate, OpdrachtList, OpdrachtRead
from wmo_intake.service.aanbieder import gecontracteerd
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijn import termijn_read
from wmo_intake.service.toewijzing import publiceer
from wmo_intake.service.zaak import laad_zaak, pas_toe, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.client import ServiceClient
from wmo_shared.clock import AMSTERDAM, datum_van, nu
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import Forbidden, NotFound, invalid
from wmo_shared.regels import Regel

GEEN_OPDRACHT = "Er is geen opdracht met dit id voor u."
_EENHEID_TEKST = {"01": "minuten", "04": "uur", "14": "etmalen", "16": "dagdelen", "82": "stuks"}
_FREQUENTIE_TEKST = {"1": "per dag", "2": "per week", "4": "per maand", "6": "totaal"}


def opdracht_read(row: Rij) -> OpdrachtRead:
    zorgplan = zorgplantermijn(datum_van(row.verstrekt_op))
    regels = [Regel("AAN-01", "De dienstverleningsopdracht bevat alle verplichte gegevens.")]
    regels.extend(zorgplan.regels)
    crisis = None
    if row.crisis_start_uiterlijk is not None:
        termijn = crisis_starttermijn(row.crisis_start_uiterlijk - dt.timedelta(hours=24))
        regels.extend(termijn.regels)
        crisis = {
            "rule": "AAN-07",
            "uiterlijkOp": row.crisis_start_uiterlijk.astimezone(AMSTERDAM),
            "regels": regels_json(termijn.regels),
        }
    return OpdrachtRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "maatwerkvoorzieningId": row.maatwerkvoorziening_id,
            "toewijzingnummer": row.toewijzingnummer,
            "aanbiederAgb": row.aanbieder_agb,
            "status": row.status,
            "crisis": row.crisis,
            "verstrektOp": row.verstrekt_op,
            "gegevens": row.gegevens,
            "reactie": row.reactie,
            "zorgplantermijn": termijn_read(zorgplan),
            "zorgplanOntvangen": row.zorgplan_ontvangen,
            "crisisStarttermijn": crisis,
            "opzegging": row.opzegging,
            "vorigeOpdrachtId": row.vorige_opdracht_id,
            "regels": regels_json(regels),
            "versie": row.versie,
        }
    )


def geschreven(opdracht: OpdrachtRead) -> Written[OpdrachtRead]:
    return Written(opdracht, f"/opdrachten/{opdracht.id}", opdracht.versie)


def eigen_aanbieder(principal: Principal) -> str | None:
    """A provider sees only its own opdrachten: its AGB code; None for the gemeente."""
    if principal.has("aanbieder") and not principal.has("gebiedsteam", "beheer"):
        if not principal.agb:
            raise Forbidden("Uw token noemt geen AGB-code.")
        return principal.agb
    return None


async def laad_opdracht(
    conn: AsyncConnection,
    principal: Principal,
    opdracht_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
    actie: str | None = None,
) -> Rij:
    row = await opdrachten.opdracht(
        conn,
        principal.gemeente,
        opdracht_id,
        aanbieder=eigen_aanbieder(principal),
        lock=voor_wijziging,
    )
    if row is None:
        raise NotFound(GEEN_OPDRACHT)
    if actie:
        await audit_log.record(conn, audit, principal, actie, "opdracht", row.id)
    return row


async def lees_opdracht(db: Database, principal: Principal, opdracht_id: uuid.UUID) -> OpdrachtRead:
    async with db.transaction() as conn:
        row = await laad_opdracht(conn, principal, opdracht_id, actie="lezen")
    return opdracht_read(row)


async def lijst_opdrachten(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> OpdrachtList:
    aanbieder = eigen_aanbieder(principal)
    na = lees_positie(cursor) if cursor else None
    async with db.transaction() as conn:
        rows = await opdrachten.pagina(
            conn, principal.gemeente, aanbieder=aanbieder, na=na, limit=limit
        )
        meer = len(rows) > limit
        rows = rows[:limit]
        await audit_log.record_many(
            conn, audit, principal, "lezen", "opdracht", [r.id for r in rows]
        )
    volgende = positie_cursor(rows[-1].toewijzingnummer) if meer and rows else None
    return OpdrachtList(resultaten=[opdracht_read(r) for r in rows], volgende_cursor=volgende)


# --- verstrekken ------------------------------------------------------------------------------


Tariefvraag = tuple[str, dt.date, str | None]
"""What the contract tariff depends on: product, day, and the unit of the omvang."""


@dataclass(frozen=True)
class Contracttarief:
    """The answer of finance, and what it was asked for."""

    vraag: Tariefvraag
    per_eenheid: Decimal | None


def _tariefvraag(voorziening: Rij) -> Tariefvraag:
    omvang = voorziening.omvang
    eenheid = omvang.get("eenheid") if omvang else None
    return voorziening.productcode, voorziening.begindatum, eenheid


async def contracttarief(
    db: Database, principal: Principal, peer: ServiceClient, token: str, voorziening_id: uuid.UUID
) -> Contracttarief | None:
    """The contract tariff per unit of the omvang, read (without a lock) and asked of finance
    before any transaction holds the case; None when there is nothing to ask for."""
    async with db.single_statement() as conn:
        voorziening = await beschikkingen.voorziening_in_gemeente(
            conn, principal.gemeente, voorziening_id
        )
    if voorziening is None or voorziening.leveringsvorm != "zin":
        return None  # the opdracht is refused in its transaction
    vraag = _tariefvraag(voorziening)
    productcode, peildatum, eenheid = vraag
    tarief = await finance.tarief(peer, token, productcode, peildatum)
    if tarief is None:
        return Contracttarief(vraag, None)
    return Contracttarief(vraag, tarief_per_eenheid(tarief.zin_tarief, tarief.eenheid, eenheid))


def _opdracht(client: Rij, voorziening: Rij, body: OpdrachtCreate) -> Dienstverleningsopdracht:
    omvang = voorziening.omvang
    adres = [client.straat, client.huisnummer, client.postcode, client.woonplaats]
    return Dienstverleningsopdracht(
        bsn=client.bsn,
        naam=f"{client.voornamen} {client.achternaam}",
        adres=" ".join(d for d in adres if d) if client.straat and client.woonplaats else None,
        telefoonnummer=client.telefoon,
        emailadres=client.email,
        doelen=tuple(body.doelen),
        begindatum=voorziening.begindatum,
        einddatum=voorziening.einddatum,
        omvang=Decimal(omvang["volume"]) if omvang else None,
        omvangeenheid=(
            f"{_EENHEID_TEKST.get(omvang['eenheid'], omvang['eenheid'])} "
            f"{_FREQUENTIE_TEKST.get(omvang['frequentie'], omvang['frequentie'])}"
            if omvang
            else None
        ),
        productcode=voorziening.productcode,
    )


def _gegevens(
    client: Rij, voorziening: Rij, body: OpdrachtCreate, tarief: Decimal | None
) -> dict[str, Any]:
    return {
        "bsn": client.bsn,
        "voornamen": client.voornamen,
        "achternaam": client.achternaam,
        "geboortedatum": client.geboortedatum.isoformat(),
        "adres": {
            "straat": client.straat,
            "huisnummer": client.huisnummer,
            "postcode": client.postcode,
            "woonplaats": client.woonplaats,
        },
        "telefoon": client.telefoon,
        "email": client.email,
        "doelen": body.doelen,
        "productcategorie": voorziening.productcategorie,
        "productcode": voorziening.productcode,
        "omvang": voorziening.omvang,
        "begindatum": voorziening.begindatum.isoformat(),
        "einddatum": voorziening.einddatum.isoformat() if voorziening.einddatum else None,
        "tarief": str(tarief) if tarief is not None else None,
        "commentaar": body.commentaar,
    }


async def verstrek_opdracht(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    peer: ServiceClient,
    token: str,
    body: OpdrachtCreate,
) -> Written[OpdrachtRead]:
    gevraagd = None
    if body.tarief is None:
        gevraagd = await contracttarief(db, principal, peer, token, body.maatwerkvoorziening_id)

    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        return geschreven(opdracht_read(await verstrek(conn, principal, body, gevraagd)))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)


async def verstrek(
    conn: AsyncConnection,
    principal: Principal,
    body: OpdrachtCreate,
    gevraagd: Contracttarief | None,
    *,
    referentie_aanbieder: str | None = None,
) -> Rij:
    """The opdracht, in the caller's transaction, published in the toewijzingen feed; with the
    ReferentieAanbieder of the verzoek (WMO315/317) it answers, when there is one."""
    voorziening = await beschikkingen.voorziening_in_gemeente(
        conn, principal.gemeente, body.maatwerkvoorziening_id
    )
    if voorziening is None:
        raise invalid(
            "maatwerkvoorzieningId", "Er is geen maatwerkvoorziening met dit id.", "onbekend"
        )
    toets_in_natura(voorziening.leveringsvorm)
    beschikking = await beschikkingen.beschikking_van_voorziening(conn, voorziening)
    zaak = await laad_zaak(
        conn, principal, beschikking.melding_id, voor_wijziging=True, actie="wijzigen"
    )
    agb = toets_verstrekbaar(
        beschikking.verzonden_op is not None,
        await opdrachten.loopt_voor(conn, voorziening.id),
        body.aanbieder_agb or voorziening.aanbieder_agb,
    )
    await gecontracteerd(
        conn,
        principal.gemeente,
        agb,
        voorziening.productcategorie,
        voorziening.productcode,
        voorziening.begindatum,
    )
    client = await clienten.client(conn, zaak.client_id)
    toets_volledig(_opdracht(client, voorziening, body))
    if zaak.status == "beschikking":
        await verplaats(conn, principal, zaak, Zaakgebeurtenis.OPDRACHT_VERSTREKT)
    elif zaak.status != "opdracht":
        pas_toe(zaak.status, Zaakgebeurtenis.OPDRACHT_VERSTREKT)
    toets_crisis(body.crisis, body.verzocht_op)
    tarief = body.tarief
    if tarief is None and gevraagd is not None and gevraagd.vraag == _tariefvraag(voorziening):
        tarief = gevraagd.per_eenheid  # asked for exactly this product, day and unit
    moment = nu().astimezone(dt.UTC)
    zorgplan = zorgplantermijn(datum_van(moment))
    crisis = crisis_starttermijn(body.verzocht_op) if body.crisis and body.verzocht_op else None
    gegevens = _gegevens(client, voorziening, body, tarief)
    if referentie_aanbieder is not None:
        gegevens["referentieAanbieder"] = referentie_aanbieder
    row = await opdrachten.insert_opdracht(
        conn,
        {
            "gemeente": principal.gemeente,
            "melding_id": zaak.id,
            "maatwerkvoorziening_id": voorziening.id,
            "aanbieder_agb": agb,
            "gegevens": gegevens,
            "crisis": body.crisis,
            "verstrekt_op": moment,
            "zorgplan_uiterlijk": zorgplan.uiterlijk,
            "crisis_start_uiterlijk": crisis.uiterlijk if crisis else None,
        },
    )
    await publiceer(conn, row, row.gegevens, moment)
    await audit_log.record(conn, audit, principal, "aanmaken", "opdracht", row.id)
    return row
