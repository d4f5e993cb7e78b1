"""FIN-03: a one-off pgb without a goedkoopst adequate kostprijs is refused in domain/."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wmo_finance.domain.eenmalig_pgb import vereis_kostprijs
from wmo_finance.domain.kostprijs import KostprijsUitkomst
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


def _uitkomst(kostprijs: Decimal | None) -> KostprijsUitkomst:
    return KostprijsUitkomst(kostprijs, None, (), (), (Regel("FIN-03", "te weinig offertes"),))


@pytest.mark.parametrize(("met", "veld"), [(True, "referentieprijzen"), (False, "offertes")])
def test_zonder_kostprijs_geweigerd(met: bool, veld: str) -> None:
    with pytest.raises(Weigering) as exc:
        vereis_kostprijs(_uitkomst(None), met_referentieprijzen=met)
    w = exc.value
    assert (w.code, w.veld, w.rule_ids, w.soort) == (
        "regel-geschonden",
        veld,
        ["FIN-03"],
        "ongeldig",
    )
    assert w.toelichting == "te weinig offertes"


def test_met_kostprijs() -> None:
    assert vereis_kostprijs(_uitkomst(Decimal("12.50")), met_referentieprijzen=False) == Decimal(
        "12.50"
    )
