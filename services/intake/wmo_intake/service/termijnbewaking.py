"""What the werkvoorraad shows beside a deadline: which term it is, why its date moved
(opschorting, verdaging, verlenging: the explanations recorded with each step) and, for an
ingebrekestelling, the dwangsom on the peildatum until the decision is taken."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import ingebrekestellingen, termijnaanpassingen
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.aanbiedermelding import RULE
from wmo_intake.service.dwangsom import dwangsom_read

# Werkvoorraad soort → the object whose term adjustments explain its date.
DOEL = {"beschikking": "aanvraag", "onderzoek": "melding", "bezwaar": "bezwaar", "klacht": "klacht"}
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


def _delen(row: Rij) -> tuple[str, str | None]:
    """(id, the named term) of a referentie ``<id>`` or ``<id>/<term>[/<id>]``."""
    deel = str(row.referentie).split("/")
    return deel[0], deel[1] if len(deel) > 1 else None


async def verrijk(
    conn: AsyncConnection, rows: Sequence[Rij], peildatum: dt.date
) -> list[dict[str, Any]]:
    """Per row: referentieId, termijn, aanpassingen, dwangsom and (for a bezwaar's side term)
    the rule."""
    per_doel: dict[str, set[uuid.UUID]] = {}
    for row in rows:
        if row.soort in DOEL:
            per_doel.setdefault(DOEL[row.soort], set()).add(uuid.UUID(_delen(row)[0]))
    redenen: dict[tuple[str, uuid.UUID], list[dict[str, str]]] = {}
    for doel, ids in per_doel.items():
        for a in await termijnaanpassingen.van_velen(conn, doel, sorted(ids)):
            redenen.setdefault((doel, a.doel_id), []).extend(a.regels)
    ingebreke = {
        r.id: r
        for r in await ingebrekestellingen.velen(
            conn, [uuid.UUID(str(r.referentie)) for r in rows if r.soort == "ingebrekestelling"]
        )
    }
    extra: list[dict[str, Any]] = []
    for row in rows:
        ref, naam = _delen(row)
        item: dict[str, Any] = {"referentie_id": ref, "termijn": naam or TERMIJN.get(row.soort)}
        if naam in BEZWAARTERMIJNEN:
            item["rule"] = BEZWAARTERMIJNEN[naam]
        elif row.soort == "aanbiedermelding" and naam in AANBIEDERMELDINGEN:
            item["rule"] = AANBIEDERMELDINGEN[naam]
        elif row.soort in DOEL:
            item["aanpassingen"] = redenen.get((DOEL[row.soort], uuid.UUID(ref)), [])
        if row.soort == "ingebrekestelling":
            item["dwangsom"] = dwangsom_read(ingebreke[uuid.UUID(ref)], None, peildatum)
        extra.append(item)
    return extra
