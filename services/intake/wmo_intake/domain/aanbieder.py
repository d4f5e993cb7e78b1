"""The provider register of a gemeente (seed 001 Bijlage 2 §2–3): which products a provider is
contracted for and from when (AAN-09: an opdracht only goes to a provider contracted for its
product on its start date), and the quality evidence the contract asks (AAN-10): the
kwaliteitssysteem with its external audit at least once in three calendar years (§2.4), the VOG
screening of staff (§3.6), the meldcode (§3.8), the klachtenregeling (§2.11) and the Wkkgz
(§2.3). Evidence that expires is a signal for the gemeente. Pure: no clock, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from wmo_intake.domain.werkdagen import datum_nl
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Kwaliteitsbewijs(StrEnum):
    KWALITEITSSYSTEEM = "kwaliteitssysteem"
    VOG = "vog"
    MELDCODE = "meldcode"
    KLACHTENREGELING = "klachtenregeling"
    WKKGZ = "wkkgz"


AUDIT_JAREN = 3
"""§2.4: the kwaliteitssysteem is audited externally at least once in three calendar years."""


@dataclass(frozen=True, slots=True)
class Product:
    """A contracted product: a whole productcategorie (``productcode`` None) or one code."""

    productcategorie: str
    productcode: str | None
    ingangsdatum: dt.date
    einddatum: dt.date | None


def _plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def geldig_tot(
    soort: Kwaliteitsbewijs, datum: dt.date, opgegeven: dt.date | None
) -> dt.date | None:
    """The last day the evidence holds: for the kwaliteitssysteem the day before the audit is
    three years old (§2.4), or the earlier date beheer gave; for the other evidence the date
    beheer gave (the seed sets no period for them), None when none was given."""
    if soort is Kwaliteitsbewijs.KWALITEITSSYSTEEM:
        audit = _plus_jaren(datum, AUDIT_JAREN) - dt.timedelta(days=1)
        return min(audit, opgegeven) if opgegeven is not None else audit
    return opgegeven


def kwaliteitsregel(soort: Kwaliteitsbewijs, datum: dt.date, tot: dt.date | None) -> Regel:
    naam = {
        Kwaliteitsbewijs.KWALITEITSSYSTEEM: "de externe audit van het kwaliteitssysteem (§2.4)",
        Kwaliteitsbewijs.VOG: "de VOG-screening van de medewerkers (§3.6)",
        Kwaliteitsbewijs.MELDCODE: "de meldcode huiselijk geweld en kindermishandeling (§3.8)",
        Kwaliteitsbewijs.KLACHTENREGELING: "de klachtenregeling (§2.11)",
        Kwaliteitsbewijs.WKKGZ: "de naleving van de Wkkgz (§2.3)",
    }[soort]
    tekst = f"Bewijs van {naam} van {datum_nl(datum)}"
    tekst += f", geldig tot en met {datum_nl(tot)}." if tot else ", zonder einddatum."
    return Regel("AAN-10", tekst)


def gecontracteerd(producten: tuple[Product, ...], categorie: str, code: str, dag: dt.date) -> bool:
    return any(
        p.productcategorie == categorie
        and (p.productcode is None or p.productcode == code)
        and p.ingangsdatum <= dag
        and (p.einddatum is None or dag <= p.einddatum)
        for p in producten
    )


def toets_gecontracteerd(
    agb: str,
    producten: tuple[Product, ...] | None,
    productcategorie: str,
    productcode: str,
    startdatum: dt.date,
) -> Regel:
    """AAN-09 (``aanbieder-niet-gecontracteerd``): the provider is in the gemeente's register
    (``producten`` None: it is not) and contracted for the product on the opdracht's start."""
    if producten is None:
        reden = (
            f"Aanbieder {agb} staat niet in het aanbiedersregister van de gemeente; een "
            "opdracht gaat alleen naar een gecontracteerde aanbieder."
        )
        raise Weigering(
            "aanbieder-niet-gecontracteerd",
            reden,
            veld="aanbiederAgb",
            regels=[Regel("AAN-09", reden)],
        )
    if not gecontracteerd(producten, productcategorie, productcode, startdatum):
        reden = (
            f"Aanbieder {agb} is op {datum_nl(startdatum)} niet gecontracteerd voor product "
            f"{productcode} (categorie {productcategorie})."
        )
        raise Weigering(
            "aanbieder-niet-gecontracteerd",
            reden,
            veld="aanbiederAgb",
            regels=[Regel("AAN-09", reden)],
        )
    return Regel(
        "AAN-09",
        f"Aanbieder {agb} is op {datum_nl(startdatum)} gecontracteerd voor product {productcode}.",
    )


def toets_producten(producten: tuple[Product, ...]) -> None:
    """Each contracted product ends on or after its start (``volgorde``)."""
    for i, p in enumerate(producten):
        if p.einddatum is not None and p.einddatum < p.ingangsdatum:
            raise Weigering(
                "volgorde",
                "De einddatum van een gecontracteerd product ligt vóór de ingangsdatum.",
                veld=f"producten[{i}].einddatum",
            )


def toets_kwaliteit(
    bewijzen: Sequence[tuple[Kwaliteitsbewijs, dt.date, dt.date | None]],
) -> tuple[dt.date | None, ...]:
    """AAN-10: the register holds each kind of quality evidence once (``dubbel``), and evidence
    holds from its date on (``volgorde``); returns the last day each piece holds."""
    soorten = [soort for soort, _, _ in bewijzen]
    if len(set(soorten)) != len(soorten):
        reden = "Elk soort kwaliteitsbewijs komt één keer voor."
        raise Weigering("dubbel", reden, veld="kwaliteit", regels=[Regel("AAN-10", reden)])
    tot_en_met = []
    for i, (soort, datum, opgegeven) in enumerate(bewijzen):
        tot = geldig_tot(soort, datum, opgegeven)
        if tot is not None and tot < datum:
            reden = "Een kwaliteitsbewijs is niet geldig tot vóór zijn datum."
            raise Weigering(
                "volgorde",
                reden,
                veld=f"kwaliteit[{i}].geldigTot",
                regels=[Regel("AAN-10", reden)],
            )
        tot_en_met.append(tot)
    return tuple(tot_en_met)
