"""The bewaartermijn at its boundaries (issue 14.5, AVG-5.1e): a record that ended on ``einde``
is kept up to and including ``einde`` plus the term and listed from the next day; the SQL
bound (``laatste_einde``) lists exactly those records. 29 February plus a year is 28 February.
No term set is a 400 naming how beheer sets it; a cursor no page handed out is a 400."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest

from wmo_shared.bewaartermijn import (
    RULE,
    Soort,
    bewaren_tot,
    eis_bewaartermijn,
    kandidaat_cursor,
    laatste_einde,
    lees_kandidaat_cursor,
    pagina,
    vernietigbaar,
)
from wmo_shared.weigering import Weigering

D = dt.date


@pytest.mark.parametrize(
    ("einde", "jaren", "laatste_dag", "eerste_dag"),
    [
        (D(2010, 6, 30), 15, D(2025, 6, 30), D(2025, 7, 1)),
        (D(2019, 12, 31), 5, D(2024, 12, 31), D(2025, 1, 1)),
        (D(2020, 2, 29), 1, D(2021, 2, 28), D(2021, 3, 1)),
        (D(2020, 2, 29), 4, D(2024, 2, 29), D(2024, 3, 1)),
        (D(2023, 2, 28), 1, D(2024, 2, 28), D(2024, 2, 29)),
    ],
)
def test_laatste_dag_bewaard_eerste_dag_op_de_lijst(
    einde: dt.date, jaren: int, laatste_dag: dt.date, eerste_dag: dt.date
) -> None:
    assert bewaren_tot(einde, jaren) == laatste_dag
    assert not vernietigbaar(einde, jaren, laatste_dag)  # the last day kept
    assert vernietigbaar(einde, jaren, eerste_dag)  # the first day listed
    # the SQL bound agrees on both days
    assert einde > laatste_einde(laatste_dag, jaren)
    assert einde <= laatste_einde(eerste_dag, jaren)


def test_de_sql_grens_is_precies_de_regel() -> None:
    """Over four years of peildata (two 29 Februaries) and terms of 1, 4 and 15 years: a record
    is on the list (einde <= grens) exactly when the rule says it is past the term."""
    for jaren in (1, 4, 15):
        peildatum = D(2023, 1, 1)
        while peildatum < D(2027, 1, 1):
            grens = laatste_einde(peildatum, jaren)
            assert vernietigbaar(grens, jaren, peildatum)
            assert not vernietigbaar(grens + dt.timedelta(days=1), jaren, peildatum)
            peildatum += dt.timedelta(days=1)


@dataclass
class Waarde:
    sleutel: str
    waarde: Decimal
    geldig_vanaf: dt.date
    geldig_tot: dt.date | None
    toelichting: str


def test_zonder_termijn_een_400_die_zegt_hoe_beheer_haar_vaststelt() -> None:
    with pytest.raises(Weigering) as exc:
        eis_bewaartermijn(None, "pgb", "0085", D(2026, 5, 1))
    assert exc.value.code == "beleidswaarde-ontbreekt"
    assert exc.value.veld == "bewaartermijn"
    assert exc.value.rule_ids == [RULE]
    assert "bewaartermijn-jaren" in exc.value.toelichting and "pgb" in exc.value.toelichting

    termijn = eis_bewaartermijn(
        Waarde("bewaartermijn-jaren", Decimal("15.0000"), D(2020, 1, 1), None, "besluit"),
        "pgb",
        "0085",
        D(2026, 5, 1),
    )
    assert termijn.jaren == 15 and termijn.rule == RULE and termijn.geldig_vanaf == D(2020, 1, 1)


@dataclass
class Rij:
    soort: str
    id: uuid.UUID
    einddatum: dt.date


def test_pagina_zegt_wat_weg_gaat_en_waarom() -> None:
    termijn = eis_bewaartermijn(
        Waarde("bewaartermijn-jaren", Decimal("5"), D(2020, 1, 1), None, "besluit"),
        "finance",
        "0085",
        D(2026, 5, 1),
    )
    soorten = {"x": Soort("x", "het einde van x", ("xen", "yen"))}
    rijen = [Rij("x", uuid.uuid4(), D(2020, 3, 1)) for _ in range(3)]
    deel = pagina("finance", D(2026, 5, 1), termijn, rijen, 2, soorten)
    assert len(deel.resultaten) == 2
    eerste = deel.resultaten[0]
    assert eerste.bewaren_tot == D(2025, 3, 1) and eerste.bewaartermijn_jaren == 5
    assert eerste.einde == "het einde van x" and eerste.omvat == ["xen", "yen"]
    assert eerste.rule == RULE
    assert lees_kandidaat_cursor(deel.volgende_cursor) == ("x", rijen[1].id)
    assert pagina("finance", D(2026, 5, 1), termijn, rijen, 3, soorten).volgende_cursor is None


def test_een_onbekende_cursor_is_een_400() -> None:
    assert lees_kandidaat_cursor(None) is None
    id_ = uuid.uuid4()
    assert lees_kandidaat_cursor(kandidaat_cursor("pgb-plan", id_)) == ("pgb-plan", id_)
    for cursor in ("bla", "eyJ4IjoxfQ", kandidaat_cursor("x", id_)[:-3]):
        with pytest.raises(Weigering) as exc:
            lees_kandidaat_cursor(cursor)
        assert exc.value.code == "ongeldige-cursor" and exc.value.veld == "cursor"
