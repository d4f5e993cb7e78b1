"""The onderzoek: started only after the INT-02 notice; its answers judged by the domain (INT-05,
INT-06, INT-11, INT-13, INT-14, MZ); every version kept; an indicatie advies asked over HTTP;
the verslag the client receives."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.clients import indicatie
from wmo_intake.db.models import (
    audit,
    indicatie_adviezen,
    onderzoek_versies,
    onderzoeken,
)
from wmo_intake.domain.afwegingsladder import (
    Ladderconclusie,
    Maatwerkoptie,
    Tredebijdrage,
    doorloop_afwegingsladder,
    kies_goedkoopst_adequaat,
)
from wmo_intake.domain.onderzoek import (
    Afstemming,
    Conclusie,
    Onderzoeksantwoord,
    PersoonlijkPlan,
    toets_afstemming,
    toets_onderzoek,
    toets_persoonlijk_plan,
)
from wmo_intake.domain.zaakstatus import Overgangsfeiten, Zaakgebeurtenis
from wmo_intake.schemas.indicatie_advies import IndicatieAdviesRead
from wmo_intake.schemas.onderzoek import OnderzoekCreate, OnderzoekRead, OnderzoekUitkomstRead
from wmo_intake.service_melding import berichten, clientondersteuning_gewezen, plannen
from wmo_intake.service_toetsen import OngeldigeToets, voer_toets_uit
from wmo_intake.service_zaak import laad_zaak, regels_json, vandaag, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.etag import require_version
from wmo_shared.problems import Conflict, NotFound, invalid
from wmo_shared.regels import Regel, rule_ids

GEEN_ONDERZOEK = "Er is geen onderzoek met dit id in uw gemeente."


def beoordeel(
    body: OnderzoekCreate, melding_ontvangen: dt.date, plan_rows: list[Row[Any]]
) -> OnderzoekUitkomstRead:
    """All domain judgements of one version of the onderzoek."""
    regels: list[Regel] = []
    uitkomst = toets_onderzoek(
        [Onderzoeksantwoord(a.vraag, a.antwoord) for a in body.antwoorden],
        Conclusie(
            body.conclusie.hulpvraag_volledig_opgelost,
            body.conclusie.passende_maatwerkvoorziening,
        )
        if body.conclusie
        else None,
        extern_advies=body.extern_advies,
    )
    regels.extend(uitkomst.regels)
    ontbrekend = [v.value for v in uitkomst.ontbrekend]

    eerste_plan = min(plan_rows, key=lambda p: p.ontvangstdatum) if plan_rows else None
    plan_toets = toets_persoonlijk_plan(
        PersoonlijkPlan(eerste_plan.ontvangstdatum, body.persoonlijk_plan_meegewogen)
        if eerste_plan
        else None,
        melding_ontvangen,
    )
    regels.extend(plan_toets.regels)
    ontbrekend.extend(plan_toets.ontbrekend)

    try:
        ladder = doorloop_afwegingsladder(
            body.hulpvraagdelen,
            [Tredebijdrage(b.trede, frozenset(b.lost_op), b.toelichting) for b in body.ladder],
        )
    except ValueError as exc:
        raise invalid("ladder", str(exc), "ongeldige-trede", rules=["INT-06"]) from exc
    ladder_regels = list(ladder.regels)
    gekozen = None
    if ladder.conclusie is Ladderconclusie.MAATWERK and body.opties:
        keuze = kies_goedkoopst_adequaat(
            [Maatwerkoptie(o.naam, o.kosten, frozenset(o.dekt), o.passend) for o in body.opties],
            ladder.resterend,
        )
        ladder_regels.extend(keuze.regels)
        gekozen = keuze.gekozen.naam if keuze.gekozen else None
    regels.extend(ladder_regels)
    if ladder.conclusie is Ladderconclusie.ONVOLLEDIG:
        ontbrekend.append("ladder")

    afstemming = toets_afstemming(
        [Afstemming(a.factor, a.van_toepassing, a.toelichting) for a in body.afstemming]
    )
    regels.extend(afstemming.regels)
    ontbrekend.extend(f"afstemming.{f}" for f in afstemming.ontbrekend)

    bevindingen = []
    for i, gebied in enumerate(body.resultaatgebieden):
        for j, toets in enumerate(gebied.toetsen):
            veld = f"resultaatgebieden[{i}].toetsen[{j}]"
            try:
                uitslag, verwijzing, details, toets_regels = voer_toets_uit(
                    gebied.gebied, toets.toets, toets.invoer, veld
                )
            except OngeldigeToets as exc:
                raise invalid(exc.veld, exc.reden, "ongeldige-toets", rules=["INT-13"]) from exc
            regels.extend(toets_regels)
            bevindingen.append(
                {
                    "gebied": gebied.gebied,
                    "toets": toets.toets,
                    "uitkomst": uitslag,
                    "verwijzing": verwijzing,
                    "details": details,
                    "regels": regels_json(toets_regels),
                }
            )
    gereed = (
        uitkomst.volledig
        and plan_toets.voldaan
        and afstemming.voldaan
        and (ladder.conclusie is not Ladderconclusie.ONVOLLEDIG)
    )
    return OnderzoekUitkomstRead.model_validate(
        {
            "gereed": gereed,
            "volledig": uitkomst.volledig,
            "compensatieplicht": uitkomst.compensatieplicht,
            "ontbrekend": ontbrekend,
            "ladder": {
                "conclusie": ladder.conclusie,
                "resterend": list(ladder.resterend),
                "opgelostDoor": {deel: trede for deel, trede in ladder.opgelost_door},
                "nietOnderzocht": list(ladder.niet_onderzocht),
                "gekozen": gekozen,
                "regels": regels_json(ladder_regels),
            },
            "afstemmingVoldaan": afstemming.voldaan,
            "persoonlijkPlanVoldaan": plan_toets.voldaan,
            "bevindingen": bevindingen,
            "regels": regels_json(regels),
            "rules": rule_ids(regels),
        }
    )


def _advies_read(row: Row[Any]) -> IndicatieAdviesRead:
    return IndicatieAdviesRead(
        id=row.id,
        onderzoek_id=row.onderzoek_id,
        verzoek=row.verzoek,
        antwoord=row.antwoord,
        ontvangen_op=row.aangemaakt,
    )


async def onderzoek_read(conn: AsyncConnection, row: Row[Any]) -> OnderzoekRead:
    adviezen = (
        await conn.execute(
            select(indicatie_adviezen)
            .where(indicatie_adviezen.c.onderzoek_id == row.id)
            .order_by(indicatie_adviezen.c.aangemaakt)
        )
    ).all()
    return OnderzoekRead.model_validate(
        {
            **row.invoer,
            "id": row.id,
            "meldingId": row.melding_id,
            "uitkomst": row.uitkomst,
            "indicatieAdviezen": [_advies_read(a).model_dump(by_alias=True) for a in adviezen],
            "versie": row.versie,
        }
    )


async def laad_onderzoek(
    conn: AsyncConnection,
    principal: Principal,
    onderzoek_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
    actie: str | None = None,
) -> tuple[Row[Any], Row[Any]]:
    """The onderzoek and its zaak (404 outside the gemeente or without consent)."""
    row = (
        await conn.execute(
            select(onderzoeken).where(
                onderzoeken.c.id == onderzoek_id, onderzoeken.c.gemeente == principal.gemeente
            )
        )
    ).first()
    if row is None:
        raise NotFound(GEEN_ONDERZOEK)
    try:
        zaak = await laad_zaak(conn, principal, row.melding_id, voor_wijziging=voor_wijziging)
    except NotFound as exc:
        raise NotFound(GEEN_ONDERZOEK) from exc
    if voor_wijziging:
        row = (
            await conn.execute(
                select(onderzoeken).where(onderzoeken.c.id == onderzoek_id).with_for_update()
            )
        ).one()
    if actie:
        await audit_log.record(conn, audit, principal, actie, "onderzoek", row.id)
    return row, zaak


async def start_onderzoek(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID, body: OnderzoekCreate
) -> OnderzoekRead:
    zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    if body.startdatum < zaak.ontvangstdatum or body.startdatum > vandaag():
        raise invalid(
            "startdatum", "De startdatum ligt vóór de melding of in de toekomst.", "buiten-bereik"
        )
    notities = await berichten(conn, zaak.id)
    notitie = clientondersteuning_gewezen(notities[-1]) if notities else None
    await verplaats(
        conn,
        principal,
        zaak,
        Zaakgebeurtenis.ONDERZOEK_GESTART,
        Overgangsfeiten(clientondersteuning=notitie, onderzoek_start=body.startdatum),
    )
    bestaand = (
        await conn.execute(select(onderzoeken.c.id).where(onderzoeken.c.melding_id == zaak.id))
    ).first()
    if bestaand is not None:
        raise Conflict("Voor deze melding loopt al een onderzoek.", code="onderzoek-bestaat-al")
    uitkomst = beoordeel(body, zaak.ontvangstdatum, await plannen(conn, zaak.id))
    invoer = body.model_dump(mode="json", by_alias=True)
    uitkomst_json = uitkomst.model_dump(mode="json", by_alias=True)
    row = (
        await conn.execute(
            insert(onderzoeken)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                startdatum=body.startdatum,
                invoer=invoer,
                uitkomst=uitkomst_json,
            )
            .returning(onderzoeken)
        )
    ).one()
    await conn.execute(
        insert(onderzoek_versies).values(
            onderzoek_id=row.id, versie=1, invoer=invoer, uitkomst=uitkomst_json, sub=principal.sub
        )
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "onderzoek", row.id)
    return await onderzoek_read(conn, row)


async def werk_onderzoek_bij(
    conn: AsyncConnection,
    principal: Principal,
    onderzoek_id: uuid.UUID,
    body: OnderzoekCreate,
    if_match: str | None,
) -> OnderzoekRead:
    row, zaak = await laad_onderzoek(
        conn, principal, onderzoek_id, voor_wijziging=True, actie="wijzigen"
    )
    require_version(if_match, row.versie)
    if zaak.status not in ("onderzoek", "tijdelijke_voorziening"):
        raise Conflict(
            f"Het onderzoek is afgesloten: de zaak is in status '{zaak.status}'. Een nieuwe "
            "situatie vraagt een herindicatie.",
            code="onderzoek-afgesloten",
        )
    if body.startdatum != row.startdatum:
        raise invalid("startdatum", "De startdatum van een onderzoek verandert niet.", "vast")
    uitkomst = beoordeel(body, zaak.ontvangstdatum, await plannen(conn, zaak.id))
    invoer = body.model_dump(mode="json", by_alias=True)
    uitkomst_json = uitkomst.model_dump(mode="json", by_alias=True)
    nieuw = (
        await conn.execute(
            update(onderzoeken)
            .where(onderzoeken.c.id == row.id)
            .values(
                invoer=invoer,
                uitkomst=uitkomst_json,
                versie=row.versie + 1,
                gewijzigd=dt.datetime.now(dt.UTC),
            )
            .returning(onderzoeken)
        )
    ).one()
    await conn.execute(
        insert(onderzoek_versies).values(
            onderzoek_id=row.id,
            versie=nieuw.versie,
            invoer=invoer,
            uitkomst=uitkomst_json,
            sub=principal.sub,
        )
    )
    return await onderzoek_read(conn, nieuw)


async def lees_onderzoek(
    conn: AsyncConnection, principal: Principal, onderzoek_id: uuid.UUID
) -> OnderzoekRead:
    row, _ = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
    return await onderzoek_read(conn, row)


async def onderzoek_van_melding(conn: AsyncConnection, melding_id: uuid.UUID) -> Row[Any] | None:
    return (
        await conn.execute(select(onderzoeken).where(onderzoeken.c.melding_id == melding_id))
    ).first()


async def vraag_indicatie_advies(
    conn: AsyncConnection,
    client: Any,
    token: str,
    principal: Principal,
    onderzoek_id: uuid.UUID,
    verzoek: dict[str, Any] | None,
    idempotency_key: str | None,
) -> IndicatieAdviesRead:
    """Ask the indicatie service with the caller's token and store its answer with the
    onderzoek."""
    row, _ = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
    verzoek = verzoek or row.invoer.get("begeleiding")
    if not verzoek:
        raise invalid(
            "verzoek",
            "Het onderzoek bevat geen begeleidingsgegevens en er is geen verzoek meegegeven.",
            "ontbreekt",
        )
    sleutel = idempotency_key or f"onderzoek-{row.id}-v{row.versie}"
    antwoord = await indicatie.vraag_advies(client, token, verzoek, sleutel)
    advies = (
        await conn.execute(
            insert(indicatie_adviezen)
            .values(
                gemeente=principal.gemeente,
                onderzoek_id=row.id,
                verzoek=verzoek,
                antwoord=antwoord,
            )
            .returning(indicatie_adviezen)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "indicatie_advies", advies.id)
    return _advies_read(advies)
