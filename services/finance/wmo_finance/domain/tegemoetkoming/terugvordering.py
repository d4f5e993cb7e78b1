"""FIN-07: recovering what was paid: no proof after the term and the chance given, or what was
paid above a revised amount."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from wmo_finance.domain.geld import euro
from wmo_finance.domain.tegemoetkoming.leven import (
    OngeldigeOvergang,
    S,
    Tegemoetkoming,
    met_overgang,
)
from wmo_shared.regels import Regel


def vorder_terug(t: Tegemoetkoming, *, datum: dt.date, gelegenheid_gegeven: bool) -> Tegemoetkoming:
    """→ teruggevorderd. Paid before purchase without proof: only after the term has passed and
    after the client had the chance to still buy or send proof. After a revision: what was paid
    above the revised amount."""
    if t.status is S.betaald:
        if t.bewijs_uiterlijk is None or datum <= t.bewijs_uiterlijk:
            raise OngeldigeOvergang(
                "FIN-07",
                "De termijn voor het betaalbewijs is nog niet verstreken.",
                veld="terugvorderingsdatum",
            )
        if not gelegenheid_gegeven:
            raise OngeldigeOvergang(
                "FIN-07",
                "De inwoner moet eerst de gelegenheid krijgen de voorziening alsnog aan te "
                "schaffen of het bewijs alsnog in te leveren.",
                veld="gelegenheidGegeven",
            )
        bedrag = t.betaald_bedrag
        toelichting = (
            f"Geen betaalbewijs binnen de termijn (tot {t.bewijs_uiterlijk.isoformat()}) en ook "
            f"na de geboden gelegenheid niet: {euro(bedrag)} wordt teruggevorderd."
        )
    else:
        bedrag = t.terug_te_vorderen
        toelichting = f"Na de herziening wordt {euro(bedrag)} teruggevorderd."
    return replace(
        t,
        status=S.teruggevorderd,
        historie=met_overgang(t, S.teruggevorderd, datum, (Regel("FIN-07", toelichting),)),
        terug_te_vorderen=bedrag,
        teruggevorderd_bedrag=bedrag,
    )
