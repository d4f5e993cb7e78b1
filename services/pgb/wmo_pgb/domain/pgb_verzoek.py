"""A pgb request decided where the law decides it (PGB-01, PGB-02), before any plan is tested.

Seed 000: a pgb is only possible after a maatwerkvoorziening has been found necessary. Seed 001
H2: "Levert de inwoner geen pgb plan aan, dan wordt het pgb geweigerd en eventueel een
voorziening in natura verstrekt." A request that refers to a plan the inwoner handed in is not
decided here but by the toets and the besluit on that plan.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from wmo_pgb.domain.besluit import Besluit, Besluituitkomst, neem_besluit
from wmo_pgb.domain.plan import CONCEPT
from wmo_pgb.domain.toets import toets
from wmo_shared.weigering import Weigering

VELD = "pgbPlanId"


@dataclass(frozen=True, slots=True)
class PlanVerwijzing:
    """The plan a request refers to, as stored."""

    id: uuid.UUID
    bsn: str
    aanvraag_id: uuid.UUID | None
    status: str
    ingediend: bool


def plan_telt(plan: PlanVerwijzing | None, *, bsn: str, aanvraag_id: uuid.UUID) -> bool:
    """Whether the request has a handed-in plan. A reference to another client's or another
    aanvraag's plan is refused on ``pgbPlanId``; a handed-in plan that is still to be decided
    is a conflict: the request is decided by the toets and besluit on that plan."""
    if plan is None:
        return False
    if plan.bsn != bsn:
        raise Weigering("andere-client", "Dit pgb-plan hoort bij een andere cliënt.", veld=VELD)
    if plan.aanvraag_id is not None and plan.aanvraag_id != aanvraag_id:
        raise Weigering("andere-aanvraag", "Dit pgb-plan hoort bij een andere aanvraag.", veld=VELD)
    if not plan.ingediend:
        return False
    if plan.status != CONCEPT:
        raise Weigering(
            "al-besloten",
            f"Over het pgb-plan {plan.id} is al besloten; lees dat besluit "
            f"(GET /pgb-plannen/{plan.id}/besluit).",
            veld=VELD,
            soort="conflict",
        )
    raise Weigering(
        "plan-ingediend",
        f"De inwoner heeft het pgb-plan {plan.id} ingediend: het verzoek wordt beslist met de "
        f"toets en het besluit op dat plan (POST /pgb-plannen/{plan.id}/besluiten).",
        veld=VELD,
        soort="conflict",
    )


def plan_bestaat(gevonden: bool) -> None:
    if not gevonden:
        raise Weigering("onbekend", "Er is geen pgb-plan met dit id in uw gemeente.", veld=VELD)


def beslis_zonder_plan(*, maatwerkvoorziening_nodig: bool) -> Besluit:
    """No necessary maatwerkvoorziening: refused on PGB-01, and there is no ZIN either. No
    (handed-in) plan: refused on PGB-02, with the voorziening in natura as the alternative."""
    resultaat = toets(None, maatwerkvoorziening_vastgesteld=maatwerkvoorziening_nodig)
    besluit = neem_besluit(resultaat, uitkomst=Besluituitkomst.AFGEWEZEN)
    # Following a niet_voldaan toets with a refusal needs no motivation: never a Schending.
    assert isinstance(besluit, Besluit)
    return besluit
