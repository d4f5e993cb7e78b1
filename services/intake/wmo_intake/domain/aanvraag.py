"""Checks on an aanvraag (INT-03): it follows a finished onderzoek."""

from __future__ import annotations

from collections.abc import Sequence

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

ONDERZOEKSREGELS = ("INT-05", "INT-06", "INT-11", "INT-14")


def toets_onderzoek_af(gereed: bool, ontbrekend: Sequence[str]) -> None:
    """``onderzoek-niet-af``: while the onderzoek runs, an aanvraag waits until every part of
    it is done (INT-05, INT-06, INT-11, INT-14); names each missing part."""
    if gereed:
        return
    reden = (
        "Het onderzoek is nog niet af; een aanvraag volgt op een afgerond onderzoek. "
        f"Ontbreekt: {', '.join(ontbrekend)}."
    )
    raise Weigering(
        "onderzoek-niet-af",
        reden,
        velden=[("meldingId", o) for o in ontbrekend],
        regels=[Regel(r, reden) for r in ONDERZOEKSREGELS],
    )
