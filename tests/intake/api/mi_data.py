"""A known small data set for the management information (issue 14.6), written straight into
the four schemas for gemeente 0998 (no other test uses it), with the figures it must give for
2026-01-01 up to and including 2026-06-30 worked out by hand in ``test_managementinformatie``."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal

import asyncpg

from tests.support.stack import TestDatabase

G = "0998"
BSN = "999993653"


def _waarde(v: object) -> object:
    """The literals of this module as the types asyncpg binds."""
    if not isinstance(v, str):
        return v
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return dt.date.fromisoformat(v)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}[+-]\d{2}", v):
        return dt.datetime.fromisoformat(v + ":00")
    if re.fullmatch(r"-?\d+\.\d+", v):
        return Decimal(v)
    return {"true": True, "false": False}.get(v, v)


async def _sql(
    db: TestDatabase, svc: str, statements: list[tuple[str, tuple[object, ...]]]
) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn(svc, "owner"))
    try:
        async with conn.transaction():
            for sql, args in statements:
                await conn.execute(sql, *(_waarde(a) for a in args))
    finally:
        await conn.close()


def _id() -> uuid.UUID:
    return uuid.uuid4()


_gevuld: list[bool] = []


async def vul(db: TestDatabase) -> None:
    """Once per test session (the rows have fixed keys)."""
    if _gevuld:
        return
    _gevuld.append(True)
    c1, c2, c3 = _id(), _id(), _id()
    m1, m2, m3, m4 = _id(), _id(), _id(), _id()
    o1, o2, o3, o4 = _id(), _id(), _id(), _id()
    a1, a2 = _id(), _id()
    b1, b2 = _id(), _id()
    v1 = _id()
    intake: list[tuple[str, tuple[object, ...]]] = []
    for i, c in enumerate((c1, c2, c3)):
        intake.append(
            (
                "INSERT INTO intake.clienten (id, gemeente, bsn, voornamen, achternaam, "
                "geboortedatum) VALUES ($1, $2, $3, 'Test', 'Persoon', '1950-01-01')",
                (c, G, f"99999{i}000"[:9]),
            )
        )
    for m, c, ontvangst, status, uiterlijk in (
        (m1, c1, "2026-01-05", "opdracht", "2026-02-16"),
        (m2, c2, "2026-02-02", "beschikking", "2026-03-16"),
        (m3, c3, "2026-03-02", "onderzoek", "2026-04-13"),
        (m4, c3, "2025-12-01", "beeindigd", "2026-01-12"),
    ):
        intake.append(
            (
                "INSERT INTO intake.meldingen (id, gemeente, client_id, ontvangstdatum, kanaal, "
                "hulpvraag, urgentie, status, onderzoek_uiterlijk, persoonlijk_plan_uiterlijk) "
                "VALUES ($1, $2, $3, $4::date, 'loket', 'hulp', 'normaal', $5, $6::date, $4::date)",
                (m, G, c, ontvangst, status, uiterlijk),
            )
        )
    for o, m in ((o1, m1), (o2, m2), (o3, m3), (o4, m4)):
        intake.append(
            (
                "INSERT INTO intake.onderzoeken (id, gemeente, melding_id, startdatum, invoer, "
                "uitkomst) VALUES ($1, $2, $3, '2026-01-01', '{}', '{}')",
                (o, G, m),
            )
        )
    for o, versie, tijd, gereed in (
        (o1, 1, "2026-01-20 10:00+01", "false"),
        (o1, 2, "2026-02-10 10:00+01", "true"),
        (o2, 1, "2026-03-20 23:30+01", "true"),  # still 20 March in Amsterdam
        (o3, 1, "2026-03-10 10:00+01", "false"),
        (o4, 1, "2026-01-20 10:00+01", "true"),
    ):
        intake.append(
            (
                "INSERT INTO intake.onderzoek_versies (onderzoek_id, versie, invoer, uitkomst, "
                "sub, aangemaakt) VALUES ($1, $2, '{}', jsonb_build_object('gereed', $3::boolean), "
                "'test', $4::timestamptz)",
                (o, versie, gereed, tijd),
            )
        )
    for a, m, ontvangst, gevraagd, uiterlijk in (
        (
            a1,
            m1,
            "2026-02-12",
            '[{"omschrijving": "begeleiding", "leveringsvorm": "zin", "productcategorie": "02"}]',
            "2026-02-26",
        ),
        (
            a2,
            m2,
            "2026-03-23",
            '[{"omschrijving": "huishouden", "leveringsvorm": "pgb", '
            '"productcategorie": "01"}, {"omschrijving": "begeleiding", "leveringsvorm": "zin", '
            '"productcategorie": "02"}]',
            "2026-04-06",
        ),
    ):
        intake.append(
            (
                "INSERT INTO intake.aanvragen (id, gemeente, melding_id, ontvangstdatum, "
                "voorzieningen, beschikking_uiterlijk) VALUES ($1, $2, $3, $4::date, $5::jsonb, "
                "$6::date)",
                (a, G, m, ontvangst, gevraagd, uiterlijk),
            )
        )
    for b, m, a, soort, datum in (
        (b1, m1, a1, "toekenning", "2026-02-20"),
        (b2, m2, a2, "afwijzing", "2026-04-10"),
    ):
        intake.append(
            (
                "INSERT INTO intake.beschikkingen (id, gemeente, melding_id, aanvraag_id, soort, "
                "grondslag, besluitdatum, motivering, verzonden_op, verzenddatum) VALUES "
                "($1, $2, $3, $4, $5, 'aanvraag', $6::date, 'test', $6::date, $6::date)",
                (b, G, m, a, soort, datum),
            )
        )
    intake.append(
        (
            "INSERT INTO intake.maatwerkvoorzieningen (id, gemeente, beschikking_id, volgnummer, "
            "leveringsvorm, productcategorie, productcode, begindatum, eigen_bijdrage, "
            "motivering) VALUES ($1, $2, $3, 1, 'zin', '02', '02A03', '2026-03-01', true, 'x')",
            (v1, G, b1),
        )
    )
    intake.append(
        (
            "INSERT INTO intake.opdrachten (gemeente, melding_id, maatwerkvoorziening_id, "
            "aanbieder_agb, gegevens, verstrekt_op, zorgplan_uiterlijk, zorgplan_ontvangen, "
            "status) VALUES ($1, $2, $3, '12345678', '{}', '2026-02-24', '2026-03-10', "
            "'2026-03-05', 'geaccepteerd')",
            (G, m1, v1),
        )
    )
    for beschikking, melding, ontvangst, uiterlijk, uitkomst, beslist in (
        (b2, m2, "2026-04-20", "2026-06-01", "ongegrond", "2026-05-25"),
        (b1, m1, "2026-03-01", "2026-04-12", None, None),
    ):
        intake.append(
            (
                "INSERT INTO intake.bezwaren (gemeente, beschikking_id, melding_id, "
                "ontvangstdatum, kanaal, ontbrekend, adviescommissie, voorlopige_voorzieningen, "
                "beslist_uiterlijk, uitkomst, beslisdatum) VALUES ($1, $2, $3, $4::date, 'post', "
                "'[]', false, '[]', $5::date, $6, $7::date)",
                (G, beschikking, melding, ontvangst, uiterlijk, uitkomst, beslist),
            )
        )
    bericht = _id()
    intake.append(
        (
            "INSERT INTO intake.iwmo_berichten (id, gemeente, afzender, berichttype, sha256, "
            "inhoud, retour) VALUES ($1, $2, '12345678', 'WMO323', $3, '<x/>', '{}')",
            (bericht, G, uuid.uuid4().hex * 2),
        )
    )
    for regel, begin, bedrag in (
        (0, "2026-03-01", "100.50"),
        (1, "2026-03-09", "200.00"),
        (2, "2026-04-06", "-50.25"),
        (3, "2026-07-06", "999.00"),  # after the period
    ):
        intake.append(
            (
                "INSERT INTO intake.declaratieregels (gemeente, afzender, iwmo_bericht_id, "
                "regel, toewijzingnummer, productcode, begindatum, einddatum, volume, bedrag, "
                "referentienummer, bsn) VALUES ($1, '12345678', $2, $3, 10000001, '02A03', "
                "$4::date, $4::date + 6, 60, $5::numeric, $6, '999993653')",
                (G, bericht, regel, begin, bedrag, f"MI-{regel}"),
            )
        )
    await _sql(db, "intake", intake)

    plan, besluit, budget = _id(), _id(), _id()
    await _sql(
        db,
        "pgb",
        [
            (
                "INSERT INTO pgb.pgb_plannen (id, gemeente, bsn, plan, status) VALUES "
                "($1, $2, $3, '{}', 'besloten')",
                (plan, G, BSN),
            ),
            (
                "INSERT INTO pgb.besluiten (id, gemeente, pgb_plan_id, plan_versie, uitkomst, "
                "toetsuitkomst, volgt_toets, invoer, regels, sub) VALUES ($1, $2, $3, 1, "
                "'toegekend', 'voldaan', true, '{}', '[]', 'test')",
                (besluit, G, plan),
            ),
            (
                "INSERT INTO pgb.budgetten (id, gemeente, bsn, pgb_plan_id, besluit_id, status) "
                "VALUES ($1, $2, $3, $4, $5, 'beschikt')",
                (budget, G, BSN, plan, besluit),
            ),
            (
                "INSERT INTO pgb.budget_versies (budget_id, versie, bedrag, tarief, "
                "tariefgrondslag, kwalificatie, omvang, ingangsdatum, einddatum, peildatum, "
                "beleid, opbouw, regels, sub) VALUES ($1, 1, 3100.00, 10, 'test', 'test', '{}', "
                "'2026-03-16', '2026-04-30', '2026-03-16', 'test', '{}', '[]', 'test')",
                (budget,),
            ),
        ],
    )

    tk, schema = _id(), _id()
    await _sql(
        db,
        "finance",
        [
            (
                "INSERT INTO finance.tegemoetkomingen (id, gemeente, bsn, voorziening, "
                "betaalmoment, peildatum, status, kostprijs, percentage, bedrag, "
                "oorspronkelijk_bedrag, betaald_op, betaald_bedrag, invoer, kostprijs_uitkomst, "
                "regels, aangemaakt_door) VALUES ($1, $2, $3, 'onroerende_woonvoorziening', "
                "'voor_aanschaf', '2026-03-25', 'betaald', 13600, 90, 12240, 12240, "
                "'2026-05-12', 12240, '{}', '{}', '[]', 'test')",
                (tk, G, BSN),
            ),
            (
                "INSERT INTO finance.eigen_bijdrage_schemas (id, tegemoetkoming_id, gemeente, "
                "versie, voorziening, ingangsdatum, per_maand, plafond, max_maanden, "
                "aantal_maanden, totaal, regels) VALUES ($1, $2, $3, 1, "
                "'onroerende_woonvoorziening', '2026-05-01', 19, 12240, 120, 3, 57, '[]')",
                (schema, tk, G),
            ),
            *[
                (
                    "INSERT INTO finance.eigen_bijdrage_termijnen (schema_id, volgnummer, datum, "
                    "bedrag) VALUES ($1, $2, $3::date, 19)",
                    (schema, n, datum),
                )
                for n, datum in ((1, "2026-05-01"), (2, "2026-06-01"), (3, "2026-07-01"))
            ],
            (
                "INSERT INTO finance.cak_voorzieningen (gemeente, bsn, geboortedatum, "
                "beschikking_id, maatwerkvoorziening_id, productcategorie, productcode, "
                "leveringsvorm, ingangsdatum, eigen_bijdrage, gemeld, kostprijs_soort, "
                "abonnementstarief, regels, laatste_event_id) VALUES ($1, $2, '1950-01-01', $3, "
                "$4, '02', '02A03', 'zin', '2026-03-01', true, true, 'geen', 21.80, '[]', $5)",
                (G, BSN, b1, v1, _id()),
            ),
        ],
    )
