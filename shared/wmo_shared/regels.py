"""How a decision explains itself: the rule applied (an ID of the rule catalogue) and a sentence
a case worker understands. Pure values, shared by every service's domain code."""

from __future__ import annotations

from dataclasses import dataclass

from wmo_shared.frozen import fast_init


@fast_init
@dataclass(frozen=True, slots=True)
class Regel:
    """One rule applied to one decision.

    Example: ``Regel("PGB-07", "De zorgverlener is formeel: ...")``.
    """

    rule: str
    toelichting: str


def rule_ids(regels: list[Regel] | tuple[Regel, ...]) -> list[str]:
    """The distinct rule IDs in the order they were first applied."""
    seen: dict[str, None] = {}
    for regel in regels:
        seen.setdefault(regel.rule, None)
    return list(seen)
