"""The SVB exchange: trekkingsrecht rules (PGB-12), the toekenningen feed and the
budgetafsluitberichten the SVB sends back."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.api.schemas_budget import (
    BudgetafsluitingCreate,
    BudgetafsluitingRead,
    SvbRegelsRead,
    SvbToekenningPage,
)
from wmo_pgb.db import repository
from wmo_pgb.db.models import (
    audit,
    budget_signaleringen,
    svb_budgetafsluiting_regels,
    svb_budgetafsluitingen,
)
from wmo_pgb.domain.policy import Kostensoort
from wmo_pgb.domain.svb import mag_uit_pgb, verantwoordingsvrij_bedrag
from wmo_pgb.service_budget import beleid, huidige_versie
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.problems import NotFound, invalid

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def vandaag() -> dt.date:
    return dt.datetime.now(AMSTERDAM).date()


# --- PGB-12 ------------------------------------------------------------------------------------


def svb_regels(principal: Principal, gemeente: str | None, peildatum: dt.date | None) -> Any:
    if gemeente is not None and gemeente != principal.gemeente:
        raise NotFound("De SVB-regels van een andere gemeente dan de uwe zijn hier niet te zien.")
    peildatum = peildatum or vandaag()
    pgb, naam = beleid(principal.gemeente, peildatum)
    vrij = verantwoordingsvrij_bedrag(pgb)
    kosten = [mag_uit_pgb(pgb, soort) for soort in Kostensoort]
    controle = pgb.svb.bestedingscontrole
    return SvbRegelsRead.model_validate(
        {
            "gemeente": principal.gemeente,
            "peildatum": peildatum,
            "beleid": naam,
            "verantwoordingsvrij_bedrag": vrij.bedrag,
            "verantwoordingsvrij_antwoord": vrij.antwoord.value,
            "kosten": [
                {
                    "kostensoort": k.kostensoort.value,
                    "antwoord": k.antwoord.value,
                    "toelichting": k.regel.toelichting,
                }
                for k in kosten
            ],
            "bestedingscontrole_minimaal_per_jaar": controle.minimaal_per_jaar
            if controle
            else None,
            "regels": [
                {"rule": r.rule, "toelichting": r.toelichting}
                for r in [vrij.regel, *(k.regel for k in kosten)]
            ],
        }
    ).model_dump(mode="json", by_alias=True)


# --- the toekenningen feed ---------------------------------------------------------------------

_CURSOR_PREFIX = "svb1:"


def encode_cursor(volgnummer: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{volgnummer}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith(_CURSOR_PREFIX):
            raise ValueError(raw)
        waarde = int(raw[len(_CURSOR_PREFIX) :])
        if waarde < 0:
            raise ValueError(raw)
        return waarde
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise invalid(
            "cursor", "Deze cursor is onbekend; gebruik de volgendeCursor van een pagina.", "cursor"
        ) from exc


async def feed(
    conn: AsyncConnection, principal: Principal, cursor: str | None, limit: int
) -> dict[str, Any]:
    after = decode_cursor(cursor)
    rows = await repository.svb_page(conn, principal.gemeente, after, limit)
    meer = len(rows) > limit
    rows = rows[:limit]
    laatste = rows[-1].volgnummer if rows else after
    await audit_log.record(
        conn,
        audit,
        principal,
        "lezen",
        "svb-toekenningen",
        None,
        {"na": after, "tot": laatste, "aantal": len(rows)},
    )
    return SvbToekenningPage.model_validate(
        {
            "resultaten": [
                {
                    "volgnummer": r.volgnummer,
                    "gemeente": r.gemeente,
                    "bsn": r.bsn,
                    "budget_id": r.budget_id,
                    "versie": r.versie,
                    "beschikking_id": r.beschikking_id,
                    "zorgfunctie": r.zorgfunctie,
                    "productcode": r.productcode,
                    "ingangsdatum": r.ingangsdatum,
                    "einddatum": r.einddatum,
                    "bedrag": r.bedrag,
                    "ingetrokken": r.ingetrokken,
                    "geregistreerd_op": r.geregistreerd_op,
                }
                for r in rows
            ],
            "volgende_cursor": encode_cursor(laatste),
            "meer": meer,
        }
    ).model_dump(mode="json", by_alias=True)


# --- budgetafsluitberichten --------------------------------------------------------------------


async def budgetafsluiting(
    conn: AsyncConnection, principal: Principal, body: BudgetafsluitingCreate
) -> tuple[bool, dict[str, Any]]:
    """Store the message once per berichtId and answer per line. Returns (new, answer); the same
    berichtId again changes nothing and gives the first answer."""
    claimed = (
        await conn.execute(
            pg_insert(svb_budgetafsluitingen)
            .values(
                gemeente=principal.gemeente,
                bericht_id=body.bericht_id,
                bericht=body.model_dump(mode="json", by_alias=True),
                antwoord={},
                sub=principal.sub,
            )
            .on_conflict_do_nothing(constraint="uq_svb_budgetafsluitingen_bericht")
            .returning(svb_budgetafsluitingen.c.id)
        )
    ).first()
    if claimed is None:
        bestaand = (
            await conn.execute(
                select(svb_budgetafsluitingen.c.antwoord).where(
                    svb_budgetafsluitingen.c.gemeente == principal.gemeente,
                    svb_budgetafsluitingen.c.bericht_id == body.bericht_id,
                )
            )
        ).one()
        await audit_log.record(
            conn,
            audit,
            principal,
            "herhaald-ontvangen",
            "svb-budgetafsluiting",
            body.bericht_id[:80],
        )
        return False, dict(bestaand.antwoord)
    afsluiting_id = claimed.id
    antwoorden = []
    for nummer, regel in enumerate(body.regels, start=1):
        status, overschreden, reden = "geaccepteerd", False, None
        budget = await repository.get_budget(conn, principal.gemeente, regel.budget_id)
        if budget is None:
            status, reden = "afgewezen", "Onbekend budget in deze gemeente."
        else:
            versie = await huidige_versie(conn, budget.id)
            if regel.ingangsdatum < versie.ingangsdatum or regel.einddatum > versie.einddatum:
                status = "afgewezen"
                reden = (
                    f"De periode valt buiten het budget ({versie.ingangsdatum.isoformat()} t/m "
                    f"{versie.einddatum.isoformat()})."
                )
            elif regel.besteed_bedrag > versie.bedrag:
                overschreden = True
                reden = (
                    f"Besteed {regel.besteed_bedrag} is meer dan het budget {versie.bedrag}; "
                    "gesignaleerd voor de budgetcontrole."
                )
                await conn.execute(
                    insert(budget_signaleringen).values(
                        gemeente=principal.gemeente,
                        budget_id=budget.id,
                        soort="overschrijding",
                        bron=f"svb-budgetafsluiting:{body.bericht_id}"[:100],
                        besteed_bedrag=regel.besteed_bedrag,
                        budget_bedrag=versie.bedrag,
                    )
                )
        await conn.execute(
            insert(svb_budgetafsluiting_regels).values(
                afsluiting_id=afsluiting_id,
                regelnummer=nummer,
                budget_id=regel.budget_id,
                ingangsdatum=regel.ingangsdatum,
                einddatum=regel.einddatum,
                besteed_bedrag=regel.besteed_bedrag,
                status=status,
                overschreden=overschreden,
                reden=reden,
            )
        )
        antwoorden.append(
            {
                "regelnummer": nummer,
                "budget_id": regel.budget_id,
                "status": status,
                "overschreden": overschreden,
                "reden": reden,
            }
        )
    antwoord = BudgetafsluitingRead.model_validate(
        {"id": afsluiting_id, "bericht_id": body.bericht_id, "regels": antwoorden}
    ).model_dump(mode="json", by_alias=True)
    await conn.execute(
        svb_budgetafsluitingen.update()
        .where(svb_budgetafsluitingen.c.id == afsluiting_id)
        .values(antwoord=antwoord)
    )
    await audit_log.record(
        conn, audit, principal, "ontvangen", "svb-budgetafsluiting", body.bericht_id[:80]
    )
    return True, antwoord
