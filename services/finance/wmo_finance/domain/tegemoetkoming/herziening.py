"""FIN-07: a revision after a failed check against the programma van eisen, through the
client's fault: a lower amount (herzien) or nil (ingetrokken)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from wmo_finance.domain.geld import NUL, euro, is_hele_centen
from wmo_finance.domain.tegemoetkoming.leven import (
    OngeldigeOvergang,
    S,
    Tegemoetkoming,
    met_overgang,
)
from wmo_shared.regels import Regel


def herzie_na_pve(
    t: Tegemoetkoming, *, datum: dt.date, nieuw_bedrag: Decimal, verwijtbaar: bool
) -> Tegemoetkoming:
    """A check against the programma van eisen failed: the amount goes down (herzien) or to nil
    (ingetrokken), but only when the client can be blamed (FIN-07)."""
    if not {S.herzien, S.ingetrokken} & t.volgende_statussen():
        raise OngeldigeOvergang(
            "FIN-07",
            f"Een tegemoetkoming in status '{t.status}' kan niet worden herzien.",
            soort="conflict",
        )
    if not verwijtbaar:
        raise OngeldigeOvergang(
            "FIN-07",
            "De voorziening voldoet niet aan het programma van eisen, maar dat is de inwoner "
            "niet aan te rekenen: geen herziening.",
            veld="verwijtbaar",
        )
    if nieuw_bedrag < 0 or nieuw_bedrag >= t.bedrag or not is_hele_centen(nieuw_bedrag):
        raise OngeldigeOvergang(
            "FIN-07",
            f"Het herziene bedrag moet lager zijn dan {euro(t.bedrag)}, niet negatief en in "
            "hele centen.",
            veld="nieuwBedrag",
        )
    naar = S.ingetrokken if nieuw_bedrag == 0 else S.herzien
    terug = max(NUL, t.betaald_bedrag - nieuw_bedrag)
    toelichting = (
        f"De voorziening voldoet door toedoen van de inwoner niet aan het programma van eisen: "
        f"de tegemoetkoming gaat van {euro(t.bedrag)} naar {euro(nieuw_bedrag)}"
        + (f"; terug te vorderen {euro(terug)}." if terug else ".")
    )
    return replace(
        t,
        status=naar,
        historie=met_overgang(t, naar, datum, (Regel("FIN-07", toelichting),)),
        bedrag=nieuw_bedrag,
        terug_te_vorderen=terug,
    )
