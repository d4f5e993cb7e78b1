"""What the werkvoorraad shows beside a deadline: which term it is, why its date moved
(opschorting, verdaging, verlenging: the explanations recorded with each step) and, for an
ingebrekestelling, the dwangsom on the peildatum until the decision is taken."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wmo_intake.db.rijen import Rij
from wmo_intake.db.werkvoorraad_pagina import DOEL
from wmo_intake.domain.aanbiedermelding import RULE
from wmo_intake.domain.termijnen import termijnstatus
from wmo_intake.service.dwangsom import dwangsom_read

TERMIJN = {
    "onderzoek": "onderzoekstermijn",
    "beschikking": "beslistermijn",
    "bezwaar": "beslistermijn",
    "ingebrekestelling": "dwangsom",
    "klacht": "afhandeltermijn",
    "opzegging": "akkoord-opzegging",
    "vervolgopdracht": "andere-aanbieder",
    "iwmo-verzoek": "antwoordtermijn",
}
BEZWAARTERMIJNEN = {"hersteltermijn": "AWB-6:6", "hoorzitting": "AWB-7:2"}
AANBIEDERMELDINGEN = {s.value: rule for s, rule in RULE.items()}  # <id>/<soort> → its rule
BEZWAARTERMIJNEN["retourtermijn"] = "IWMO-RETOUR"  # the side term of an iWmo-verzoek


def _delen(referentie: str) -> tuple[str, str | None]:
    """(id, the named term) of a referentie ``<id>`` or ``<id>/<term>[/<id>]``."""
    deel = referentie.split("/")
    return deel[0], deel[1] if len(deel) > 1 else None


def item(row: Rij, peildatum: dt.date, regel: str) -> dict[str, Any]:
    """One werkvoorraad item as the wire has it (``WerkvoorraadItemRead`` by alias) from a row of
    ``db.werkvoorraad_pagina.pagina``: which term it is, its rule, why its date moved, the
    dwangsom of an ingebrekestelling, and who handles it."""
    ref, naam = _delen(row.referentie)
    rule: str | None = regel or None
    aanpassingen: Any = []
    if naam in BEZWAARTERMIJNEN:
        rule = BEZWAARTERMIJNEN[naam]
    elif row.soort == "aanbiedermelding" and naam in AANBIEDERMELDINGEN:
        rule = AANBIEDERMELDINGEN[naam]
    elif row.soort in DOEL and row.aanpassingen is not None:
        aanpassingen = row.aanpassingen
    dwangsom = None
    if row.soort == "ingebrekestelling":
        dwangsom = dwangsom_read(row, None, peildatum).model_dump(mode="json", by_alias=True)
    return {
        "soort": row.soort,
        "meldingId": row.melding_id,
        "referentieId": ref,
        "clientId": row.client_id,
        "uiterlijk": row.uiterlijk,
        "status": termijnstatus(row.uiterlijk, peildatum).value,
        "rule": rule,
        "termijn": naam or TERMIJN.get(row.soort),
        "aanpassingen": aanpassingen,
        "dwangsom": dwangsom,
        "behandelaar": None
        if row.behandelaar_sub is None
        else {"sub": row.behandelaar_sub, "naam": row.behandelaar_naam},
        "team": row.team,
    }
