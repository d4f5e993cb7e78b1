"""What the werkvoorraad shows beside a deadline: which term it is (the statement writes it from
these tables, ``db.werkvoorraad_pagina``), why its date moved (opschorting, verdaging,
verlenging: the explanations recorded with each step) and, for an ingebrekestelling, the
dwangsom on the peildatum until the decision is taken."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

from wmo_intake.domain.aanbiedermelding import RULE
from wmo_intake.service.dwangsom import dwangsom_read
from wmo_shared.jsonresponse import dumps

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


def met_dwangsommen(document: str, ingebrekestellingen: str, peildatum: dt.date) -> bytes:
    """The page ``document`` (``db.werkvoorraad_pagina.document``) with the dwangsom of each
    ingebrekestelling on it on the peildatum (Awb 4:17, 4:18, with the Algemene termijnenwet:
    a rule of the domain, not of the statement)."""
    pagina = json.loads(document)
    for ig in json.loads(ingebrekestellingen):
        rij = SimpleNamespace(
            beslistermijn_uiterlijk=dt.date.fromisoformat(ig["beslistermijn_uiterlijk"]),
            ontvangstdatum=dt.date.fromisoformat(ig["ontvangstdatum"]),
            uitsluiting=ig["uitsluiting"],
            reden_uitsluiting=ig["reden_uitsluiting"],
        )
        d = dwangsom_read(rij, None, peildatum)
        pagina["resultaten"][ig["nr"] - 1]["dwangsom"] = d.model_dump(mode="json", by_alias=True)
    return dumps(pagina)
