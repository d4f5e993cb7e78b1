"""A resident's dossier (issue 14.1): intake's own part in one transaction, and the parts of
indicatie, pgb and finance asked in parallel BEFORE it opens, each with its own timeout. A
service that does not answer makes its part ``niet-beschikbaar``; the dossier still answers.
Intake audits the read of the dossier; every service that answers audits its own part."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from wmo_intake.clients.dossier import Deelantwoord, deel
from wmo_intake.db import clienten
from wmo_intake.db import dossier as q
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.schemas.dossier import (
    DossierAanvraag,
    DossierBeschikking,
    DossierBezwaar,
    DossierBrief,
    DossierKlacht,
    DossierMelding,
    DossierOnderzoek,
    DossierRead,
    DossierTermijn,
    DossierVoorziening,
    FinanceDeel,
    IndicatieDeel,
    PgbDeel,
    Voorzieningstaat,
)
from wmo_intake.service.client import GEEN_CLIENT, client_read
from wmo_intake.service.dossierbrief import als_pdf
from wmo_intake.service.huishouden import HUISGENOTEN, huisgenoot_read, netwerklid_read
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.client import ServiceClient
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.dossiercontracten import FinanceDossier, IndicatieDossier, PgbDossier
from wmo_shared.problems import NotFound

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Dossierbronnen:
    """The other services, the caller's token to ask them with, and the time each may take."""

    clients: Mapping[str, ServiceClient]
    token: str
    timeout: float


async def _vraag(bronnen: Dossierbronnen, dienst: str, bsn: str, model: type[M]) -> Deelantwoord[M]:
    client = bronnen.clients.get(dienst)
    if client is None:
        return Deelantwoord(None, "niet ingesteld")
    return await deel(client, bronnen.token, bsn, model, bronnen.timeout)


def _deel(dienst: str, antwoord: Deelantwoord[M]) -> dict[str, Any]:
    if antwoord.gegevens is None:
        return {
            "dienst": dienst,
            "status": "niet-beschikbaar",
            "toelichting": f"Dit deel is nu niet beschikbaar: de dienst {antwoord.reden}.",
        }
    return {"dienst": dienst, "status": "beschikbaar", "gegevens": antwoord.gegevens}


def _staat(
    v: Rij, verzonden: bool, vervangen: set[uuid.UUID], peildatum: dt.date
) -> Voorzieningstaat:
    if not verzonden:
        return "aangevraagd"
    einde = v.beeindigd_op if v.beeindigd_op is not None else v.einddatum
    if v.id in vervangen or (einde is not None and einde < peildatum):
        return "beeindigd"
    return "toegekend" if v.begindatum > peildatum else "lopend"


def _brief(rij: Rij | None, href: str) -> DossierBrief | None:
    if rij is None:
        return None
    return DossierBrief(kenmerk=rij.kenmerk, datum=rij.datum, sha256=rij.sha256, href=href)


def _voorzieningen(
    aanvragen: list[Rij],
    beschikkingen: list[Rij],
    voorzieningen: list[Rij],
    opdrachten: list[Rij],
    peildatum: dt.date,
) -> list[DossierVoorziening]:
    verzonden = {b.id: b.verzonden_op is not None for b in beschikkingen}
    aanvraag_van = {b.id: b.aanvraag_id for b in beschikkingen}
    vervangen = {v.vervangt_id for v in voorzieningen if v.vervangt_id is not None}
    opdracht = {o.maatwerkvoorziening_id: o for o in opdrachten}
    uit: list[DossierVoorziening] = []
    besloten = {b.aanvraag_id for b in beschikkingen if b.aanvraag_id is not None}
    for a in aanvragen:
        if a.id in besloten:
            continue
        for gevraagd in a.voorzieningen:
            uit.append(
                DossierVoorziening(
                    staat="aangevraagd",
                    omschrijving=gevraagd.get("omschrijving"),
                    aanvraag_id=a.id,
                    leveringsvorm=gevraagd.get("leveringsvorm"),
                    productcategorie=gevraagd.get("productcategorie"),
                )
            )
    for v in voorzieningen:
        o = opdracht.get(v.id)
        staat = _staat(v, verzonden[v.beschikking_id], vervangen, peildatum)
        uit.append(
            DossierVoorziening(
                id=v.id,
                staat=staat,
                omschrijving=v.omschrijving,
                aanvraag_id=aanvraag_van[v.beschikking_id],
                beschikking_id=v.beschikking_id,
                leveringsvorm=v.leveringsvorm,
                productcategorie=v.productcategorie,
                productcode=v.productcode,
                begindatum=v.begindatum,
                einddatum=v.beeindigd_op or v.einddatum,
                beeindigingsgrond=v.beeindigingsgrond,
                aanbieder_agb=o.aanbieder_agb if o is not None else v.aanbieder_agb,
                opdracht_id=o.id if o is not None else None,
                indicatie_id=v.indicatie_id,
                pgb_plan_id=v.pgb_plan_id,
                tegemoetkoming_id=v.tegemoetkoming_id,
                kostprijs=v.kostprijs,
                bedrag=v.bedrag,
            )
        )
    return uit


async def _intake(
    db: Database, principal: Principal, client_id: uuid.UUID, peildatum: dt.date
) -> dict[str, Any]:
    g = principal.gemeente
    async with db.transaction() as conn:
        client = await clienten.client_in_gemeente(conn, g, client_id)
        if client is None:
            raise NotFound(GEEN_CLIENT)
        leden = await q.netwerk(conn, g, client_id)
        zaken = await q.zaken(conn, g, client_id)
        ids = [m.id for m in zaken]
        onderzoeken = await q.onderzoeken_van(conn, ids)
        aanvragen = await q.aanvragen_van(conn, ids)
        beschikkingen = await q.beschikkingen_van(conn, ids)
        voorzieningen = await q.voorzieningen_van(conn, [b.id for b in beschikkingen])
        opdrachten = await q.opdrachten_van(conn, ids)
        bezwaren = await q.bezwaren_van(conn, ids)
        brieven = await q.brieven_van(
            conn, g, [b.id for b in beschikkingen] + [z.id for z in bezwaren]
        )
        klachten = await q.klachten_van(conn, g, client_id)
        termijnen = await q.open_termijnen(conn, g, client_id)
        await audit_log.record(conn, audit, principal, "dossier", "client", client_id)
    brief = {(b.onderwerp, b.onderwerp_id): b for b in brieven}
    return {
        "client": client_read(client),
        "huisgenoten": [huisgenoot_read(r) for r in leden if r.soort in HUISGENOTEN],
        "netwerk": [netwerklid_read(r) for r in leden if r.soort not in HUISGENOTEN],
        "meldingen": [
            DossierMelding(
                id=m.id,
                ontvangstdatum=m.ontvangstdatum,
                kanaal=m.kanaal,
                urgentie=m.urgentie,
                hulpvraag=m.hulpvraag,
                status=m.status,
            )
            for m in zaken
        ],
        "onderzoeken": [
            DossierOnderzoek(
                id=o.id,
                melding_id=o.melding_id,
                startdatum=o.startdatum,
                gereed=bool(o.uitkomst.get("gereed")),
                verslag_href=f"/api/v1/onderzoeken/{o.id}/verslag",
            )
            for o in onderzoeken
        ],
        "aanvragen": [
            DossierAanvraag(
                id=a.id,
                melding_id=a.melding_id,
                ontvangstdatum=a.ontvangstdatum,
                beschikking_uiterlijk=a.beschikking_uiterlijk,
                gevraagd=[str(v.get("omschrijving", "")) for v in a.voorzieningen],
            )
            for a in aanvragen
        ],
        "beschikkingen": [
            DossierBeschikking(
                id=b.id,
                melding_id=b.melding_id,
                aanvraag_id=b.aanvraag_id,
                soort=b.soort,
                besluitdatum=b.besluitdatum,
                verzonden=b.verzonden_op is not None,
                verzenddatum=b.verzenddatum,
                bezwaar_uiterlijk=b.bezwaar_uiterlijk,
                brief=_brief(brief.get(("beschikking", b.id)), f"/api/v1/beschikkingen/{b.id}"),
            )
            for b in beschikkingen
        ],
        "maatwerkvoorzieningen": _voorzieningen(
            aanvragen, beschikkingen, voorzieningen, opdrachten, peildatum
        ),
        "bezwaren": [
            DossierBezwaar(
                id=z.id,
                beschikking_id=z.beschikking_id,
                ontvangstdatum=z.ontvangstdatum,
                beslist_uiterlijk=z.beslist_uiterlijk,
                uitkomst=z.uitkomst,
                beslisdatum=z.beslisdatum,
                brief=_brief(brief.get(("bezwaarbeslissing", z.id)), f"/api/v1/bezwaren/{z.id}"),
            )
            for z in bezwaren
        ],
        "klachten": [
            DossierKlacht(
                id=k.id,
                ontvangstdatum=k.ontvangstdatum,
                onderwerp=k.onderwerp,
                status="afgehandeld" if k.afgehandeld_op else "in_behandeling",
                afhandel_uiterlijk=k.afhandel_uiterlijk,
                uitkomst=k.uitkomst,
            )
            for k in klachten
        ],
        "open_termijnen": [
            DossierTermijn(
                soort=t.soort,
                melding_id=t.melding_id,
                referentie=t.referentie,
                uiterlijk=t.uiterlijk,
            )
            for t in termijnen
        ],
    }


async def dossier(
    db: Database,
    principal: Principal,
    client_id: uuid.UUID,
    bronnen: Dossierbronnen,
    *,
    pdf: bool = False,
) -> DossierRead | bytes:
    """The dossier; with ``pdf`` the letter for the resident (PDF/A, B1) instead."""
    async with db.single_statement() as conn:
        client = await clienten.client_in_gemeente(conn, principal.gemeente, client_id)
    if client is None:
        raise NotFound(GEEN_CLIENT)
    # Outside any transaction: the three services at once, each within its timeout.
    indicaties, pgb, finance = await asyncio.gather(
        _vraag(bronnen, "indicatie", client.bsn, IndicatieDossier),
        _vraag(bronnen, "pgb", client.bsn, PgbDossier),
        _vraag(bronnen, "finance", client.bsn, FinanceDossier),
    )
    peildatum = vandaag()
    eigen = await _intake(db, principal, client_id, peildatum)
    gelezen = DossierRead.model_validate(
        {
            **eigen,
            "indicaties": IndicatieDeel.model_validate(_deel("indicatie", indicaties)),
            "pgb": PgbDeel.model_validate(_deel("pgb", pgb)),
            "finance": FinanceDeel.model_validate(_deel("finance", finance)),
            "peildatum": peildatum,
        }
    )
    return await als_pdf(gelezen, principal.gemeente) if pdf else gelezen
