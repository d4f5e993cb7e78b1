"""A case worker's signaleringen (issue 14.3, after the signaleringen of Dimpact's
zaakafhandelcomponent): in the cases the caller handles, a term that ends within five days (or
has passed), a provider's report on an opdracht, three or more no-shows of the client in one
month in the provider's declaraties (AAN-05, stored when the WMO323 is imported), an event a
receiver refused, an open bezwaar. Computed from the data on every read; a signalering the
worker marked as seen is left out (its id holds what it is about, so a moved deadline, a new
report or a higher no-show count signals again)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import signaleringen, werkvoorraad
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.domain.termijnen import WAARSCHUWINGSDAGEN, termijnstatus
from wmo_intake.domain.werkdagen import MAANDEN, datum_nl
from wmo_intake.schemas.signalering import (
    GezienSignaleringCreate,
    GezienSignaleringRead,
    SignaleringList,
    SignaleringRead,
)
from wmo_intake.service.werkvoorraad import REGEL
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import datum_van, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once

STATUS = {"verlopen": "verlopen", "binnen_5_dagen": "binnen vijf dagen", "op_tijd": "op tijd"}


async def _termijnen(
    conn: AsyncConnection, principal: Principal, peildatum: dt.date
) -> list[SignaleringRead]:
    rows = await werkvoorraad.taken(
        conn,
        principal.gemeente,
        soort=None,
        uiterlijk_van=None,
        uiterlijk_tot=peildatum + dt.timedelta(days=WAARSCHUWINGSDAGEN),
        na=None,
        limit=signaleringen.MAX,
        wie=werkvoorraad.wie_filter(behandelaar=principal.sub),
    )
    return [
        SignaleringRead(
            id=f"termijn:{r.soort}:{r.referentie}:{r.uiterlijk.isoformat()}",
            soort="termijn",
            melding_id=r.melding_id,
            client_id=r.client_id,
            referentie_id=r.referentie,
            datum=r.uiterlijk,
            toelichting=f"Termijn {r.soort} uiterlijk {datum_nl(r.uiterlijk)}: "
            f"{STATUS[termijnstatus(r.uiterlijk, peildatum).value]}.",
            rule=REGEL[r.soort] or None,
        )
        for r in rows[: signaleringen.MAX]
        if r.melding_id is not None
    ]


def _aanbieder(r: Any) -> list[SignaleringRead]:
    basis = {
        "soort": "aanbiedersbericht",
        "melding_id": r.melding_id,
        "client_id": r.client_id,
        "referentie_id": str(r.id),
    }
    uit: list[SignaleringRead] = []
    if r.reactie is not None:
        soort = r.reactie.get("soort", "reactie")
        datum = dt.date.fromisoformat(r.reactie["datum"]) if r.reactie.get("datum") else None
        reden = f" Reden: {r.reactie['reden']}" if r.reactie.get("reden") else ""
        uit.append(
            SignaleringRead(
                id=f"aanbieder:{r.id}:{soort}",
                datum=datum,
                toelichting=f"Aanbieder {r.aanbieder_agb}: {soort} van de opdracht.{reden}",
                rule="AAN-01",
                **basis,
            )
        )
    if r.zorgplan_ontvangen is not None:
        uit.append(
            SignaleringRead(
                id=f"aanbieder:{r.id}:zorgplan",
                datum=r.zorgplan_ontvangen,
                toelichting=f"Aanbieder {r.aanbieder_agb}: zorgplan ontvangen op "
                f"{datum_nl(r.zorgplan_ontvangen)}.",
                rule="AAN-02",
                **basis,
            )
        )
    if r.opzegging is not None:
        uit.append(
            SignaleringRead(
                id=f"aanbieder:{r.id}:opzegging",
                toelichting=f"Aanbieder {r.aanbieder_agb} heeft de opdracht opgezegd.",
                **basis,
            )
        )
    return uit


def _no_show(r: Any) -> SignaleringRead:
    """AAN-05 in the words of the case worker: who declared how many no-shows when, and what
    the rule asks."""
    maand = f"{MAANDEN[r.maand - 1]} {r.jaar}"
    return SignaleringRead(
        id=f"no-show:{r.id}:{r.aantal}",
        soort="no-show",
        melding_id=r.melding_id,
        client_id=r.client_id,
        referentie_id=str(r.id),
        datum=datum_van(r.bijgewerkt),
        toelichting=f"Aanbieder {r.afzender} declareerde {r.aantal} keer een no-show van deze "
        f"cliënt in {maand}: de cliënt was er niet op een afgesproken moment. Drie of meer "
        "no-shows in een maand moeten gemeld worden; ga na waarom de cliënt er niet was en of "
        "de ondersteuning nog passend is.",
        rule="AAN-05",
    )


async def signaleringen_van(
    db: Database, principal: Principal, *, peildatum: dt.date | None, ook_gezien: bool
) -> SignaleringList:
    peildatum = peildatum or vandaag()
    g, sub = principal.gemeente, principal.sub
    async with db.transaction() as conn:
        lijst = await _termijnen(conn, principal, peildatum)
        for r in await signaleringen.aanbiedersberichten(conn, g, sub):
            lijst += _aanbieder(r)
        lijst += [_no_show(r) for r in await signaleringen.no_shows(conn, g, sub)]
        for r in await signaleringen.geweigerde_gebeurtenissen(conn, g, sub):
            fout = (r.laatste_fout or "geen reden gegeven")[:300]
            lijst.append(
                SignaleringRead(
                    id=f"gebeurtenis:{r.id}",
                    soort="geweigerde-gebeurtenis",
                    melding_id=r.melding_id,
                    client_id=r.client_id,
                    referentie_id=str(r.id),
                    datum=datum_van(r.aangemaakt),
                    toelichting=f"{r.destination} weigerde {r.event_type}: {fout}",
                )
            )
        for r in await signaleringen.open_bezwaren(conn, g, sub):
            lijst.append(
                SignaleringRead(
                    id=f"bezwaar:{r.id}",
                    soort="bezwaar",
                    melding_id=r.melding_id,
                    client_id=r.client_id,
                    referentie_id=str(r.id),
                    datum=r.ontvangstdatum,
                    toelichting=f"Bezwaar ontvangen op {datum_nl(r.ontvangstdatum)}.",
                    rule="AWB-7:10",
                )
            )
        if not ook_gezien:
            weg = await signaleringen.gezien(conn, g, sub)
            lijst = [s for s in lijst if s.id not in weg]
        await audit_log.record(
            conn, audit, principal, "lezen", "signaleringen", None, {"aantal": len(lijst)}
        )
    return SignaleringList(peildatum=peildatum, resultaten=lijst)


async def markeer_gezien(
    db: Database, principal: Principal, write: WriteRequest, body: GezienSignaleringCreate
) -> Written[GezienSignaleringRead]:
    async def work(conn: AsyncConnection) -> Written[GezienSignaleringRead]:
        moment = await signaleringen.markeer_gezien(
            conn, principal.gemeente, principal.sub, body.signalering_id
        )
        return Written(
            GezienSignaleringRead(signalering_id=body.signalering_id, gezien_op=moment),
            "/signaleringen",
        )

    return await write_once(db, idempotency_keys, principal, write, GezienSignaleringRead, work)
