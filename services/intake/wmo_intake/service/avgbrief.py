"""The AVG inzage as a letter for the person (art. 15, issue 14.5), in short B1 sentences: what
each part of the Wmo administration keeps about them, and who looked at it or changed it."""

from __future__ import annotations

import uuid
from typing import Any

from wmo_documents import BriefbeleidOntbreekt, Onderdeel, Ontvanger, Overzicht, maak_overzicht
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.avg import AvgInzageRead
from wmo_intake.service.brief import BRIEFPROCES, briefbeleid_ontbreekt
from wmo_shared.clock import datum_van

NAAM = {
    "intake": "Meldingen, onderzoeken en besluiten (Wmo-loket)",
    "indicatie": "Indicaties (hoeveel begeleiding)",
    "pgb": "Persoonsgebonden budget (pgb)",
    "finance": "Geld: tegemoetkomingen en eigen bijdrage",
}
ACTIE = {"lezen": "bekeken", "wijzigen": "veranderd", "aanmaken": "vastgelegd"}


def _ontvanger(export: AvgInzageRead) -> Ontvanger:
    intake = next((d for d in export.diensten if d.dienst == "intake"), None)
    rijen: list[dict[str, Any]] = (intake.gegevens or {}).get("clienten", []) if intake else []
    if not rijen:
        return Ontvanger(naam="Inwoner", aanhef="Beste inwoner", adresregels=("-", "-"))
    c = rijen[0]
    naam = f"{c['voornamen']} {c['achternaam']}"
    straat = " ".join(str(p) for p in (c.get("straat"), c.get("huisnummer")) if p)
    plaats = " ".join(str(p) for p in (c.get("postcode"), c.get("woonplaats")) if p)
    return Ontvanger(
        naam=naam,
        aanhef=f"Beste {naam}",
        adresregels=(straat or "(straat onbekend)", plaats or "(woonplaats onbekend)"),
    )


def overzicht(export: AvgInzageRead, kenmerk: str) -> Overzicht:
    datum = datum_van(export.gemaakt_op)
    onderdelen = []
    for d in export.diensten:
        if d.gegevens is None:
            regels = ["Dit deel kunnen wij nu niet laten zien. Wij sturen het later na."]
        else:
            regels = [
                f"{soort}: {len(rijen)} {'gegeven' if len(rijen) == 1 else 'gegevens'}"
                for soort, rijen in d.gegevens.items()
                if rijen
            ]
        onderdelen.append(Onderdeel(NAAM[d.dienst], "Dit bewaren wij over u.", regels))
    onderdelen.append(
        Onderdeel(
            "Wie uw gegevens heeft bekeken of veranderd",
            "Elke keer dat iemand uw gegevens bekijkt of verandert, schrijven wij dat op.",
            [
                f"{r.tijdstip:%d-%m-%Y %H:%M}: {r.sub} ({r.rol}, gemeente {r.gemeente}) heeft "
                f"{r.resource_type.replace('-', ' ')} {ACTIE.get(r.actie, f'({r.actie})')}."
                for r in export.audit
            ],
        )
    )
    return Overzicht(
        titel="Inzage in uw gegevens",
        ontvanger=_ontvanger(export),
        datum=datum,
        kenmerk=kenmerk,
        inleiding=[
            "U vroeg welke gegevens wij over u bewaren voor de Wmo. Dat mag altijd "
            "(artikel 15 van de Algemene verordening gegevensbescherming, AVG).",
            f"In deze brief staat wat wij op {datum_nl(datum)} over u bewaren, en wie die "
            "gegevens heeft bekeken of veranderd.",
            "Klopt er iets niet? Dan mag u vragen het te verbeteren of te verwijderen.",
        ],
        onderdelen=onderdelen,
    )


async def als_pdf(export: AvgInzageRead, gemeente: str) -> bytes:
    kenmerk = f"AVG-{export.gemaakt_op:%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"
    try:
        gerenderd = await BRIEFPROCES.run(
            maak_overzicht, overzicht(export, kenmerk), gemeente=gemeente
        )
    except BriefbeleidOntbreekt as exc:
        raise briefbeleid_ontbreekt(exc) from exc
    return gerenderd.pdf
