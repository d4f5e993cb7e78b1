"""The operator's view of the werkvoorraad (issue 17.1): per gemeente and soort the number of
open terms whose deadline has passed, as the gauge ``wmo_werkvoorraad_termijnen_verlopen`` that
the alert WmoTermijnenVerlopen and the dashboard read. Computed at a scrape, at most once per
``INTERVAL`` (the query covers a whole gemeente's werkvoorraad; several Prometheus replicas
scraping every 30 s should not run it each time); a failure counts as a scrape error."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wmo_intake.db import werkvoorraad
from wmo_intake.service.werkvoorraad import REGEL
from wmo_shared.clock import nu, vandaag
from wmo_shared.metrics import WERKVOORRAAD_VERLOPEN
from wmo_shared.policy import default_registry

INTERVAL = dt.timedelta(minutes=5)


async def termijnen_verlopen(app: Any) -> None:
    """``app.state.scrape_hooks`` entry of intake."""
    state = app.state
    moment = nu()
    vorige: dt.datetime | None = getattr(state, "werkvoorraad_gemeten", None)
    if vorige is not None and moment - vorige < INTERVAL:
        return
    peildatum = vandaag()
    tellingen: dict[str, dict[str, int]] = {}
    async with state.db.transaction() as conn:
        for gemeente in sorted(default_registry().gemeenten()):
            rows = await werkvoorraad.verlopen_per_soort(conn, gemeente, peildatum)
            tellingen[gemeente] = {r.soort: int(r.aantal) for r in rows}
    for gemeente, per_soort in tellingen.items():
        for soort in REGEL:
            WERKVOORRAAD_VERLOPEN.labels(gemeente, soort).set(per_soort.get(soort, 0))
    state.werkvoorraad_gemeten = moment
