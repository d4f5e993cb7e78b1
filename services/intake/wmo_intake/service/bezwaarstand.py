"""A bezwaar as it stands on a peildatum: its ontvankelijkheid computed and explained (Awb
6:5–6:11, with the herstel term of 6:6) and its beslistermijn (7:10, 7:13) replayed through every
herstelverzoek, verdaging and uitstel; loaded within the caller's gemeente and answered as a
``BezwaarRead``. The adjusted last days are kept on the row for the werkvoorraad."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, bezwaren, brieven, termijnaanpassingen
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb import (
    Awbtermijn,
    Bezwaarschrift,
    Herstelverzoek,
    Ontvankelijkheid,
    Vereiste,
    beoordeel_ontvankelijkheid,
    beslistermijn_bezwaar,
)
from wmo_intake.domain.awb.bezwaarstappen import toets_bezwaar_open
from wmo_intake.domain.awb.verloop import datum, herbereken
from wmo_intake.schemas.bezwaar import BezwaarRead, HoorzittingRead
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijn import termijn_read as bezwaartermijn_read
from wmo_intake.service.termijnaanpassing import stappen, termijn_read
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.etag import require_version
from wmo_shared.problems import NotFound

GEEN_BEZWAAR = "Er is geen bezwaar met dit id in uw gemeente."


@dataclass(frozen=True)
class Bezwaarstand:
    """A bezwaar with what is computed from it on the peildatum."""

    rij: Any
    beschikking: Rij
    aanpassingen: list[Rij]
    ontvankelijkheid: Ontvankelijkheid
    beslistermijn: Awbtermijn

    @property
    def herstelverzoek(self) -> Rij | None:
        return next((a for a in reversed(self.aanpassingen) if a.soort == "herstel"), None)


def _herstelverzoek(aanpassingen: list[Rij]) -> Herstelverzoek | None:
    laatste = next((a for a in reversed(aanpassingen) if a.soort == "herstel"), None)
    if laatste is None:
        return None
    verzonden, uiterlijk = (
        datum(laatste.gegevens, "verzochtOp"),
        datum(laatste.gegevens, "herstellenUiterlijk"),
    )
    assert verzonden is not None and uiterlijk is not None
    return Herstelverzoek(verzonden, uiterlijk)


def basis(rij: Any, beschikking: Rij) -> Awbtermijn:
    """AWB-7:10 / 7:13 before any step (``rij``: a bezwaar row, or its values about to change)."""
    return beslistermijn_bezwaar(
        beschikking.verzenddatum,
        bezwaar_ontvangen=rij.ontvangstdatum,
        adviescommissie=rij.adviescommissie,
    )


def beoordeel(
    rij: Any, beschikking: Rij, aanpassingen: list[Rij], peildatum: dt.date
) -> Bezwaarstand:
    ontvankelijkheid = beoordeel_ontvankelijkheid(
        Bezwaarschrift(
            rij.ontvangstdatum, rij.ter_post_bezorgd, frozenset(Vereiste(v) for v in rij.ontbrekend)
        ),
        beschikking_verzonden=beschikking.verzenddatum,
        peildatum=peildatum,
        besluit_genomen=beschikking.besluitdatum,
        verschoonbaar=rij.verschoonbaar,
        herstelverzoek=_herstelverzoek(aanpassingen),
    )
    termijn, _ = herbereken("bezwaar", basis(rij, beschikking), stappen(aanpassingen))
    return Bezwaarstand(rij, beschikking, aanpassingen, ontvankelijkheid, termijn)


async def stand(conn: AsyncConnection, rij: Rij, peildatum: dt.date | None = None) -> Bezwaarstand:
    beschikking = await beschikkingen.beschikking(conn, rij.gemeente, rij.beschikking_id)
    assert beschikking is not None
    aanpassingen = await termijnaanpassingen.van(conn, "bezwaar", rij.id)
    return beoordeel(rij, beschikking, aanpassingen, peildatum or rij.beslisdatum or vandaag())


async def bewaar_termijnen(conn: AsyncConnection, s: Bezwaarstand, extra: dict[str, Any]) -> Rij:
    """Keep the adjusted last days for the werkvoorraad (and ``extra`` changes, versie + 1)."""
    herstel = s.herstelverzoek
    herstel_uiterlijk = None
    if herstel is not None and not herstel.gegevens.get("hersteldOp"):
        if s.ontvankelijkheid.ontbrekend:
            herstel_uiterlijk = datum(herstel.gegevens, "herstellenUiterlijk")
    return await bezwaren.wijzig(
        conn,
        s.rij.id,
        {
            "beslist_uiterlijk": s.beslistermijn.uiterlijk,
            "herstel_uiterlijk": herstel_uiterlijk,
            "versie": s.rij.versie + 1,
            "gewijzigd": nu(),
            **extra,
        },
    )


async def laad_bezwaar(
    conn: AsyncConnection,
    principal: Principal,
    bezwaar_id: uuid.UUID,
    *,
    wijzigen: bool = False,
    if_match: str | None = None,
    open_: bool = False,
) -> Rij:
    """The bezwaar of the caller's gemeente (404, also when its case is not visible), locked
    for a change; ``if_match`` checked when given; ``open_``: 409 once decided."""
    rij = await bezwaren.bezwaar(conn, principal.gemeente, bezwaar_id)
    if rij is None:
        raise NotFound(GEEN_BEZWAAR)
    try:
        await laad_zaak(conn, principal, rij.melding_id, voor_wijziging=wijzigen)
    except NotFound as exc:
        raise NotFound(GEEN_BEZWAAR) from exc
    if wijzigen:
        rij = await bezwaren.bezwaar(conn, principal.gemeente, bezwaar_id, lock=True)
        assert rij is not None
        if if_match is not None:
            require_version(if_match, rij.versie)
    if open_:
        toets_bezwaar_open(rij.uitkomst, rij.beslisdatum)
    await audit_log.record(
        conn, audit, principal, "wijzigen" if wijzigen else "lezen", "bezwaar", rij.id
    )
    return rij


def hoorzitting_read(h: Rij) -> HoorzittingRead:
    return HoorzittingRead.model_validate(
        {
            "id": h.id,
            "geplandOp": h.gepland_op,
            "inzageVanaf": h.inzage_vanaf,
            "uitzondering": h.uitzondering,
            "motivering": h.motivering,
            "gehoudenOp": h.gehouden_op,
            "aanwezig": h.aanwezig,
            "verslag": h.verslag,
            "regels": h.regels,
            "versie": h.versie,
        }
    )


async def bezwaar_read(
    conn: AsyncConnection, rij: Rij, s: Bezwaarstand | None = None
) -> BezwaarRead:
    s = s or await stand(conn, rij)
    o = s.ontvankelijkheid
    beslissing: dict[str, Any] | None = None
    if rij.uitkomst is not None:
        brief = await brieven.brief(conn, rij.gemeente, "bezwaarbeslissing", rij.id)
        beslissing = {
            "uitkomst": rij.uitkomst,
            "beslisdatum": rij.beslisdatum,
            "motivering": rij.beslissing["motivering"],
            "herzieneBeschikkingId": rij.herziene_beschikking_id,
            "brief": {
                "kenmerk": brief.kenmerk,
                "sha256": brief.sha256,
                "beleid": brief.beleid,
                "briefversie": brief.briefversie,
            }
            if brief is not None
            else None,
            "regels": rij.regels,
        }
    return BezwaarRead.model_validate(
        {
            "id": rij.id,
            "beschikkingId": rij.beschikking_id,
            "meldingId": rij.melding_id,
            "ontvangstdatum": rij.ontvangstdatum,
            "kanaal": rij.kanaal,
            "indiener": rij.indiener,
            "gemachtigde": rij.gemachtigde,
            "terPostBezorgd": rij.ter_post_bezorgd,
            "aanwezig": [v for v in Vereiste if v.value not in rij.ontbrekend],
            "gronden": rij.gronden,
            "verschoonbaar": rij.verschoonbaar,
            "adviescommissie": rij.adviescommissie,
            "status": "afgehandeld" if rij.uitkomst else "in_behandeling",
            "ontvankelijkheid": {
                "uitkomst": o.uitkomst,
                "tijdig": o.tijdig,
                "bezwaartermijn": bezwaartermijn_read(o.bezwaartermijn),
                "ontbrekend": list(o.ontbrekend),
                "herstelUiterlijk": o.herstel_uiterlijk,
                "regels": regels_json(o.regels),
            },
            "beslistermijn": termijn_read(s.beslistermijn, s.aanpassingen),
            "hoorzittingen": [
                hoorzitting_read(h) for h in await bezwaren.hoorzittingen_van(conn, rij.id)
            ],
            "voorlopigeVoorzieningen": rij.voorlopige_voorzieningen,
            "beslissing": beslissing,
            "regels": regels_json(o.regels) + rij.regels,
            "versie": rij.versie,
        }
    )
