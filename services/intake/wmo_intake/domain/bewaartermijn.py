"""The bewaartermijn of a cliënt's file (issue 14.5): personal data is kept no longer than
needed (AVG art. 5 lid 1 sub e, opslagbeperking). Neither seed gives a term: it is a policy value
beheer sets (``bewaartermijn-jaren``); until then the destruction list cannot be drawn up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

RULE = "AVG-5.1e"


def eis_bewaartermijn(
    waarde: Decimal | None, gemeente: str, peildatum: dt.date, sleutel: str
) -> int:
    """The term in whole years, or ``beleidswaarde-ontbreekt`` naming how beheer sets it."""
    if waarde is None:
        reden = (
            f"De bewaartermijn is voor gemeente {gemeente} op {peildatum.isoformat()} niet "
            "vastgesteld: de seeds noemen geen termijn. Beheer stelt haar vast met POST "
            f"/api/v1/beleidswaarden (sleutel {sleutel})."
        )
        raise Weigering(
            "beleidswaarde-ontbreekt", reden, veld="bewaartermijn", regels=[Regel(RULE, reden)]
        )
    return int(waarde)
