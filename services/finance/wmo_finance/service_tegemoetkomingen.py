"""The financiële tegemoetkoming as a resource with a life (FIN-01..FIN-08): computed, granted,
paid, proven, recovered or revised. Every transition is checked by the pure domain, stored with
its input and rules (the history is never rewritten) and audited."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.api.tegemoetkoming_schemas import (
    BetalingCreate,
    BewijsCreate,
    EigenBijdrageSchemaRead,
    FactuurIn,
    HerzieningCreate,
    LeverancierIn,
    OnderhoudsvergoedingCreate,
    OnderhoudsvergoedingRead,
    TegemoetkomingCreate,
    TegemoetkomingRead,
    TerugvorderingCreate,
    ToekenningCreate,
)
from wmo_finance.db import tegemoetkomingen as repo
from wmo_finance.db.models import audit
from wmo_finance.domain import tegemoetkoming as dom
from wmo_finance.domain.eigen_bijdrage import eigen_bijdrage_tegemoetkoming
from wmo_finance.domain.kostprijs import (
    Factuur,
    Leverancier,
    Offerte,
    Referentieprijs,
    goedkoopst_adequate_kostprijs,
)
from wmo_finance.domain.maanden import plus_maanden
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.domain.soorten import Leveringsvorm, VoorzieningSoort
from wmo_finance.service_beleid import beleid, beleid_als_probleem
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.etag import require_version
from wmo_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation
from wmo_shared.regels import Regel, rule_ids

S = dom.TegemoetkomingStatus


def regels_json(regels: tuple[Regel, ...] | list[Regel]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]


def weigering(
    veld: str, code: str, regels: tuple[Regel, ...] | list[Regel], detail: str | None = None
) -> RuleViolation:
    """A business-rule refusal naming the field and the rule(s)."""
    detail = detail or " ".join(r.toelichting for r in regels)
    return RuleViolation(
        detail,
        invalid_params=[InvalidParam(name=veld, code=code, reason=detail)],
        rules=rule_ids(list(regels)),
    )


def _leverancier(lev: LeverancierIn) -> Leverancier:
    return Leverancier(lev.naam, lev.adres, lev.kvk, lev.rekeningnummer)


def _tegemoetkoming_beleid(gemeente: str, peildatum: dt.date) -> TegemoetkomingBeleid:
    in_force = beleid(gemeente, peildatum)
    with beleid_als_probleem():
        return in_force.tegemoetkoming


# --- read model -------------------------------------------------------------------------------


def als_domein(row: Row[Any]) -> dom.Tegemoetkoming:
    return dom.Tegemoetkoming(
        voorziening=VoorzieningSoort(row.voorziening),
        betaalmoment=dom.Betaalmoment(row.betaalmoment),
        kostprijs=row.kostprijs,
        percentage=row.percentage,
        bedrag=row.bedrag,
        oorspronkelijk_bedrag=row.oorspronkelijk_bedrag,
        status=S(row.status),
        besluitdatum=row.besluitdatum,
        bewijs_uiterlijk=row.bewijs_uiterlijk,
        controle_uiterlijk=row.controle_uiterlijk,
        bewijs_ontvangen_op=row.bewijs_ontvangen_op,
        betaald_op=row.betaald_op,
        betaald_bedrag=row.betaald_bedrag,
        terug_te_vorderen=row.terug_te_vorderen,
        teruggevorderd_bedrag=row.teruggevorderd_bedrag,
    )


_VOLGORDE = list(S)


def to_read(row: Row[Any], overgangen: list[Any]) -> dict[str, Any]:
    mogelijk = sorted(als_domein(row).volgende_statussen(), key=_VOLGORDE.index)
    return TegemoetkomingRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        aanvraag_id=row.aanvraag_id,
        voorziening=row.voorziening,
        betaalmoment=row.betaalmoment,
        peildatum=row.peildatum,
        status=row.status,
        mogelijke_overgangen=mogelijk,
        kostprijs=row.kostprijs,
        percentage=row.percentage,
        bedrag=row.bedrag,
        oorspronkelijk_bedrag=row.oorspronkelijk_bedrag,
        besluitdatum=row.besluitdatum,
        bewijs_uiterlijk=row.bewijs_uiterlijk,
        controle_uiterlijk=row.controle_uiterlijk,
        bewijs_ontvangstdatum=row.bewijs_ontvangen_op,
        betaaldatum=row.betaald_op,
        betaald_bedrag=row.betaald_bedrag,
        terug_te_vorderen=row.terug_te_vorderen,
        teruggevorderd_bedrag=row.teruggevorderd_bedrag,
        kostprijs_uitkomst=row.kostprijs_uitkomst,
        regels=row.regels,
        overgangen=[
            {
                "versie": o.versie,
                "soort": o.soort,
                "van_status": o.van_status,
                "naar_status": o.naar_status,
                "datum": o.datum,
                "bedrag": o.bedrag,
                "regels": o.regels,
                "tijdstip": o.tijdstip,
            }
            for o in overgangen
        ],
        versie=row.versie,
        aangemaakt_op=row.aangemaakt,
    ).model_dump(mode="json", by_alias=True)


async def lees(
    conn: AsyncConnection, principal: Principal, tegemoetkoming_id: uuid.UUID
) -> tuple[dict[str, Any], int]:
    row = await repo.get_audited(conn, principal, tegemoetkoming_id)
    if row is None:
        raise NotFound("Er is geen tegemoetkoming met dit id in uw gemeente.")
    historie = [SimpleNamespace(**o) for o in row.historie]
    return to_read(row, historie), row.versie


async def zoek(conn: AsyncConnection, principal: Principal, bsn: str) -> list[dict[str, Any]]:
    rows = await repo.find_by_bsn(conn, principal.gemeente, bsn)
    if rows:
        await audit_log.record_many(
            conn, audit, principal, "zoeken", "tegemoetkoming", [r.id for r in rows]
        )
    else:
        await audit_log.record(conn, audit, principal, "zoeken", "tegemoetkoming", None)
    historie = await repo.overgangen(conn, [r.id for r in rows])
    return [to_read(r, historie[r.id]) for r in rows]


# --- FIN-01..05: computing a new tegemoetkoming -------------------------------------------------


async def maak(
    conn: AsyncConnection, principal: Principal, body: TegemoetkomingCreate
) -> dict[str, Any]:
    tb = _tegemoetkoming_beleid(principal.gemeente, body.peildatum)

    mogelijk = dom.tegemoetkoming_mogelijk(
        body.voorziening,
        goedkoper_dan_zin=body.goedkoper_dan_zin,
        gemotiveerd_buiten_kernassortiment=body.gemotiveerd_buiten_kernassortiment,
    )
    if not mogelijk.toegestaan:
        raise weigering("voorziening", "tegemoetkoming-niet-mogelijk", mogelijk.regels)

    ea = body.eigen_aandeel
    vorm = dom.kies_leveringsvorm(
        wil_eigen_aandeel_betalen=ea.wil_betalen,
        kan_eigen_aandeel_betalen=ea.kan_betalen,
        onvermogen_aannemelijk=ea.onvermogen_aannemelijk,
        zin_mogelijk=ea.zin_mogelijk,
        pgb_voorwaarden_voldaan=ea.pgb_voorwaarden_voldaan,
    )
    if vorm.leveringsvorm is not Leveringsvorm.financiele_tegemoetkoming:
        raise weigering("eigenAandeel", "tegemoetkoming-past-niet", vorm.regels)

    offertes = [
        Offerte(
            o.kenmerk,
            o.bron,
            o.omschrijving,
            o.bedrag,
            _leverancier(o.leverancier),
            o.inwoner,
            o.realistisch_en_specifiek,
            o.adequaat,
        )
        for o in body.offertes
    ]
    prijzen = [
        Referentieprijs(p.kenmerk, p.bron, p.bedrag, p.omschrijving, p.adequaat)
        for p in body.referentieprijzen
    ]
    kostprijs = goedkoopst_adequate_kostprijs(
        body.voorziening,
        offertes=offertes,
        referentieprijzen=prijzen,
        in_kernassortiment=body.in_kernassortiment,
        minimum_offertes_onroerend=tb.minimum_offertes_onroerend,
    )
    if kostprijs.kostprijs is None:
        veld = "offertes" if body.voorziening.is_onroerend or not prijzen else "referentieprijzen"
        raise weigering(
            veld,
            "kostprijs-niet-vast-te-stellen",
            kostprijs.regels,
            kostprijs.regels[-1].toelichting,
        )

    t = dom.bereken(
        voorziening=body.voorziening,
        betaalmoment=body.betaalmoment,
        kostprijs=kostprijs.kostprijs,
        peildatum=body.peildatum,
        beleid=tb,
    )
    regels = [*mogelijk.regels, *vorm.regels, *kostprijs.regels, *t.regels]
    row = await repo.insert_tegemoetkoming(
        conn,
        {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "aanvraag_id": body.aanvraag_id,
            "voorziening": body.voorziening.value,
            "betaalmoment": body.betaalmoment.value,
            "peildatum": body.peildatum,
            "status": t.status.value,
            "kostprijs": t.kostprijs,
            "percentage": t.percentage,
            "bedrag": t.bedrag,
            "oorspronkelijk_bedrag": t.oorspronkelijk_bedrag,
            "invoer": body.model_dump(mode="json", by_alias=True),
            "kostprijs_uitkomst": {
                "kostprijs": str(kostprijs.kostprijs),
                "gekozen": kostprijs.gekozen,
                "vergeleken": list(kostprijs.vergeleken),
                "uitgesloten": [
                    {"kenmerk": u.kenmerk, "reden": u.reden} for u in kostprijs.uitgesloten
                ],
            },
            "regels": regels_json(regels),
            "aangemaakt_door": principal.sub,
        },
    )
    await repo.insert_overgang(
        conn,
        {
            "tegemoetkoming_id": row.id,
            "versie": 1,
            "soort": "berekening",
            "van_status": None,
            "naar_status": t.status.value,
            "datum": body.peildatum,
            "bedrag": t.bedrag,
            "invoer": {},
            "regels": regels_json(regels),
            "door": principal.sub,
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "tegemoetkoming", row.id)
    historie = await repo.overgangen(conn, [row.id])
    return to_read(row, historie[row.id])


# --- the life: one function per sub-resource ----------------------------------------------------

Stap = Callable[[dom.Tegemoetkoming, TegemoetkomingBeleid], dom.Tegemoetkoming]


async def _overgang(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    *,
    soort: str,
    naar: set[dom.TegemoetkomingStatus],
    invoer: dict[str, Any],
    veld: str | Callable[[dom.OngeldigeOvergang], str],
    stap: Stap,
) -> Row[Any]:
    row = await repo.get_for_update(conn, principal.gemeente, tegemoetkoming_id)
    if row is None:
        raise NotFound("Er is geen tegemoetkoming met dit id in uw gemeente.")
    require_version(if_match, row.versie)
    t = als_domein(row)
    if not naar & t.volgende_statussen():
        mogelijk = ", ".join(sorted(s.value for s in t.volgende_statussen())) or "geen"
        raise Conflict(
            f"De tegemoetkoming ({t.betaalmoment}) is '{t.status}'; een {soort} kan nu niet "
            f"(mogelijk: {mogelijk}).",
            code="ongeldige-overgang",
            rules=["FIN-07"],
        )
    tb = _tegemoetkoming_beleid(principal.gemeente, row.peildatum)
    try:
        nieuw = stap(t, tb)
    except dom.OngeldigeOvergang as exc:
        naam = veld if isinstance(veld, str) else veld(exc)
        raise weigering(naam, "overgang-geweigerd", [Regel(exc.rule, exc.toelichting)]) from exc
    laatste = nieuw.historie[-1]
    nieuwe_regels = list(laatste.regels)
    bijgewerkt = await repo.update_tegemoetkoming(
        conn,
        row.id,
        row.versie,
        {
            "status": nieuw.status.value,
            "bedrag": nieuw.bedrag,
            "besluitdatum": nieuw.besluitdatum,
            "bewijs_uiterlijk": nieuw.bewijs_uiterlijk,
            "controle_uiterlijk": nieuw.controle_uiterlijk,
            "bewijs_ontvangen_op": nieuw.bewijs_ontvangen_op,
            "betaald_op": nieuw.betaald_op,
            "betaald_bedrag": nieuw.betaald_bedrag,
            "terug_te_vorderen": nieuw.terug_te_vorderen,
            "teruggevorderd_bedrag": nieuw.teruggevorderd_bedrag,
            "regels": [*row.regels, *regels_json(nieuwe_regels)],
        },
    )
    await repo.insert_overgang(
        conn,
        {
            "tegemoetkoming_id": row.id,
            "versie": bijgewerkt.versie,
            "soort": soort,
            "van_status": t.status.value,
            "naar_status": nieuw.status.value,
            "datum": laatste.datum,
            "bedrag": nieuw.bedrag,
            "invoer": invoer,
            "regels": regels_json(nieuwe_regels),
            "door": principal.sub,
        },
    )
    await audit_log.record(
        conn, audit, principal, soort, "tegemoetkoming", row.id, {"naar": nieuw.status.value}
    )
    return bijgewerkt


async def _afronden(conn: AsyncConnection, row: Row[Any]) -> tuple[dict[str, Any], int]:
    """The read model after a transition, and its version for the ETag."""
    historie = await repo.overgangen(conn, [row.id])
    return to_read(row, historie[row.id]), row.versie


def _eerste_van_volgende_maand(datum: dt.date) -> dt.date:
    return plus_maanden(datum.replace(day=1), 1)


async def _schema_opslaan(
    conn: AsyncConnection,
    gemeente: str,
    row: Row[Any],
    ingangsdatum: dt.date,
) -> None:
    """FIN-08: the eigen-bijdrage schedule for the amount now granted (a new version)."""
    in_force = beleid(gemeente, row.peildatum)
    with beleid_als_probleem():
        eb_beleid = in_force.eigen_bijdrage
    voorziening = VoorzieningSoort(row.voorziening)
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=voorziening,
        toegekend_bedrag=row.bedrag,
        ingangsdatum=ingangsdatum,
        beleid=eb_beleid,
    )
    await repo.insert_schema(
        conn,
        {
            "tegemoetkoming_id": row.id,
            "gemeente": gemeente,
            "voorziening": voorziening.value,
            "ingangsdatum": ingangsdatum,
            "per_maand": eb_beleid.per_maand,
            "plafond": row.bedrag,
            "max_maanden": uitkomst.max_maanden,
            "aantal_maanden": uitkomst.aantal_maanden,
            "totaal": uitkomst.totaal,
            "einddatum": uitkomst.einddatum,
            "regels": regels_json(uitkomst.regels),
        },
        [
            {
                "volgnummer": term.volgnummer,
                "datum": term.datum,
                "bedrag": term.bedrag,
                "gedeeltelijk": term.gedeeltelijk,
            }
            for term in uitkomst.schema
        ],
    )


async def ken_toe(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: ToekenningCreate,
) -> tuple[dict[str, Any], int]:
    uitkomst = await _overgang(
        conn,
        principal,
        tegemoetkoming_id,
        if_match,
        soort="toekenning",
        naar={S.toegekend},
        invoer=body.model_dump(mode="json", by_alias=True),
        veld="besluitdatum",
        stap=lambda t, tb: dom.ken_toe(t, besluitdatum=body.besluitdatum, beleid=tb),
    )
    ingang = body.ingangsdatum_eigen_bijdrage or _eerste_van_volgende_maand(body.besluitdatum)
    await _schema_opslaan(conn, principal.gemeente, uitkomst, ingang)
    return await _afronden(conn, uitkomst)


async def betaal(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: BetalingCreate,
) -> tuple[dict[str, Any], int]:
    return await _afronden(
        conn,
        await _overgang(
            conn,
            principal,
            tegemoetkoming_id,
            if_match,
            soort="betaling",
            naar={S.betaald},
            invoer=body.model_dump(mode="json", by_alias=True),
            veld="betaaldatum",
            stap=lambda t, tb: dom.betaal(t, betaald_op=body.betaaldatum),
        ),
    )


def _factuur(f: FactuurIn) -> Factuur:
    return Factuur(
        f.omschrijving,
        f.bedrag,
        _leverancier(f.leverancier),
        f.inwoner,
        f.factuurnummer_of_betalingskenmerk,
        f.afleverdatum,
        f.factuurdatum,
    )


async def ontvang_bewijs(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: BewijsCreate,
) -> tuple[dict[str, Any], int]:
    factuur = _factuur(body.factuur) if body.factuur else None
    return await _afronden(
        conn,
        await _overgang(
            conn,
            principal,
            tegemoetkoming_id,
            if_match,
            soort="bewijs",
            naar={S.bewijs_ontvangen},
            invoer=body.model_dump(mode="json", by_alias=True),
            veld="factuur" if factuur else "aanschafdatum",
            stap=lambda t, tb: dom.ontvang_bewijs(
                t,
                ontvangen_op=body.ontvangstdatum,
                beleid=tb,
                factuur=factuur,
                aanschafdatum=body.aanschafdatum,
            ),
        ),
    )


async def vorder_terug(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: TerugvorderingCreate,
) -> tuple[dict[str, Any], int]:
    return await _afronden(
        conn,
        await _overgang(
            conn,
            principal,
            tegemoetkoming_id,
            if_match,
            soort="terugvordering",
            naar={S.teruggevorderd},
            invoer=body.model_dump(mode="json", by_alias=True),
            veld=lambda exc: (
                "gelegenheidGegeven" if "gelegenheid" in exc.toelichting else "terugvorderingsdatum"
            ),
            stap=lambda t, tb: dom.vorder_terug(
                t, datum=body.terugvorderingsdatum, gelegenheid_gegeven=body.gelegenheid_gegeven
            ),
        ),
    )


async def herzie(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: HerzieningCreate,
) -> tuple[dict[str, Any], int]:
    uitkomst = await _overgang(
        conn,
        principal,
        tegemoetkoming_id,
        if_match,
        soort="herziening",
        naar={S.herzien, S.ingetrokken},
        invoer=body.model_dump(mode="json", by_alias=True),
        veld="nieuwBedrag" if body.verwijtbaar else "verwijtbaar",
        stap=lambda t, tb: dom.herzie_na_pve(
            t,
            datum=body.herzieningsdatum,
            nieuw_bedrag=body.nieuw_bedrag,
            verwijtbaar=body.verwijtbaar,
        ),
    )
    row = uitkomst
    bestaand = await repo.actueel_schema(conn, principal.gemeente, row.id)
    if bestaand is not None:
        # FIN-08: the total never exceeds the amount granted: a new schedule under the new cap
        await _schema_opslaan(conn, principal.gemeente, row, bestaand[0].ingangsdatum)
    return await _afronden(conn, uitkomst)


# --- FIN-08: the stored schedule ----------------------------------------------------------------


async def eigen_bijdrage(
    conn: AsyncConnection, principal: Principal, tegemoetkoming_id: uuid.UUID
) -> dict[str, Any]:
    found = await repo.actueel_schema(conn, principal.gemeente, tegemoetkoming_id)
    await audit_log.record(
        conn, audit, principal, "lezen", "eigen-bijdrage-schema", tegemoetkoming_id
    )
    if found is None:
        raise NotFound(
            "Er is geen eigen-bijdrageschema voor deze tegemoetkoming in uw gemeente (nog niet "
            "toegekend?)."
        )
    schema, termijnen = found
    return EigenBijdrageSchemaRead(
        tegemoetkoming_id=schema.tegemoetkoming_id,
        versie=schema.versie,
        voorziening=schema.voorziening,
        ingangsdatum=schema.ingangsdatum,
        per_maand=schema.per_maand,
        plafond=schema.plafond,
        max_maanden=schema.max_maanden,
        aantal_maanden=schema.aantal_maanden,
        totaal=schema.totaal,
        einddatum=schema.einddatum,
        termijnen=[
            {
                "volgnummer": t.volgnummer,
                "datum": t.datum,
                "bedrag": t.bedrag,
                "gedeeltelijk": t.gedeeltelijk,
            }
            for t in termijnen
        ],
        regels=schema.regels,
    ).model_dump(mode="json", by_alias=True)


# --- FIN-06: maintenance and repair -------------------------------------------------------------


def onderhoud_read(row: Row[Any]) -> dict[str, Any]:
    return OnderhoudsvergoedingRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        tegemoetkoming_id=row.tegemoetkoming_id,
        voorziening=row.voorziening,
        peildatum=row.peildatum,
        toegekend=row.toegekend,
        bedrag=row.bedrag,
        eigen_bijdrage=False,
        regels=row.regels,
        aangemaakt_op=row.aangemaakt,
    ).model_dump(mode="json", by_alias=True)


async def onderhoud(
    conn: AsyncConnection, principal: Principal, body: OnderhoudsvergoedingCreate
) -> dict[str, Any]:
    """A refusal (no prior contact, warranty, careless use, not necessary) is stored too."""
    if body.tegemoetkoming_id is not None:
        t = await repo.get_for_update(conn, principal.gemeente, body.tegemoetkoming_id)
        if t is None or t.bsn != body.bsn:
            raise NotFound("Er is geen tegemoetkoming met dit id voor deze inwoner in uw gemeente.")
    tb = _tegemoetkoming_beleid(principal.gemeente, body.peildatum)
    uitkomst = dom.beoordeel_onderhoud(
        bedrag_offerte_of_factuur=body.bedrag_offerte_of_factuur,
        vooraf_contact=body.vooraf_contact,
        onder_garantie=body.onder_garantie,
        onzorgvuldig_gebruik=body.onzorgvuldig_gebruik,
        noodzakelijk=body.noodzakelijk,
        beleid=tb,
    )
    row = await repo.insert_onderhoud(
        conn,
        {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "tegemoetkoming_id": body.tegemoetkoming_id,
            "voorziening": body.voorziening.value,
            "peildatum": body.peildatum,
            "toegekend": uitkomst.toegekend,
            "bedrag": uitkomst.bedrag,
            "invoer": body.model_dump(mode="json", by_alias=True),
            "regels": regels_json(uitkomst.regels),
            "aangemaakt_door": principal.sub,
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "onderhoudsvergoeding", row.id)
    return onderhoud_read(row)


async def lees_onderhoud(
    conn: AsyncConnection, principal: Principal, onderhoud_id: uuid.UUID
) -> dict[str, Any]:
    row = await repo.get_onderhoud_audited(conn, principal, onderhoud_id)
    if row is None:
        raise NotFound("Er is geen onderhoudsvergoeding met dit id in uw gemeente.")
    return onderhoud_read(row)
