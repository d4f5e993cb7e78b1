"""The beslissing op bezwaar: gegrond (the contested beschikking is replaced by a herziene
beschikking that refers to it and goes out through the normal sending, so the CAK, SVB and
provider feeds follow), ongegrond, niet-ontvankelijk or ingetrokken, with its motivation, its
rules and its own letter. Only what the law allows: a bezwaar is decided on its merits only when
it is ontvankelijk and the indiener was heard or an exception of 7:3 was recorded; it is
niet-ontvankelijk only when the Awb makes it so (too late, or a verzuim not repaired after
herstel). The letter is rendered before the transaction, like the beschikking's."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, bezwaren
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb.bezwaarstappen import (
    HERZIENING,
    herziening_nodig,
    toets_beslissing,
    toets_herziening,
)
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.bezwaar import BeslissingCreate, BezwaarRead
from wmo_intake.service import bezwaarbrief
from wmo_intake.service.bezwaarstand import Bezwaarstand, bezwaar_read, laad_bezwaar, stand
from wmo_intake.service.brief import VoorbereideBrief
from wmo_intake.service.briefinhoud import kenmerk
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import ProblemError, invalid
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


def _horen(hoorzittingen: Sequence[Rij], beslisdatum: dt.date) -> tuple[list[Regel], bool]:
    """AWB-7:2 / 7:3: how the indiener was heard (before the beslisdatum), or why not; and
    whether either happened."""
    gehoord = [h for h in hoorzittingen if h.gehouden_op and h.gehouden_op <= beslisdatum]
    uitzondering = [h for h in hoorzittingen if h.uitzondering]
    regels = [Regel(r["rule"], r["toelichting"]) for h in gehoord + uitzondering for r in h.regels]
    return [r for r in regels if r.rule in ("AWB-7:2", "AWB-7:3")], bool(gehoord or uitzondering)


async def _herziening(
    conn: AsyncConnection, principal: Principal, s: Bezwaarstand, body: BeslissingCreate
) -> Rij | None:
    """Gegrond names the herziene beschikking of the contested one; nothing else does."""
    if not herziening_nodig(body.uitkomst, body.herziene_beschikking_id):
        return None
    assert body.herziene_beschikking_id is not None
    h = await beschikkingen.beschikking(conn, principal.gemeente, body.herziene_beschikking_id)
    if h is None:
        raise invalid(HERZIENING, "Er is geen beschikking met dit id in uw gemeente.", "onbekend")
    toets_herziening(h.soort, h.vorige_beschikking_id, s.rij.beschikking_id)
    return h


def _beslisregels(s: Bezwaarstand, body: BeslissingCreate, herziening: Rij | None) -> list[Regel]:
    besluit = f"het besluit van {datum_nl(s.beschikking.verzenddatum)}"
    if body.uitkomst == "gegrond":
        assert herziening is not None
        hoofd = Regel(
            "AWB-7:11",
            f"Het bezwaar is gegrond. Wij herroepen {besluit} en nemen een nieuw besluit "
            f"(kenmerk {kenmerk(s.rij.gemeente, herziening.id)}). {body.motivering}",
        )
    elif body.uitkomst == "ongegrond":
        hoofd = Regel(
            "AWB-7:11",
            f"Na heroverweging blijft {besluit} zoals het was. Het bezwaar is ongegrond. "
            f"{body.motivering}",
        )
    elif body.uitkomst == "niet_ontvankelijk":
        return [
            *s.ontvankelijkheid.regels,
            Regel(s.ontvankelijkheid.regels[-1].rule, body.motivering),
        ]
    else:
        hoofd = Regel(
            "AWB-6:21",
            f"De indiener heeft het bezwaar ingetrokken; wij sluiten het af. {body.motivering}",
        )
    termijn = s.beslistermijn
    op_tijd = "binnen" if body.beslisdatum <= termijn.uiterlijk else "na afloop van"
    return [
        hoofd,
        Regel(
            "AWB-7:10",
            f"Beslist op {datum_nl(body.beslisdatum)}, {op_tijd} de beslistermijn (uiterlijk "
            f"{datum_nl(termijn.uiterlijk)}).",
        ),
    ]


async def _beoordeel(
    conn: AsyncConnection, principal: Principal, rij: Rij, body: BeslissingCreate
) -> tuple[Bezwaarstand, list[Regel], list[Regel], Rij | None]:
    tussen(
        "beslisdatum",
        body.beslisdatum,
        rij.ontvangstdatum,
        vandaag(),
        "De beslisdatum ligt vóór de ontvangst van het bezwaar of in de toekomst.",
    )
    s = await stand(conn, rij, body.beslisdatum)
    horen, gehoord = _horen(await bezwaren.hoorzittingen_van(conn, rij.id), body.beslisdatum)
    toets_beslissing(body.uitkomst, s.ontvankelijkheid, gehoord=gehoord)
    herziening = await _herziening(conn, principal, s, body)
    return s, _beslisregels(s, body, herziening), horen, herziening


async def _brief(
    conn: AsyncConnection,
    s: Bezwaarstand,
    body: BeslissingCreate,
    regels: list[Regel],
    horen: list[Regel],
    herziening: Rij | None,
) -> VoorbereideBrief:
    inhoud = bezwaarbrief.beslissingsbrief(
        s,
        client=await bezwaarbrief.client_van(conn, s),
        uitkomst=body.uitkomst,
        beslisdatum=body.beslisdatum,
        beslisregels=regels,
        horen=horen,
        herziening=herziening,
    )
    return await bezwaarbrief.maak(s.rij.versie, inhoud, s.rij.gemeente)


async def _bereid_voor(
    db: Database, principal: Principal, bezwaar_id: uuid.UUID, body: BeslissingCreate
) -> VoorbereideBrief | None:
    """Render the letter before the transaction; None when the decision would be refused
    (the transaction then refuses it with the reason) or the bezwaar is not found."""
    try:
        async with db.transaction() as conn:
            rij = await bezwaren.bezwaar(conn, principal.gemeente, bezwaar_id)
            if rij is None or rij.uitkomst is not None:
                return None
            s, regels, horen, herziening = await _beoordeel(conn, principal, rij, body)
            inhoud = bezwaarbrief.beslissingsbrief(
                s,
                client=await bezwaarbrief.client_van(conn, s),
                uitkomst=body.uitkomst,
                beslisdatum=body.beslisdatum,
                beslisregels=regels,
                horen=horen,
                herziening=herziening,
            )
    except (Weigering, ProblemError):
        return None
    return await bezwaarbrief.maak(rij.versie, inhoud, principal.gemeente)


async def beslis(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: BeslissingCreate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    voorbereid = await _bereid_voor(db, principal, bezwaar_id, body)

    async def work(conn: AsyncConnection) -> Written[BezwaarRead]:
        rij = await laad_bezwaar(
            conn, principal, bezwaar_id, wijzigen=True, if_match=if_match, open_=True
        )
        s, regels, horen, herziening = await _beoordeel(conn, principal, rij, body)
        brief = voorbereid
        if brief is None or brief.versie != rij.versie:
            brief = await _brief(conn, s, body, regels, horen, herziening)
        briefregels = await bezwaarbrief.bewaar(conn, principal, rij.id, body.beslisdatum, brief)
        rij = await bezwaren.wijzig(
            conn,
            rij.id,
            {
                "uitkomst": body.uitkomst,
                "beslisdatum": body.beslisdatum,
                "beslissing": {"motivering": body.motivering},
                "herziene_beschikking_id": herziening.id if herziening is not None else None,
                "regels": regels_json([*regels, *horen, *briefregels]),
                "versie": rij.versie + 1,
                "gewijzigd": nu(),
            },
        )
        await audit_log.record(
            conn, audit, principal, "beslissen", "bezwaar", rij.id, {"uitkomst": body.uitkomst}
        )
        read = await bezwaar_read(conn, rij)
        return Written(read, f"/bezwaren/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, BezwaarRead, work)
