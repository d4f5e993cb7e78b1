"""Orchestration of ``/indicaties``: record, revise and end an indicatie. Nothing is
overwritten: each change is a new version in the same reeks, the old one is marked
``vervangen``. Every version keeps the request it was decided on, the engine's advice it was
decided next to, and the rules the checks applied (replayable in bezwaar)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db import adviezen as repository_adviezen
from wmo_indicatie.db import indicaties as repository_indicaties
from wmo_indicatie.db.models import audit
from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Profiel
from wmo_indicatie.domain.percelen import laatste_toegestane_dag
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.schemas.advies import PlusfeitenCreate
from wmo_indicatie.schemas.indicatie import (
    IndicatieBeeindigingCreate,
    IndicatieCreate,
    IndicatieHerzieningCreate,
    IndicatieInhoud,
    IndicatieZoek,
)
from wmo_indicatie.service.beleid import normenkader
from wmo_indicatie.service.indicatie_toets import toets, vergelijking
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.etag import require_version
from wmo_shared.problems import Conflict, InvalidParam, NotFound, RuleViolation, invalid
from wmo_shared.regels import rule_ids

RESOURCE = "indicatie"


async def leg_vast(conn: AsyncConnection, principal: Principal, body: IndicatieCreate) -> Row[Any]:
    nieuw_id = uuid.uuid4()
    waarden = await _beoordeel(conn, principal, body, body.bsn)
    bestaand = await repository_indicaties.actieve_voor_aanvraag(
        conn, principal.gemeente, body.aanvraag_id, body.aard.value
    )
    if bestaand is not None:
        raise _dubbel(bestaand)
    row = await _insert(
        conn,
        {
            **waarden,
            "id": nieuw_id,
            "reeks_id": nieuw_id,
            "volgnummer": 1,
            "soort": "vastgesteld",
            "status": "actief",
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "aanvraag_id": body.aanvraag_id,
            "invoer": body.model_dump(mode="json", by_alias=True, exclude={"bsn"}),
            "vastgesteld_door": principal.sub,
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, row.id)
    return row


async def herzie(
    conn: AsyncConnection,
    principal: Principal,
    indicatie_id: uuid.UUID,
    if_match: str | None,
    body: IndicatieHerzieningCreate,
) -> Row[Any]:
    oud = await _huidige(conn, principal, indicatie_id, if_match, "herzien")
    if body.aard.value != oud.aard:
        reden = (
            f"Een herziening houdt de aard ({oud.aard.replace('_', ' ')}); een andere aard is "
            "een nieuwe indicatie (één aard per indicatie)."
        )
        raise RuleViolation(
            reden,
            invalid_params=[InvalidParam(name="aard", code="aard-gewijzigd", reason=reden)],
            rules=["IND-04"],
        )
    waarden = await _beoordeel(conn, principal, body, oud.bsn)
    await _perceelduur_over_de_reeks(conn, principal, oud, body)
    return await _opvolger(
        conn,
        principal,
        oud,
        {
            **waarden,
            "soort": "herzien",
            "status": "actief",
            "aanvraag_id": body.aanvraag_id or oud.aanvraag_id,
            "reden": body.reden,
            "invoer": body.model_dump(mode="json", by_alias=True),
        },
        "herzien",
    )


async def beeindig(
    conn: AsyncConnection,
    principal: Principal,
    indicatie_id: uuid.UUID,
    if_match: str | None,
    body: IndicatieBeeindigingCreate,
) -> Row[Any]:
    oud = await _huidige(conn, principal, indicatie_id, if_match, "beëindigen")
    einde = body.einddatum
    if einde < oud.begindatum:
        _weiger_einddatum(
            "einddatum-voor-begindatum",
            f"De einddatum {notatie.datum(einde)} ligt voor de begindatum "
            f"{notatie.datum(oud.begindatum)}.",
        )
    if oud.einddatum is not None and einde > oud.einddatum:
        _weiger_einddatum(
            "einddatum-na-huidige-einddatum",
            f"De einddatum {notatie.datum(einde)} ligt na de huidige einddatum "
            f"{notatie.datum(oud.einddatum)}; een langere duur is een herziening.",
        )
    herziening = oud.herzieningsdatum
    if herziening is not None and herziening > einde:
        herziening = None
    zin = f"De indicatie is beëindigd met als laatste dag {notatie.datum(einde)}: {body.reden}"
    beoordeling = {**oud.beoordeling}
    beoordeling["regels"] = [{"rule": "IND-11", "toelichting": zin}]
    beoordeling["rules"] = ["IND-11"]
    beoordeling["waarschuwingen"] = []
    waarden = {
        c: getattr(oud, c)
        for c in (
            "advies_id",
            "aard",
            "profiel",
            "plus",
            "omvang",
            "eenheid",
            "perceel",
            "productcategorie",
            "productcode",
            "begindatum",
            "motivering",
            "afwijking",
            "advies",
        )
    }
    return await _opvolger(
        conn,
        principal,
        oud,
        {
            **waarden,
            "einddatum": einde,
            "herzieningsdatum": herziening,
            "soort": "beeindigd",
            "status": "beeindigd",
            "reden": body.reden,
            "invoer": body.model_dump(mode="json", by_alias=True),
            "beoordeling": beoordeling,
        },
        "beeindigen",
    )


async def lees(conn: AsyncConnection, principal: Principal, indicatie_id: uuid.UUID) -> Row[Any]:
    row = await repository_indicaties.get_indicatie_audited(conn, principal, indicatie_id)
    if row is None:
        raise NotFound("Er is geen indicatie met dit id in uw gemeente.")
    return row


async def zoek(conn: AsyncConnection, principal: Principal, body: IndicatieZoek) -> list[Row[Any]]:
    rows = await repository_indicaties.zoek(
        conn, principal.gemeente, body.bsn, body.aanvraag_id, body.inclusief_vervangen
    )
    await audit_log.record(conn, audit, principal, "zoeken", RESOURCE, None)
    await audit_log.record_many(conn, audit, principal, "lezen", RESOURCE, [r.id for r in rows])
    return rows


async def versies(
    conn: AsyncConnection, principal: Principal, indicatie_id: uuid.UUID
) -> list[Row[Any]]:
    """Every version of the reeks, each read audited; empty (and the attempt audited) when the
    indicatie is not one of the caller's gemeente. The caller answers 404 after the commit."""
    rows = await repository_indicaties.versies(conn, principal.gemeente, indicatie_id)
    if rows:
        await audit_log.record_many(conn, audit, principal, "lezen", RESOURCE, [r.id for r in rows])
    else:
        await audit_log.record(conn, audit, principal, "lezen", RESOURCE, indicatie_id)
    return rows


# --- helpers ----------------------------------------------------------------------------------


async def _beoordeel(
    conn: AsyncConnection, principal: Principal, inhoud: IndicatieInhoud, bsn: str
) -> dict[str, Any]:
    """Policy, advice, the domain's checks: the columns a new version gets from its content."""
    kader = normenkader(principal.gemeente, inhoud.begindatum)
    advies = None
    if inhoud.advies_id is not None:
        advies = await repository_adviezen.get_advies(conn, principal.gemeente, inhoud.advies_id)
        if advies is None:
            raise invalid("adviesId", "Er is geen advies met dit id in uw gemeente.", "onbekend")
        if advies.bsn is not None and advies.bsn != bsn:
            raise invalid("adviesId", "Dit advies hoort bij een andere cliënt.", "andere-client")
    plusfeiten = inhoud.plusfeiten
    if plusfeiten is None and advies is not None:
        plusfeiten = PlusfeitenCreate.model_validate(advies.invoer.get("plusfeiten", {}))
    feiten = PlusFeiten(**plusfeiten.model_dump()) if plusfeiten else PlusFeiten()
    uitslag = toets(inhoud, feiten, kader.policy)

    regels = list(uitslag.regels)
    vergeleken = None
    snapshot = None
    if advies is not None:
        vergeleken, zinnen = vergelijking(advies.id, advies.uitkomst, inhoud, uitslag.omvang)
        regels.extend(zinnen)
        snapshot = {
            "id": str(advies.id),
            "beleid": advies.beleid,
            "peildatum": advies.peildatum.isoformat(),
            "begindatum": advies.begindatum.isoformat(),
            "onderzoek": advies.invoer,
            "uitkomst": advies.uitkomst,
        }
    return {
        "advies_id": inhoud.advies_id,
        "aard": inhoud.aard.value,
        "profiel": inhoud.profiel.value,
        "plus": inhoud.plus,
        "omvang": uitslag.omvang,
        "eenheid": inhoud.profiel.eenheid.value,
        "perceel": inhoud.perceel.value,
        "productcategorie": inhoud.productcategorie,
        "productcode": inhoud.productcode,
        "begindatum": inhoud.begindatum,
        "einddatum": inhoud.einddatum,
        "herzieningsdatum": inhoud.herzieningsdatum,
        "motivering": inhoud.motivering,
        "afwijking": uitslag.afwijking,
        "advies": snapshot,
        "beoordeling": {
            "beleid": kader.naam,
            "plusfeiten": feiten_json(feiten),
            "regels": [{"rule": r.rule, "toelichting": r.toelichting} for r in regels],
            "rules": rule_ids(regels),
            "waarschuwingen": [
                {"rule": r.rule, "toelichting": r.toelichting} for r in uitslag.waarschuwingen
            ],
            "vergelijking": vergeleken,
        },
    }


def feiten_json(feiten: PlusFeiten) -> dict[str, Any]:
    return PlusfeitenCreate(
        **{f: getattr(feiten, f) for f in PlusfeitenCreate.model_fields}
    ).model_dump(mode="json", by_alias=True)


async def _perceelduur_over_de_reeks(
    conn: AsyncConnection, principal: Principal, oud: Row[Any], inhoud: IndicatieInhoud
) -> None:
    """IND-13: a perceel with a maximum duur (activerende groepsbegeleiding: 2 years) counts
    from its first use in the reeks; a herziening does not start the clock again."""
    beleid = normenkader(principal.gemeente, inhoud.begindatum).policy.percelen.get(inhoud.perceel)
    if beleid is None or beleid.maximale_duur_maanden is None:
        return
    eerste = await repository_indicaties.eerste_inzet(conn, oud.reeks_id, inhoud.perceel.value)
    if eerste is None or eerste >= inhoud.begindatum:
        return
    laatste = laatste_toegestane_dag(beleid, eerste)
    assert laatste is not None
    if inhoud.einddatum is None or inhoud.einddatum > laatste:
        reden = (
            f"Het perceel {inhoud.perceel.omschrijving} kan voor maximaal "
            f"{notatie.maanden(beleid.maximale_duur_maanden)} worden ingezet, gerekend vanaf de "
            f"eerste inzet op {notatie.datum(eerste)}; de einddatum is uiterlijk "
            f"{notatie.datum(laatste)}."
        )
        raise RuleViolation(
            reden,
            invalid_params=[
                InvalidParam(
                    name="einddatum", code="perceel-maximale-duur-overschreden", reason=reden
                )
            ],
            rules=["IND-13"],
        )


async def _huidige(
    conn: AsyncConnection,
    principal: Principal,
    indicatie_id: uuid.UUID,
    if_match: str | None,
    handeling: str,
) -> Row[Any]:
    oud = await repository_indicaties.lock_indicatie(conn, principal.gemeente, indicatie_id)
    if oud is None:
        raise NotFound("Er is geen indicatie met dit id in uw gemeente.")
    require_version(if_match, oud.versie)
    if oud.status == "vervangen":
        raise Conflict(
            f"Deze versie is al vervangen door een nieuwere ({oud.vervangen_door_id}); "
            f"{handeling} kan alleen de huidige versie.",
            code="indicatie-vervangen",
        )
    if oud.status == "beeindigd":
        raise Conflict(
            f"Deze indicatie is beëindigd (laatste dag {oud.einddatum}); {handeling} kan niet "
            "meer. Leg zo nodig een nieuwe indicatie vast.",
            code="indicatie-beeindigd",
        )
    return oud


async def _opvolger(
    conn: AsyncConnection,
    principal: Principal,
    oud: Row[Any],
    waarden: dict[str, Any],
    actie: str,
) -> Row[Any]:
    nieuw_id = uuid.uuid4()
    await repository_indicaties.markeer_vervangen(conn, oud.id)
    row = await _insert(
        conn,
        {
            "aanvraag_id": oud.aanvraag_id,
            **waarden,
            "id": nieuw_id,
            "reeks_id": oud.reeks_id,
            "volgnummer": oud.volgnummer + 1,
            "vorige_id": oud.id,
            "gemeente": oud.gemeente,
            "bsn": oud.bsn,
            "vastgesteld_door": principal.sub,
        },
    )
    await repository_indicaties.koppel_opvolger(conn, oud.id, nieuw_id)
    await audit_log.record(
        conn, audit, principal, actie, RESOURCE, nieuw_id, {"vorigeVersie": str(oud.id)}
    )
    return row


async def _insert(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    try:
        async with conn.begin_nested():
            return await repository_indicaties.insert_indicatie(conn, values)
    except IntegrityError as exc:
        raise Conflict(
            "Tegelijk is een andere indicatie voor deze aanvraag en aard vastgelegd of "
            "gewijzigd; lees de indicaties opnieuw.",
            code="indicatie-bestaat-al",
        ) from exc


def _dubbel(bestaand: uuid.UUID) -> Conflict:
    return Conflict(
        f"Voor deze aanvraag is al een actieve indicatie van deze aard vastgelegd ({bestaand}); "
        "herzie die in plaats van een tweede vast te leggen.",
        code="indicatie-bestaat-al",
    )


def _weiger_einddatum(code: str, reden: str) -> None:
    raise RuleViolation(
        reden,
        invalid_params=[InvalidParam(name="einddatum", code=code, reason=reden)],
        rules=["IND-11"],
    )


def to_read(row: Row[Any]) -> dict[str, Any]:
    b = row.beoordeling
    return {
        "id": row.id,
        "reeksId": row.reeks_id,
        "volgnummer": row.volgnummer,
        "vorigeId": row.vorige_id,
        "vervangenDoorId": row.vervangen_door_id,
        "soort": row.soort,
        "status": row.status,
        "gemeente": row.gemeente,
        "bsn": row.bsn,
        "aanvraagId": row.aanvraag_id,
        "adviesId": row.advies_id,
        "aard": row.aard,
        "profiel": row.profiel,
        "profielNaam": Profiel(row.profiel).naam,
        "plus": row.plus,
        "omvang": format(row.omvang.normalize(), "f"),
        "eenheid": row.eenheid,
        "perceel": row.perceel,
        "productcategorie": row.productcategorie,
        "productcode": row.productcode,
        "begindatum": row.begindatum,
        "einddatum": row.einddatum,
        "herzieningsdatum": row.herzieningsdatum,
        "motivering": row.motivering,
        "afwijking": row.afwijking,
        "reden": row.reden,
        "regels": b.get("regels", []),
        "rules": b.get("rules", []),
        "waarschuwingen": b.get("waarschuwingen", []),
        "advies": b.get("vergelijking"),
        "vastgesteldOp": row.vastgesteld_op,
        "vastgesteldDoor": row.vastgesteld_door,
        "versie": row.versie,
    }
