"""PGB-01 and PGB-02 decided without a plan; a plan reference checked before it counts."""

from __future__ import annotations

import uuid

import pytest

from wmo_pgb.domain.besluit import Besluituitkomst
from wmo_pgb.domain.pgb_verzoek import PlanVerwijzing, beslis_zonder_plan, plan_telt
from wmo_pgb.domain.plan import onderzoeksconclusie
from wmo_pgb.domain.toets import Leveringsvorm, toets
from wmo_shared.weigering import Weigering

BSN = "999993653"
AANVRAAG = uuid.uuid4()


def _plan(**changes: object) -> PlanVerwijzing:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "bsn": BSN,
        "aanvraag_id": AANVRAAG,
        "status": "concept",
        "ingediend": False,
    }
    values.update(changes)
    return PlanVerwijzing(**values)  # type: ignore[arg-type]


def test_no_plan_is_pgb02_with_zin() -> None:
    besluit = beslis_zonder_plan(maatwerkvoorziening_nodig=True)
    assert besluit.uitkomst is Besluituitkomst.AFGEWEZEN
    assert besluit.leveringsvorm is Leveringsvorm.ZORG_IN_NATURA
    assert besluit.regels[0].rule == "PGB-02"


def test_no_maatwerkvoorziening_is_pgb01_without_zin() -> None:
    besluit = beslis_zonder_plan(maatwerkvoorziening_nodig=False)
    assert besluit.leveringsvorm is None
    assert {r.rule for r in besluit.regels} == {"PGB-01"}


@pytest.mark.parametrize(
    ("plan", "code", "soort"),
    [
        (_plan(bsn="111222333"), "andere-client", "ongeldig"),
        (_plan(aanvraag_id=uuid.uuid4()), "andere-aanvraag", "ongeldig"),
        (_plan(ingediend=True), "plan-ingediend", "conflict"),
        (_plan(ingediend=True, status="besloten"), "al-besloten", "conflict"),
    ],
)
def test_plan_reference_refused(plan: PlanVerwijzing, code: str, soort: str) -> None:
    with pytest.raises(Weigering) as exc:
        plan_telt(plan, bsn=BSN, aanvraag_id=AANVRAAG)
    assert (exc.value.code, exc.value.soort, exc.value.veld) == (code, soort, "pgbPlanId")


def test_plan_not_handed_in_or_absent_does_not_count() -> None:
    assert plan_telt(None, bsn=BSN, aanvraag_id=AANVRAAG) is False
    assert plan_telt(_plan(), bsn=BSN, aanvraag_id=AANVRAAG) is False
    assert plan_telt(_plan(aanvraag_id=None), bsn=BSN, aanvraag_id=AANVRAAG) is False


def test_a_conclusion_needs_its_aanvraag() -> None:
    onderzoeksconclusie(None, None)
    onderzoeksconclusie(False, AANVRAAG)
    with pytest.raises(Weigering) as exc:
        onderzoeksconclusie(True, None)
    assert exc.value.veld == "aanvraagId"


def test_unknown_conclusion_says_where_pgb01_rests() -> None:
    from tests.pgb.unit.voorbeelden import plan

    onbekend = toets(plan(), maatwerkvoorziening_vastgesteld=None)
    onderzocht = toets(plan(), maatwerkvoorziening_vastgesteld=True)
    assert onbekend.uitkomst == onderzocht.uitkomst
    assert "niet meegegeven" in onbekend.bevindingen[0].regel.toelichting
    assert "Het onderzoek vond" in onderzocht.bevindingen[0].regel.toelichting
