"""The checks moved out of service/ into domain/ (issue 10 point 3): code, field, kind, rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from wmo_intake.domain import aanbiedermelding, hulpmiddel, iwmo_verzoek, mantelzorg, wisseling
from wmo_intake.domain.aanbieder import Kwaliteitsbewijs, toets_kwaliteit
from wmo_intake.domain.mantelzorgwaardering import al_toegekend
from wmo_shared.weigering import Weigering

D = dt.date
VOG = Kwaliteitsbewijs.VOG


def _vorm(w: Weigering) -> tuple[str, str | None, list[str], str]:
    return (w.code, w.veld, w.rule_ids, w.soort)


def _geweigerd(f: Callable[[], object]) -> tuple[str, str | None, list[str], str]:
    with pytest.raises(Weigering) as exc:
        f()
    return _vorm(exc.value)


@pytest.mark.parametrize(
    ("check", "verwacht"),
    [
        (
            lambda: toets_kwaliteit([(VOG, D(2026, 1, 1), None), (VOG, D(2026, 2, 1), None)]),
            ("dubbel", "kwaliteit", ["AAN-10"], "ongeldig"),
        ),
        (
            lambda: toets_kwaliteit([(VOG, D(2026, 1, 1), D(2025, 1, 1))]),
            ("volgorde", "kwaliteit[0].geldigTot", ["AAN-10"], "ongeldig"),
        ),
        (
            lambda: aanbiedermelding.toets_meldbaar("geweigerd"),
            ("opdracht-geweigerd", None, ["AAN-13"], "conflict"),
        ),
        (
            lambda: aanbiedermelding.toets_af_te_handelen(True),
            ("melding-afgehandeld", None, ["AAN-11"], "conflict"),
        ),
        (
            lambda: hulpmiddel.toets_voorziening("pgb", "11", Decimal(1), False),
            ("geen-hulpmiddel-in-natura", "maatwerkvoorzieningId", ["FIN-09"], "ongeldig"),
        ),
        (
            lambda: hulpmiddel.toets_voorziening("zin", "12", None, False),
            ("kostprijs-verplicht", "maatwerkvoorzieningId", ["FIN-09"], "ongeldig"),
        ),
        (
            lambda: hulpmiddel.toets_voorziening("zin", "14", Decimal(1), True),
            ("al-verstrekt", "maatwerkvoorzieningId", ["FIN-09"], "conflict"),
        ),
        (
            lambda: mantelzorg.toets_zelfde_hulpvrager("a", "b"),
            ("andere-client", "clientId", ["MZ-01"], "ongeldig"),
        ),
        (
            lambda: wisseling.toets_geen_vervolg(True),
            ("vervolg-bestaat-al", None, ["AAN-06"], "conflict"),
        ),
        (
            lambda: wisseling.toets_geen_lopende_opdracht(True, "loopt"),
            ("opdracht-bestaat-al", None, ["AAN-13"], "conflict"),
        ),
        (
            lambda: wisseling.toets_besluitdatum(
                "AAN-06", D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1), "x"
            ),
            ("buiten-bereik", "datum", ["AAN-06"], "ongeldig"),
        ),
        (
            lambda: wisseling.toets_besluitdatum(
                "AAN-13", D(2026, 4, 1), D(2026, 2, 1), D(2026, 3, 1), "x"
            ),
            ("buiten-bereik", "datum", ["AAN-13"], "ongeldig"),
        ),
        (
            lambda: iwmo_verzoek.toets_aantal_opdrachten(2, 1),
            ("aantal-opdrachten", "opdrachten", ["IWMO-ANTWOORD"], "ongeldig"),
        ),
        (
            lambda: iwmo_verzoek.toets_opdracht_bij_verzoek(0, "1", "2", None, None),
            ("andere-aanbieder", "opdrachten[0].aanbiederAgb", ["IWMO-ANTWOORD"], "ongeldig"),
        ),
        (
            lambda: iwmo_verzoek.toets_opdracht_bij_verzoek(1, None, "2", "1", "9"),
            (
                "andere-client",
                "opdrachten[1].maatwerkvoorzieningId",
                ["IWMO-ANTWOORD"],
                "ongeldig",
            ),
        ),
    ],
)
def test_check_weigert_met_code_veld_en_regel(
    check: Callable[[], object], verwacht: tuple[str, str | None, list[str], str]
) -> None:
    assert _geweigerd(check) == verwacht


def test_wat_mag_gaat_door() -> None:
    assert toets_kwaliteit([(VOG, D(2026, 1, 1), D(2026, 6, 1))]) == (D(2026, 6, 1),)
    aanbiedermelding.toets_meldbaar("geaccepteerd")
    aanbiedermelding.toets_af_te_handelen(False)
    assert hulpmiddel.toets_voorziening("zin", "11", Decimal(5), False) == Decimal(5)
    mantelzorg.toets_zelfde_hulpvrager("a", "a")
    wisseling.toets_geen_vervolg(False)
    wisseling.toets_geen_lopende_opdracht(False, "x")
    wisseling.toets_besluitdatum("AAN-06", D(2026, 2, 1), D(2026, 2, 1), D(2026, 3, 1), "x")
    iwmo_verzoek.toets_aantal_opdrachten(1, 1)
    iwmo_verzoek.toets_opdracht_bij_verzoek(0, None, "2", "9", "9")
    assert _vorm(al_toegekend(2025)) == ("al-toegekend", "mantelzorgerId", ["MZ-03"], "conflict")
    assert _vorm(iwmo_verzoek.wmo301_ongeldig("x"))[0] == "wmo301-ongeldig"
