"""The verslag of the onderzoek: the document the client receives (art. 2.3.2 lid 8 Wmo)."""

from __future__ import annotations

import uuid
from typing import Any

from wmo_intake.db import clienten
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.afwegingsladder import TREDETEKSTEN, Trede
from wmo_intake.domain.onderzoek import AFSTEMMINGSTEKSTEN, VRAAGTEKSTEN, Onderzoeksvraag
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.onderzoek import OnderzoekRead
from wmo_intake.schemas.verslag import VerslagRead
from wmo_intake.service.onderzoek import laad_onderzoek, onderzoek_read
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database


def verslag(onderzoek: OnderzoekRead, zaak: Rij, client: Rij) -> VerslagRead:
    u = onderzoek.uitkomst
    antwoorden = {a.vraag: a.antwoord for a in onderzoek.antwoorden}
    secties: list[dict[str, Any]] = [
        {
            "kop": "Uw melding",
            "tekst": f"Wij ontvingen uw melding op {datum_nl(zaak.ontvangstdatum)} "
            f"(via {zaak.kanaal.replace('_', ' ')}). Uw hulpvraag: {zaak.hulpvraag}",
        }
    ]
    for nummer, vraag in enumerate(Onderzoeksvraag, start=1):
        secties.append(
            {
                "kop": f"{nummer}. {VRAAGTEKSTEN[vraag]}",
                "tekst": antwoorden.get(vraag) or "(nog niet beantwoord)",
            }
        )
    ladder = [f"{TREDETEKSTEN[Trede(t)]}: {deel}" for deel, t in u.ladder.opgelost_door.items()]
    secties.append(
        {
            "kop": "Wat u zelf en uw omgeving kunnen doen (afwegingsladder)",
            "tekst": "; ".join(ladder) if ladder else "Geen van de eerdere treden lost iets op.",
            "regels": u.ladder.regels,
        }
    )
    afgestemd = [
        f"{AFSTEMMINGSTEKSTEN[a.factor]}: {a.toelichting}"
        for a in onderzoek.afstemming
        if a.van_toepassing
    ]
    secties.append(
        {
            "kop": "Afstemming op uw situatie",
            "tekst": "; ".join(afgestemd) if afgestemd else "Geen bijzondere afstemming nodig.",
        }
    )
    if u.bevindingen:
        secties.append(
            {
                "kop": "Bevindingen per resultaatgebied",
                "tekst": " ".join(r.toelichting for b in u.bevindingen for r in b.regels),
            }
        )
    for advies in onderzoek.indicatie_adviezen:
        secties.append(
            {
                "kop": "Advies over de begeleiding",
                "tekst": str(advies.antwoord.get("toelichting") or advies.antwoord),
            }
        )
    conclusie = (
        "Er is een maatwerkvoorziening nodig voor: " + ", ".join(u.ladder.resterend) + "."
        if u.compensatieplicht
        else "Op dit moment is er geen maatwerkvoorziening nodig of mogelijk."
    )
    secties.append({"kop": "Conclusie", "tekst": conclusie})
    secties.append(
        {
            "kop": "Wat nu?",
            "tekst": "U kunt opmerkingen op dit verslag laten toevoegen. Wilt u ondersteuning "
            "aanvragen, dan kunt u met dit verslag een aanvraag indienen; wij beslissen dan "
            "binnen twee weken (INT-03). Gratis onafhankelijke cliëntondersteuning kan u daarbij "
            "helpen (INT-15).",
        }
    )
    return VerslagRead.model_validate(
        {
            "onderzoekId": onderzoek.id,
            "meldingId": zaak.id,
            "titel": f"Verslag van het onderzoek voor {client.voornamen} {client.achternaam}",
            "startdatum": onderzoek.startdatum,
            "volledig": u.volledig,
            "secties": secties,
            "regels": u.regels,
        }
    )


async def lees_verslag(db: Database, principal: Principal, onderzoek_id: uuid.UUID) -> VerslagRead:
    async with db.transaction() as conn:
        row, zaak = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
        onderzoek = await onderzoek_read(conn, row)
        client = await clienten.client(conn, zaak.client_id)
    return verslag(onderzoek, zaak, client)
