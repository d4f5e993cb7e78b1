"""Changing or ending a provider (seed 001 Bijlage 2 §6.1, §7.3–7.5): a wisseling ends the old
toewijzing on its last day and starts the new one the next day, so the voorziening runs on
without a gap or an overlap; a provider's opzegging (AAN-06) waits for the gemeente's accord;
a provider that refuses after the kennismaking (AAN-13) gets a vervolgopdracht to another
provider, linked to the refused one. Pure: no clock, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wmo_intake.domain.werkdagen import datum_nl
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

OVERSTAP = "09"
"""iWmo LDT_RedenWijziging 09: Overstap naar andere aanbieder."""


@dataclass(frozen=True, slots=True)
class Wisseling:
    laatste_dag: dt.date
    """The old toewijzing's new einddatum."""
    nieuwe_begindatum: dt.date
    """The day after: the new toewijzing's ingangsdatum."""
    oude_einddatum_wijzigt: bool
    """False when the old toewijzing already ends on the last day (e.g. after an opzegging)."""
    regels: tuple[Regel, ...]


def wisseling(
    status: str,
    oude_agb: str,
    nieuwe_agb: str,
    begindatum: dt.date,
    einddatum: dt.date | None,
    laatste_dag: dt.date,
    voorziening_einde: dt.date | None,
) -> Wisseling:
    """§7.3: the client changes provider. The old opdracht runs (accepted or still open),
    the new provider is another one, and the last day lies within the old toewijzing (its
    einddatum included: after an accorded opzegging) and before the voorziening ends
    (``opdracht-niet-lopend``, ``zelfde-aanbieder``, ``buiten-toewijzing``)."""
    if status not in ("verstrekt", "geaccepteerd"):
        raise Weigering(
            "opdracht-niet-lopend",
            f"Alleen een lopende opdracht kan naar een andere aanbieder (status '{status}').",
            soort="conflict",
        )
    if nieuwe_agb == oude_agb:
        raise Weigering(
            "zelfde-aanbieder",
            "De nieuwe aanbieder is dezelfde als de huidige.",
            veld="aanbiederAgb",
        )
    buiten = laatste_dag < begindatum or (einddatum is not None and laatste_dag > einddatum)
    if buiten or (voorziening_einde is not None and laatste_dag >= voorziening_einde):
        eind = datum_nl(einddatum) if einddatum else "open einde"
        raise Weigering(
            "buiten-toewijzing",
            f"De laatste dag moet binnen de toewijzing liggen ({datum_nl(begindatum)} tot "
            f"{eind}) en vóór het einde van de voorziening, zodat de nieuwe aanbieder "
            "aansluitend start.",
            veld="laatsteDag",
        )
    nieuw = laatste_dag + dt.timedelta(days=1)
    regel = Regel(
        "AAN-06",
        f"Wisseling van aanbieder (Bijlage 2 §7.3): de toewijzing aan {oude_agb} eindigt op "
        f"{datum_nl(laatste_dag)} (RedenWijziging 09, overstap naar andere aanbieder); "
        f"{nieuwe_agb} levert vanaf {datum_nl(nieuw)}. Zo loopt de voorziening zonder gat of "
        "overlap door.",
    )
    return Wisseling(laatste_dag, nieuw, laatste_dag != einddatum, (regel,))


def toets_akkoord_nodig(opzegging: dict[str, Any] | None) -> dict[str, Any]:
    """§7.3: the gemeente accords (or not) a provider's opzegging, once
    (``geen-opzegging-aanbieder``, ``opzegging-beoordeeld``)."""
    if opzegging is None or opzegging.get("door") != "aanbieder":
        raise Weigering(
            "geen-opzegging-aanbieder",
            "Er is geen opzegging door de aanbieder die op akkoord wacht.",
            soort="conflict",
        )
    if opzegging.get("akkoord") is not None:
        raise Weigering(
            "opzegging-beoordeeld", "Over deze opzegging is al besloten.", soort="conflict"
        )
    return opzegging


def akkoordregel(akkoord: bool, einde: dt.date) -> Regel:
    if akkoord:
        return Regel(
            "AAN-06",
            "De gemeente gaat akkoord met de opzegging door de aanbieder (Bijlage 2 §7.3); de "
            f"toewijzing eindigt op {datum_nl(einde)}, de laatste dag van de opzegtermijn.",
        )
    return Regel(
        "AAN-06",
        "De gemeente gaat niet akkoord met de opzegging door de aanbieder; haar bindend advies "
        "(Bijlage 2 §7.4) is dat de aanbieder de ondersteuning voortzet.",
    )


def toets_vervolgbaar(status: str, heeft_vervolg: bool, oude_agb: str, nieuwe_agb: str) -> Regel:
    """AAN-13 (§6.1): after a motivated refusal the gemeente coordinates another provider: a
    vervolgopdracht follows a refused opdracht once, to another provider
    (``opdracht-niet-geweigerd``, ``vervolg-bestaat-al``, ``zelfde-aanbieder``)."""
    if status != "geweigerd":
        raise Weigering(
            "opdracht-niet-geweigerd",
            f"Een vervolgopdracht volgt op een geweigerde opdracht (status '{status}').",
            soort="conflict",
        )
    if heeft_vervolg:
        raise Weigering(
            "vervolg-bestaat-al",
            "Op deze geweigerde opdracht volgde al een opdracht.",
            soort="conflict",
        )
    if nieuwe_agb == oude_agb:
        raise Weigering(
            "zelfde-aanbieder",
            "De vervolgopdracht gaat naar een andere aanbieder dan die weigerde.",
            veld="aanbiederAgb",
        )
    return Regel(
        "AAN-13",
        f"Aanbieder {oude_agb} zag na de kennismaking gemotiveerd af van de opdracht; de "
        f"gemeente coördineert de keuze voor een andere aanbieder (Bijlage 2 §6.1): {nieuwe_agb}.",
    )


def toets_weigeringsbesluit(
    status: str, reactie: dict[str, Any] | None, heeft_vervolg: bool
) -> None:
    """§6.1: the gemeente decides once whether a provider may refrain after the kennismaking
    (``opdracht-niet-geweigerd``, ``weigering-beoordeeld``)."""
    if status != "geweigerd" or reactie is None or heeft_vervolg:
        raise Weigering(
            "opdracht-niet-geweigerd",
            f"Er is geen weigering van de aanbieder die op een besluit wacht (status '{status}').",
            soort="conflict",
        )
    if reactie.get("besluit") is not None:
        raise Weigering(
            "weigering-beoordeeld", "Over deze weigering is al besloten.", soort="conflict"
        )


def weigeringsregel(akkoord: bool) -> Regel:
    if akkoord:
        return Regel(
            "AAN-13",
            "De gemeente aanvaardt de motivering: de aanbieder ziet af van de opdracht en de "
            "gemeente coördineert de keuze voor een andere aanbieder (Bijlage 2 §6.1).",
        )
    return Regel(
        "AAN-13",
        "De gemeente besluit dat de aanbieder op basis van deze motivering niet kan afzien van "
        "de opdracht: de aanbieder moet haar accepteren (Bijlage 2 §6.1).",
    )


def toets_geen_vervolg(heeft_vervolg: bool) -> None:
    """AAN-06 (§7.3): an opdracht that another already followed is not changed again (409
    ``vervolg-bestaat-al``)."""
    if heeft_vervolg:
        reden = "Op deze opdracht volgde al een andere."
        raise Weigering(
            "vervolg-bestaat-al", reden, regels=[Regel("AAN-06", reden)], soort="conflict"
        )


def toets_geen_lopende_opdracht(loopt: bool, reden: str) -> None:
    """AAN-13 (§6.1): one running opdracht per maatwerkvoorziening (409
    ``opdracht-bestaat-al``)."""
    if loopt:
        raise Weigering(
            "opdracht-bestaat-al", reden, regels=[Regel("AAN-13", reden)], soort="conflict"
        )


def toets_besluitdatum(
    rule: str, datum: dt.date, vanaf: dt.date, vandaag: dt.date, reden: str
) -> None:
    """The gemeente's decision (AAN-06 opzegging, AAN-13 weigering) falls on or after the step
    it answers and not in the future (``buiten-bereik`` on ``datum``)."""
    if datum < vanaf or datum > vandaag:
        raise Weigering("buiten-bereik", reden, veld="datum", regels=[Regel(rule, reden)])
