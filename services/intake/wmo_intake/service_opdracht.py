"""The dienstverleningsopdracht to a provider: complete per AAN-01, answered by the provider
(only its own, by the AGB code in its token), with its obligations (AAN-02 zorgplan, AAN-06
notice, AAN-07 crisis start), exported as WMO301 and published in the toewijzingen feed."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    audit,
    beschikkingen,
    clienten,
    maatwerkvoorzieningen,
    opdrachten,
    toewijzingen,
)
from wmo_intake.domain.opdracht import Dienstverleningsopdracht, toets_opdracht
from wmo_intake.domain.termijnen import (
    AMSTERDAM,
    crisis_starttermijn,
    opzegtermijn,
    zorgplantermijn,
)
from wmo_intake.domain.zaakstatus import Zaakgebeurtenis
from wmo_intake.schemas.opdracht import (
    AcceptatieCreate,
    OpdrachtCreate,
    OpdrachtRead,
    OpzeggingCreate,
    WeigeringCreate,
    ZorgplanCreate,
)
from wmo_intake.service_melding import termijn_read
from wmo_intake.service_zaak import laad_zaak, pas_toe, regels_json, vandaag, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import ToewijzingFeedItem
from wmo_shared.problems import Conflict, Forbidden, InvalidParam, NotFound, RuleViolation, invalid
from wmo_shared.regels import Regel

GEEN_OPDRACHT = "Er is geen opdracht met dit id voor u."
_EENHEID_TEKST = {"01": "minuten", "04": "uur", "14": "etmalen", "16": "dagdelen", "82": "stuks"}
_FREQUENTIE_TEKST = {"1": "per dag", "2": "per week", "4": "per maand", "6": "totaal"}


def opdracht_read(row: Row[Any]) -> OpdrachtRead:
    zorgplan = zorgplantermijn(row.verstrekt_op.astimezone(AMSTERDAM).date())
    regels = [Regel("AAN-01", "De dienstverleningsopdracht bevat alle verplichte gegevens.")]
    regels.extend(zorgplan.regels)
    crisis = None
    if row.crisis_start_uiterlijk is not None:
        termijn = crisis_starttermijn(row.crisis_start_uiterlijk - dt.timedelta(hours=24))
        regels.extend(termijn.regels)
        crisis = {
            "rule": "AAN-07",
            "uiterlijkOp": row.crisis_start_uiterlijk.astimezone(AMSTERDAM),
            "regels": regels_json(termijn.regels),
        }
    return OpdrachtRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "maatwerkvoorzieningId": row.maatwerkvoorziening_id,
            "toewijzingnummer": row.toewijzingnummer,
            "aanbiederAgb": row.aanbieder_agb,
            "status": row.status,
            "crisis": row.crisis,
            "verstrektOp": row.verstrekt_op,
            "gegevens": row.gegevens,
            "reactie": row.reactie,
            "zorgplantermijn": termijn_read(zorgplan).model_dump(by_alias=True),
            "zorgplanOntvangen": row.zorgplan_ontvangen,
            "crisisStarttermijn": crisis,
            "opzegging": row.opzegging,
            "regels": regels_json(regels),
            "versie": row.versie,
        }
    )


def _adres(client: Row[Any]) -> str | None:
    delen = [client.straat, client.huisnummer, client.postcode, client.woonplaats]
    return " ".join(d for d in delen if d) if client.straat and client.woonplaats else None


TariefOpzoeker = Callable[[str, dt.date, str | None], Awaitable[Decimal | None]]


async def verstrek_opdracht(
    conn: AsyncConnection,
    principal: Principal,
    body: OpdrachtCreate,
    tarief_opzoeken: TariefOpzoeker | None = None,
) -> OpdrachtRead:
    m = maatwerkvoorzieningen
    voorziening = (
        await conn.execute(
            select(m).where(
                m.c.id == body.maatwerkvoorziening_id, m.c.gemeente == principal.gemeente
            )
        )
    ).first()
    if voorziening is None:
        raise invalid(
            "maatwerkvoorzieningId", "Er is geen maatwerkvoorziening met dit id.", "onbekend"
        )
    if voorziening.leveringsvorm != "zin":
        raise invalid(
            "maatwerkvoorzieningId",
            "Alleen een voorziening in natura (zin) gaat als opdracht naar een aanbieder.",
            "geen-zin",
        )
    beschikking = (
        await conn.execute(
            select(beschikkingen).where(beschikkingen.c.id == voorziening.beschikking_id)
        )
    ).one()
    zaak = await laad_zaak(
        conn, principal, beschikking.melding_id, voor_wijziging=True, actie="wijzigen"
    )
    if beschikking.verzonden_op is None:
        raise Conflict(
            "De beschikking is nog niet verzonden; de opdracht volgt op de verzonden beschikking.",
            code="beschikking-niet-verzonden",
        )
    lopend = (
        await conn.execute(
            select(opdrachten.c.id).where(
                opdrachten.c.maatwerkvoorziening_id == voorziening.id,
                opdrachten.c.status != "geweigerd",
            )
        )
    ).first()
    if lopend is not None:
        raise Conflict(
            "Voor deze maatwerkvoorziening loopt al een opdracht.", code="opdracht-bestaat-al"
        )
    agb = body.aanbieder_agb or voorziening.aanbieder_agb
    if agb is None:
        raise invalid("aanbiederAgb", "Noem de aanbieder (AGB-code).", "verplicht")
    client = (await conn.execute(select(clienten).where(clienten.c.id == zaak.client_id))).one()
    omvang = voorziening.omvang
    toets = toets_opdracht(
        Dienstverleningsopdracht(
            bsn=client.bsn,
            naam=f"{client.voornamen} {client.achternaam}",
            adres=_adres(client),
            telefoonnummer=client.telefoon,
            emailadres=client.email,
            doelen=tuple(body.doelen),
            begindatum=voorziening.begindatum,
            einddatum=voorziening.einddatum,
            omvang=Decimal(omvang["volume"]) if omvang else None,
            omvangeenheid=(
                f"{_EENHEID_TEKST.get(omvang['eenheid'], omvang['eenheid'])} "
                f"{_FREQUENTIE_TEKST.get(omvang['frequentie'], omvang['frequentie'])}"
                if omvang
                else None
            ),
            productcode=voorziening.productcode,
        )
    )
    if not toets.voldaan:
        raise RuleViolation(
            "De dienstverleningsopdracht is onvolledig (AAN-01): "
            + "; ".join(r.toelichting for r in toets.regels),
            code="opdracht-onvolledig",
            invalid_params=[
                InvalidParam(name=veld, code="ontbreekt", reason=r.toelichting)
                for veld, r in zip(toets.ontbrekend, toets.regels, strict=False)
            ],
            rules=["AAN-01"],
        )
    if zaak.status == "beschikking":
        await verplaats(conn, principal, zaak, Zaakgebeurtenis.OPDRACHT_VERSTREKT)
    elif zaak.status != "opdracht":
        pas_toe(zaak.status, Zaakgebeurtenis.OPDRACHT_VERSTREKT)
    if body.crisis and body.verzocht_op is None:
        raise invalid(
            "verzochtOp", "Bij crisis: wanneer is om ondersteuning gevraagd?", "verplicht"
        )
    tarief = body.tarief
    if tarief is None and tarief_opzoeken is not None:
        tarief = await tarief_opzoeken(
            voorziening.productcode,
            voorziening.begindatum,
            omvang.get("eenheid") if omvang else None,
        )
    nu = dt.datetime.now(dt.UTC)
    gegevens = {
        "bsn": client.bsn,
        "voornamen": client.voornamen,
        "achternaam": client.achternaam,
        "geboortedatum": client.geboortedatum.isoformat(),
        "adres": {
            "straat": client.straat,
            "huisnummer": client.huisnummer,
            "postcode": client.postcode,
            "woonplaats": client.woonplaats,
        },
        "telefoon": client.telefoon,
        "email": client.email,
        "doelen": body.doelen,
        "productcategorie": voorziening.productcategorie,
        "productcode": voorziening.productcode,
        "omvang": omvang,
        "begindatum": voorziening.begindatum.isoformat(),
        "einddatum": voorziening.einddatum.isoformat() if voorziening.einddatum else None,
        "tarief": str(tarief) if tarief is not None else None,
        "commentaar": body.commentaar,
    }
    zorgplan = zorgplantermijn(nu.astimezone(AMSTERDAM).date())
    crisis = crisis_starttermijn(body.verzocht_op) if body.crisis and body.verzocht_op else None
    row = (
        await conn.execute(
            insert(opdrachten)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                maatwerkvoorziening_id=voorziening.id,
                aanbieder_agb=agb,
                gegevens=gegevens,
                crisis=body.crisis,
                verstrekt_op=nu,
                zorgplan_uiterlijk=zorgplan.uiterlijk,
                crisis_start_uiterlijk=crisis.uiterlijk if crisis else None,
            )
            .returning(opdrachten)
        )
    ).one()
    item = ToewijzingFeedItem(
        volgnummer=0,
        toewijzingnummer=str(row.toewijzingnummer),
        opdracht_id=row.id,
        gemeente=principal.gemeente,
        aanbieder_agb=agb,
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        achternaam=client.achternaam,
        # iWmo Voorletters: the first letter of each voornaam, without dots (basisschema).
        voorletters="".join(n[0] for n in client.voornamen.split()) or None,
        productcategorie=voorziening.productcategorie,
        productcode=voorziening.productcode,
        ingangsdatum=voorziening.begindatum,
        einddatum=voorziening.einddatum,
        omvang=omvang,
        toewijzingsdatum=nu.astimezone(AMSTERDAM).date(),
        geregistreerd_op=nu,
    )
    await conn.execute(
        insert(toewijzingen).values(
            gemeente=principal.gemeente,
            opdracht_id=row.id,
            item=item.model_dump(mode="json", by_alias=True, exclude={"volgnummer"}),
        )
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "opdracht", row.id)
    return opdracht_read(row)


async def laad_opdracht(
    conn: AsyncConnection,
    principal: Principal,
    opdracht_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
    actie: str | None = None,
) -> Row[Any]:
    query = select(opdrachten).where(
        opdrachten.c.id == opdracht_id, opdrachten.c.gemeente == principal.gemeente
    )
    if principal.has("aanbieder") and not principal.has("gebiedsteam", "beheer"):
        if not principal.agb:
            raise Forbidden("Uw token noemt geen AGB-code.")
        query = query.where(opdrachten.c.aanbieder_agb == principal.agb)
    if voor_wijziging:
        query = query.with_for_update()
    row = (await conn.execute(query)).first()
    if row is None:
        raise NotFound(GEEN_OPDRACHT)
    if actie:
        await audit_log.record(conn, audit, principal, actie, "opdracht", row.id)
    return row


async def lees_opdrachten(
    conn: AsyncConnection, principal: Principal, cursor: str | None, limit: int
) -> tuple[list[OpdrachtRead], str | None]:
    query = select(opdrachten).where(opdrachten.c.gemeente == principal.gemeente)
    if principal.has("aanbieder") and not principal.has("gebiedsteam", "beheer"):
        if not principal.agb:
            raise Forbidden("Uw token noemt geen AGB-code.")
        query = query.where(opdrachten.c.aanbieder_agb == principal.agb)
    if cursor:
        query = query.where(opdrachten.c.toewijzingnummer > decode_cursor(cursor))
    rows = (
        await conn.execute(query.order_by(opdrachten.c.toewijzingnummer).limit(limit + 1))
    ).all()
    meer = len(rows) > limit
    rows = rows[:limit]
    await audit_log.record_many(conn, audit, principal, "lezen", "opdracht", [r.id for r in rows])
    volgende = encode_cursor(rows[-1].toewijzingnummer) if meer and rows else None
    return [opdracht_read(r) for r in rows], volgende


def encode_cursor(positie: int) -> str:
    return base64.urlsafe_b64encode(f"v1:{positie}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        versie, _, positie = raw.partition(":")
        if versie != "v1":
            raise ValueError(versie)
        return int(positie)
    except (ValueError, UnicodeDecodeError) as exc:
        raise invalid("cursor", "Deze cursor is ongeldig.", "ongeldige-cursor") from exc


def _eigen_aanbieder(principal: Principal, row: Row[Any]) -> None:
    if not principal.has("aanbieder") or principal.agb != row.aanbieder_agb:
        raise Forbidden("Alleen de aanbieder van de opdracht kan haar accepteren of weigeren.")


async def reageer(
    conn: AsyncConnection,
    principal: Principal,
    opdracht_id: uuid.UUID,
    body: AcceptatieCreate | WeigeringCreate,
) -> OpdrachtRead:
    row = await laad_opdracht(conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen")
    _eigen_aanbieder(principal, row)
    if row.status != "verstrekt":
        raise Conflict(
            f"De opdracht is al beantwoord (status '{row.status}').", code="opdracht-beantwoord"
        )
    if body.datum < row.verstrekt_op.astimezone(AMSTERDAM).date() or body.datum > vandaag():
        raise invalid("datum", "De datum ligt vóór de opdracht of in de toekomst.", "buiten-bereik")
    acceptatie = isinstance(body, AcceptatieCreate)
    reactie = {
        "soort": "acceptatie" if acceptatie else "weigering",
        "datum": body.datum.isoformat(),
        "reden": body.toelichting if isinstance(body, AcceptatieCreate) else body.reden,
        "door": principal.sub,
    }
    row = (
        await conn.execute(
            update(opdrachten)
            .where(opdrachten.c.id == row.id)
            .values(
                status="geaccepteerd" if acceptatie else "geweigerd",
                reactie=reactie,
                versie=row.versie + 1,
            )
            .returning(opdrachten)
        )
    ).one()
    return opdracht_read(row)


async def ontvang_zorgplan(
    conn: AsyncConnection, principal: Principal, opdracht_id: uuid.UUID, body: ZorgplanCreate
) -> OpdrachtRead:
    row = await laad_opdracht(conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen")
    if row.status != "geaccepteerd":
        raise Conflict(
            f"Een zorgplan hoort bij een geaccepteerde opdracht (status '{row.status}').",
            code="opdracht-niet-geaccepteerd",
        )
    if body.ontvangstdatum > vandaag():
        raise invalid("ontvangstdatum", "De datum ligt in de toekomst.", "toekomst")
    row = (
        await conn.execute(
            update(opdrachten)
            .where(opdrachten.c.id == row.id)
            .values(zorgplan_ontvangen=body.ontvangstdatum, versie=row.versie + 1)
            .returning(opdrachten)
        )
    ).one()
    return opdracht_read(row)


async def zeg_op(
    conn: AsyncConnection, principal: Principal, opdracht_id: uuid.UUID, body: OpzeggingCreate
) -> OpdrachtRead:
    row = await laad_opdracht(conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen")
    if row.status != "geaccepteerd" or row.opzegging is not None:
        raise Conflict(
            f"Alleen een lopende opdracht kan worden opgezegd (status '{row.status}').",
            code="opdracht-niet-lopend",
        )
    if body.verkort_tot is not None and not principal.has("gebiedsteam", "beheer"):
        raise Forbidden("Alleen de gemeente kan de opzegtermijn verkorten (AAN-06).")
    try:
        termijn = opzegtermijn(body.opgezegd_op, verkort_tot=body.verkort_tot)
    except ValueError as exc:
        raise invalid("verkortTot", str(exc), "volgorde", rules=["AAN-06"]) from exc
    opzegging = {
        **body.model_dump(mode="json", by_alias=True),
        "ingang": termijn.ingang.isoformat(),
        "einde": termijn.einde.isoformat(),
        "regels": regels_json(termijn.regels),
    }
    row = (
        await conn.execute(
            update(opdrachten)
            .where(opdrachten.c.id == row.id)
            .values(opzegging=opzegging, versie=row.versie + 1)
            .returning(opdrachten)
        )
    ).one()
    return opdracht_read(row)


async def toewijzingen_feed(
    conn: AsyncConnection, principal: Principal, cursor: str | None, limit: int
) -> dict[str, Any]:
    t = toewijzingen
    vanaf = decode_cursor(cursor) if cursor else 0
    rows = (
        await conn.execute(
            select(t.c.volgnummer, t.c.opdracht_id, t.c.item)
            .where(t.c.gemeente == principal.gemeente, t.c.volgnummer > vanaf)
            .order_by(t.c.volgnummer)
            .limit(limit + 1)
        )
    ).all()
    meer = len(rows) > limit
    rows = rows[:limit]
    await audit_log.record(
        conn, audit, principal, "lezen", "toewijzingen", f"vanaf:{vanaf}", {"aantal": len(rows)}
    )
    laatste = rows[-1].volgnummer if rows else vanaf
    return {
        "resultaten": [{**r.item, "volgnummer": r.volgnummer} for r in rows],
        "volgendeCursor": encode_cursor(laatste),
        "meer": meer,
    }
