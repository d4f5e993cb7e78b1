"""The WMO301 (iWmo 3.2 toewijzing) of an opdracht, XSD-validated: what the provider
receives; the toewijzingen feed carries the same."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from wmo_intake.db.rijen import Rij
from wmo_intake.service.opdracht import laad_opdracht
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
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.wmo301 import (
    Contact,
    ToegewezenProduct,
    Wmo301Bericht,
    Wmo301Client,
    build_wmo301,
)
from wmo_iwmo.xsd import InvalidMessageError
from wmo_shared.auth import Principal
from wmo_shared.clock import AMSTERDAM
from wmo_shared.db.engine import Database
from wmo_shared.problems import ServiceUnavailable


def _huisnummer(waarde: str | None) -> Huis | None:
    cijfers = re.match(r"[0-9]+", waarde or "")
    return Huis(huisnummer=int(cijfers.group())) if cijfers else None


def wmo301(row: Rij) -> bytes:
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
                    reden_wijziging=g.get("redenWijziging"),
                    referentie_aanbieder=g.get("referentieAanbieder"),
                ),
            ),
        ),
    )
    return build_wmo301(bericht)


async def wmo301_van_opdracht(db: Database, principal: Principal, opdracht_id: uuid.UUID) -> bytes:
    async with db.transaction() as conn:
        row = await laad_opdracht(conn, principal, opdracht_id, actie="lezen")
    try:
        return wmo301(row)
    except InvalidMessageError as exc:
        raise ServiceUnavailable(
            f"De opdracht vormt geen geldig WMO301-bericht: {exc}", code="wmo301-ongeldig"
        ) from exc
