"""Computing a budget (PGB-11, FIN-13): the policy in force, the tariff fetched from finance, the
pure computation, and the version as stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.domain.budget import Budget, Offerte, Periode, bereken_budget, eenheid_past
from wmo_pgb.domain.kwalificatie import Kwalificatie
from wmo_pgb.domain.looptijd import binnen_horizon
from wmo_pgb.domain.plan import Omvang
from wmo_pgb.domain.policy import PgbBeleid, beleid_van_kracht, met_laag_tarief
from wmo_pgb.service.beleidswaarde import LAAG_PGB_TARIEF, laag_tarief
from wmo_pgb.service.tarieven import Tarieven
from wmo_shared.auth import Principal
from wmo_shared.beleidswaarden import BeleidswaardeOntbreekt
from wmo_shared.contracts import TariefRead
from wmo_shared.policy import default_registry


def beleid(gemeente: str, peildatum: dt.date) -> tuple[PgbBeleid, str]:
    """The pgb policy in force and its name (refused on ``peildatum`` without one)."""
    return beleid_van_kracht(default_registry(), gemeente, peildatum)


def beleid_tot(gemeente: str, peildatum: dt.date) -> dt.date | None:
    """The last day of the policy in force (None: open-ended)."""
    return default_registry().in_force(gemeente, peildatum).meta.geldig_tot


async def beleid_met_waarden(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date, kwalificatie: Kwalificatie
) -> tuple[PgbBeleid, str]:
    """The YAML policy in force, overlaid by the policy values beheer set that are in force on
    ``peildatum``. Informal care where the policy names "het lage pgb tarief" without an amount
    (the YAML leaves it open) and no value is set: refused, naming the missing value."""
    pgb, naam = beleid(gemeente, peildatum)
    if kwalificatie is Kwalificatie.FORMEEL:
        return pgb, naam
    laag = await laag_tarief(conn, gemeente, peildatum)
    if laag is not None:
        bron = (
            f"beleidswaarde {LAAG_PGB_TARIEF.naam}, vastgesteld door beheer, geldig vanaf "
            f"{laag.geldig_vanaf.isoformat()}"
        )
        return met_laag_tarief(pgb, laag.waarde, bron), naam
    if getattr(pgb.tarieven, kwalificatie.value) is None:
        raise BeleidswaardeOntbreekt(LAAG_PGB_TARIEF, gemeente, peildatum)
    return pgb, naam


async def bereken(
    conn: AsyncConnection,
    tarieven: Tarieven,
    principal: Principal,
    *,
    kwalificatie: Kwalificatie,
    omvang: Omvang,
    productcode: str | None,
    looptijd: Periode,
    peildatum: dt.date,
    offertes: list[dict[str, Any]],
) -> tuple[Budget, str, TariefRead | None]:
    """Policy first (no tariff without a policy, overlaid by the policy values in force),
    then the fetched tariff, then the domain."""
    pgb, naam = await beleid_met_waarden(conn, principal.gemeente, peildatum, kwalificatie)
    binnen_horizon(looptijd, naam, beleid_tot(principal.gemeente, peildatum))
    tarief = tarieven.tarief(productcode, peildatum)
    if tarief is not None:
        eenheid_past(
            omvang,
            productcode=tarief.productcode,
            tarief_eenheid=tarief.eenheid,
            veld="maatwerkvoorziening.omvang.eenheid",
        )
    budget = bereken_budget(
        pgb,
        kwalificatie=kwalificatie,
        omvang=omvang,
        periode=looptijd,
        zin_tarief=tarief.zin_tarief if tarief else None,
        pgb_tarief=tarief.pgb_tarief if tarief else None,
        offertes=[Offerte.model_validate(o) for o in offertes],
    )
    return budget, naam, tarief


def versie_values(
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
