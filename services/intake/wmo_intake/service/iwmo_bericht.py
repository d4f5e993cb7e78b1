"""The import of the provider's iWmo 3.2 messages: WMO305 (start), WMO307 (stop) and WMO323
(declaratie), XSD-validated, checked against the toewijzingen, stored, and answered with the
retour in the same call; the same message twice is recognised and answered with the first
retour."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import iwmo_berichten, opdrachten
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.iwmo_bericht import Berichtsoort, berichtsoort
from wmo_intake.schemas.iwmo_bericht import IwmoBerichtRead
from wmo_intake.service import declaratieregels
from wmo_iwmo.basis import Omvang
from wmo_iwmo.codelijsten import DebetCredit, Eenheid, Frequentie
from wmo_iwmo.controle import (
    EerderGoedgekeurd,
    Toewijzing,
    check_wmo305,
    check_wmo307,
    check_wmo323,
)
from wmo_iwmo.retour import (
    Retourbericht,
    build_retour_technisch,
    build_retour_wmo306,
    build_retour_wmo308,
    build_retour_wmo325,
)
from wmo_iwmo.wmo305 import parse_wmo305
from wmo_iwmo.wmo307 import parse_wmo307
from wmo_iwmo.wmo323 import Wmo323Bericht, parse_wmo323
from wmo_iwmo.xsd import SchemaFout, SchemaFouten
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import Written
from wmo_shared.problems import Forbidden


def _toewijzing(row: Rij) -> Toewijzing | None:
    g = row.gegevens
    omvang = g.get("omvang")
    if not omvang:
        return None
    tarief = g.get("tarief")
    return Toewijzing(
        toewijzingnummer=row.toewijzingnummer,
        aanbieder_agb=row.aanbieder_agb,
        client_bsn=g["bsn"],
        productcategorie=g["productcategorie"],
        productcode=g["productcode"],
        ingangsdatum=dt.date.fromisoformat(g["begindatum"]),
        einddatum=dt.date.fromisoformat(g["einddatum"]) if g.get("einddatum") else None,
        omvang=Omvang(
            int(omvang["volume"]), Eenheid(omvang["eenheid"]), Frequentie(omvang["frequentie"])
        ),
        # Whole eurocents per unit; a tariff that is no whole number of cents per unit (or none
        # known) leaves the check to the provider's ProductTarief.
        tarief=int(Decimal(tarief) * 100) if tarief and (Decimal(tarief) * 100) % 1 == 0 else None,
    )


async def eerder_goedgekeurd(
    conn: AsyncConnection, gemeente: str, bericht: Wmo323Bericht
) -> list[EerderGoedgekeurd]:
    """The lines accepted earlier (in other WMO323s of the same aanbieder) on the toewijzingen
    this declaratie names, so that the volumes of separate messages count together (9322,
    AAN-01). A message whose header was rejected was rejected as a whole: none of its lines
    count. The volume of a line is read from the stored message (the retour does not hold it);
    a credit line counts negative."""
    nummers = sorted({p.toewijzingnummer for _, p in bericht.declaratie.prestaties})
    rows = await iwmo_berichten.declaraties_met_goedgekeurde_regels(
        conn, gemeente, bericht.header.afzender, nummers
    )
    eerder: list[EerderGoedgekeurd] = []
    for row in rows:
        if any(m.get("retourcode") != "0200" for m in row.retour.get("retourcodes") or []):
            continue
        opgeslagen = parse_wmo323(row.inhoud.encode("utf-8"))
        if isinstance(opgeslagen, SchemaFouten):
            continue
        prestaties = [p for _, p in opgeslagen.declaratie.prestaties]
        for regel in row.retour.get("regels") or []:
            index = regel.get("index")
            if regel.get("status") != "goedgekeurd" or not isinstance(index, int):
                continue
            if not 0 <= index < len(prestaties):
                continue
            p = prestaties[index]
            if p.toewijzingnummer not in nummers:
                continue
            credit = p.ingediend_bedrag.debet_credit is DebetCredit.CREDIT
            eerder.append(
                EerderGoedgekeurd(
                    toewijzingnummer=p.toewijzingnummer,
                    productperiode=p.productperiode,
                    volume=-p.geleverd_volume if credit else p.geleverd_volume,
                )
            )
    return eerder


def _eigen_afzender(principal: Principal, afzender: str, *, ook: str | None = None) -> None:
    """A provider sends (and reads back) only messages with its own AGB code as afzender."""
    if principal.has("aanbieder") and not principal.has("systeem"):
        if afzender not in (principal.agb, ook):
            raise Forbidden("De afzender van het bericht is niet de AGB-code van uw token.")


async def _retour(
    conn: AsyncConnection, principal: Principal, soort: Berichtsoort, xml: bytes
) -> tuple[str, Retourbericht]:
    """The afzender and the retour of a new message."""
    identificatie = uuid.uuid4().hex[:12]
    dag = vandaag()
    parsers = {"WMO305": parse_wmo305, "WMO307": parse_wmo307, "WMO323": parse_wmo323}
    bericht: Any = parsers[soort](xml)
    if isinstance(bericht, SchemaFouten):
        retour = build_retour_technisch(
            soort, xml, bericht.fouten, identificatie=identificatie, dagtekening=dag
        )
        return "onbekend", retour
    afzender: str = bericht.header.afzender
    _eigen_afzender(principal, afzender)
    if bericht.header.ontvanger != principal.gemeente:
        fout = SchemaFout(0, f"het bericht is niet aan gemeente {principal.gemeente} gericht")
        retour = build_retour_technisch(
            soort, xml, [fout], identificatie=identificatie, dagtekening=dag
        )
        return afzender, retour
    rows = await opdrachten.niet_geweigerd(conn, principal.gemeente)
    bekend = [tw for r in rows if (tw := _toewijzing(r)) is not None]
    if soort == "WMO305":
        retour = build_retour_wmo306(
            bericht, check_wmo305(bericht, bekend), identificatie=identificatie, dagtekening=dag
        )
    elif soort == "WMO307":
        retour = build_retour_wmo308(
            bericht, check_wmo307(bericht, bekend), identificatie=identificatie, dagtekening=dag
        )
    else:
        await iwmo_berichten.vergrendel(conn, f"iwmo-declaratie:{principal.gemeente}:{afzender}")
        goedgekeurd = await eerder_goedgekeurd(conn, principal.gemeente, bericht)
        retour = build_retour_wmo325(
            bericht,
            check_wmo323(bericht, bekend, eerder_goedgekeurd=goedgekeurd),
            identificatie=identificatie,
            dagtekening=dag,
        )
    return afzender, retour


def _bericht_read(row: Rij, nieuw: bool) -> Written[IwmoBerichtRead]:
    bericht = IwmoBerichtRead(
        id=row.id,
        berichttype=row.berichttype,
        status=row.retour["status"],
        retour=row.retour,
        ontvangen_op=row.aangemaakt,
    )
    return Written(
        bericht, f"/iwmo-berichten/{row.id}", status=201 if nieuw else 200, replayed=not nieuw
    )


async def importeer(db: Database, principal: Principal, xml: bytes) -> Written[IwmoBerichtRead]:
    """The stored message with its retour (201, or 200 with the first retour when the same
    message came before: the message itself is the key, its SHA-256). The same message sent
    twice at once is decided once (lock on its SHA-256); declaraties of one aanbieder are checked
    one after the other, each against the lines accepted before it (lock on the afzender)."""
    soort = berichtsoort(xml)
    sha = hashlib.sha256(xml).hexdigest()
    async with db.transaction() as conn:
        await iwmo_berichten.vergrendel(conn, f"iwmo-bericht:{principal.gemeente}:{sha}")
        eerder = await iwmo_berichten.met_inhoud(conn, principal.gemeente, sha)
        if eerder is not None:
            # A message refused for its form has no afzender we could read ("onbekend"): its
            # sender may ask for the same retour again.
            _eigen_afzender(principal, eerder.afzender, ook="onbekend")
            await audit_log.record(conn, audit, principal, "lezen", "iwmo_bericht", eerder.id)
            return _bericht_read(eerder, nieuw=False)
        afzender, retour = await _retour(conn, principal, soort, xml)
        row = await iwmo_berichten.insert_bericht(
            conn,
            {
                "gemeente": principal.gemeente,
                "afzender": afzender,
                "berichttype": soort,
                "sha256": sha,
                "inhoud": xml.decode("utf-8", errors="replace"),
                "retour": retour.to_dict(),
            },
        )
        if soort == "WMO323":
            await declaratieregels.registreer(conn, principal.gemeente, row.id, xml, row.retour)
        await audit_log.record(conn, audit, principal, "aanmaken", "iwmo_bericht", row.id)
        return _bericht_read(row, nieuw=True)
