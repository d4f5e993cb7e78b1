"""When an ingebrekestelling (Awb 4:17 lid 3) can be registered: against exactly one of an
aanvraag or a bezwaar, received after its beslistermijn (as adjusted) passed and before the
decision was taken; a ground of 4:17 lid 6 that excludes the dwangsom comes with its reason.
Pure: the dates are parameters, a refusal is a ``Weigering`` with a stable code and AWB-4:17."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.awb.termijn import weigering
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.werkdagen import datum_nl
from wmo_shared.regels import Regel

REGEL = ("AWB-4:17",)


def toets_onderwerp(aanvraag_genoemd: bool, bezwaar_genoemd: bool) -> None:
    """``een-van-beide``: the ingebrekestelling is about one aanvraag or one bezwaar."""
    if aanvraag_genoemd == bezwaar_genoemd:
        raise weigering(
            "een-van-beide",
            "Noem precies één van aanvraagId en bezwaarId.",
            veld="aanvraagId",
            rules=REGEL,
        )


def toets_ingebrekestelling(
    ontvangstdatum: dt.date,
    *,
    beslistermijn_uiterlijk: dt.date,
    beslist_op: dt.date | None,
    uitsluiting: str | None,
    reden_uitsluiting: str | None,
) -> None:
    """``al-beslist`` (409) when the decision was taken on or before the ingebrekestelling
    arrived; ``voorwaarde-niet-voldaan`` while the beslistermijn still runs; ``verplicht``
    when a ground of lid 6 is named without its reason."""
    if beslist_op is not None and beslist_op <= ontvangstdatum:
        raise weigering(
            "al-beslist",
            f"Er is al beslist op {datum_nl(beslist_op)}; een ingebrekestelling kan dan niet meer.",
            veld=None,
            rules=REGEL,
            soort="conflict",
        )
    if ontvangstdatum <= beslistermijn_uiterlijk:
        raise VoorwaardeNietVoldaan(
            Regel(
                "AWB-4:17",
                f"De beslistermijn loopt nog tot en met {datum_nl(beslistermijn_uiterlijk)}. "
                "Een ingebrekestelling kan pas daarna; de aanvrager kan dan opnieuw een sturen.",
            ),
            veld="ontvangstdatum",
        )
    if uitsluiting is not None and not (reden_uitsluiting or "").strip():
        raise weigering(
            "verplicht",
            "Leg vast waarom er geen dwangsom is (Awb 4:17 lid 6).",
            veld="redenUitsluiting",
            rules=REGEL,
        )
