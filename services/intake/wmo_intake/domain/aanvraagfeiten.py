"""What the onderzoek concluded, as the services that rest on an aanvraag read it (issue 12.2,
PGB-01): the afwegingsladder's conclusion ``maatwerk`` means a maatwerkvoorziening is necessary,
``geen_maatwerk`` that it is not; without a conclusion (no onderzoek yet, or ``onvolledig``)
there is nothing to take over."""

from __future__ import annotations

from collections.abc import Mapping

from wmo_intake.domain.afwegingsladder import Ladderconclusie

_NODIG = {Ladderconclusie.MAATWERK.value: True, Ladderconclusie.GEEN_MAATWERK.value: False}


def onderzoek_af(uitkomst: Mapping[str, object] | None) -> bool:
    return bool(uitkomst and uitkomst.get("gereed"))


def maatwerkvoorziening_nodig(uitkomst: Mapping[str, object] | None) -> bool | None:
    """True, False, or None while the ladder has no conclusion (the stored onderzoek uitkomst)."""
    ladder = uitkomst.get("ladder") if uitkomst else None
    conclusie = ladder.get("conclusie") if isinstance(ladder, Mapping) else None
    return _NODIG.get(conclusie) if isinstance(conclusie, str) else None
