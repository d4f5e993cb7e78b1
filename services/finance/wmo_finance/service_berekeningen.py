"""Calculations: the eigen bijdrage what-if (FIN-08/FIN-09), vervoer (FIN-10, stored when
granted) and the bouwplan check (FIN-11)."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.api.berekening_schemas import (
    BouwplanToetsingCreate,
    BouwplanToetsingRead,
    EigenBijdrageBerekeningCreate,
    EigenBijdrageBerekeningRead,
    VervoersvergoedingCreate,
    VervoersvergoedingRead,
)
from wmo_finance.db.models import audit
from wmo_finance.db.vervoer import insert_vervoer
from wmo_finance.domain.cak import abonnementstarief
from wmo_finance.domain.eigen_bijdrage import (
    EigenBijdrageUitkomst,
    eigen_bijdrage_hulpmiddel,
    eigen_bijdrage_tegemoetkoming,
    hulpmiddel_verstrekking,
)
from wmo_finance.domain.geld import euro
from wmo_finance.domain.vervoer import vervoersvergoeding
from wmo_finance.domain.woonvoorziening import Bouwplan, GevraagdVertrek, toets_bouwplan
from wmo_finance.service_beleid import beleid, beleid_als_probleem
from wmo_finance.service_tegemoetkomingen import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.policy import cak_abonnementstarieven
from wmo_shared.problems import invalid
from wmo_shared.regels import Regel


def _termijnen(uitkomst: EigenBijdrageUitkomst) -> list[dict[str, Any]]:
    return [
        {
            "volgnummer": t.volgnummer,
            "datum": t.datum,
            "bedrag": t.bedrag,
            "gedeeltelijk": t.gedeeltelijk,
        }
        for t in uitkomst.schema
    ]


def eigen_bijdrage(principal: Principal, body: EigenBijdrageBerekeningCreate) -> dict[str, Any]:
    in_force = beleid(principal.gemeente, body.peildatum)
    if body.einddatum_gebruik is not None and body.einddatum_gebruik < body.ingangsdatum:
        raise invalid("einddatumGebruik", "De einddatum ligt vóór de ingangsdatum.", "periode")
    vorm = None
    extra_regels: list[Regel] = []
    if body.grondslag == "tegemoetkoming":
        if body.voorziening is None:
            raise invalid("voorziening", "Geef de soort voorziening.", "verplicht")
        if body.toegekend_bedrag is None:
            raise invalid("toegekendBedrag", "Geef het toegekende bedrag.", "verplicht")
        with beleid_als_probleem():
            eb = in_force.eigen_bijdrage
        uitkomst = eigen_bijdrage_tegemoetkoming(
            voorziening=body.voorziening,
            toegekend_bedrag=body.toegekend_bedrag,
            ingangsdatum=body.ingangsdatum,
            beleid=eb,
            einddatum_gebruik=body.einddatum_gebruik,
        )
    else:
        if body.kostprijs is None:
            raise invalid("kostprijs", "Geef de kostprijs van het hulpmiddel.", "verplicht")
        with beleid_als_probleem():
            hb = in_force.hulpmiddelen
        # FIN-09 with the CAK's monthly amount (FIN-12) for every year the schedule may touch
        landelijk = cak_abonnementstarieven()
        per_jaar: dict[int, Decimal] = {}
        for jaar in sorted(landelijk):
            if jaar < body.ingangsdatum.year:
                continue
            with beleid_als_probleem():
                tarief = abonnementstarief(
                    gemeente=principal.gemeente,
                    peildatum=body.ingangsdatum.replace(year=jaar, month=1, day=1),
                    beleid=in_force.cak,
                    landelijke_tarieven=landelijk,
                )
            per_jaar[jaar] = tarief.per_maand
        if body.ingangsdatum.year not in per_jaar:
            raise invalid(
                "ingangsdatum",
                f"Voor {body.ingangsdatum.year} is geen abonnementstarief bekend.",
                "geen-beleid-van-kracht",
            )
        laatste = max(per_jaar)
        for jaar in range(laatste + 1, body.ingangsdatum.year + 51):
            per_jaar[jaar] = per_jaar[laatste]
        vorm = hulpmiddel_verstrekking(body.kostprijs, hb).vorm
        try:
            uitkomst = eigen_bijdrage_hulpmiddel(
                kostprijs=body.kostprijs,
                ingangsdatum=body.ingangsdatum,
                maandbedragen=per_jaar,
                beleid=hb,
                einddatum_gebruik=body.einddatum_gebruik,
            )
        except LookupError as exc:
            raise invalid("ingangsdatum", str(exc), "geen-beleid-van-kracht") from exc
        if uitkomst.schema and uitkomst.schema[-1].datum.year > laatste:
            extra_regels.append(
                Regel(
                    "FIN-12",
                    f"Voor de jaren na {laatste} is het abonnementstarief nog niet bekend; de "
                    f"doorrekening gebruikt dat van {laatste} "
                    f"({euro(per_jaar[laatste])} per maand).",
                )
            )
    return EigenBijdrageBerekeningRead(
        grondslag=body.grondslag,
        verschuldigd=uitkomst.verschuldigd,
        vorm=vorm,
        plafond=uitkomst.plafond,
        max_maanden=uitkomst.max_maanden,
        aantal_maanden=uitkomst.aantal_maanden,
        totaal=uitkomst.totaal,
        einddatum=uitkomst.einddatum,
        termijnen=_termijnen(uitkomst),
        regels=regels_json([*uitkomst.regels, *extra_regels]),
    ).model_dump(mode="json", by_alias=True)


async def vervoer(
    conn: AsyncConnection, principal: Principal, body: VervoersvergoedingCreate
) -> tuple[int, dict[str, Any]]:
    """FIN-10; stored (201) when ``toekennen`` and the outcome grants, else 200."""
    if body.toekennen and body.bsn is None:
        raise invalid(
            "bsn", "Geef de BSN van de inwoner om de vergoeding toe te kennen.", "verplicht"
        )
    in_force = beleid(principal.gemeente, body.peildatum)
    with beleid_als_probleem():
        vb = in_force.vervoer
    uitkomst = vervoersvergoeding(
        collectief_vervoer_medisch_onmogelijk=body.collectief_vervoer_medisch_onmogelijk,
        echtpaar=body.echtpaar,
        ander_vervoermiddel=body.ander_vervoermiddel,
        intramuraal=body.intramuraal,
        beleid=vb,
        gemotiveerde_kilometers=body.gemotiveerde_kilometers,
    )
    regels = list(uitkomst.regels)
    vergoeding_id = None
    status = 200
    if body.toekennen:
        assert body.bsn is not None
        row = await insert_vervoer(
            conn,
            {
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "aanvraag_id": body.aanvraag_id,
                "peildatum": body.peildatum,
                "toegekend": uitkomst.toegekend,
                "kilometers": uitkomst.kilometers,
                "tarief_per_km": uitkomst.tarief_per_km,
                "factor": uitkomst.factor,
                "jaarbedrag": uitkomst.jaarbedrag,
                "invoer": body.model_dump(mode="json", by_alias=True),
                "regels": regels_json(regels),
                "aangemaakt_door": principal.sub,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "vervoersvergoeding", row.id)
        vergoeding_id = row.id
        status = 201
    return status, VervoersvergoedingRead(
        id=vergoeding_id,
        toegekend=uitkomst.toegekend,
        kilometers=uitkomst.kilometers,
        tarief_per_km=uitkomst.tarief_per_km,
        factor=uitkomst.factor,
        jaarbedrag=uitkomst.jaarbedrag,
        regels=regels_json(regels),
    ).model_dump(mode="json", by_alias=True)


def bouwplan(principal: Principal, body: BouwplanToetsingCreate) -> dict[str, Any]:
    in_force = beleid(principal.gemeente, body.peildatum)
    with beleid_als_probleem():
        wb = in_force.woonvoorzieningen
    plan = Bouwplan(
        tuple(
            GevraagdVertrek(v.vertrek, v.bouwvorm, v.gevraagd_m2, tuple(v.hulpmiddelen))
            for v in body.vertrekken
        ),
        body.pad_m2,
    )
    for i, v in enumerate(plan.vertrekken):
        if v.vertrek not in wb.vertrekken:
            raise invalid(
                f"vertrekken.{i}.vertrek",
                f"Het beleid kent geen norm voor vertrek '{v.vertrek}'.",
                "onbekende-waarde",
                rules=["FIN-11"],
            )
    toets = toets_bouwplan(plan, wb)
    return BouwplanToetsingRead(
        binnen_norm=toets.binnen_norm,
        vertrekken=[
            {k: val for k, val in asdict(v).items() if k != "regels"} for v in toets.vertrekken
        ],
        pad=None
        if toets.pad is None
        else {k: val for k, val in asdict(toets.pad).items() if k != "regels"},
        regels=regels_json(list(toets.regels)),
    ).model_dump(mode="json", by_alias=True)
