"""The melding (the case): creating it with its deadlines (INT-01, INT-14), the
cliëntondersteuning notice (INT-02), persoonlijk plan (INT-14), spoed (INT-10), comments and
the cliëntondersteuner's consent and organisations (INT-15)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    audit,
    clientondersteuner_toestemmingen,
    clientondersteuning_berichten,
    clientondersteuning_organisaties,
    meldingen,
    opmerkingen,
    persoonlijke_plannen,
    zaakgebeurtenissen,
)
from wmo_intake.domain.fouten import ClientondersteuningNietVastgelegd
from wmo_intake.domain.onderzoek import (
    ClientondersteuningGewezen,
    Contactwijze,
    Mantelzorgergewezen,
    PersoonlijkPlan,
    toets_clientondersteuning,
    toets_persoonlijk_plan,
)
from wmo_intake.domain.termijnen import (
    Termijn,
    onderzoekstermijn,
    persoonlijk_plan_termijn,
    termijnstatus,
)
from wmo_intake.domain.zaakstatus import (
    Overgangsfeiten,
    Spoedgrond,
    Spoedsoort,
    Zaakgebeurtenis,
    Zaakstatus,
    toegestane_gebeurtenissen,
    toets_spoedbeschikking,
)
from wmo_intake.schemas.clientondersteuning import (
    ClientondersteuningBerichtCreate,
    ClientondersteuningBerichtRead,
    OrganisatieCreate,
    OrganisatieRead,
    ToestemmingCreate,
    ToestemmingRead,
)
from wmo_intake.schemas.melding import (
    MeldingCreate,
    MeldingRead,
    PersoonlijkPlanCreate,
    PersoonlijkPlanRead,
    SpoedgrondCreate,
    TijdelijkeVoorzieningRead,
)
from wmo_intake.schemas.opmerking import OpmerkingCreate, OpmerkingRead
from wmo_intake.schemas.termijn import TermijnRead
from wmo_intake.service_huishouden import bestaande_client
from wmo_intake.service_zaak import laad_zaak, regels_json, vandaag, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.problems import InvalidParam, NotFound, RuleViolation, invalid
from wmo_shared.regels import Regel

GEEN_AANVRAAG_KANALEN = frozenset({"transferpunt_ziekenhuis", "hospice"})


def termijn_read(termijn: Termijn, peildatum: dt.date | None = None) -> TermijnRead:
    return TermijnRead.model_validate(
        {
            "soort": termijn.soort,
            "rule": termijn.rule,
            "aanvang": termijn.aanvang,
            "uiterlijk": termijn.uiterlijk,
            "status": termijnstatus(termijn.uiterlijk, peildatum or vandaag()),
            "regels": regels_json(termijn.regels),
        }
    )


def spoedgrond(data: dict[str, Any]) -> Spoedgrond:
    return Spoedgrond(
        soort=Spoedsoort(data["soort"]),
        reden=data["reden"],
        multidisciplinair_overleg=data.get("multidisciplinairOverleg"),
        veiligheid_verhinderde_overleg=data.get("veiligheidVerhinderdeOverleg"),
        protocol_raad_kinderbescherming=data.get("protocolRaadKinderbescherming"),
    )


def clientondersteuning_gewezen(row: Row[Any]) -> ClientondersteuningGewezen:
    return ClientondersteuningGewezen(
        datum=row.datum,
        wijze=Contactwijze(row.wijze),
        client_wil_clientondersteuning=row.client_wil_clientondersteuning,
        mantelzorger=Mantelzorgergewezen(row.mantelzorger),
        organisatie=row.organisatie,
    )


def _bericht_read(row: Row[Any]) -> ClientondersteuningBerichtRead:
    return ClientondersteuningBerichtRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "datum": row.datum,
            "wijze": row.wijze,
            "clientWilClientondersteuning": row.client_wil_clientondersteuning,
            "mantelzorger": row.mantelzorger,
            "organisatie": row.organisatie,
            "regels": row.regels,
        }
    )


def _plan_read(row: Row[Any], regels: list[dict[str, str]]) -> PersoonlijkPlanRead:
    return PersoonlijkPlanRead(
        id=row.id,
        melding_id=row.melding_id,
        ontvangstdatum=row.ontvangstdatum,
        inhoud=row.inhoud,
        op_tijd=row.op_tijd,
        regels=regels,  # type: ignore[arg-type]
    )


async def berichten(conn: AsyncConnection, melding_id: uuid.UUID) -> list[Row[Any]]:
    t = clientondersteuning_berichten
    return list(
        (
            await conn.execute(
                select(t).where(t.c.melding_id == melding_id).order_by(t.c.aangemaakt, t.c.id)
            )
        ).all()
    )


async def plannen(conn: AsyncConnection, melding_id: uuid.UUID) -> list[Row[Any]]:
    t = persoonlijke_plannen
    return list(
        (
            await conn.execute(
                select(t).where(t.c.melding_id == melding_id).order_by(t.c.aangemaakt, t.c.id)
            )
        ).all()
    )


async def melding_read(conn: AsyncConnection, zaak: Row[Any]) -> MeldingRead:
    plan_rows = await plannen(conn, zaak.id)
    plannen_read = []
    for p in plan_rows:
        toets = toets_persoonlijk_plan(PersoonlijkPlan(p.ontvangstdatum, True), zaak.ontvangstdatum)
        plannen_read.append(_plan_read(p, regels_json(toets.regels)))
    g = zaakgebeurtenissen
    historie = (
        await conn.execute(select(g.c.regels).where(g.c.melding_id == zaak.id).order_by(g.c.id))
    ).all()
    regels = [r for h in historie for r in h.regels]
    status = Zaakstatus(zaak.status)
    return MeldingRead.model_validate(
        {
            "id": zaak.id,
            "gemeente": zaak.gemeente,
            "clientId": zaak.client_id,
            "ontvangstdatum": zaak.ontvangstdatum,
            "kanaal": zaak.kanaal,
            "hulpvraag": zaak.hulpvraag,
            "urgentie": zaak.urgentie,
            "status": status,
            "mogelijkeGebeurtenissen": [g.value for g in toegestane_gebeurtenissen(status)],
            "geenAanvraagNodig": zaak.kanaal in GEEN_AANVRAAG_KANALEN,
            "onderzoekstermijn": termijn_read(onderzoekstermijn(zaak.ontvangstdatum)),
            "persoonlijkPlanTermijn": termijn_read(persoonlijk_plan_termijn(zaak.ontvangstdatum)),
            "clientondersteuning": [
                _bericht_read(b).model_dump(by_alias=True) for b in await berichten(conn, zaak.id)
            ],
            "persoonlijkePlannen": [p.model_dump(by_alias=True) for p in plannen_read],
            "tijdelijkeVoorziening": zaak.spoedgrond,
            "regels": regels,
            "versie": zaak.versie,
        }
    )


async def maak_melding(
    conn: AsyncConnection, principal: Principal, body: MeldingCreate
) -> MeldingRead:
    try:
        await bestaande_client(conn, principal, body.client_id)
    except NotFound as exc:
        raise invalid(
            "clientId", "Er is geen cliënt met dit id in uw gemeente.", "onbekende-client"
        ) from exc
    if body.ontvangstdatum > vandaag():
        raise invalid("ontvangstdatum", "De ontvangstdatum ligt in de toekomst.", "toekomst")
    if body.spoedgrond is not None and body.urgentie == "normaal":
        raise invalid(
            "spoedgrond",
            "Een tijdelijke voorziening zonder beschikking kan alleen bij spoed, crisis of dwang "
            "(INT-10); zet de urgentie.",
            "geen-spoed",
            rules=["INT-10"],
        )
    onderzoek = onderzoekstermijn(body.ontvangstdatum)
    plan = persoonlijk_plan_termijn(body.ontvangstdatum)
    zaak = (
        await conn.execute(
            insert(meldingen)
            .values(
                gemeente=principal.gemeente,
                client_id=body.client_id,
                ontvangstdatum=body.ontvangstdatum,
                kanaal=body.kanaal,
                hulpvraag=body.hulpvraag,
                urgentie=body.urgentie,
                onderzoek_uiterlijk=onderzoek.uiterlijk,
                persoonlijk_plan_uiterlijk=plan.uiterlijk,
            )
            .returning(meldingen)
        )
    ).one()
    await conn.execute(
        insert(zaakgebeurtenissen).values(
            melding_id=zaak.id,
            van="melding",
            gebeurtenis="melding_ontvangen",
            naar="melding",
            regels=regels_json(onderzoek.regels + plan.regels),
            sub=principal.sub,
        )
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "melding", zaak.id)
    if body.spoedgrond is not None:
        zaak = await _start_spoed(conn, principal, zaak, body.spoedgrond)
    return await melding_read(conn, zaak)


async def _start_spoed(
    conn: AsyncConnection, principal: Principal, zaak: Row[Any], body: SpoedgrondCreate
) -> Row[Any]:
    if zaak.urgentie != "normaal" and body.soort.value != zaak.urgentie:
        raise invalid(
            "spoedgrond.soort",
            f"De soort ({body.soort.value}) past niet bij de urgentie van de melding "
            f"({zaak.urgentie}).",
            "past-niet",
            rules=["INT-10"],
        )
    grond = spoedgrond(body.model_dump(mode="json", by_alias=True))
    stap = await verplaats(
        conn,
        principal,
        zaak,
        Zaakgebeurtenis.SPOEDVOORZIENING_GESTART,
        Overgangsfeiten(spoed=grond),
    )
    achteraf = toets_spoedbeschikking(grond)
    voorziening = TijdelijkeVoorzieningRead.model_validate(
        {
            **body.model_dump(mode="json", by_alias=True),
            "regels": regels_json(stap.regels + achteraf.regels),
        }
    )
    return (
        await conn.execute(
            update(meldingen)
            .where(meldingen.c.id == zaak.id)
            .values(
                spoedgrond=voorziening.model_dump(mode="json", by_alias=True),
                urgentie=body.soort.value,
            )
            .returning(meldingen)
        )
    ).one()


async def start_tijdelijke_voorziening(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID, body: SpoedgrondCreate
) -> MeldingRead:
    zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    zaak = await _start_spoed(conn, principal, zaak, body)
    return await melding_read(conn, zaak)


async def lees_melding(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID
) -> MeldingRead:
    zaak = await laad_zaak(conn, principal, melding_id, actie="lezen")
    return await melding_read(conn, zaak)


async def leg_clientondersteuning_vast(
    conn: AsyncConnection,
    principal: Principal,
    melding_id: uuid.UUID,
    body: ClientondersteuningBerichtCreate,
) -> ClientondersteuningBerichtRead:
    zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    if zaak.status not in ("melding", "tijdelijke_voorziening", "herindicatie"):
        raise RuleViolation(
            f"Het onderzoek loopt al (status '{zaak.status}'): de cliënt moet vóór het onderzoek "
            "op cliëntondersteuning gewezen zijn (INT-02).",
            code="te-laat",
            invalid_params=[
                InvalidParam(name="datum", code="te-laat", reason="Het onderzoek loopt al.")
            ],
            rules=["INT-02"],
        )
    if body.datum < zaak.ontvangstdatum or body.datum > vandaag():
        raise invalid("datum", "De datum ligt vóór de melding of in de toekomst.", "buiten-bereik")
    notitie = ClientondersteuningGewezen(
        body.datum,
        body.wijze,
        body.client_wil_clientondersteuning,
        body.mantelzorger,
        body.organisatie,
    )
    try:
        regel = toets_clientondersteuning(notitie)
    except ClientondersteuningNietVastgelegd as exc:
        raise RuleViolation(
            exc.melding,
            code=exc.code,
            invalid_params=[InvalidParam(name="mantelzorger", code=exc.code, reason=exc.melding)],
            rules=["INT-02"],
        ) from exc
    regels = [regel]
    if body.client_wil_clientondersteuning:
        regels.append(
            Regel(
                "INT-15",
                "De cliëntondersteuning is gratis en onafhankelijk; met toestemming van de cliënt "
                "neemt de cliëntondersteuner deel aan de zaak en ziet wat de cliënt ziet.",
            )
        )
    row = (
        await conn.execute(
            insert(clientondersteuning_berichten)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                datum=body.datum,
                wijze=body.wijze.value,
                client_wil_clientondersteuning=body.client_wil_clientondersteuning,
                mantelzorger=body.mantelzorger.value,
                organisatie=body.organisatie,
                regels=regels_json(regels),
            )
            .returning(clientondersteuning_berichten)
        )
    ).one()
    await conn.execute(
        update(meldingen).where(meldingen.c.id == zaak.id).values(versie=meldingen.c.versie + 1)
    )
    return _bericht_read(row)


async def ontvang_persoonlijk_plan(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID, body: PersoonlijkPlanCreate
) -> PersoonlijkPlanRead:
    zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    if body.ontvangstdatum < zaak.ontvangstdatum or body.ontvangstdatum > vandaag():
        raise invalid(
            "ontvangstdatum",
            "De ontvangstdatum ligt vóór de melding of in de toekomst.",
            "buiten-bereik",
        )
    op_tijd = body.ontvangstdatum <= zaak.persoonlijk_plan_uiterlijk
    row = (
        await conn.execute(
            insert(persoonlijke_plannen)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                ontvangstdatum=body.ontvangstdatum,
                inhoud=body.inhoud,
                op_tijd=op_tijd,
            )
            .returning(persoonlijke_plannen)
        )
    ).one()
    toets = toets_persoonlijk_plan(PersoonlijkPlan(body.ontvangstdatum, True), zaak.ontvangstdatum)
    return _plan_read(row, regels_json(toets.regels))


def _opmerking_read(row: Row[Any]) -> OpmerkingRead:
    return OpmerkingRead(
        id=row.id,
        melding_id=row.melding_id,
        tekst=row.tekst,
        auteur=row.sub,
        rol=row.rol,
        geplaatst_op=row.aangemaakt,
    )


async def plaats_opmerking(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID, body: OpmerkingCreate
) -> OpmerkingRead:
    zaak = await laad_zaak(conn, principal, melding_id, actie="opmerking")
    row = (
        await conn.execute(
            insert(opmerkingen)
            .values(
                gemeente=principal.gemeente,
                melding_id=zaak.id,
                sub=principal.sub,
                rol=principal.role,
                tekst=body.tekst,
            )
            .returning(opmerkingen)
        )
    ).one()
    return _opmerking_read(row)


async def lees_opmerkingen(
    conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID
) -> list[OpmerkingRead]:
    zaak = await laad_zaak(conn, principal, melding_id, actie="lezen")
    rows = (
        await conn.execute(
            select(opmerkingen)
            .where(opmerkingen.c.melding_id == zaak.id)
            .order_by(opmerkingen.c.aangemaakt, opmerkingen.c.id)
        )
    ).all()
    return [_opmerking_read(r) for r in rows]


def _toestemming_read(row: Row[Any]) -> ToestemmingRead:
    return ToestemmingRead(
        id=row.id,
        client_id=row.client_id,
        ondersteuner_id=row.ondersteuner_sub,
        organisatie=row.organisatie,
        toestemming_datum=row.toestemming_datum,
        ingetrokken_op=row.ingetrokken_op,
    )


async def geef_toestemming(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, body: ToestemmingCreate
) -> ToestemmingRead:
    await bestaande_client(conn, principal, client_id)
    if body.toestemming_datum > vandaag():
        raise invalid("toestemmingDatum", "De datum ligt in de toekomst.", "toekomst")
    row = (
        await conn.execute(
            insert(clientondersteuner_toestemmingen)
            .values(
                gemeente=principal.gemeente,
                client_id=client_id,
                ondersteuner_sub=body.ondersteuner_id,
                organisatie=body.organisatie,
                toestemming_datum=body.toestemming_datum,
            )
            .returning(clientondersteuner_toestemmingen)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "toestemming", row.id)
    return _toestemming_read(row)


async def trek_toestemming_in(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, toestemming_id: uuid.UUID
) -> ToestemmingRead:
    await bestaande_client(conn, principal, client_id)
    t = clientondersteuner_toestemmingen
    row = (
        await conn.execute(
            update(t)
            .where(
                t.c.id == toestemming_id,
                t.c.client_id == client_id,
                t.c.gemeente == principal.gemeente,
            )
            .values(ingetrokken_op=dt.datetime.now(dt.UTC))
            .returning(t)
        )
    ).first()
    if row is None:
        raise NotFound("Er is geen toestemming met dit id voor deze cliënt.")
    await audit_log.record(conn, audit, principal, "intrekken", "toestemming", row.id)
    return _toestemming_read(row)


async def toestemmingen(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> list[ToestemmingRead]:
    await bestaande_client(conn, principal, client_id)
    t = clientondersteuner_toestemmingen
    rows = (
        await conn.execute(
            select(t)
            .where(t.c.client_id == client_id, t.c.gemeente == principal.gemeente)
            .order_by(t.c.aangemaakt)
        )
    ).all()
    await audit_log.record(conn, audit, principal, "lezen", "toestemming", client_id)
    return [_toestemming_read(r) for r in rows]


def _organisatie_read(row: Row[Any]) -> OrganisatieRead:
    return OrganisatieRead(
        id=row.id,
        gemeente=row.gemeente,
        naam=row.naam,
        omschrijving=row.omschrijving,
        telefoon=row.telefoon,
        website=row.website,
        geldig_van=row.geldig_van,
        geldig_tot=row.geldig_tot,
    )


async def organisaties(
    conn: AsyncConnection, principal: Principal, peildatum: dt.date
) -> list[OrganisatieRead]:
    t = clientondersteuning_organisaties
    rows = (
        await conn.execute(
            select(t)
            .where(
                t.c.gemeente == principal.gemeente,
                t.c.geldig_van <= peildatum,
                (t.c.geldig_tot.is_(None)) | (t.c.geldig_tot >= peildatum),
            )
            .order_by(t.c.naam)
        )
    ).all()
    return [_organisatie_read(r) for r in rows]


async def voeg_organisatie_toe(
    conn: AsyncConnection, principal: Principal, body: OrganisatieCreate
) -> OrganisatieRead:
    if body.geldig_tot is not None and body.geldig_tot < body.geldig_van:
        raise invalid("geldigTot", "De einddatum ligt vóór de begindatum.", "volgorde")
    t = clientondersteuning_organisaties
    bestaand = (
        await conn.execute(
            select(t.c.id).where(t.c.gemeente == principal.gemeente, t.c.naam == body.naam)
        )
    ).first()
    if bestaand is not None:
        raise invalid("naam", "Deze organisatie staat al in de lijst.", "bestaat-al")
    row = (
        await conn.execute(
            insert(t).values(gemeente=principal.gemeente, **body.model_dump()).returning(t)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "clientondersteuning_org", row.id)
    return _organisatie_read(row)


async def zaakstap(
    conn: AsyncConnection,
    principal: Principal,
    melding_id: uuid.UUID,
    gebeurtenis: Zaakgebeurtenis,
    datum: dt.date,
    reden: str,
) -> MeldingRead:
    """Herindicatie of a running voorziening, or the client withdrawing the melding (before
    the beschikking); an impossible step is a 409 naming the current status."""
    zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    if datum < zaak.ontvangstdatum or datum > vandaag():
        raise invalid("datum", "De datum ligt vóór de melding of in de toekomst.", "buiten-bereik")
    await verplaats(conn, principal, zaak, gebeurtenis)
    await conn.execute(
        insert(opmerkingen).values(
            gemeente=principal.gemeente,
            melding_id=zaak.id,
            sub=principal.sub,
            rol=principal.role,
            tekst=f"{gebeurtenis.value} op {datum.isoformat()}: {reden}",
        )
    )
    zaak = (await conn.execute(select(meldingen).where(meldingen.c.id == zaak.id))).one()
    return await melding_read(conn, zaak)
