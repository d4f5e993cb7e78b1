"""Orchestration of the pgb budget: computing it (PGB-11, FIN-13) with the tariff from finance,
its versions, withdrawal, the yearly spending check (PGB-14) and the SVB feed rows."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from fastapi import Request
from sqlalchemy import Row, func, insert, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.api.schemas_budget import (
    BestedingscontroleCreate,
    BestedingscontroleRead,
    BudgetRead,
    HerzieningCreate,
    IntrekkingCreate,
)
from wmo_pgb.clients import finance
from wmo_pgb.db import repository
from wmo_pgb.db.models import audit, bestedingscontroles, budget_intrekkingen, inbox
from wmo_pgb.domain.budget import Budget, BudgetNietTeBepalen, Offerte, Periode, bereken_budget
from wmo_pgb.domain.kwalificatie import Kwalificatie, kwalificeer
from wmo_pgb.domain.notatie import euro
from wmo_pgb.domain.plan import Omvang, PgbPlan
from wmo_pgb.domain.policy import PgbBeleid, pgb_beleid
from wmo_pgb.domain.svb import toets_controlefrequentie
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import PgbBeschiktEvent, TariefRead
from wmo_shared.etag import require_version
from wmo_shared.outbox import first_delivery
from wmo_shared.policy import PolicyNotFound, default_registry
from wmo_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation, invalid
from wmo_shared.regels import Regel

_VELD_VOOR_CODE = {
    "te-weinig-offertes": "offertes",
    "geen-passende-offerte": "offertes",
    "zin-tarief-ontbreekt": "maatwerkvoorziening.productcode",
    "niet-in-beleid-geregeld": "zorgverlener",
    "ongeldig-tarief": "tarief",
}


def beleid(gemeente: str, peildatum: dt.date) -> tuple[PgbBeleid, str]:
    """The pgb policy in force; a gemeente or date without one is a 400 naming ``peildatum``."""
    try:
        policy = default_registry().in_force(gemeente, peildatum)
        return pgb_beleid(default_registry(), gemeente, peildatum), policy.naam
    except PolicyNotFound as exc:
        raise invalid("peildatum", str(exc), "geen-beleid-van-kracht") from exc


class Tarieven:
    """The tariffs finance gives for this request, asked once per (productcode, peildatum).

    The route asks finance *before* it opens the transaction (:meth:`vooraf`), so no database
    connection or row lock is held while another service answers; inside the transaction the
    answer comes from this cache (only a plan changed in between costs a second call)."""

    def __init__(self, request: Request) -> None:
        self._client = request.app.state.clients["finance"]
        self._request = request
        self._cache: dict[tuple[str, dt.date], TariefRead | None] = {}

    async def get(self, productcode: str | None, peildatum: dt.date) -> TariefRead | None:
        if productcode is None:
            return None
        sleutel = (productcode, peildatum)
        if sleutel not in self._cache:
            self._cache[sleutel] = await finance.tarief(
                self._client,
                token=self._request.state.token,
                productcode=productcode,
                peildatum=peildatum,
            )
        return self._cache[sleutel]

    async def vooraf(self, gemeente: str, productcode: str | None, peildatum: dt.date) -> None:
        """Ask ahead, only when a policy is in force (without one the route answers 400 and
        finance need not be asked)."""
        try:
            default_registry().in_force(gemeente, peildatum)
        except PolicyNotFound:
            return
        await self.get(productcode, peildatum)


async def bereken(
    tarieven: Tarieven,
    principal: Principal,
    *,
    kwalificatie: Kwalificatie,
    omvang: Omvang,
    productcode: str | None,
    begin: dt.date,
    eind: dt.date,
    peildatum: dt.date,
    offertes: list[dict[str, Any]],
) -> tuple[Budget, str, TariefRead | None]:
    """Policy first (no call to finance without a policy), then the tariff, then the domain."""
    pgb, naam = beleid(principal.gemeente, peildatum)
    tarief = await tarieven.get(productcode, peildatum)
    if tarief is not None and tarief.eenheid != omvang.eenheid.value:
        raise invalid(
            "maatwerkvoorziening.omvang.eenheid",
            f"Het tarief van {tarief.productcode} is per {tarief.eenheid}; de omvang is in "
            f"{omvang.eenheid.value}.",
            "eenheid-past-niet-bij-tarief",
            rules=["FIN-13"],
        )
    try:
        budget = bereken_budget(
            pgb,
            kwalificatie=kwalificatie,
            omvang=omvang,
            periode=Periode(begin=begin, eind=eind),
            zin_tarief=tarief.zin_tarief if tarief else None,
            pgb_tarief=tarief.pgb_tarief if tarief else None,
            offertes=[Offerte.model_validate(o) for o in offertes],
        )
    except BudgetNietTeBepalen as exc:
        veld = _VELD_VOOR_CODE.get(exc.code, "budget")
        raise RuleViolation(
            exc.reden,
            code=exc.code,
            invalid_params=[InvalidParam(name=veld, code=exc.code, reason=exc.reden)],
            rules=[exc.rule],
        ) from exc
    return budget, naam, tarief


def _versie_values(
    budget: Budget,
    *,
    peildatum: dt.date,
    beleidnaam: str,
    tarief: TariefRead | None,
    offertes: list[dict[str, Any]],
    principal: Principal,
    reden: str | None,
) -> dict[str, Any]:
    return {
        "bedrag": budget.bedrag,
        "tarief": budget.tarief,
        "tariefgrondslag": budget.tariefgrondslag.value,
        "kwalificatie": budget.kwalificatie.value,
        "omvang": budget.omvang.model_dump(mode="json"),
        "ingangsdatum": budget.periode.begin,
        "einddatum": budget.periode.eind,
        "peildatum": peildatum,
        "beleid": beleidnaam,
        "gebruikt_tarief": tarief.model_dump(mode="json") if tarief else None,
        "opbouw": {
            "dagen": budget.dagen,
            "aantal_eenheden": str(budget.aantal_eenheden),
            "berekening": budget.berekening,
            "offerte": budget.offerte.model_dump(mode="json") if budget.offerte else None,
            "offertes": [{**o, "tarief": str(o["tarief"])} for o in offertes],
        },
        "regels": [{"rule": r.rule, "toelichting": r.toelichting} for r in budget.regels],
        "reden": reden,
        "sub": principal.sub,
    }


def _exact(tarief: Decimal) -> Decimal:
    """A tariff as stored (numeric(12,4)) without trailing zeros beyond the cents: 17.17,
    45.00, 33.075."""
    centen = tarief.quantize(Decimal("0.01"))
    return centen if centen == tarief else tarief.normalize()


def _versie_read(v: Row[Any]) -> dict[str, Any]:
    opbouw = dict(v.opbouw)
    offerte = opbouw.get("offerte")
    return {
        "versie": v.versie,
        "bedrag": v.bedrag,
        "tarief": _exact(v.tarief),
        "tariefgrondslag": v.tariefgrondslag,
        "kwalificatie": v.kwalificatie,
        "omvang": v.omvang,
        "ingangsdatum": v.ingangsdatum,
        "einddatum": v.einddatum,
        "peildatum": v.peildatum,
        "beleid": v.beleid,
        "gebruikt_tarief": v.gebruikt_tarief,
        "opbouw": {
            "dagen": opbouw["dagen"],
            "aantal_eenheden": opbouw["aantal_eenheden"],
            "berekening": opbouw["berekening"],
            "offerte": {k: str(val) for k, val in offerte.items()} if offerte else None,
        },
        "regels": v.regels,
        "reden": v.reden,
        "aangemaakt_op": v.aangemaakt_op,
    }


async def budget_read(conn: AsyncConnection, row: Row[Any]) -> dict[str, Any]:
    versies = await repository.get_versies(conn, row.id)
    return BudgetRead.model_validate(
        {
            "id": row.id,
            "gemeente": row.gemeente,
            "pgb_plan_id": row.pgb_plan_id,
            "besluit_id": row.besluit_id,
            "status": row.status,
            "versie": row.versie,
            "beschikking_id": row.beschikking_id,
            "maatwerkvoorziening_id": row.maatwerkvoorziening_id,
            "productcode": row.productcode,
            "productcategorie": row.productcategorie,
            "huidig": _versie_read(versies[0]),
            "eerdere_versies": [_versie_read(v) for v in versies[1:]],
        }
    ).model_dump(mode="json", by_alias=True)


async def create_budget(
    tarieven: Tarieven,
    conn: AsyncConnection,
    principal: Principal,
    *,
    plan: Row[Any],
    domein: PgbPlan,
    besluit_id: uuid.UUID,
    begin: dt.date,
    eind: dt.date,
    peildatum: dt.date,
    offertes: list[dict[str, Any]],
    productcategorie: str | None,
) -> dict[str, Any]:
    productcode = domein.maatwerkvoorziening.productcode
    budget, naam, tarief = await bereken(
        tarieven,
        principal,
        kwalificatie=kwalificeer(domein.zorgverlener).kwalificatie,
        omvang=domein.maatwerkvoorziening.omvang,
        productcode=productcode,
        begin=begin,
        eind=eind,
        peildatum=peildatum,
        offertes=offertes,
    )
    categorie = tarief.productcategorie if tarief else productcategorie
    if categorie is None:
        raise invalid(
            "productcategorie",
            "Finance kent geen tarief voor dit product; geef de iWmo-productcategorie op "
            "(nodig voor de SVB).",
            "verplicht",
        )
    row = await repository.insert_budget(
        conn,
        {
            "gemeente": principal.gemeente,
            "bsn": plan.bsn,
            "pgb_plan_id": plan.id,
            "besluit_id": besluit_id,
            "maatwerkvoorziening_id": plan.maatwerkvoorziening_id,
            "productcode": productcode,
            "productcategorie": categorie,
        },
    )
    await repository.insert_versie(
        conn,
        {
            "budget_id": row.id,
            "versie": 1,
            **_versie_values(
                budget,
                peildatum=peildatum,
                beleidnaam=naam,
                tarief=tarief,
                offertes=offertes,
                principal=principal,
                reden=None,
            ),
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "budget", row.id)
    return await budget_read(conn, row)


# --- the budget's life -------------------------------------------------------------------------


def niet_gevonden() -> NotFound:
    return NotFound("Er is geen budget met dit id in uw gemeente.")


async def huidige_versie(conn: AsyncConnection, budget_id: uuid.UUID) -> Row[Any]:
    return (await repository.get_versies(conn, budget_id))[0]


async def append_svb(
    conn: AsyncConnection,
    budget: Row[Any],
    versie: Row[Any],
    *,
    ingetrokken_per: dt.date | None = None,
) -> None:
    """One feed row with the full current state of a beschikt budget. Appends are serialised per
    gemeente (a transaction-scoped advisory lock), so rows commit in volgnummer order and a reader
    never skips a row that commits late."""
    sleutel = literal(f"pgb.svb_toekenningen:{budget.gemeente}")
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))
    await repository.append_svb(
        conn,
        {
            "gemeente": budget.gemeente,
            "bsn": budget.bsn,
            "budget_id": budget.id,
            "versie": versie.versie,
            "beschikking_id": budget.beschikking_id,
            "zorgfunctie": budget.productcategorie or "00",
            "productcode": budget.productcode or "",
            "ingangsdatum": ingetrokken_per or versie.ingangsdatum,
            "einddatum": ingetrokken_per or versie.einddatum,
            "bedrag": Decimal("0.00") if ingetrokken_per else versie.bedrag,
            "ingetrokken": ingetrokken_per is not None,
        },
    )


async def lees(conn: AsyncConnection, principal: Principal, budget_id: uuid.UUID) -> Row[Any]:
    row = await repository.get_budget_audited(conn, principal, budget_id)
    if row is None:
        raise niet_gevonden()
    return row


async def _voor_wijziging(
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    if_match: str | None,
    actie: str,
) -> Row[Any]:
    row = await repository.get_budget(conn, principal.gemeente, budget_id, for_update=True)
    await audit_log.record(conn, audit, principal, actie, "budget", budget_id)
    if row is None:
        raise niet_gevonden()
    require_version(if_match, row.versie)
    if row.status == "ingetrokken":
        raise Conflict(
            "Het budget is ingetrokken; het kan niet meer gewijzigd worden.",
            code="budget-ingetrokken",
        )
    return row


async def herziening_vooraf(
    tarieven: Tarieven, db: Any, principal: Principal, budget_id: uuid.UUID, body: HerzieningCreate
) -> None:
    """Ask finance for the tariff before the transaction (see :class:`Tarieven`)."""
    async with db.single_statement() as conn:
        row = await repository.get_budget(conn, principal.gemeente, budget_id)
        if row is None or row.status == "ingetrokken":
            return
        oud = await huidige_versie(conn, budget_id)
    peildatum = body.peildatum or body.ingangsdatum or oud.ingangsdatum
    await tarieven.vooraf(principal.gemeente, row.productcode, peildatum)


async def herzien(
    tarieven: Tarieven,
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    body: HerzieningCreate,
    if_match: str | None,
) -> dict[str, Any]:
    """A new version from the changed omvang or period; the old version is kept."""
    row = await _voor_wijziging(conn, principal, budget_id, if_match, "herzien")
    oud = await huidige_versie(conn, budget_id)
    begin = body.ingangsdatum or oud.ingangsdatum
    eind = body.einddatum or oud.einddatum
    if eind < begin:
        raise invalid("einddatum", "De einddatum ligt vóór de ingangsdatum.", "voor-ingangsdatum")
    omvang = (
        Omvang.model_validate(body.omvang.model_dump())
        if body.omvang
        else Omvang.model_validate(oud.omvang)
    )
    peildatum = body.peildatum or begin
    offertes = list(oud.opbouw.get("offertes") or [])
    budget, naam, tarief = await bereken(
        tarieven,
        principal,
        kwalificatie=Kwalificatie(oud.kwalificatie),
        omvang=omvang,
        productcode=row.productcode,
        begin=begin,
        eind=eind,
        peildatum=peildatum,
        offertes=offertes,
    )
    nieuw = await repository.insert_versie(
        conn,
        {
            "budget_id": budget_id,
            "versie": row.versie + 1,
            **_versie_values(
                budget,
                peildatum=peildatum,
                beleidnaam=naam,
                tarief=tarief,
                offertes=offertes,
                principal=principal,
                reden=body.reden,
            ),
        },
    )
    row = await repository.update_budget(conn, budget_id, {"versie": row.versie + 1})
    if row.status == "beschikt":
        await append_svb(conn, row, nieuw)
    return await budget_read(conn, row)


async def intrekken(
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    body: IntrekkingCreate,
    if_match: str | None,
) -> dict[str, Any]:
    row = await _voor_wijziging(conn, principal, budget_id, if_match, "intrekken")
    return await _trek_in(conn, principal, row, body.intrekkingsdatum, body.reden)


async def _trek_in(
    conn: AsyncConnection, principal: Principal, row: Row[Any], datum: dt.date, reden: str
) -> dict[str, Any]:
    versie = await huidige_versie(conn, row.id)
    intrekking = (
        await conn.execute(
            insert(budget_intrekkingen)
            .values(
                gemeente=row.gemeente,
                budget_id=row.id,
                versie=row.versie,
                intrekkingsdatum=datum,
                reden=reden,
                sub=principal.sub,
            )
            .returning(budget_intrekkingen)
        )
    ).one()
    was_beschikt = row.status == "beschikt"
    row = await repository.update_budget(conn, row.id, {"status": "ingetrokken"})
    if was_beschikt:
        await append_svb(conn, row, versie, ingetrokken_per=datum)
    return {
        "id": intrekking.id,
        "budgetId": row.id,
        "intrekkingsdatum": datum,
        "reden": reden,
        "budget": await budget_read(conn, row),
    }


async def bestedingscontrole(
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    body: BestedingscontroleCreate,
) -> dict[str, Any]:
    """PGB-14: spending against the current version, and whether the frequency meets policy."""
    row = await repository.get_budget(conn, principal.gemeente, budget_id)
    await audit_log.record(conn, audit, principal, "controleren", "budget", budget_id)
    if row is None:
        raise niet_gevonden()
    versie = await huidige_versie(conn, budget_id)
    pgb, _ = beleid(principal.gemeente, versie.peildatum)
    frequentie = toets_controlefrequentie(pgb, body.frequentie_per_jaar)
    overschreden = body.besteed_bedrag > versie.bedrag
    besteding = Regel(
        "PGB-14",
        f"Besteed in {body.jaar}: {euro(body.besteed_bedrag)} van een budget van "
        f"{euro(versie.bedrag)}"
        + (
            f"; het budget is met {euro(body.besteed_bedrag - versie.bedrag)} overschreden."
            if overschreden
            else "; binnen het budget."
        ),
    )
    regels = [frequentie.regel, besteding]
    controle = (
        await conn.execute(
            insert(bestedingscontroles)
            .values(
                gemeente=principal.gemeente,
                budget_id=budget_id,
                budget_versie=versie.versie,
                jaar=body.jaar,
                controledatum=body.controledatum,
                besteed_bedrag=body.besteed_bedrag,
                budget_bedrag=versie.bedrag,
                overschreden=overschreden,
                frequentie_per_jaar=body.frequentie_per_jaar,
                frequentie_antwoord=frequentie.antwoord.value,
                regels=[{"rule": r.rule, "toelichting": r.toelichting} for r in regels],
                sub=principal.sub,
            )
            .returning(bestedingscontroles)
        )
    ).one()
    return BestedingscontroleRead.model_validate(
        {
            "id": controle.id,
            "budget_id": budget_id,
            "jaar": controle.jaar,
            "controledatum": controle.controledatum,
            "besteed_bedrag": controle.besteed_bedrag,
            "budget_bedrag": controle.budget_bedrag,
            "overschreden": overschreden,
            "frequentie_per_jaar": controle.frequentie_per_jaar,
            "frequentie_voldoet": frequentie.antwoord.value,
            "regels": controle.regels,
        }
    ).model_dump(mode="json", by_alias=True)


async def beschikking_ontvangen(
    conn: AsyncConnection, principal: Principal, event: PgbBeschiktEvent
) -> dict[str, Any] | None:
    """intake's beschikking makes the budget formal (or withdraws it). A redelivery
    (same eventId) changes nothing and answers with the current state."""
    if event.gemeente != principal.gemeente:
        raise invalid(
            "gemeente", "Het event hoort bij een andere gemeente dan het token.", "andere-gemeente"
        )
    eerste = await first_delivery(conn, inbox, event.event_id, event.event_type)
    row = await repository.get_budget_for_plan(conn, principal.gemeente, event.pgb_plan_id)
    if not eerste:  # a redelivery changes nothing: answer with the current state
        return await budget_read(conn, row) if row is not None else None
    await audit_log.record(
        conn,
        audit,
        principal,
        "beschikking-ontvangen",
        "budget",
        row.id if row else None,
        {"eventId": str(event.event_id), "eventType": event.event_type},
    )
    if row is None:
        raise NotFound("Er is geen budget voor dit pgb-plan in uw gemeente.")
    if event.event_type == "pgb-ingetrokken":
        if row.status == "ingetrokken":
            return await budget_read(conn, row)
        if row.beschikking_id is None:
            row = await repository.update_budget(
                conn, row.id, {"beschikking_id": event.beschikking_id}
            )
        datum = event.einddatum or event.ingangsdatum
        result = await _trek_in(conn, principal, row, datum, "Beschikking ingetrokken")
        budget: dict[str, Any] = result["budget"]
        return budget
    if row.status == "ingetrokken":
        raise Conflict(
            "Het budget is ingetrokken; een beschikking kan het niet meer toekennen.",
            code="budget-ingetrokken",
        )
    row = await repository.update_budget(
        conn,
        row.id,
        {
            "status": "beschikt",
            "beschikking_id": event.beschikking_id,
            "maatwerkvoorziening_id": event.maatwerkvoorziening_id,
        },
    )
    await append_svb(conn, row, await huidige_versie(conn, row.id))
    return await budget_read(conn, row)
