"""The eenmalig pgb a beschikking rests on (FIN-05, issue 16.4), pure: amount and kostprijs
taken over, the besluitdatum as start, no eigen bijdrage (a typed one is refused), only a
toegekend one, and one toekenning per eenmalig pgb; an intrekking or herziening that ends its
voorziening ends the pgb unless the successor carries the same pgb on."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from wmo_intake.domain.eenmalig_pgb import eindigt, nog_niet_beschikt, over_eenmalig_pgb
from wmo_intake.domain.verwijzingen import Feiten
from wmo_shared.contracts import EenmaligPgbBesluit
from wmo_shared.weigering import Weigering

BESLUIT = EenmaligPgbBesluit(
    id=uuid.uuid4(),
    gemeente="0085",
    bsn="999993653",
    voorziening="roerende_woonvoorziening",
    status="toegekend",
    besluitdatum=dt.date(2026, 3, 20),
    kostprijs=Decimal("1750.00"),
    bedrag=Decimal("1750.00"),
    leverancier="Traplift BV",
    betaalroute="gemeente_aan_leverancier",
    betaling_volgnummer=7,
    eigen_bijdrage=False,
    eigen_bijdrage_regels=[
        {"rule": "FIN-05", "toelichting": "Geen eigen bijdrage."},
        {"rule": "FIN-08", "toelichting": "Art. 36 geldt voor een tegemoetkoming."},
    ],
    regels=[],
    rules=[],
)


def _feiten(**kw: object) -> Feiten:
    waarden: dict[str, object] = {
        "begindatum": None,
        "einddatum": None,
        "omvang": None,
        "kostprijs": None,
        "bedrag": None,
        "eigen_bijdrage": False,
        **kw,
    }
    return Feiten(**waarden)  # type: ignore[arg-type]


def test_overgenomen_zonder_eigen_bijdrage() -> None:
    f = over_eenmalig_pgb(0, _feiten(), BESLUIT)
    assert (f.bedrag, f.kostprijs, f.begindatum, f.eigen_bijdrage) == (
        Decimal("1750.00"),
        Decimal("1750.00"),
        dt.date(2026, 3, 20),
        False,
    )
    assert [r.rule for r in f.regels] == ["FIN-05", "FIN-05", "FIN-08"]
    assert over_eenmalig_pgb(0, _feiten(begindatum=dt.date(2026, 4, 1)), BESLUIT).begindatum == (
        dt.date(2026, 4, 1)
    )


@pytest.mark.parametrize(
    ("kw", "veld"),
    [
        ({"eigen_bijdrage": True}, "eigenBijdrage"),
        ({"bedrag": Decimal("1575.00")}, "bedrag"),
        ({"kostprijs": Decimal("1800.00")}, "kostprijs"),
    ],
)
def test_een_getypte_waarde_die_afwijkt(kw: dict[str, object], veld: str) -> None:
    with pytest.raises(Weigering) as exc:
        over_eenmalig_pgb(0, _feiten(**kw), BESLUIT)
    assert (exc.value.code, exc.value.veld) == (
        "wijkt-af-van-besluit",
        f"maatwerkvoorzieningen.0.{veld}",
    )


def test_een_keer_toegekend() -> None:
    nog_niet_beschikt(0, False)
    with pytest.raises(Weigering) as exc:
        nog_niet_beschikt(1, True)
    assert (exc.value.code, exc.value.veld, exc.value.rule_ids) == (
        "eenmalig-pgb-al-beschikt",
        "maatwerkvoorzieningen.1.eenmaligPgbId",
        ["FIN-05"],
    )


def test_een_intrekking_of_herziening_beeindigt_het_eenmalig_pgb() -> None:
    pgb, ander = uuid.uuid4(), uuid.uuid4()
    assert eindigt("eenmalig_pgb", pgb, None)  # intrekking, or a herziening to zin
    assert eindigt("eenmalig_pgb", pgb, ander)  # a herziening to another pgb
    assert not eindigt("eenmalig_pgb", pgb, pgb)  # the herziening carries it on
    assert not eindigt("zin", None, None)
    assert not eindigt("financiele_tegemoetkoming", None, None)
    assert not eindigt("eenmalig_pgb", None, None)  # names no pgb: nothing for finance
