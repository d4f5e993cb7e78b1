"""FIN-12: receiving a maatwerkvoorziening into the CAK register. Is the event sound, is the
voorziening reported (``cak.cak_melding``), at which abonnementstarief, one per household, and
which change (start, wijziging, stop) the feed to the CAK gets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Literal

from wmo_shared.policy import PolicyNotFound, PolicyRegistry
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .cak import (
    CakMelding,
    CakVoorziening,
    LopendeVoorziening,
    abonnementstarief,
    cak_melding,
    huishoudbijdrage,
    kostprijs_soort,
)
from .grenzen import controleer_bedrag, controleer_geboortedatum, controleer_zaakdatum
from .policy import finance_beleid
from .soorten import Leveringsvorm, Productcategorie

Mutatiesoort = Literal["start", "wijziging", "stop"]


def event_id_hergebruikt() -> Weigering:
    """An event received before is answered with the register entry it made. When there is
    none for its maatwerkvoorziening, the eventId was used for another one (409)."""
    return Weigering(
        "event-id-hergebruikt",
        "Dit eventId is al ontvangen voor een andere maatwerkvoorziening.",
        veld="eventId",
        soort="conflict",
    )


def controleer_grenzen(
    *,
    geboortedatum: dt.date,
    ingangsdatum: dt.date,
    einddatum: dt.date | None,
    kostprijs: Decimal | None,
    vandaag: dt.date,
) -> None:
    """The event is the shared contract, which bounds nothing: its dates and the kostprijs are
    bounded here, before any rule runs (issue 11.4), each refusal naming its field."""
    controleer_geboortedatum("geboortedatum", geboortedatum, vandaag)
    controleer_zaakdatum("ingangsdatum", ingangsdatum, vandaag)
    controleer_zaakdatum("einddatum", einddatum, vandaag)
    controleer_bedrag("kostprijs", kostprijs)


def controleer_periode(
    *,
    beeindiging: bool,
    productcategorie: str,
    ingangsdatum: dt.date,
    einddatum: dt.date | None,
) -> Productcategorie:
    """The event's period and category are sound: an ending names its date, the period does not
    end before it starts, the productcategorie is an iWmo one (each refusal names its field)."""
    if beeindiging and einddatum is None:
        raise Weigering("verplicht", "Een beëindiging noemt de einddatum.", veld="einddatum")
    try:
        categorie = Productcategorie(productcategorie)
    except ValueError as exc:
        raise Weigering(
            "onbekende-waarde",
            "Onbekende iWmo-productcategorie (01..18).",
            veld="productcategorie",
        ) from exc
    if einddatum is not None and einddatum < ingangsdatum:
        raise Weigering("periode", "De einddatum ligt vóór de ingangsdatum.", veld="einddatum")
    return categorie


def melding(
    *,
    beeindiging: bool,
    kenmerk: str,
    productcategorie: str,
    leveringsvorm: Leveringsvorm,
    ingangsdatum: dt.date,
    einddatum: dt.date | None,
    geboortedatum: dt.date,
    eigen_bijdrage: bool,
    kostprijs: Decimal | None,
) -> CakMelding:
    """Whether and how the voorziening is reported; a refusal names the field: an ending without
    its date, an unknown productcategorie, a period that ends before it starts, or a hulpmiddel
    or woningaanpassing without the kostprijs that caps its eigen bijdrage."""
    categorie = controleer_periode(
        beeindiging=beeindiging,
        productcategorie=productcategorie,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
    )
    if not eigen_bijdrage:
        regel = Regel("FIN-12", "Op deze voorziening rust geen eigen bijdrage: geen melding.")
        return CakMelding(False, None, None, kostprijs_soort(categorie), None, (regel,))
    voorziening = CakVoorziening(
        kenmerk=kenmerk,
        productcategorie=categorie,
        leveringsvorm=leveringsvorm,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        geboortedatum=geboortedatum,
    )
    try:
        return cak_melding(voorziening, kostprijs=kostprijs)
    except ValueError as exc:
        reden = (
            f"De kostprijs begrenst de eigen bijdrage van een {kostprijs_soort(categorie)} en "
            f"moet worden meegemeld ({exc})."
        )
        raise Weigering(
            "regel-geschonden", reden, veld="kostprijs", regels=[Regel("FIN-12", reden)]
        ) from exc


def tarief_per_maand(
    registry: PolicyRegistry,
    gemeente: str,
    peildatum: dt.date,
    landelijke_tarieven: Mapping[int, str | Decimal],
) -> tuple[Decimal | None, tuple[Regel, ...]]:
    """The abonnementstarief a month in the year of ``peildatum``, or None with the reason (no
    policy, or the CAK charges by income then): the voorziening is registered all the same."""
    try:
        tarief = abonnementstarief(
            gemeente=gemeente,
            peildatum=peildatum,
            beleid=finance_beleid(registry, gemeente, peildatum).cak,
            landelijke_tarieven=landelijke_tarieven,
        )
    except PolicyNotFound as exc:
        return None, (Regel("FIN-12", f"Geen abonnementstarief: {exc}"),)
    return tarief.per_maand, tarief.regels


def huishoudregels(
    *,
    maand: dt.date,
    nieuw: LopendeVoorziening,
    anderen: Sequence[LopendeVoorziening],
    tarief_per_maand: Decimal,
) -> tuple[Regel, ...]:
    """One abonnementstarief per household: the first month of ``nieuw`` next to the household's
    other reported voorzieningen running then."""
    maandbijdrage = huishoudbijdrage(
        maand=maand, voorzieningen=[*anderen, nieuw], tarief_per_maand=tarief_per_maand
    )
    regels = list(maandbijdrage.regels)
    if anderen:
        regels.append(
            Regel(
                "FIN-12",
                f"Het huishouden heeft al {len(anderen)} lopende voorziening(en) met eigen "
                "bijdrage: het betaalt één abonnementstarief, niet één per voorziening.",
            )
        )
    return tuple(regels)


def mutatiesoort(*, beeindiging: bool, was_gemeld: bool, melden: bool) -> Mutatiesoort | None:
    """The change the CAK hears of, or None when it hears of nothing."""
    if beeindiging:
        return "stop" if was_gemeld else ("start" if melden else None)
    if was_gemeld:
        return "wijziging" if melden else "stop"
    return "start" if melden else None
