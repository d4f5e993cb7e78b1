"""FIN-07: the term for the proof of payment, and receiving the proof (FIN-04 for an invoice)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from wmo_finance.domain.kostprijs import Factuur, controleer_factuur
from wmo_finance.domain.maanden import plus_maanden
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.domain.tegemoetkoming.leven import (
    Betaalmoment,
    OngeldigeOvergang,
    S,
    Tegemoetkoming,
    met_overgang,
)
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class BewijsTermijn:
    grondslag: dt.date  # besluitdatum, or aanschaf-/factuurdatum
    uiterlijk: dt.date
    regels: tuple[Regel, ...]


def bewijs_termijn(
    betaalmoment: Betaalmoment,
    *,
    beleid: TegemoetkomingBeleid,
    besluitdatum: dt.date | None = None,
    aanschafdatum: dt.date | None = None,
    factuurdatum: dt.date | None = None,
) -> BewijsTermijn:
    """FIN-07: the proof is due ``bewijs_termijn_maanden`` calendar months after the besluit
    (paid before purchase) or after the purchase/invoice date (paid after purchase); a day that
    does not exist in the target month becomes its last day (30 Nov + 3 = 28/29 Feb).

    With both a purchase and an invoice date the later one counts, so a client who receives the
    invoice after delivery keeps the full term."""
    maanden = beleid.bewijs_termijn_maanden
    if betaalmoment is Betaalmoment.voor_aanschaf:
        if besluitdatum is None:
            raise ValueError("besluitdatum is nodig bij betaling vóór aanschaf")
        grondslag = besluitdatum
        waarvan = f"na de besluitdatum {besluitdatum.isoformat()}"
    else:
        datums = [d for d in (aanschafdatum, factuurdatum) if d is not None]
        if not datums:
            raise ValueError("aanschaf- of factuurdatum is nodig bij betaling na aanschaf")
        grondslag = max(datums)
        waarvan = f"na de aanschaf-/factuurdatum {grondslag.isoformat()}"
    uiterlijk = plus_maanden(grondslag, maanden)
    toelichting = (
        f"Het betaalbewijs moet binnen {maanden} maanden {waarvan} binnen zijn: uiterlijk "
        f"{uiterlijk.isoformat()}."
    )
    return BewijsTermijn(grondslag, uiterlijk, (Regel("FIN-07", toelichting),))


def ontvang_bewijs(
    t: Tegemoetkoming,
    *,
    ontvangen_op: dt.date,
    beleid: TegemoetkomingBeleid,
    factuur: Factuur | None = None,
    aanschafdatum: dt.date | None = None,
) -> Tegemoetkoming:
    """The invoice or other proof of payment arrives.

    An invoice must be complete (FIN-04). After purchase the term runs from the purchase or
    invoice date. A late proof is still accepted while nothing was recovered: the client must
    always get the chance to send it (FIN-07); the lateness is recorded.
    """
    regels: list[Regel] = []
    factuurdatum = None
    if factuur is not None:
        volledigheid = controleer_factuur(factuur)
        if not volledigheid.volledig:
            raise OngeldigeOvergang(
                "FIN-04",
                "De factuur mist: " + ", ".join(volledigheid.ontbrekend) + ".",
                veld="factuur",
            )
        regels.extend(volledigheid.regels)
        factuurdatum = factuur.factuurdatum
        aanschafdatum = aanschafdatum or factuur.afleverdatum
    uiterlijk = t.bewijs_uiterlijk
    if t.betaalmoment is Betaalmoment.na_aanschaf:
        if aanschafdatum is None and factuurdatum is None:
            raise OngeldigeOvergang(
                "FIN-07",
                "Bij betaling na aanschaf is de aanschaf- of factuurdatum nodig.",
                veld="factuur" if factuur is not None else "aanschafdatum",
            )
        termijn = bewijs_termijn(
            t.betaalmoment, beleid=beleid, aanschafdatum=aanschafdatum, factuurdatum=factuurdatum
        )
        uiterlijk = termijn.uiterlijk
        regels.extend(termijn.regels)
    if uiterlijk is not None and ontvangen_op > uiterlijk:
        regels.append(
            Regel(
                "FIN-07",
                f"Het betaalbewijs kwam op {ontvangen_op.isoformat()}, na de termijn "
                f"({uiterlijk.isoformat()}); het wordt alsnog aanvaard.",
            )
        )
    else:
        regels.append(Regel("FIN-07", f"Betaalbewijs ontvangen op {ontvangen_op.isoformat()}."))
    return replace(
        t,
        status=S.bewijs_ontvangen,
        historie=met_overgang(t, S.bewijs_ontvangen, ontvangen_op, tuple(regels)),
        bewijs_ontvangen_op=ontvangen_op,
        bewijs_uiterlijk=uiterlijk,
    )
