"""The import of the provider's iWmo 3.2 messages: WMO305 (start), WMO307 (stop), WMO315 /
WMO317 (verzoeken, ``service.iwmo_verzoek``) and WMO323 (declaratie), XSD-validated, checked
against the toewijzingen, stored, and answered with the retour in the same call; the same
message twice is recognised and answered with the first retour. A declaratie keeps its
accepted lines and its no-show signaleringen (AAN-05, three or more of a client in a month:
for the case worker's signaleringen), both in the transaction that stores the message."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import (
    aanbiedermeldingen,
    declaratieregels,
    iwmo_berichten,
    no_show_signaleringen,
    opdrachten,
)
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.iwmo_bericht import Berichtsoort, berichtsoort
from wmo_intake.schemas.iwmo_bericht import IwmoBerichtRead
from wmo_intake.service import iwmo_verzoek
from wmo_intake.service.beleid import no_show_productcodes
from wmo_intake.service.iwmo_toewijzing import toewijzing_van as _toewijzing
from wmo_iwmo.basis import Periode
from wmo_iwmo.controle import (
    Declaratiecontrole,
    EerderGoedgekeurd,
    NoShowBeleid,
    NoShowToestemming,
    check_wmo305,
    check_wmo307,
    check_wmo323,
)
from wmo_iwmo.geaccepteerd import geaccepteerde_regels
from wmo_iwmo.retour import (
    Retourbericht,
    build_retour_technisch,
    build_retour_wmo306,
    build_retour_wmo308,
    build_retour_wmo325,
)
from wmo_iwmo.wmo305 import parse_wmo305
from wmo_iwmo.wmo307 import parse_wmo307
from wmo_iwmo.wmo315 import parse_wmo315
from wmo_iwmo.wmo317 import parse_wmo317
from wmo_iwmo.wmo323 import Wmo323Bericht, parse_wmo323
from wmo_iwmo.xsd import SchemaFout, SchemaFouten
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import Written
from wmo_shared.problems import Forbidden


async def eerder_goedgekeurd(
    conn: AsyncConnection, gemeente: str, bericht: Wmo323Bericht, no_show: frozenset[str]
) -> list[EerderGoedgekeurd]:
    """The lines accepted earlier (in other WMO323s of the same aanbieder) on the toewijzingen
    this declaratie names, so that the volumes of separate messages count together (9322,
    AAN-01) and so do no-shows (AAN-05, a line under one of the ``no_show`` productcodes);
    and, since AAN-05 counts per client, the earlier no-shows of its clients on the
    aanbieder's other toewijzingen in the months of the declaratieperiode. Read from the table
    of accepted lines by its indexes, never from old messages."""
    afzender = bericht.header.afzender
    nummers = sorted({p.toewijzingnummer for _, p in bericht.declaratie.prestaties})
    rows = await declaratieregels.geaccepteerd(conn, gemeente, afzender, nummers)
    eerder = [
        EerderGoedgekeurd(
            toewijzingnummer=r.toewijzingnummer,
            productperiode=Periode(r.begindatum, r.einddatum),
            volume=r.volume,
            no_show=r.productcode in no_show,
        )
        for r in rows
    ]
    periode = bericht.declaratie.declaratieperiode
    elders = await declaratieregels.no_shows_van_clienten(
        conn,
        gemeente,
        afzender,
        sorted({bsn for bsn, _ in bericht.declaratie.prestaties}),
        sorted(no_show),
        periode.begindatum.replace(day=1),
        periode.einddatum,
        nummers,
    )
    return eerder + [
        EerderGoedgekeurd(
            toewijzingnummer=r.toewijzingnummer,
            productperiode=Periode(r.begindatum, r.einddatum),
            volume=r.volume,
            no_show=True,
            bsn=r.bsn,
        )
        for r in elders
    ]


async def _no_show_beleid(
    conn: AsyncConnection, gemeente: str, bericht: Wmo323Bericht, nummers: list[int]
) -> NoShowBeleid:
    """AAN-05: the gemeente's no-show productcodes (policy in force at the start of the
    declaratieperiode) and the consents the gebiedsteam recorded on this aanbieder's opdrachten
    the declaratie names (``POST /opdrachten/{id}/no-show-toestemmingen``). A consent allows
    its number of further no-shows of the opdracht's client in each month its period overlaps
    (``wmo_iwmo.controle_noshow``)."""
    productcodes = no_show_productcodes(gemeente, bericht.declaratie.declaratieperiode.begindatum)
    if not productcodes:
        return NoShowBeleid()
    rows = await aanbiedermeldingen.toestemmingen_voor_declaratie(
        conn, gemeente, bericht.header.afzender, nummers
    )
    return NoShowBeleid(
        productcodes,
        tuple(
            NoShowToestemming(
                r.toewijzingnummer, Periode(r.periode_begin, r.periode_einde), r.aantal
            )
            for r in rows
        ),
    )


async def _bewaar_geaccepteerd(
    conn: AsyncConnection, bericht: Rij, gelezen: Wmo323Bericht, controle: Declaratiecontrole
) -> None:
    """Keep the accepted lines of a declaratie, in the transaction that accepted them: the one
    write of ``declaratieregels`` (the next check and the management information read it)."""
    await declaratieregels.voeg_toe(
        conn,
        [
            {
                "gemeente": bericht.gemeente,
                "afzender": bericht.afzender,
                "iwmo_bericht_id": bericht.id,
                "regel": r.index,
                "toewijzingnummer": r.toewijzingnummer,
                "productcode": r.productcode,
                "begindatum": r.begindatum,
                "einddatum": r.einddatum,
                "volume": r.volume,
                "bedrag": Decimal(r.bedrag_cent).scaleb(-2),
                "referentienummer": r.referentienummer,
                "bsn": r.bsn,
            }
            for r in geaccepteerde_regels(gelezen, controle)
        ],
    )


async def _bewaar_signaleringen(
    conn: AsyncConnection, bericht: Rij, controle: Declaratiecontrole, opdrachtrijen: list[Rij]
) -> None:
    """AAN-05: three or more no-shows of a client in a month are a signalering for the case
    worker of the opdracht they were declared on (the first of this aanbieder's toewijzingen
    the signalering names); stored once per aanbieder, client and month."""
    if not controle.signaleringen:
        return
    eigen = {r.toewijzingnummer: r.id for r in opdrachtrijen if r.aanbieder_agb == bericht.afzender}
    ontbreekt = sorted(
        {n for s in controle.signaleringen for n in s.toewijzingnummers if n not in eigen}
    )
    if ontbreekt:
        for r in await declaratieregels.toewijzingen(conn, bericht.gemeente, ontbreekt):
            if r.aanbieder_agb == bericht.afzender:
                eigen[r.toewijzingnummer] = r.id
    rijen = []
    for s in controle.signaleringen:
        opdracht_id = next((eigen[n] for n in s.toewijzingnummers if n in eigen), None)
        if opdracht_id is None:  # declared only on toewijzingen that are not this aanbieder's
            continue
        rijen.append(
            {
                "gemeente": bericht.gemeente,
                "afzender": bericht.afzender,
                "bsn": s.bsn,
                "jaar": s.jaar,
                "maand": s.maand,
                "aantal": s.aantal,
                "opdracht_id": opdracht_id,
                "iwmo_bericht_id": bericht.id,
            }
        )
    await no_show_signaleringen.bewaar(conn, rijen)


def _eigen_afzender(principal: Principal, afzender: str, *, ook: str | None = None) -> None:
    """A provider sends (and reads back) only messages with its own AGB code as afzender."""
    if principal.has("aanbieder") and not principal.has("systeem"):
        if afzender not in (principal.agb, ook):
            raise Forbidden("De afzender van het bericht is niet de AGB-code van uw token.")


Nazorg = Callable[[AsyncConnection, Rij], Awaitable[None]]
"""What follows once the message is stored (its row): the accepted lines of a declaratie and
its no-show signaleringen."""


async def _retour(
    conn: AsyncConnection, principal: Principal, soort: Berichtsoort, xml: bytes
) -> tuple[str, Retourbericht, Nazorg | None]:
    """The afzender and the retour of a new message, and what to keep once it is stored."""
    identificatie = uuid.uuid4().hex[:12]
    dag = vandaag()
    parsers = {
        "WMO305": parse_wmo305,
        "WMO307": parse_wmo307,
        "WMO315": parse_wmo315,
        "WMO317": parse_wmo317,
        "WMO323": parse_wmo323,
    }
    bericht: Any = parsers[soort](xml)
    if isinstance(bericht, SchemaFouten):
        retour = build_retour_technisch(
            soort, xml, bericht.fouten, identificatie=identificatie, dagtekening=dag
        )
        return "onbekend", retour, None
    afzender: str = bericht.header.afzender
    _eigen_afzender(principal, afzender)
    if bericht.header.ontvanger != principal.gemeente:
        fout = SchemaFout(0, f"het bericht is niet aan gemeente {principal.gemeente} gericht")
        retour = build_retour_technisch(
            soort, xml, [fout], identificatie=identificatie, dagtekening=dag
        )
        return afzender, retour, None
    if soort == "WMO323":
        return afzender, *await _declaratie(conn, principal, bericht, identificatie, dag)
    if soort in ("WMO315", "WMO317"):
        return afzender, *await iwmo_verzoek.verwerk(conn, principal, bericht, identificatie, dag)
    rows = await opdrachten.niet_geweigerd(conn, principal.gemeente)
    bekend = [tw for r in rows if (tw := _toewijzing(r)) is not None]
    if soort == "WMO305":
        retour = build_retour_wmo306(
            bericht, check_wmo305(bericht, bekend), identificatie=identificatie, dagtekening=dag
        )
    else:
        retour = build_retour_wmo308(
            bericht, check_wmo307(bericht, bekend), identificatie=identificatie, dagtekening=dag
        )
    return afzender, retour, None


async def _declaratie(
    conn: AsyncConnection,
    principal: Principal,
    bericht: Wmo323Bericht,
    identificatie: str,
    dag: dt.date,
) -> tuple[Retourbericht, Nazorg]:
    """A declaratie against the toewijzingen it names and the lines accepted before it (both
    read by index), checked one after the other per aanbieder (lock on the afzender)."""
    afzender = bericht.header.afzender
    await iwmo_berichten.vergrendel(conn, f"iwmo-declaratie:{principal.gemeente}:{afzender}")
    nummers = sorted({p.toewijzingnummer for _, p in bericht.declaratie.prestaties})
    rows = await declaratieregels.toewijzingen(conn, principal.gemeente, nummers)
    bekend = [tw for r in rows if (tw := _toewijzing(r)) is not None]
    no_show = await _no_show_beleid(conn, principal.gemeente, bericht, nummers)
    goedgekeurd = await eerder_goedgekeurd(conn, principal.gemeente, bericht, no_show.productcodes)
    controle = check_wmo323(bericht, bekend, eerder_goedgekeurd=goedgekeurd, no_show=no_show)
    retour = build_retour_wmo325(bericht, controle, identificatie=identificatie, dagtekening=dag)

    async def bewaar(conn: AsyncConnection, row: Rij) -> None:
        await _bewaar_geaccepteerd(conn, row, bericht, controle)
        await _bewaar_signaleringen(conn, row, controle, rows)

    return retour, bewaar


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
        afzender, retour, nazorg = await _retour(conn, principal, soort, xml)
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
        if nazorg is not None:
            await nazorg(conn, row)
        await audit_log.record(conn, audit, principal, "aanmaken", "iwmo_bericht", row.id)
        return _bericht_read(row, nieuw=True)
