"""One eigen-bijdrage regime per financiële tegemoetkoming in the CAK register (FIN-08, FIN-12,
issue 12.3). The register entry of such a maatwerkvoorziening carries finance's own schedule —
€ 19 a month, capped by the amount granted, for at most the maximum duration of its kind — not
the abonnementstarief. The event's period is the use: a new end of use (or a minor's 18th
birthday) makes a new version of the schedule, so the schedule and the register never differ.
A later maatwerkvoorziening of the same tegemoetkoming (a herziening by a new beschikking), a
new event for the same one, or finance's own herziening replaces the running regime; it never
adds a second one."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import cak as repo
from wmo_finance.db import eigen_bijdrage_schemas as schemas_repo
from wmo_finance.db import tegemoetkomingen as tegemoetkomingen_repo
from wmo_finance.db.models import audit
from wmo_finance.domain import regime as dom
from wmo_finance.domain.cak import MELDTERMIJN_MAANDEN, kostprijs_soort
from wmo_finance.domain.cak_register import Mutatiesoort, mutatiesoort
from wmo_finance.domain.maanden import plus_maanden
from wmo_finance.domain.policy import beleid_als_weigering, finance_beleid
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.service import eigen_bijdrage
from wmo_finance.service.beleid import beleid, registry
from wmo_finance.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import MaatwerkvoorzieningEvent
from wmo_shared.policy import PolicyNotFound
from wmo_shared.regels import Regel

RESOURCE = "cak-voorziening"


@dataclass(frozen=True, slots=True)
class Registratie:
    """What the register writes for one event of a tegemoetkoming: its own columns, the change
    the feed gets (None: none) with its values, and the rows whose regime it takes over."""

    waarden: dict[str, Any]
    soort: Mutatiesoort | None
    mutatie: dict[str, Any] = field(default_factory=dict)
    vervangt: Row[Any] | None = None


def _regime_waarden(regime: dom.Regime, tegemoetkoming_id: uuid.UUID) -> dict[str, Any]:
    return {
        "bijdrage_vanaf": regime.ingangsdatum,
        "melden_uiterlijk": plus_maanden(regime.ingangsdatum, MELDTERMIJN_MAANDEN),
        "kostprijs": regime.plafond,
        "abonnementstarief": None,
        "tegemoetkoming_id": tegemoetkoming_id,
        "per_maand": regime.per_maand,
        "max_maanden": regime.max_maanden,
        "bijdrage_tot": regime.einddatum,
        "bijdrage_totaal": regime.totaal,
    }


def _feed_waarden(regime: dom.Regime) -> dict[str, Any]:
    """The regime as the CAK gets it: never open-ended, never the abonnementstarief."""
    return {
        "ingangsdatum": regime.ingangsdatum,
        "einddatum": regime.cak_einddatum,
        "kostprijs": regime.cak_kostprijs,
        "abonnementstarief": None,
        "per_maand": regime.per_maand,
        "max_maanden": regime.max_maanden,
    }


async def _samenloop(
    conn: AsyncConnection,
    gemeente: str,
    event: MaatwerkvoorzieningEvent,
    regime: dom.Regime,
    peildatum: dt.date,
    dragers: list[Row[Any]],
) -> tuple[Regel, ...]:
    """The policy's answer to two regimes in one household in the regime's first month."""
    anderen = await repo.huishouden_lopend(
        conn,
        gemeente,
        huishouden_id=event.huishouden_id,
        bsn=event.bsn,
        behalve=event.maatwerkvoorziening_id,
        peildatum=regime.ingangsdatum,
    )
    eigen = {r.id for r in dragers}
    bedragen = [
        r.per_maand if r.tegemoetkoming_id is not None else r.abonnementstarief
        for r in anderen
        if r.id not in eigen
    ]
    with beleid_als_weigering():
        samenloop = beleid(gemeente, peildatum).eigen_bijdrage.samenloop
    return dom.samenloopregels(
        samenloop, maand=regime.ingangsdatum, eigen=regime.per_maand, anderen=bedragen
    )


def samenloop_naast_regimes(
    gemeente: str, peildatum: dt.date, eigen: Decimal, anderen: list[Row[Any]]
) -> tuple[Regel, ...]:
    """A voorziening with the abonnementstarief that starts while a tegemoetkoming's regime
    runs in the household: the policy's answer (``Samenloop``), or that it gives none."""
    if not any(r.tegemoetkoming_id is not None for r in anderen):
        return ()
    try:
        samenloop = finance_beleid(registry(), gemeente, peildatum).eigen_bijdrage.samenloop
    except PolicyNotFound as exc:
        return (Regel("FIN-08", f"Samenloop met een tegemoetkoming: {exc}"),)
    bedragen = [
        r.per_maand if r.tegemoetkoming_id is not None else r.abonnementstarief for r in anderen
    ]
    return dom.samenloopregels(samenloop, maand=peildatum, eigen=eigen, anderen=bedragen)


async def vergrendel(
    conn: AsyncConnection, principal: Principal, event: MaatwerkvoorzieningEvent
) -> tuple[Row[Any], Row[Any]]:
    """The tegemoetkoming the event names (locked) and its current schedule; a 400 naming
    ``tegemoetkomingId`` when it is unknown in the gemeente, someone else's or not decided."""
    gemeente = principal.gemeente
    if event.tegemoetkoming_id is None:  # checked before the transaction; for the type checker
        raise AssertionError("tegemoetkomingId ontbreekt")
    t = await tegemoetkomingen_repo.get_for_update(conn, gemeente, event.tegemoetkoming_id)
    gevonden = await schemas_repo.actueel_schema(conn, gemeente, t.id) if t is not None else None
    dom.controleer_tegemoetkoming(
        gevonden=t is not None,
        bsn_event=event.bsn,
        bsn=None if t is None else t.bsn,
        besloten=gevonden is not None,
        status=None if t is None else t.status,
    )
    if t is None or gevonden is None:  # refused above; for the type checker
        raise AssertionError("tegemoetkoming niet gevonden")
    return t, gevonden[0]


async def registratie(
    conn: AsyncConnection,
    principal: Principal,
    event: MaatwerkvoorzieningEvent,
    vergrendeld: tuple[Row[Any], Row[Any]],
    *,
    beeindiging: bool,
    bestaand: Row[Any] | None,
) -> Registratie:
    """The register entry of a tegemoetkoming's maatwerkvoorziening, in the caller's
    transaction with the tegemoetkoming locked (``vergrendel``)."""
    gemeente = principal.gemeente
    t, schema = vergrendeld
    if bestaand is not None and bestaand.vervangen_door is not None:
        # a late event of a maatwerkvoorziening whose regime a later one carries on
        regel = Regel(
            "FIN-08",
            f"De regeling van deze tegemoetkoming loopt onder maatwerkvoorziening "
            f"{bestaand.vervangen_door}; dit event verandert haar niet.",
        )
        return Registratie({"regels": regels_json([regel])}, None)

    soort = VoorzieningSoort(t.voorziening)
    start, regels_start = dom.gebruik(
        start=schema.ingangsdatum, geboortedatum=event.geboortedatum, soort=soort
    )
    if (start, event.einddatum) != (schema.ingangsdatum, schema.einddatum_gebruik):
        schema = await eigen_bijdrage.schema_opslaan(conn, gemeente, t, start, event.einddatum)
    regime = eigen_bijdrage.regime(schema)

    dragers = await repo.regime_dragers(conn, gemeente, t.id)
    voorganger = next(
        (
            r
            for r in dragers
            if r.maatwerkvoorziening_id != event.maatwerkvoorziening_id and r.vervangen_door is None
        ),
        None,
    )
    was_gemeld = any(r.gemeld for r in dragers)
    regels = [
        *regels_start,
        *(
            ()
            if event.ingangsdatum == regime.ingangsdatum
            else (
                Regel(
                    "FIN-08",
                    f"De voorziening loopt vanaf {event.ingangsdatum.isoformat()}; de eigen "
                    f"bijdrage volgt het besluit van finance en loopt vanaf "
                    f"{regime.ingangsdatum.isoformat()}.",
                ),
            )
        ),
        *dom.regimeregels(
            regime,
            vervangt=None if voorganger is None else str(voorganger.maatwerkvoorziening_id),
            herzien=bestaand is not None,
        ),
        *await _samenloop(conn, gemeente, event, regime, t.peildatum, dragers),
    ]
    waarden = {
        **_regime_waarden(regime, t.id),
        "gemeld": was_gemeld or regime.int_iets,
        "kostprijs_soort": kostprijs_soort(soort).value,
        "vervangen_door": None,
        "regels": regels_json(regels),
    }
    mutatie = {
        **_feed_waarden(regime),
        "tegemoetkoming_id": t.id,
        "vervangt": None if voorganger is None else voorganger.maatwerkvoorziening_id,
    }
    wat = mutatiesoort(beeindiging=beeindiging, was_gemeld=was_gemeld, melden=regime.int_iets)
    return Registratie(waarden, wat, mutatie, voorganger)


async def na_herziening(
    conn: AsyncConnection, principal: Principal, tegemoetkoming_id: uuid.UUID, schema: Row[Any]
) -> None:
    """Finance's own herziening made a new version of the schedule: the register entry that
    carries the tegemoetkoming's regime is replaced by it, and the feed hears of it."""
    dragers = await repo.regime_dragers(conn, principal.gemeente, tegemoetkoming_id)
    drager = next((r for r in dragers if r.vervangen_door is None), None)
    if drager is None:  # the beschikking's event has not arrived yet: nothing registered
        return
    regime = eigen_bijdrage.regime(schema)
    regels = dom.regimeregels(regime, vervangt=None, herzien=True)
    row = await repo.update_voorziening(
        conn,
        drager.id,
        {
            **_regime_waarden(regime, tegemoetkoming_id),
            "gemeld": drager.gemeld or regime.int_iets,
            "regels": regels_json(regels),
        },
    )
    wat = mutatiesoort(beeindiging=False, was_gemeld=drager.gemeld, melden=regime.int_iets)
    if wat is not None:
        await repo.vergrendel_feed(conn)
        await repo.insert_mutatie(
            conn,
            {
                **rij_mutatie(row, wat),
                **_feed_waarden(regime),
                "tegemoetkoming_id": tegemoetkoming_id,
                # no event caused it: the herziening's own id for the feed row
                "event_id": uuid.uuid4(),
            },
        )
    await audit_log.record(conn, audit, principal, "herzien", RESOURCE, row.id, {"soort": wat})


def rij_mutatie(row: Row[Any], soort: Mutatiesoort) -> dict[str, Any]:
    """The feed row of a register row as it now stands (who, which voorziening)."""
    return {
        "soort": soort,
        "gemeente": row.gemeente,
        "bsn": row.bsn,
        "geboortedatum": row.geboortedatum,
        "huishouden_id": row.huishouden_id,
        "beschikking_id": row.beschikking_id,
        "maatwerkvoorziening_id": row.maatwerkvoorziening_id,
        "productcategorie": row.productcategorie,
        "productcode": row.productcode,
        "leveringsvorm": row.leveringsvorm,
    }
