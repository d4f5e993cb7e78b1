"""Checks on a beschikking (INT-04) and on sending it: its grondslag (an aanvraag, INT-09 without
one, INT-10 afterwards on spoed), what each soort must and must not contain, the references each
leveringsvorm needs, and the step of the case that sending it is."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Protocol

from wmo_intake.domain.datums import op_volgorde, tussen
from wmo_intake.domain.melding import GEEN_AANVRAAG_KANALEN
from wmo_intake.domain.zaakstatus import (
    GeenAanvraagGrond,
    Overgangsfeiten,
    Spoedgrond,
    Zaakgebeurtenis,
    toets_spoedbeschikking,
)
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

BEGELEIDING = frozenset({"02"})
"""Productcategorieën of begeleiding: these refer to an indicatie of the indicatie service."""

WIJZIGINGEN = ("herziening", "intrekking")


PRODUCTCATEGORIEEN = frozenset(f"{n:02d}" for n in range(1, 19))
"""iWmo WMO020: 01..18."""
KOSTPRIJS_BEGRENST = frozenset({"11", "12", "13", "14"})
"""Rolstoelen, vervoervoorzieningen, woonvoorzieningen, overige hulpmiddelen: their eigen
bijdrage is never more than their kostprijs, so the CAK must know it (FIN-09, FIN-12)."""


class Voorziening(Protocol):
    """A maatwerkvoorziening as the beschikking asks for it."""

    @property
    def leveringsvorm(self) -> str: ...
    @property
    def productcategorie(self) -> str: ...
    @property
    def begindatum(self) -> dt.date | None: ...
    @property
    def einddatum(self) -> dt.date | None: ...
    @property
    def pgb_plan_id(self) -> uuid.UUID | None: ...
    @property
    def tegemoetkoming_id(self) -> uuid.UUID | None: ...
    @property
    def eenmalig_pgb_id(self) -> uuid.UUID | None: ...
    @property
    def indicatie_id(self) -> uuid.UUID | None: ...
    @property
    def vervangt_id(self) -> uuid.UUID | None: ...
    @property
    def eigen_bijdrage(self) -> bool: ...
    @property
    def kostprijs(self) -> Decimal | None: ...


def toets_besluitdatum(besluitdatum: dt.date, melding_ontvangen: dt.date, vandaag: dt.date) -> None:
    tussen(
        "besluitdatum",
        besluitdatum,
        melding_ontvangen,
        vandaag,
        "De besluitdatum ligt vóór de melding of in de toekomst.",
    )


def toets_zaak_open(status: str) -> None:
    """A case that ended takes no beschikking (409 ``ongeldige-statusovergang``)."""
    if status == "beeindigd":
        raise Weigering(
            "ongeldige-statusovergang",
            "De zaak is beëindigd (status 'beeindigd'); er kan geen beschikking meer bij.",
            soort="conflict",
        )


def grondslag(soort: str, met_aanvraag: bool, kanaal: str, status: str) -> str:
    """On what the beschikking rests: the change it makes, the aanvraag, a melding that needs
    no aanvraag (INT-09) or a temporary voorziening on spoed (INT-10); else
    ``aanvraag-ontbreekt`` (INT-09)."""
    if soort in WIJZIGINGEN:
        return soort
    if met_aanvraag:
        return "aanvraag"
    if kanaal in GEEN_AANVRAAG_KANALEN:
        return kanaal
    if status == "tijdelijke_voorziening":
        return "spoed"
    reden = (
        "Een besluit zonder aanvraag kan alleen bij een melding via het transferpunt van een "
        "ziekenhuis of bij opname in een hospice (INT-09), of achteraf bij spoed (INT-10)."
    )
    raise Weigering("aanvraag-ontbreekt", reden, veld="aanvraagId", regels=[Regel("INT-09", reden)])


def vorige_nodig(soort: str, vorige_beschikking_id: uuid.UUID | None) -> bool:
    """A herziening or intrekking names the beschikking it changes (``verplicht``); another
    soort names none (``niet-toegestaan``)."""
    if soort in WIJZIGINGEN:
        if vorige_beschikking_id is None:
            raise Weigering(
                "verplicht",
                "Een herziening of intrekking verwijst naar de beschikking die zij wijzigt.",
                veld="vorigeBeschikkingId",
            )
        return True
    if vorige_beschikking_id is not None:
        raise Weigering(
            "niet-toegestaan", "Alleen bij herziening of intrekking.", veld="vorigeBeschikkingId"
        )
    return False


def toets_vorige(verzonden: bool) -> None:
    """Only a sent beschikking of the same case changes (``onbekend``)."""
    if not verzonden:
        raise Weigering(
            "onbekend",
            "Alleen een verzonden beschikking van deze zaak kan worden herzien of ingetrokken.",
            veld="vorigeBeschikkingId",
        )


def _toets_voorziening(v: Voorziening, i: int) -> None:
    veld = f"maatwerkvoorzieningen[{i}]"
    op_volgorde(
        f"{veld}.einddatum", v.begindatum, v.einddatum, "De einddatum ligt vóór de begindatum."
    )
    _toets_voor_het_cak(v, veld)
    if v.leveringsvorm == "pgb" and v.pgb_plan_id is None:
        raise Weigering(
            "verplicht",
            "Een pgb verwijst naar het pgb-plan en het besluit van de pgb-service.",
            veld=f"{veld}.pgbPlanId",
        )
    if v.leveringsvorm == "financiele_tegemoetkoming" and v.tegemoetkoming_id is None:
        raise Weigering(
            "verplicht",
            "Een financiële tegemoetkoming verwijst naar de berekening van finance.",
            veld=f"{veld}.tegemoetkomingId",
        )
    if v.leveringsvorm == "eenmalig_pgb" and v.eenmalig_pgb_id is None:
        raise Weigering(
            "verplicht",
            "Een eenmalig pgb verwijst naar het eenmalig pgb dat finance verstrekte (FIN-05).",
            veld=f"{veld}.eenmaligPgbId",
        )
    if v.leveringsvorm != "eenmalig_pgb" and v.eenmalig_pgb_id is not None:
        raise Weigering(
            "niet-toegestaan",
            "Alleen een voorziening in de vorm van een eenmalig pgb verwijst naar een eenmalig "
            "pgb.",
            veld=f"{veld}.eenmaligPgbId",
        )
    if (
        v.productcategorie in BEGELEIDING
        and v.leveringsvorm not in ("financiele_tegemoetkoming", "eenmalig_pgb")
        and v.indicatie_id is None
    ):
        raise Weigering(
            "verplicht",
            "Begeleiding verwijst naar de indicatie van de indicatie-service.",
            veld=f"{veld}.indicatieId",
        )


def _toets_voor_het_cak(v: Voorziening, veld: str) -> None:
    """Issue 12.4, at the source: what the CAK register would refuse is refused here, before
    any event leaves: a productcategorie outside iWmo's 01..18, and a hulpmiddel or
    woonvoorziening with eigen bijdrage without the kostprijs that caps it."""
    if v.productcategorie not in PRODUCTCATEGORIEEN:
        raise Weigering(
            "onbekende-waarde",
            "Onbekende iWmo-productcategorie (01..18).",
            veld=f"{veld}.productcategorie",
        )
    if v.eigen_bijdrage and v.productcategorie in KOSTPRIJS_BEGRENST and v.kostprijs is None:
        reden = (
            "De eigen bijdrage voor een hulpmiddel of woonvoorziening is in totaal nooit hoger "
            "dan de kostprijs; het CAK moet die kennen: vul de kostprijs in."
        )
        raise Weigering(
            "verplicht", reden, veld=f"{veld}.kostprijs", regels=[Regel("FIN-12", reden)]
        )


def toets_inhoud(
    soort: str,
    voorzieningen: Sequence[Voorziening],
    redenen: Sequence[str],
    beeindigingsdatum: dt.date | None,
    vorige_voorzieningen: Collection[uuid.UUID],
) -> None:
    """A toekenning or herziening grants at least one voorziening, an afwijzing or intrekking
    none; an afwijzing gives its reasons, an intrekking the last day; each voorziening has the
    references of its leveringsvorm and replaces only one of the previous beschikking."""
    if soort in ("toekenning", "herziening") and not voorzieningen:
        raise Weigering(
            "leeg",
            "Een toekenning kent minstens één voorziening toe.",
            veld="maatwerkvoorzieningen",
        )
    if soort in ("afwijzing", "intrekking") and voorzieningen:
        raise Weigering(
            "niet-toegestaan",
            f"Een {soort} kent geen voorzieningen toe.",
            veld="maatwerkvoorzieningen",
        )
    if soort == "afwijzing" and not any(r.strip() for r in redenen):
        raise Weigering(
            "verplicht",
            "Een afwijzing noemt de redenen waarom niets wordt toegekend.",
            veld="redenen",
        )
    if soort == "intrekking" and beeindigingsdatum is None:
        raise Weigering(
            "verplicht", "Noem de laatste dag van de voorzieningen.", veld="beeindigingsdatum"
        )
    for i, v in enumerate(voorzieningen):
        _toets_voorziening(v, i)
        if v.vervangt_id is not None and v.vervangt_id not in vorige_voorzieningen:
            raise Weigering(
                "onbekend",
                "Deze voorziening staat niet in de vorige beschikking.",
                veld=f"maatwerkvoorzieningen[{i}].vervangtId",
            )


def regels_bij_opstellen(grondslag: str) -> list[Regel]:
    regels = [
        Regel(
            "INT-04",
            "Tegen deze beschikking kan de cliënt binnen zes weken na verzending bezwaar maken; "
            "de termijn staat in de beschikking.",
        )
    ]
    if grondslag in GEEN_AANVRAAG_KANALEN:
        regels.append(
            Regel("INT-09", "Besluit zonder aanvraag; de eigen bijdrage is van toepassing.")
        )
    return regels


def toets_verzending(
    verzonden_op: dt.datetime | None,
    verzonden_datum: dt.date | None,
    verzenddatum: dt.date,
    besluitdatum: dt.date,
    vandaag: dt.date,
) -> None:
    """A beschikking is sent once (409 ``beschikking-verzonden``), on or after its besluitdatum
    and not in the future."""
    if verzonden_op is not None:
        raise Weigering(
            "beschikking-verzonden",
            f"Deze beschikking is al verzonden op {verzonden_datum} en verandert niet meer; "
            "een wijziging is een nieuwe beschikking (herziening of intrekking).",
            soort="conflict",
        )
    tussen(
        "verzenddatum",
        verzenddatum,
        besluitdatum,
        vandaag,
        "De verzenddatum ligt vóór de besluitdatum of in de toekomst.",
    )


def stap_bij_verzending(
    soort: str, grondslag: str, status: str, spoed: Spoedgrond | None
) -> tuple[Zaakgebeurtenis | None, Overgangsfeiten]:
    """The step of the case that sending this beschikking is (None: a herziening of a running
    voorziening leaves the case where it is)."""
    if soort == "afwijzing":
        return Zaakgebeurtenis.AFWIJZING_VERZONDEN, Overgangsfeiten()
    if soort == "intrekking":
        return Zaakgebeurtenis.VOORZIENING_BEEINDIGD, Overgangsfeiten()
    if grondslag in GEEN_AANVRAAG_KANALEN and status == "melding":
        return Zaakgebeurtenis.BESLUIT_ZONDER_AANVRAAG, Overgangsfeiten(
            geen_aanvraag_grond=GeenAanvraagGrond(grondslag)
        )
    if soort == "herziening" and status in ("beschikking", "opdracht", "herindicatie"):
        # A herziening of a running voorziening, also while its herindicatie runs (issue
        # 14.4: an evaluatie that changes it), leaves the case where it is.
        return None, Overgangsfeiten()
    return Zaakgebeurtenis.TOEKENNING_VERZONDEN, Overgangsfeiten(spoed=spoed)


def toets_spoed_achteraf(
    status: str, spoed: Spoedgrond | None, voorwaarden: Sequence[str], bron: str
) -> None:
    """INT-10 (``spoedvoorwaarden``): a beschikking after a temporary voorziening meets the
    gemeente's conditions for deciding afterwards (``voorwaarden`` of its policy for this kind
    of urgency), naming each one missing."""
    if status != "tijdelijke_voorziening" or spoed is None:
        return
    achteraf = toets_spoedbeschikking(spoed, voorwaarden, bron)
    if achteraf.voldaan:
        return
    raise Weigering(
        "spoedvoorwaarden",
        achteraf.regels[-1].toelichting,
        velden=[
            (f"spoedgrond.{o}", r.toelichting)
            for o, r in zip(achteraf.ontbrekend, achteraf.regels, strict=False)
        ],
        regels=achteraf.regels,
    )
