"""The letter of the beslissing op bezwaar (Awb 7:11, 7:12): what was decided and why, how the
indiener was heard, the herziene beschikking when the bezwaar is gegrond, how the beslistermijn
moved and why, and (except after intrekking) the last day for beroep (Awb 6:7, 6:8, 8:1).
Stored like the beschikking letter (``db.brieven``, onderwerp ``bezwaarbeslissing``); without
letter policy on the beslisdatum the decision is refused (400 ``briefbeleid-ontbreekt``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_documents import (
    BeslissingOpBezwaar,
    Bezwaaruitkomst,
    BriefbeleidOntbreekt,
    Ontvanger,
    VorigeBeschikking,
)
from wmo_intake.db import brieven, clienten, meldingen
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.termijnen import bezwaartermijn
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.service.bezwaarstand import Bezwaarstand, laad_bezwaar
from wmo_intake.service.brief import (
    Briefweergave,
    Formaat,
    VoorbereideBrief,
    render,
    weergave_van_opgeslagen,
    zonder_brief,
)
from wmo_intake.service.briefinhoud import kenmerk, ontvanger, regel, regels
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.problems import NotFound
from wmo_shared.regels import Regel


def _ontvanger(s: Bezwaarstand, client: Rij) -> Ontvanger:
    indiener = s.rij.indiener
    if not indiener:
        return ontvanger(client)
    adres = [r for r in indiener.get("adresregels", []) if r.strip()]
    while len(adres) < 2:
        adres.append("(adres onbekend)")
    return Ontvanger(naam=indiener["naam"], aanhef=f"Beste {indiener['naam']}", adresregels=adres)


def beslissingsbrief(
    s: Bezwaarstand,
    *,
    client: Rij,
    uitkomst: str,
    beslisdatum: dt.date,
    beslisregels: Sequence[Regel],
    horen: Sequence[Regel],
    herziening: Rij | None,
) -> BeslissingOpBezwaar:
    gemeente = s.rij.gemeente
    b = s.beschikking
    herzien = (
        VorigeBeschikking(
            kenmerk=kenmerk(gemeente, herziening.id),
            datum=herziening.verzenddatum or beslisdatum,
        )
        if herziening is not None
        else None
    )
    return BeslissingOpBezwaar(
        kenmerk=kenmerk(gemeente, s.rij.id, "BZW"),
        datum=beslisdatum,
        ontvanger=_ontvanger(s, client),
        bezwaar_ontvangen=s.rij.ontvangstdatum,
        besluit=VorigeBeschikking(kenmerk=kenmerk(gemeente, b.id), datum=b.verzenddatum),
        uitkomst=Bezwaaruitkomst(uitkomst),
        motivering=regels({"rule": r.rule, "toelichting": r.toelichting} for r in beslisregels),
        horen=tuple(regel(r.rule, r.toelichting) for r in horen),
        herzien_besluit=herzien,
        beroep_uiterlijk=None
        if uitkomst == "ingetrokken"
        else bezwaartermijn(beslisdatum).uiterlijk,
        termijnaanpassingen=regels(r for a in s.aanpassingen for r in a.regels),
    )


async def client_van(conn: AsyncConnection, s: Bezwaarstand) -> Rij:
    zaak = await meldingen.melding(conn, s.rij.gemeente, s.rij.melding_id)
    assert zaak is not None
    return await clienten.client(conn, zaak.client_id)


async def maak(versie: int, inhoud: BeslissingOpBezwaar, gemeente: str) -> VoorbereideBrief:
    try:
        return VoorbereideBrief(versie, await render(inhoud, gemeente))
    except BriefbeleidOntbreekt as exc:
        return VoorbereideBrief(versie, None, str(exc))


async def bewaar(
    conn: AsyncConnection,
    principal: Principal,
    bezwaar_id: uuid.UUID,
    datum: dt.date,
    brief: VoorbereideBrief,
) -> list[Regel]:
    gerenderd = brief.gerenderd
    if gerenderd is None:
        # AWB-7:12: the decision is made known with its motivation; no letter, no decision.
        raise zonder_brief("Er is niet beslist:", brief.ontbreekt, "AWB-7:12")
    await brieven.insert(
        conn,
        {
            "gemeente": principal.gemeente,
            "onderwerp": "bezwaarbeslissing",
            "onderwerp_id": bezwaar_id,
            "soort": gerenderd.soort.value,
            "kenmerk": gerenderd.kenmerk,
            "datum": datum,
            "html": gerenderd.html,
            "pdf": gerenderd.pdf,
            "sha256": gerenderd.sha256,
            "beleid": gerenderd.beleid,
            "briefversie": gerenderd.briefversie,
        },
    )
    return [
        Regel(
            "AWB-7:12",
            f"De beslissing is bekendgemaakt met een brief (kenmerk {gerenderd.kenmerk}) die de "
            f"motivering en de beroepsmogelijkheid noemt, gemaakt met het briefbeleid "
            f"{gerenderd.beleid} (versie van {datum_nl(gerenderd.briefversie)}); sha256 "
            f"{gerenderd.sha256}.",
        )
    ]


async def lees_beslissingsbrief(
    db: Database, principal: Principal, bezwaar_id: uuid.UUID, formaat: Formaat
) -> Briefweergave:
    async with db.transaction() as conn:
        rij = await laad_bezwaar(conn, principal, bezwaar_id)
        brief = await brieven.brief(conn, principal.gemeente, "bezwaarbeslissing", rij.id)
    if brief is None:
        raise NotFound(
            "Bij dit bezwaar is (nog) geen beslissingsbrief: er is nog niet beslist, of er was "
            "op de beslisdatum geen briefbeleid."
        )
    return weergave_van_opgeslagen(brief, formaat)
