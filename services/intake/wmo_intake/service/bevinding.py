"""Open findings as they are sent and stored (on the aanvraag, read from the onderzoek now; on
the beschikking, as they stood when it was drawn up, with the motivering to go against one)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wmo_intake.domain.bevindingen import OpenBevinding, raakt
from wmo_intake.schemas.bevinding import OpenBevindingRead
from wmo_intake.service.regels import regels_json
from wmo_shared.regels import Regel


def bevinding_json(b: OpenBevinding) -> dict[str, Any]:
    return {
        "toets": b.toets,
        "gebied": b.gebied,
        "uitkomst": b.uitkomst,
        "productcategorieen": sorted(b.productcategorieen),
        "rules": b.rules,
        "regels": regels_json(b.regels),
    }


def bevinding_read(b: OpenBevinding) -> OpenBevindingRead:
    return OpenBevindingRead.model_validate(bevinding_json(b))


def op_beschikking(
    bevindingen: Sequence[OpenBevinding],
    soort: str,
    productcategorieen: Sequence[str],
    motiveringen: Mapping[str, str],
) -> list[dict[str, Any]]:
    """Every open finding with whether the beschikking goes against it, and why."""
    return [
        {
            **bevinding_json(b),
            "geraakt": raakt(b, soort, productcategorieen),
            "motivering": motiveringen.get(b.toets),
        }
        for b in bevindingen
    ]


def afwijkingsregels(
    bevindingen: Sequence[OpenBevinding], motiveringen: Mapping[str, str]
) -> list[Regel]:
    """One rule per finding the beschikking goes against, with its motivering."""
    return [
        Regel(
            b.rules[0] if b.rules else "INT-05",
            f"Afgeweken van de bevinding {b.toets}: {motiveringen[b.toets]}",
        )
        for b in bevindingen
        if b.toets in motiveringen
    ]
