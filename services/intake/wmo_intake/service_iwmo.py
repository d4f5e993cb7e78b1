"""iWmo 3.2 for intake: the WMO301 of an opdracht, and the import of the provider's WMO305
(start), WMO307 (stop) and WMO323 (declaratie): XSD-validated, checked against the
toewijzingen, stored, and answered with the retour in the same call; the same message twice
is recognised and answered with the first retour."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import audit, iwmo_berichten, opdrachten
from wmo_intake.domain.termijnen import AMSTERDAM
from wmo_iwmo.basis import (
    Achternaam,
    Adres,
    BerichtIdentificatie,
    Geboortedatum,
    Header,
    Huis,
    Omvang,
    Product,
    Telefoon,
    Telefoonnummers,
    VolledigeNaam,
)
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
from wmo_iwmo.wmo301 import (
    Contact,
    ToegewezenProduct,
    Wmo301Bericht,
    Wmo301Client,
    build_wmo301,
)
from wmo_iwmo.wmo305 import parse_wmo305
from wmo_iwmo.wmo307 import parse_wmo307
from wmo_iwmo.wmo323 import Wmo323Bericht, parse_wmo323
from wmo_iwmo.xsd import InvalidMessageError, MessageType, SchemaFout, SchemaFouten
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.problems import Forbidden, invalid

_TYPE = re.compile(rb"http://www\.istandaarden\.nl/iwmo/3_2/(wmo\d{3})/schema")
ONDERSTEUND: tuple[MessageType, ...] = ("WMO305", "WMO307", "WMO323")


def _huisnummer(waarde: str | None) -> Huis | None:
    cijfers = re.match(r"\d+", waarde or "")
    return Huis(huisnummer=int(cijfers.group())) if cijfers else None


def wmo301(row: Row[Any]) -> bytes:
    """The WMO301 of one opdracht (raises InvalidMessageError when the data do not fit)."""
    g = row.gegevens
    adres = g["adres"]
    telefoon = re.sub(r"\D", "", g.get("telefoon") or "")
    omvang = g.get("omvang")
    verstrekt = row.verstrekt_op.astimezone(AMSTERDAM)
    voorletters = "".join(n[0] for n in g["voornamen"].split())
    bericht = Wmo301Bericht(
        header=Header(
            afzender=row.gemeente,
            ontvanger=row.aanbieder_agb,
            berichtidentificatie=BerichtIdentificatie(
                identificatie=str(row.toewijzingnummer)[-12:], dagtekening=verstrekt.date()
            ),
        ),
        client=Wmo301Client(
            bsn=g["bsn"],
            geboortedatum=Geboortedatum(dt.date.fromisoformat(g["geboortedatum"])),
            geslacht="0",
            naam=VolledigeNaam(
                geslachtsnaam=Achternaam(g["achternaam"]),
                voornamen=g["voornamen"],
                voorletters=voorletters or None,
            ),
            contactgegevens=(
                Contact(
                    soort="01",
                    adres=Adres(
                        huis=_huisnummer(adres.get("huisnummer")),
                        postcode=adres.get("postcode"),
                        straatnaam=adres.get("straat"),
                        plaatsnaam=adres.get("woonplaats"),
                        landcode="NL",
                    ),
                    telefoon=Telefoonnummers(Telefoon(telefoon[:15])) if telefoon else None,
                    emailadres=g.get("email"),
                ),
            ),
            toegewezen_producten=(
                ToegewezenProduct(
                    toewijzingnummer=row.toewijzingnummer,
                    toewijzingsdatum=verstrekt.date(),
                    toewijzingstijd=verstrekt.time().replace(microsecond=0, tzinfo=None),
                    ingangsdatum=dt.date.fromisoformat(g["begindatum"]),
                    product=Product(g["productcategorie"], g["productcode"]),
                    einddatum=dt.date.fromisoformat(g["einddatum"]) if g.get("einddatum") else None,
                    omvang=Omvang(
                        int(omvang["volume"]),
                        Eenheid(omvang["eenheid"]),
                        Frequentie(omvang["frequentie"]),
                    )
                    if omvang
                    else None,
                    commentaar=(g.get("commentaar") or None),
                ),
            ),
        ),
    )
    return build_wmo301(bericht)


def _toewijzing(row: Row[Any]) -> Toewijzing | None:
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


def berichttype(xml: bytes) -> MessageType:
    gevonden = _TYPE.search(xml[:2000])
    soort = gevonden.group(1).decode().upper() if gevonden else ""
    if soort not in ONDERSTEUND:
        raise invalid(
            "body",
            "Stuur een iWmo 3.2 WMO305, WMO307 of WMO323 (application/xml).",
            "onbekend-bericht",
        )
    return soort  # type: ignore[return-value]


async def _vergrendel(conn: AsyncConnection, sleutel: str) -> None:
    """A transaction-scoped advisory lock: whoever holds it decides alone; the next one waits
    and, after the commit, reads what the first one stored."""
    await conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(sleutel))))


async def eerder_goedgekeurd(
    conn: AsyncConnection, gemeente: str, bericht: Wmo323Bericht
) -> list[EerderGoedgekeurd]:
    """The lines accepted earlier (in other WMO323s of the same aanbieder) on the toewijzingen
    this declaratie names, so that the volumes of separate messages count together (9322,
    AAN-01). A message whose header was rejected was rejected as a whole: none of its lines
    count. The volume of a line is read from the stored message (the retour does not hold it);
    a credit line counts negative."""
    nummers = sorted({p.toewijzingnummer for _, p in bericht.declaratie.prestaties})
    t = iwmo_berichten
    rows = (
        await conn.execute(
            select(t.c.inhoud, t.c.retour).where(
                t.c.gemeente == gemeente,
                t.c.afzender == bericht.header.afzender,
                t.c.berichttype == "WMO323",
                or_(
                    *(
                        t.c.retour["regels"].contains(
                            [{"toewijzingnummer": n, "status": "goedgekeurd"}]
                        )
                        for n in nummers
                    )
                ),
            )
        )
    ).all()
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


async def importeer(
    conn: AsyncConnection, principal: Principal, xml: bytes
) -> tuple[Row[Any], bool]:
    """The stored message with its retour; True when it was new. The same message sent twice
    at once is decided once (lock on its SHA-256); declaraties of one aanbieder are checked one
    after the other, each against the lines accepted before it (lock on the afzender)."""
    soort = berichttype(xml)
    sha = hashlib.sha256(xml).hexdigest()
    await _vergrendel(conn, f"iwmo-bericht:{principal.gemeente}:{sha}")
    t = iwmo_berichten
    eerder = (
        await conn.execute(select(t).where(t.c.gemeente == principal.gemeente, t.c.sha256 == sha))
    ).first()
    if eerder is not None:
        if principal.has("aanbieder") and not principal.has("systeem"):
            # A message refused for its form has no afzender we could read ("onbekend"): its
            # sender may ask for the same retour again.
            if eerder.afzender not in (principal.agb, "onbekend"):
                raise Forbidden("De afzender van het bericht is niet de AGB-code van uw token.")
        await audit_log.record(conn, audit, principal, "lezen", "iwmo_bericht", eerder.id)
        return eerder, False
    identificatie = uuid.uuid4().hex[:12]
    vandaag = dt.datetime.now(AMSTERDAM).date()
    parsers = {"WMO305": parse_wmo305, "WMO307": parse_wmo307, "WMO323": parse_wmo323}
    bericht: Any = parsers[soort](xml)
    retour: Retourbericht
    if isinstance(bericht, SchemaFouten):
        retour = build_retour_technisch(
            soort, xml, bericht.fouten, identificatie=identificatie, dagtekening=vandaag
        )
        afzender = "onbekend"
    else:
        afzender = bericht.header.afzender
        if principal.has("aanbieder") and not principal.has("systeem"):
            if afzender != principal.agb:
                raise Forbidden("De afzender van het bericht is niet de AGB-code van uw token.")
        if bericht.header.ontvanger != principal.gemeente:
            fout = SchemaFout(0, f"het bericht is niet aan gemeente {principal.gemeente} gericht")
            retour = build_retour_technisch(
                soort, xml, [fout], identificatie=identificatie, dagtekening=vandaag
            )
        else:
            rows = (
                await conn.execute(
                    select(opdrachten).where(
                        opdrachten.c.gemeente == principal.gemeente,
                        opdrachten.c.status != "geweigerd",
                    )
                )
            ).all()
            bekend = [tw for r in rows if (tw := _toewijzing(r)) is not None]
            if soort == "WMO305":
                retour = build_retour_wmo306(
                    bericht,
                    check_wmo305(bericht, bekend),
                    identificatie=identificatie,
                    dagtekening=vandaag,
                )
            elif soort == "WMO307":
                retour = build_retour_wmo308(
                    bericht,
                    check_wmo307(bericht, bekend),
                    identificatie=identificatie,
                    dagtekening=vandaag,
                )
            else:
                await _vergrendel(conn, f"iwmo-declaratie:{principal.gemeente}:{afzender}")
                goedgekeurd = await eerder_goedgekeurd(conn, principal.gemeente, bericht)
                retour = build_retour_wmo325(
                    bericht,
                    check_wmo323(bericht, bekend, eerder_goedgekeurd=goedgekeurd),
                    identificatie=identificatie,
                    dagtekening=vandaag,
                )
    row = (
        await conn.execute(
            insert(t)
            .values(
                gemeente=principal.gemeente,
                afzender=afzender,
                berichttype=soort,
                sha256=sha,
                inhoud=xml.decode("utf-8", errors="replace"),
                retour=retour.to_dict(),
            )
            .returning(t)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "iwmo_bericht", row.id)
    return row, True


__all__ = ["InvalidMessageError", "importeer", "wmo301"]
