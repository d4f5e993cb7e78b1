"""Optimistic concurrency: every mutable resource has a ``versie``; reads send it as an ETag and
updates must send it back in ``If-Match`` (428 without, 412 when someone else changed it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header

from wmo_shared.problems import PreconditionFailed, PreconditionRequired

IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="De ETag van de versie die u wijzigt"),
]


def etag(versie: int) -> str:
    return f'W/"{versie}"'


def require_version(if_match: str | None, current: int) -> None:
    if if_match is None:
        raise PreconditionRequired(
            "Stuur de ETag van de gelezen versie mee in If-Match, zodat niemand ongemerkt "
            "andermans wijziging overschrijft."
        )
    wanted = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in wanted:
        return
    if f'"{current}"' not in wanted:
        raise PreconditionFailed(
            f"De bron is intussen gewijzigd (nu versie {current}); lees haar opnieuw."
        )
