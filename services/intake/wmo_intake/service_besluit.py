"""Aanvraag (INT-03) and beschikking (INT-04): a beschikking is written as a concept, sent once
(then immutable) and on sending enqueues, in the same transaction, the events finance (CAK,
eigen bijdrage) and pgb (formal budget) need. Changes are new beschikkingen (herziening,
intrekking) that refer to the old one."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    aanvragen,
    audit,
    beschikkingen,
    clienten,
    maatwerkvoorzieningen,
    outbox,
)
from wmo_intake.domain.termijnen import beslistermijn, bezwaartermijn
from wmo_intake.domain.zaakstatus import (
    GeenAanvraagGrond,
    Overgangsfeiten,
    Zaakgebeurtenis,
    toets_spoedbeschikking,
)
from wmo_intake.schemas.aanvraag import AanvraagCreate, AanvraagRead
from wmo_intake.schemas.beschikking import (
    BeschikkingCreate,
    BeschikkingRead,
    MaatwerkvoorzieningCreate,
    VerzendingCreate,
)
from wmo_intake.service_melding import spoedgrond, termijn_read
from wmo_intake.service_onderzoek import onderzoek_van_melding
from wmo_intake.service_zaak import laad_zaak, pas_toe, regels_json, vandaag, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import MaatwerkvoorzieningEvent, PgbBeschiktEvent
from wmo_shared.etag import require_version
from wmo_shared.outbox import enqueue
from wmo_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation, invalid
from wmo_shared.regels import Regel

BEGELEIDING = frozenset({"02"})
GEEN_BESCHIKKING = "Er is geen beschikking met dit id in uw gemeente."
CAK_PAD = "/api/v1/cak-voorzieningen"
PGB_PAD = "/api/v1/budget-beschikkingen"


async def _zaak_uit_body(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID
) -> Row[Any]:
    try:
        return await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    except NotFound as exc:
        raise invalid(
            "meldingId", "Er is geen melding met dit id in uw gemeente.", "onbekende-melding"
        ) from exc


# --- aanvraag ---------------------------------------------------------------------------------


def _aanvraag_read(row: Row[Any]) -> AanvraagRead:
    return AanvraagRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "ontvangstdatum": row.ontvangstdatum,
            "voorzieningen": row.voorzieningen,
            "beschikkingstermijn": termijn_read(beslistermijn(row.ontvangstdatum)),
        }
    )


async def ontvang_aanvraag(
    conn: AsyncConnection, principal: Principal, body: AanvraagCreate
) -> AanvraagRead:
    zaak = await _zaak_uit_body(conn, principal, body.melding_id)
    if body.ontvangstdatum < zaak.ontvangstdatum or body.ontvangstdatum > vandaag():
        raise invalid(
            "ontvangstdatum",
            "De ontvangstdatum ligt vóór de melding of in de toekomst.",
            "buiten-bereik",
        )
    pas_toe(zaak.status, Zaakgebeurtenis.AANVRAAG_ONTVANGEN)
    if zaak.status == "onderzoek":
        onderzoek = await onderzoek_van_melding(conn, zaak.id)
        uitkomst = onderzoek.uitkomst if onderzoek is not None else None
        if uitkomst is None or not uitkomst["gereed"]:
            ontbrekend = uitkomst["ontbrekend"] if uitkomst else ["onderzoek"]
            raise RuleViolation(
                "Het onderzoek is nog niet af; een aanvraag volgt op een afgerond onderzoek. "
                f"Ontbreekt: {', '.join(ontbrekend)}.",
                code="onderzoek-niet-af",
                invalid_params=[
                    InvalidParam(name="meldingId", code="onderzoek-niet-af", reason=o)
                    for o in ontbrekend
                ],
                rules=["INT-05", "INT-06", "INT-11", "INT-14"],
            )
    await verplaats(conn, principal, zaak, Zaakgebeurtenis.AANVRAAG_ONTVANGEN)
    termijn = beslistermijn(body.ontvangstdatum)
    row = (
        await conn.execute(
            insert(aanvragen)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                ontvangstdatum=body.ontvangstdatum,
                voorzieningen=[
                    v.model_dump(mode="json", by_alias=True) for v in body.voorzieningen
                ],
                beschikking_uiterlijk=termijn.uiterlijk,
            )
            .returning(aanvragen)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "aanvraag", row.id)
    return _aanvraag_read(row)


async def lees_aanvraag(
    conn: AsyncConnection, principal: Principal, aanvraag_id: uuid.UUID
) -> AanvraagRead:
    row = (
        await conn.execute(
            select(aanvragen).where(
                aanvragen.c.id == aanvraag_id, aanvragen.c.gemeente == principal.gemeente
            )
        )
    ).first()
    if row is None:
        raise NotFound("Er is geen aanvraag met dit id in uw gemeente.")
    await laad_zaak(conn, principal, row.melding_id)
    await audit_log.record(conn, audit, principal, "lezen", "aanvraag", row.id)
    return _aanvraag_read(row)


# --- beschikking ------------------------------------------------------------------------------


async def voorzieningen_van(conn: AsyncConnection, beschikking_id: uuid.UUID) -> list[Row[Any]]:
    m = maatwerkvoorzieningen
    return list(
        (
            await conn.execute(
                select(m).where(m.c.beschikking_id == beschikking_id).order_by(m.c.volgnummer)
            )
        ).all()
    )


def _voorziening_json(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "leveringsvorm": row.leveringsvorm,
        "productcategorie": row.productcategorie,
        "productcode": row.productcode,
        "omschrijving": row.omschrijving,
        "omvang": row.omvang,
        "begindatum": row.begindatum,
        "einddatum": row.einddatum,
        "eigenBijdrage": row.eigen_bijdrage,
        "kostprijs": row.kostprijs,
        "motivering": row.motivering,
        "pgbPlanId": row.pgb_plan_id,
        "indicatieId": row.indicatie_id,
        "tegemoetkomingId": row.tegemoetkoming_id,
        "aanbiederAgb": row.aanbieder_agb,
        "vervangtId": row.vervangt_id,
    }


async def beschikking_read(conn: AsyncConnection, row: Row[Any]) -> BeschikkingRead:
    return BeschikkingRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "aanvraagId": row.aanvraag_id,
            "soort": row.soort,
            "grondslag": row.grondslag,
            "vorigeBeschikkingId": row.vorige_beschikking_id,
            "besluitdatum": row.besluitdatum,
            "motivering": row.motivering,
            "redenen": row.redenen,
            "beeindigingsdatum": row.beeindigingsdatum,
            "maatwerkvoorzieningen": [
                _voorziening_json(v) for v in await voorzieningen_van(conn, row.id)
            ],
            "status": "verzonden" if row.verzonden_op else "concept",
            "verzenddatum": row.verzenddatum,
            "verzondenOp": row.verzonden_op,
            "bezwaartermijn": termijn_read(bezwaartermijn(row.verzenddatum)).model_dump(
                by_alias=True
            )
            if row.verzenddatum
            else None,
            "regels": row.regels,
            "versie": row.versie,
        }
    )


async def laad_beschikking(
    conn: AsyncConnection,
    principal: Principal,
    beschikking_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
) -> Row[Any]:
    query = select(beschikkingen).where(
        beschikkingen.c.id == beschikking_id, beschikkingen.c.gemeente == principal.gemeente
    )
    if voor_wijziging:
        query = query.with_for_update()
    row = (await conn.execute(query)).first()
    if row is None:
        raise NotFound(GEEN_BESCHIKKING)
    return row


def _controleer_voorziening(v: MaatwerkvoorzieningCreate, i: int) -> None:
    veld = f"maatwerkvoorzieningen[{i}]"
    if v.einddatum is not None and v.einddatum < v.begindatum:
        raise invalid(f"{veld}.einddatum", "De einddatum ligt vóór de begindatum.", "volgorde")
    if v.leveringsvorm == "pgb" and v.pgb_plan_id is None:
        raise invalid(
            f"{veld}.pgbPlanId",
            "Een pgb verwijst naar het pgb-plan en het besluit van de pgb-service.",
            "verplicht",
        )
    if v.leveringsvorm == "financiele_tegemoetkoming" and v.tegemoetkoming_id is None:
        raise invalid(
            f"{veld}.tegemoetkomingId",
            "Een financiële tegemoetkoming verwijst naar de berekening van finance.",
            "verplicht",
        )
    if v.productcategorie in BEGELEIDING and v.leveringsvorm != "financiele_tegemoetkoming":
        if v.indicatie_id is None:
            raise invalid(
                f"{veld}.indicatieId",
                "Begeleiding verwijst naar de indicatie van de indicatie-service.",
                "verplicht",
            )


def _grondslag(zaak: Row[Any], body: BeschikkingCreate) -> str:
    if body.soort in ("herziening", "intrekking"):
        return body.soort
    if body.aanvraag_id is not None:
        return "aanvraag"
    if zaak.kanaal in ("transferpunt_ziekenhuis", "hospice"):
        return str(zaak.kanaal)
    if zaak.status == "tijdelijke_voorziening":
        return "spoed"
    regel = (
        "Een besluit zonder aanvraag kan alleen bij een melding via het transferpunt van een "
        "ziekenhuis of bij opname in een hospice (INT-09), of achteraf bij spoed (INT-10)."
    )
    raise RuleViolation(
        regel,
        code="aanvraag-ontbreekt",
        invalid_params=[InvalidParam(name="aanvraagId", code="verplicht", reason=regel)],
        rules=["INT-09"],
    )


async def maak_beschikking(
    conn: AsyncConnection, principal: Principal, body: BeschikkingCreate
) -> BeschikkingRead:
    zaak = await _zaak_uit_body(conn, principal, body.melding_id)
    if body.besluitdatum < zaak.ontvangstdatum or body.besluitdatum > vandaag():
        raise invalid(
            "besluitdatum",
            "De besluitdatum ligt vóór de melding of in de toekomst.",
            "buiten-bereik",
        )
    if zaak.status == "beeindigd":
        raise Conflict(
            "De zaak is beëindigd (status 'beeindigd'); er kan geen beschikking meer bij.",
            code="ongeldige-statusovergang",
        )
    if body.aanvraag_id is not None:
        aanvraag = (
            await conn.execute(
                select(aanvragen.c.id).where(
                    aanvragen.c.id == body.aanvraag_id, aanvragen.c.melding_id == zaak.id
                )
            )
        ).first()
        if aanvraag is None:
            raise invalid("aanvraagId", "Deze aanvraag hoort niet bij de melding.", "onbekend")
    grondslag = _grondslag(zaak, body)
    vorige_voorzieningen: dict[uuid.UUID, Row[Any]] = {}
    if body.soort in ("herziening", "intrekking"):
        if body.vorige_beschikking_id is None:
            raise invalid(
                "vorigeBeschikkingId",
                "Een herziening of intrekking verwijst naar de beschikking die zij wijzigt.",
                "verplicht",
            )
        vorige = (
            await conn.execute(
                select(beschikkingen).where(
                    beschikkingen.c.id == body.vorige_beschikking_id,
                    beschikkingen.c.melding_id == zaak.id,
                )
            )
        ).first()
        if vorige is None or vorige.verzonden_op is None:
            raise invalid(
                "vorigeBeschikkingId",
                "Alleen een verzonden beschikking van deze zaak kan worden herzien of ingetrokken.",
                "onbekend",
            )
        vorige_voorzieningen = {v.id: v for v in await voorzieningen_van(conn, vorige.id)}
    elif body.vorige_beschikking_id is not None:
        raise invalid(
            "vorigeBeschikkingId", "Alleen bij herziening of intrekking.", "niet-toegestaan"
        )
    if body.soort in ("toekenning", "herziening") and not body.maatwerkvoorzieningen:
        raise invalid(
            "maatwerkvoorzieningen", "Een toekenning kent minstens één voorziening toe.", "leeg"
        )
    if body.soort in ("afwijzing", "intrekking") and body.maatwerkvoorzieningen:
        raise invalid(
            "maatwerkvoorzieningen",
            f"Een {body.soort} kent geen voorzieningen toe.",
            "niet-toegestaan",
        )
    if body.soort == "afwijzing" and not any(r.strip() for r in body.redenen):
        raise invalid(
            "redenen", "Een afwijzing noemt de redenen waarom niets wordt toegekend.", "verplicht"
        )
    if body.soort == "intrekking" and body.beeindigingsdatum is None:
        raise invalid("beeindigingsdatum", "Noem de laatste dag van de voorzieningen.", "verplicht")
    for i, v in enumerate(body.maatwerkvoorzieningen):
        _controleer_voorziening(v, i)
        if v.vervangt_id is not None and v.vervangt_id not in vorige_voorzieningen:
            raise invalid(
                f"maatwerkvoorzieningen[{i}].vervangtId",
                "Deze voorziening staat niet in de vorige beschikking.",
                "onbekend",
            )
    regels = [
        Regel(
            "INT-04",
            "Tegen deze beschikking kan de cliënt binnen zes weken na verzending bezwaar maken; "
            "de termijn staat in de beschikking.",
        )
    ]
    if grondslag in ("transferpunt_ziekenhuis", "hospice"):
        regels.append(
            Regel("INT-09", "Besluit zonder aanvraag; de eigen bijdrage is van toepassing.")
        )
    row = (
        await conn.execute(
            insert(beschikkingen)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                aanvraag_id=body.aanvraag_id,
                soort=body.soort,
                grondslag=grondslag,
                vorige_beschikking_id=body.vorige_beschikking_id,
                besluitdatum=body.besluitdatum,
                motivering=body.motivering,
                redenen=[r for r in body.redenen if r.strip()],
                beeindigingsdatum=body.beeindigingsdatum,
                regels=regels_json(regels),
            )
            .returning(beschikkingen)
        )
    ).one()
    for i, v in enumerate(body.maatwerkvoorzieningen):
        await conn.execute(
            insert(maatwerkvoorzieningen).values(
                gemeente=principal.gemeente,
                beschikking_id=row.id,
                volgnummer=i + 1,
                leveringsvorm=v.leveringsvorm,
                productcategorie=v.productcategorie,
                productcode=v.productcode,
                omschrijving=v.omschrijving,
                omvang=v.omvang.model_dump(mode="json") if v.omvang else None,
                begindatum=v.begindatum,
                einddatum=v.einddatum,
                eigen_bijdrage=v.eigen_bijdrage,
                kostprijs=v.kostprijs,
                motivering=v.motivering,
                pgb_plan_id=v.pgb_plan_id,
                indicatie_id=v.indicatie_id,
                tegemoetkoming_id=v.tegemoetkoming_id,
                aanbieder_agb=v.aanbieder_agb,
                vervangt_id=v.vervangt_id,
            )
        )
    await audit_log.record(conn, audit, principal, "aanmaken", "beschikking", row.id)
    return await beschikking_read(conn, row)


async def lees_beschikking(
    conn: AsyncConnection, principal: Principal, beschikking_id: uuid.UUID
) -> BeschikkingRead:
    row = await laad_beschikking(conn, principal, beschikking_id)
    try:
        await laad_zaak(conn, principal, row.melding_id)
    except NotFound as exc:
        raise NotFound(GEEN_BESCHIKKING) from exc
    await audit_log.record(conn, audit, principal, "lezen", "beschikking", row.id)
    return await beschikking_read(conn, row)


def _gebeurtenis(zaak: Row[Any], row: Row[Any]) -> tuple[Zaakgebeurtenis | None, Overgangsfeiten]:
    if row.soort == "afwijzing":
        return Zaakgebeurtenis.AFWIJZING_VERZONDEN, Overgangsfeiten()
    if row.soort == "intrekking":
        return Zaakgebeurtenis.VOORZIENING_BEEINDIGD, Overgangsfeiten()
    if row.grondslag in ("transferpunt_ziekenhuis", "hospice") and zaak.status == "melding":
        return Zaakgebeurtenis.BESLUIT_ZONDER_AANVRAAG, Overgangsfeiten(
            geen_aanvraag_grond=GeenAanvraagGrond(row.grondslag)
        )
    if row.soort == "herziening" and zaak.status in ("beschikking", "opdracht"):
        return None, Overgangsfeiten()
    spoed = spoedgrond(zaak.spoedgrond) if zaak.spoedgrond else None
    return Zaakgebeurtenis.TOEKENNING_VERZONDEN, Overgangsfeiten(spoed=spoed)


async def verzend_beschikking(
    conn: AsyncConnection,
    principal: Principal,
    beschikking_id: uuid.UUID,
    body: VerzendingCreate,
    if_match: str | None,
) -> BeschikkingRead:
    row = await laad_beschikking(conn, principal, beschikking_id)
    zaak = await laad_zaak(conn, principal, row.melding_id, voor_wijziging=True, actie="wijzigen")
    row = await laad_beschikking(conn, principal, beschikking_id, voor_wijziging=True)
    if if_match is not None:
        require_version(if_match, row.versie)
    if row.verzonden_op is not None:
        raise Conflict(
            f"Deze beschikking is al verzonden op {row.verzenddatum} en verandert niet meer; "
            "een wijziging is een nieuwe beschikking (herziening of intrekking).",
            code="beschikking-verzonden",
        )
    if body.verzenddatum < row.besluitdatum or body.verzenddatum > vandaag():
        raise invalid(
            "verzenddatum",
            "De verzenddatum ligt vóór de besluitdatum of in de toekomst.",
            "buiten-bereik",
        )
    gebeurtenis, feiten = _gebeurtenis(zaak, row)
    regels: list[dict[str, str]] = list(row.regels)
    if zaak.status == "tijdelijke_voorziening" and feiten.spoed is not None:
        achteraf = toets_spoedbeschikking(feiten.spoed)
        if not achteraf.voldaan:
            raise RuleViolation(
                achteraf.regels[-1].toelichting,
                code="spoedvoorwaarden",
                invalid_params=[
                    InvalidParam(name=f"spoedgrond.{o}", code="ontbreekt", reason=r.toelichting)
                    for o, r in zip(achteraf.ontbrekend, achteraf.regels, strict=False)
                ],
                rules=["INT-10"],
            )
    if gebeurtenis is not None:
        stap = await verplaats(conn, principal, zaak, gebeurtenis, feiten)
        regels.extend(regels_json(stap.regels))
    termijn = bezwaartermijn(body.verzenddatum)
    regels.extend(regels_json(termijn.regels))
    nu = dt.datetime.now(dt.UTC)
    row = (
        await conn.execute(
            update(beschikkingen)
            .where(beschikkingen.c.id == row.id)
            .values(
                verzonden_op=nu,
                verzenddatum=body.verzenddatum,
                bezwaar_uiterlijk=termijn.uiterlijk,
                regels=regels,
                versie=row.versie + 1,
            )
            .returning(beschikkingen)
        )
    ).one()
    await _stuur_gebeurtenissen(conn, principal, zaak, row)
    await audit_log.record(conn, audit, principal, "verzenden", "beschikking", row.id)
    return await beschikking_read(conn, row)


async def _stuur_gebeurtenissen(
    conn: AsyncConnection, principal: Principal, zaak: Row[Any], row: Row[Any]
) -> None:
    """FIN-12 (CAK) and the pgb budget: one outbox event per voorziening that starts or ends."""
    client = (await conn.execute(select(clienten).where(clienten.c.id == zaak.client_id))).one()
    nieuw = await voorzieningen_van(conn, row.id)
    eindes: list[tuple[Row[Any], dt.date]] = []
    if row.soort == "intrekking" and row.vorige_beschikking_id is not None:
        eindes = [
            (v, row.beeindigingsdatum)
            for v in await voorzieningen_van(conn, row.vorige_beschikking_id)
        ]
    for v in nieuw:
        if v.vervangt_id is not None:
            oud = (
                await conn.execute(
                    select(maatwerkvoorzieningen).where(maatwerkvoorzieningen.c.id == v.vervangt_id)
                )
            ).one()
            eindes.append((oud, v.begindatum - dt.timedelta(days=1)))
    for oud, einde in eindes:
        if oud.eigen_bijdrage:
            await _cak(conn, principal, client, row, oud, "maatwerkvoorziening-beeindigd", einde)
        if oud.leveringsvorm == "pgb":
            await _pgb(conn, principal, row, oud, "pgb-ingetrokken", einde)
    for v in nieuw:
        if v.eigen_bijdrage:
            await _cak(conn, principal, client, row, v, "maatwerkvoorziening-gestart", v.einddatum)
        if v.leveringsvorm == "pgb":
            await _pgb(conn, principal, row, v, "pgb-beschikt", v.einddatum)


async def _cak(
    conn: AsyncConnection,
    principal: Principal,
    client: Row[Any],
    beschikking: Row[Any],
    v: Row[Any],
    soort: Any,
    einddatum: dt.date | None,
) -> None:
    event_id = uuid.uuid4()
    event = MaatwerkvoorzieningEvent(
        event_id=event_id,
        event_type=soort,
        gemeente=principal.gemeente,
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        beschikking_id=beschikking.id,
        maatwerkvoorziening_id=v.id,
        productcategorie=v.productcategorie,
        productcode=v.productcode,
        leveringsvorm=v.leveringsvorm,
        ingangsdatum=v.begindatum,
        einddatum=einddatum,
        eigen_bijdrage=True,
        kostprijs=v.kostprijs,
    )
    await enqueue(
        conn,
        outbox,
        event_type=soort,
        destination="finance",
        path=CAK_PAD,
        gemeente=principal.gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )


async def _pgb(
    conn: AsyncConnection,
    principal: Principal,
    beschikking: Row[Any],
    v: Row[Any],
    soort: Any,
    einddatum: dt.date | None,
) -> None:
    event_id = uuid.uuid4()
    event = PgbBeschiktEvent(
        event_id=event_id,
        event_type=soort,
        gemeente=principal.gemeente,
        pgb_plan_id=v.pgb_plan_id,
        beschikking_id=beschikking.id,
        maatwerkvoorziening_id=v.id,
        ingangsdatum=v.begindatum,
        einddatum=einddatum,
    )
    await enqueue(
        conn,
        outbox,
        event_type=soort,
        destination="pgb",
        path=PGB_PAD,
        gemeente=principal.gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )
