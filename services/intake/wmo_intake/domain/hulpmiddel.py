"""Hulpmiddelen in natura (seed 001 H4; FIN-09): "Hulpmiddelen tot € 500 die via de
hulpmiddelenleverancier worden verstrekt, worden in eigendom verstrekt. Boven dat bedrag worden
hulpmiddelen in bruikleen verstrekt." Exactly the threshold is not above it: eigendom.

A hulpmiddel's life: ordered with the contracted supplier for a maatwerkvoorziening
(``besteld``), delivered (``geleverd``: in use, the eigen bijdrage runs from the voorziening's
start), maintained (``onderhoud``: no eigen bijdrage on maintenance, FIN-06), and — only in
bruikleen — handed back (``ingenomen``: the maatwerkvoorziening ends, so the CAK stops the
eigen bijdrage) and re-issued to another resident (``herverstrekking`` for that resident's
maatwerkvoorziening, then delivered again). In eigendom the item is the resident's: it is
never taken in or re-issued. The eigen bijdrage itself is the CAK's, capped at the kostprijs
(FIN-09, FIN-12): the kostprijs travels with the voorziening to the CAK register."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

CATEGORIEEN = frozenset({"11", "12", "14"})  # rolstoelen, vervoervoorzieningen, overige


class Vorm(StrEnum):
    EIGENDOM = "eigendom"
    BRUIKLEEN = "bruikleen"


class Status(StrEnum):
    BESTELD = "besteld"
    GELEVERD = "geleverd"
    INGENOMEN = "ingenomen"


class Stap(StrEnum):
    BESTELLING = "bestelling"
    LEVERING = "levering"
    ONDERHOUD = "onderhoud"
    INNAME = "inname"
    HERVERSTREKKING = "herverstrekking"


def verstrekkingsvorm(kostprijs: Decimal, eigendom_tot_en_met: Decimal) -> tuple[Vorm, Regel]:
    """FIN-09: up to and including the threshold in eigendom, above it in bruikleen; the eigen
    bijdrage stops at the kostprijs (eigendom) or when it is handed back, never above it
    (bruikleen)."""
    if kostprijs <= eigendom_tot_en_met:
        return Vorm.EIGENDOM, Regel(
            "FIN-09",
            f"Kostprijs € {kostprijs} is niet meer dan € {eigendom_tot_en_met}: in eigendom. "
            "De eigen bijdrage loopt tot de kostprijs is bereikt.",
        )
    return Vorm.BRUIKLEEN, Regel(
        "FIN-09",
        f"Kostprijs € {kostprijs} is meer dan € {eigendom_tot_en_met}: in bruikleen. De eigen "
        "bijdrage loopt zolang het hulpmiddel wordt gebruikt, tot ten hoogste de kostprijs, en "
        "stopt bij inlevering.",
    )


_NA: dict[Stap, frozenset[Status]] = {
    Stap.LEVERING: frozenset({Status.BESTELD}),
    Stap.ONDERHOUD: frozenset({Status.GELEVERD}),
    Stap.INNAME: frozenset({Status.GELEVERD}),
    Stap.HERVERSTREKKING: frozenset({Status.INGENOMEN}),
}
_NAAR: dict[Stap, Status] = {
    Stap.LEVERING: Status.GELEVERD,
    Stap.ONDERHOUD: Status.GELEVERD,
    Stap.INNAME: Status.INGENOMEN,
    Stap.HERVERSTREKKING: Status.BESTELD,
}


def stap(status: Status, vorm: Vorm, wat: Stap) -> tuple[Status, Regel]:
    """The next status, or 409 (``ongeldige-stap``) naming why."""
    if wat in (Stap.INNAME, Stap.HERVERSTREKKING) and vorm is Vorm.EIGENDOM:
        reden = (
            "Een hulpmiddel in eigendom is van de inwoner: het wordt niet ingenomen of opnieuw "
            "verstrekt (FIN-09)."
        )
        raise Weigering("ongeldige-stap", reden, regels=[Regel("FIN-09", reden)], soort="conflict")
    if status not in _NA[wat]:
        reden = f"Een {wat.value} kan niet bij een hulpmiddel dat {status.value} is."
        raise Weigering("ongeldige-stap", reden, regels=[Regel("FIN-09", reden)], soort="conflict")
    uitleg = {
        Stap.LEVERING: "Geleverd: in gebruik.",
        Stap.ONDERHOUD: "Onderhoud door de leverancier; geen eigen bijdrage op onderhoud (FIN-06).",
        Stap.INNAME: "Ingeleverd: de maatwerkvoorziening eindigt en de eigen bijdrage stopt.",
        Stap.HERVERSTREKKING: "Opnieuw verstrekt aan een andere inwoner; levering volgt.",
    }[wat]
    return _NAAR[wat], Regel("FIN-06" if wat is Stap.ONDERHOUD else "FIN-09", uitleg)


def toets_voorziening(
    leveringsvorm: str,
    productcategorie: str,
    kostprijs: Decimal | None,
    al_verstrekt: bool,
    *,
    veld: str = "maatwerkvoorzieningId",
) -> Decimal:
    """FIN-09: a hulpmiddel is given for a maatwerkvoorziening in natura for a rolstoel,
    vervoervoorziening or other hulpmiddel (``geen-hulpmiddel-in-natura``) with its kostprijs,
    on which eigendom or bruikleen depends (``kostprijs-verplicht``), and once (409
    ``al-verstrekt``). Returns the kostprijs."""
    if leveringsvorm != "zin" or productcategorie not in CATEGORIEEN:
        reden = (
            "Een hulpmiddel hoort bij een maatwerkvoorziening in natura voor een rolstoel, "
            "vervoervoorziening of ander hulpmiddel (productcategorie 11, 12 of 14)."
        )
        raise Weigering(
            "geen-hulpmiddel-in-natura", reden, veld=veld, regels=[Regel("FIN-09", reden)]
        )
    if kostprijs is None:
        reden = (
            "De maatwerkvoorziening noemt geen kostprijs (de categorieprijs van de "
            "gecontracteerde leverancier, FIN-03): eigendom of bruikleen en het plafond van de "
            "eigen bijdrage hangen ervan af (FIN-09)."
        )
        raise Weigering("kostprijs-verplicht", reden, veld=veld, regels=[Regel("FIN-09", reden)])
    if al_verstrekt:
        reden = "Voor deze maatwerkvoorziening is al een hulpmiddel verstrekt."
        raise Weigering(
            "al-verstrekt", reden, veld=veld, regels=[Regel("FIN-09", reden)], soort="conflict"
        )
    return kostprijs
