"""Vervoer in a beschikking (RES-07, FIN-10, MZ-04): the facts of a taxipas or a
vervoersvoorziening checked against the gemeente's km norm, and stored with the voorziening
(with the motivation when above the norm)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wmo_intake.domain.vervoersvoorziening import Vervoer, toets_categorie, toets_vervoer
from wmo_intake.schemas.beschikking import MaatwerkvoorzieningCreate
from wmo_intake.schemas.vervoersvoorziening import VervoerRead
from wmo_intake.service.beleid import kilometernorm
from wmo_intake.service.regels import regels_json
from wmo_shared.regels import Regel


def vervoersgegevens(
    i: int, v: MaatwerkvoorzieningCreate, gemeente: str, peildatum: dt.date
) -> tuple[dict[str, Any] | None, list[Regel]]:
    """(the stored vervoer JSON or None, its rules); a refusal names the field."""
    toets_categorie(i, v.productcategorie, v.vervoer is not None)
    if v.vervoer is None:
        return None, []
    f = v.vervoer
    norm = kilometernorm(gemeente, peildatum, veld=f"maatwerkvoorzieningen.{i}.vervoer")
    uitkomst = toets_vervoer(
        i,
        v.productcategorie,
        Vervoer(
            f.km_per_jaar,
            f.ander_vervoermiddel,
            f.intramuraal,
            f.alleen_supermarkt,
            f.motivering_km,
            f.begeleider,
            f.medische_handelingen_tijdens_rit,
            f.kan_met_taxi,
            f.medisch_onderzoek,
            f.leverancier,
        ),
        norm,
    )
    km: int | None = f.km_per_jaar
    if km is None and v.productcategorie == "08":
        km = uitkomst.norm_km  # the norm, granted at once (FIN-10)
    read = VervoerRead.model_validate(
        {
            **f.model_dump(by_alias=True),
            "kmPerJaar": km,
            "normKm": uitkomst.norm_km,
            "bovenNorm": uitkomst.boven_norm,
            "regels": regels_json(uitkomst.regels),
        }
    )
    return read.model_dump(mode="json", by_alias=True), list(uitkomst.regels)
