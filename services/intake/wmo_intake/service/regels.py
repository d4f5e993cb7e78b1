"""Rules as they are stored and sent: ``{"rule": ..., "toelichting": ...}``."""

from __future__ import annotations

from collections.abc import Iterable

from wmo_shared.regels import Regel


def regels_json(regels: Iterable[Regel]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]
