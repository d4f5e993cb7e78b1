"""FIN-07: the payment, before purchase or after the proof."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from wmo_finance.domain.geld import euro
from wmo_finance.domain.tegemoetkoming.leven import Betaalmoment, S, Tegemoetkoming, met_overgang
from wmo_shared.regels import Regel


def betaal(t: Tegemoetkoming, *, betaald_op: dt.date) -> Tegemoetkoming:
    """toegekend → betaald (before purchase) or bewijs_ontvangen → betaald (after purchase)."""
    if t.betaalmoment is Betaalmoment.voor_aanschaf:
        toelichting = f"{euro(t.bedrag)} betaald vóór de aanschaf."
    else:
        toelichting = f"{euro(t.bedrag)} betaald na ontvangst van het betaalbewijs."
    return replace(
        t,
        status=S.betaald,
        historie=met_overgang(t, S.betaald, betaald_op, (Regel("FIN-07", toelichting),)),
        betaald_op=betaald_op,
        betaald_bedrag=t.bedrag,
    )
