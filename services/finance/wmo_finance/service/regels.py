"""The rules a decision applied, as stored next to it (JSONB) and sent with it (``RegelRead``)."""

from __future__ import annotations

from collections.abc import Iterable

from wmo_shared.regels import Regel
from wmo_shared.schemas import RegelRead


def regels_json(regels: Iterable[Regel]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]


def regels_read(regels: Iterable[Regel]) -> list[RegelRead]:
    return [RegelRead(rule=r.rule, toelichting=r.toelichting) for r in regels]
