"""A beschikking rests on real decisions (issue 12.1): the indicatie, pgb besluit or
tegemoetkoming a maatwerkvoorziening refers to exists, is the cliënt's own in this gemeente and
is decided; its numbers are taken over, not typed again (a typed value that differs is refused);
omvang and duur above the recorded indicatie need a written motivering (IND-12).

Pure: the decisions come in as the owners' contracts (``wmo_shared.contracts``), fetched by the
service layer before its transaction; what goes out is the voorziening's values with the rules
that set them, or a ``Weigering`` naming the field and the rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from wmo_shared.contracts import IndicatieBesluit, PgbBesluit, TegemoetkomingBesluit
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

T = TypeVar("T")

OmvangWaarde = tuple[int, str, str]
"""iWmo omvang: (volume, eenheid WMO757, frequentie WMO760)."""

# iWmo eenheid → (the indicatie's unit, its share of one): minutes and hours count as hours.
_EENHEDEN: dict[str, tuple[str, Fraction]] = {
    "01": ("uur", Fraction(1, 60)),
    "04": ("uur", Fraction(1)),
    "16": ("dagdeel", Fraction(1)),
}
_INDICATIE_EENHEID = {"uur_per_week": "uur", "dagdelen_per_week": "dagdeel"}
# iWmo frequentie → times per week ("6" totaal: over the weeks of the period).
_PER_WEEK = {"1": Fraction(7), "2": Fraction(1), "4": Fraction(12, 52)}
BESLOTEN_TEGEMOETKOMING = frozenset({"toegekend", "betaald", "bewijs_ontvangen", "herzien"})


@dataclass(frozen=True)
class Feiten:
    """The values of one maatwerkvoorziening: typed (None where left out), then taken over."""

    begindatum: dt.date | None
    einddatum: dt.date | None
    omvang: OmvangWaarde | None
    kostprijs: Decimal | None
    bedrag: Decimal | None
    eigen_bijdrage: bool
    motivering_afwijking: str | None = None
    regels: tuple[Regel, ...] = ()


def veldnaam(i: int, naam: str) -> str:
    return f"maatwerkvoorzieningen.{i}.{naam}"


def toets_eigenaar(
    veld: str,
    wat: str,
    gevonden: bool,
    bsn_besluit: str | None,
    gemeente_besluit: str | None,
    bsn: str,
    gemeente: str,
) -> None:
    """The decision exists in this gemeente (``onbekende-verwijzing``) and is this cliënt's
    (``andere-client``); both 400 naming the field."""
    if not gevonden or (gemeente_besluit is not None and gemeente_besluit != gemeente):
        raise Weigering(
            "onbekende-verwijzing", f"Er is geen {wat} met dit id in uw gemeente.", veld=veld
        )
    if bsn_besluit != bsn:
        raise Weigering(
            "andere-client",
            f"De {wat} hoort bij een andere cliënt dan die van deze zaak.",
            veld=veld,
        )


def toets_aanvraag(
    veld: str, wat: str, aanvraag_besluit: object | None, aanvraag: object | None
) -> None:
    """A toekenning on an aanvraag rests on a decision for that aanvraag, where the decision
    names one (``andere-aanvraag``, 400 naming the field)."""
    if aanvraag is not None and aanvraag_besluit is not None and aanvraag_besluit != aanvraag:
        raise Weigering(
            "andere-aanvraag",
            f"De {wat} is vastgelegd voor een andere aanvraag dan die van deze beschikking.",
            veld=veld,
        )


def neem_besloten_over(veld: str, getypt: T | None, besloten: T, wat: str, regel: Regel) -> T:
    """The decision's value; one typed again must be the same (``wijkt-af-van-besluit``)."""
    if getypt is None or getypt == besloten:
        return besloten
    reden = (
        f"{wat} staat in het besluit op {besloten}, niet op {getypt}; laat het veld leeg, dan "
        "wordt het overgenomen."
    )
    raise Weigering("wijkt-af-van-besluit", reden, veld=veld, regels=[Regel(regel.rule, reden)])


def omvang_per_week(
    omvang: OmvangWaarde, begindatum: dt.date | None, einddatum: dt.date | None
) -> tuple[str, Fraction] | None:
    """The omvang as (unit, amount per week), comparable with an indicatie; None when it is
    not (another unit, or a total without a period)."""
    volume, eenheid, frequentie = omvang
    if eenheid not in _EENHEDEN:
        return None
    soort, deel = _EENHEDEN[eenheid]
    if frequentie in _PER_WEEK:
        return soort, volume * deel * _PER_WEEK[frequentie]
    if frequentie == "6" and begindatum is not None and einddatum is not None:
        weken = Fraction((einddatum - begindatum).days + 1, 7)
        return soort, volume * deel / weken
    return None


def _omvang_van_indicatie(besluit: IndicatieBesluit) -> OmvangWaarde | None:
    waarde = besluit.omvang.waarde
    if besluit.omvang.eenheid == "uur_per_week":
        minuten = waarde * 60
        return (int(minuten), "01", "2") if minuten == int(minuten) and minuten > 0 else None
    return (int(waarde), "16", "2") if waarde == int(waarde) and waarde > 0 else None


def _boven(veld: str, wat: str, motivering: str | None) -> Regel:
    """IND-12: above the indicatie only with a written motivering (``boven-indicatie``)."""
    if motivering is None or not motivering.strip():
        reden = (
            f"{wat} ligt boven de vastgelegde indicatie; dat kan alleen met een schriftelijke "
            "motivering (motiveringAfwijking)."
        )
        raise Weigering("boven-indicatie", reden, veld=veld, regels=[Regel("IND-12", reden)])
    return Regel("IND-12", f"{wat} ligt boven de vastgelegde indicatie. Motivering: {motivering}")


def over_indicatie(i: int, f: Feiten, besluit: IndicatieBesluit) -> Feiten:
    """An actief indicatie (else 409 ``indicatie-niet-actief``, IND-04); its begindatum,
    einddatum and omvang are taken over when left out, and may only be exceeded with a
    motivering (IND-12)."""
    if besluit.status != "actief":
        reden = (
            f"De indicatie is {besluit.status}"
            + (
                f" (de geldende versie is {besluit.vervangen_door_id})"
                if besluit.vervangen_door_id
                else ""
            )
            + "; een beschikking rust op de actieve, vastgelegde indicatie."
        )
        raise Weigering(
            "indicatie-niet-actief",
            reden,
            veld=veldnaam(i, "indicatieId"),
            regels=[Regel("IND-04", reden)],
            soort="conflict",
        )
    begin = f.begindatum or besluit.begindatum
    einde = f.einddatum if f.einddatum is not None else besluit.einddatum
    omvang = f.omvang or _omvang_van_indicatie(besluit)
    regels = [
        Regel(
            "IND-04",
            f"Op de indicatie {besluit.profiel}: {besluit.omvang.waarde} "
            f"{besluit.omvang.eenheid.replace('_', ' ')}, van {besluit.begindatum}"
            + (f" tot en met {besluit.einddatum}." if besluit.einddatum else ", onbeperkt."),
        )
    ]
    if begin < besluit.begindatum or (
        besluit.einddatum is not None and (einde is None or einde > besluit.einddatum)
    ):
        veld = "begindatum" if begin < besluit.begindatum else "einddatum"
        regels.append(_boven(veldnaam(i, veld), "De duur", f.motivering_afwijking))
    if omvang is not None:
        per_week = omvang_per_week(omvang, begin, einde)
        eenheid = _INDICATIE_EENHEID[besluit.omvang.eenheid]
        if per_week is None or per_week[0] != eenheid:
            reden = (
                f"De omvang is niet te vergelijken met de indicatie ({besluit.omvang.eenheid}); "
                "geef haar in uren of minuten (of dagdelen) per dag, week, maand of periode."
            )
            raise Weigering(
                "omvang-onvergelijkbaar",
                reden,
                veld=veldnaam(i, "omvang"),
                regels=[Regel("IND-04", reden)],
            )
        if per_week[1] > Fraction(besluit.omvang.waarde):
            regels.append(_boven(veldnaam(i, "omvang"), "De omvang", f.motivering_afwijking))
    return replace(f, begindatum=begin, einddatum=einde, omvang=omvang, regels=(*f.regels, *regels))


def over_pgb(i: int, f: Feiten, besluit: PgbBesluit) -> Feiten:
    """A toegekend pgb with its budget (else 409 ``pgb-niet-toegekend``): the budget's amount
    and period are the voorziening's (PGB-11)."""
    budget = besluit.budget
    if besluit.besluit != "toegekend" or budget is None or budget.status == "ingetrokken":
        stand = besluit.besluit or "nog niet besloten"
        reden = f"Het pgb is niet toegekend ({stand}); een beschikking rust op een toegekend pgb."
        raise Weigering(
            "pgb-niet-toegekend",
            reden,
            veld=veldnaam(i, "pgbPlanId"),
            regels=[Regel(r, reden) for r in (besluit.rules or ["PGB-02"])],
            soort="conflict",
        )
    regel = Regel("PGB-11", f"Het pgb-budget van de pgb-service: € {budget.bedrag}.")
    return replace(
        f,
        begindatum=neem_besloten_over(
            veldnaam(i, "begindatum"), f.begindatum, budget.ingangsdatum, "De begindatum", regel
        ),
        einddatum=neem_besloten_over(
            veldnaam(i, "einddatum"), f.einddatum, budget.einddatum, "De einddatum", regel
        ),
        bedrag=neem_besloten_over(
            veldnaam(i, "bedrag"), f.bedrag, budget.bedrag, "Het budget", regel
        ),
        regels=(
            *f.regels,
            Regel(
                "PGB-11",
                f"Pgb-budget € {budget.bedrag} van {budget.ingangsdatum} tot en met "
                f"{budget.einddatum}, overgenomen uit het besluit van de pgb-service.",
            ),
        ),
    )


def over_tegemoetkoming(i: int, f: Feiten, besluit: TegemoetkomingBesluit) -> Feiten:
    """A toegekend tegemoetkoming (else 409 ``niet-besloten``, FIN-07): its amount (FIN-01) and
    kostprijs (FIN-03) are taken over; its eigen bijdrage is finance's regime (FIN-08), so the
    voorziening has eigen bijdrage."""
    veld = veldnaam(i, "tegemoetkomingId")
    if besluit.status not in BESLOTEN_TEGEMOETKOMING:
        reden = f"De tegemoetkoming is {besluit.status}; een beschikking rust op een toegekende."
        raise Weigering(
            "niet-besloten", reden, veld=veld, regels=[Regel("FIN-07", reden)], soort="conflict"
        )
    if not f.eigen_bijdrage:
        reden = (
            "Op een financiële tegemoetkoming rust de eigen bijdrage van het besluit van finance "
            "(FIN-08): eigenBijdrage false spreekt dat tegen."
        )
        raise Weigering(
            "wijkt-af-van-besluit",
            reden,
            veld=veldnaam(i, "eigenBijdrage"),
            regels=[Regel("FIN-08", reden)],
        )
    bedrag = Regel("FIN-01", "Het toegekende bedrag van finance.")
    kostprijs = Regel("FIN-03", "De goedkoopst adequate kostprijs van finance.")
    regime = besluit.eigen_bijdrage
    return replace(
        f,
        bedrag=neem_besloten_over(
            veldnaam(i, "bedrag"), f.bedrag, besluit.bedrag, "Het bedrag", bedrag
        ),
        kostprijs=neem_besloten_over(
            veldnaam(i, "kostprijs"), f.kostprijs, besluit.kostprijs, "De kostprijs", kostprijs
        ),
        begindatum=f.begindatum or besluit.besluitdatum,
        regels=(
            *f.regels,
            Regel(
                "FIN-01",
                f"Financiële tegemoetkoming € {besluit.bedrag} (kostprijs € {besluit.kostprijs}, "
                f"{besluit.percentage}%), overgenomen uit het besluit van finance.",
            ),
            Regel(
                "FIN-08",
                f"Eigen bijdrage € {regime.per_maand} per maand, ten hoogste {regime.max_maanden} "
                f"maanden en nooit meer dan € {regime.plafond}: de regeling van finance.",
            ),
        ),
    )


def niet_besloten(veld: str, wat: str, toelichting: str, regel: str) -> Weigering:
    """The owner knows the id but has no decision yet (409 ``niet-besloten``)."""
    reden = f"De {wat} is nog niet besloten" + (f": {toelichting}" if toelichting else ".")
    return Weigering(
        "niet-besloten", reden, veld=veld, regels=[Regel(regel, reden)], soort="conflict"
    )


def eis_begindatum(i: int, begindatum: dt.date | None) -> dt.date:
    """``verplicht``: a voorziening starts on a date, typed or taken over from its pgb,
    indicatie or tegemoetkoming."""
    if begindatum is None:
        raise Weigering(
            "verplicht",
            "Noem de begindatum (zonder pgb, indicatie of tegemoetkoming om haar uit over "
            "te nemen).",
            veld=veldnaam(i, "begindatum"),
        )
    return begindatum


def zelfde_product(
    i: int, productcategorie: str, productcode: str, besluit: IndicatieBesluit
) -> None:
    """The product of the voorziening is the product the indicatie was recorded for (IND-04:
    the aard and perceel of the indicatie decide the product; a beschikking cannot grant
    another one on it). A difference is a 400 naming the field (``wijkt-af-van-besluit``)."""
    for naam, getypt, besloten in (
        ("productcategorie", productcategorie, besluit.productcategorie),
        ("productcode", productcode, besluit.productcode),
    ):
        if getypt != besloten:
            reden = (
                f"De indicatie is vastgelegd voor {naam} {besloten}, niet {getypt}; een "
                "beschikking op deze indicatie kent dat product toe (of rust op een andere "
                "indicatie)."
            )
            raise Weigering(
                "wijkt-af-van-besluit",
                reden,
                veld=veldnaam(i, naam),
                regels=[Regel("IND-04", reden)],
            )


def pgb_nog_niet_beschikt(i: int, budgetstatus: str | None, al_in_intake: bool) -> None:
    """A pgb budget is granted by one toekenning (PGB-11): a second toekenning on a budget
    pgb already reports as ``beschikt``, or that a toekenning in intake already rests on, is a
    409 naming the field (``pgb-al-beschikt``); a herziening changes that beschikking instead."""
    if budgetstatus == "beschikt" or al_in_intake:
        reden = (
            "Op dit pgb rust al een toekenning: het budget is beschikt. Wijzig die beschikking "
            "met een herziening in plaats van het opnieuw toe te kennen."
        )
        raise Weigering(
            "pgb-al-beschikt",
            reden,
            veld=veldnaam(i, "pgbPlanId"),
            regels=[Regel("PGB-11", reden)],
            soort="conflict",
        )
