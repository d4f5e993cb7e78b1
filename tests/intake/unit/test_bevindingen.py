"""Issue 12.5/12.6: open findings of the onderzoek and the motivering to go against one."""

from __future__ import annotations

from typing import Any

import pytest

from wmo_intake.domain.bevindingen import open_bevindingen, raakt, toets_afwijkingen
from wmo_shared.weigering import Weigering


def _bevinding(toets: str, uitkomst: str, **details: Any) -> dict[str, Any]:
    return {
        "gebied": "x",
        "toets": toets,
        "uitkomst": uitkomst,
        "details": details,
        "regels": [{"rule": "RES-04", "toelichting": "t"}],
    }


ONDERZOEK = {
    "gereed": True,
    "ontbrekend": [],
    "bevindingen": [
        _bevinding("rolstoel", "eerst_voorliggend"),
        _bevinding("hulp_in_huis_mantelzorger", "maatwerk_mogelijk"),
        _bevinding("primaat_van_verhuizen", "voldaan", verhuizenAdequaat=True),
        _bevinding("woonunit_of_aanpassing", "woonunit"),
        _bevinding("onbekende_toets", "advies_nodig"),
    ],
}


def test_welke_bevindingen_open_zijn() -> None:
    gevonden = open_bevindingen(ONDERZOEK, voor_aanvraag=True)
    assert [b.toets for b in gevonden] == ["rolstoel", "primaat_van_verhuizen", "onbekende_toets"]
    assert [b.toets for b in open_bevindingen(None, voor_aanvraag=True)] == ["onderzoek"]
    assert open_bevindingen(None, voor_aanvraag=False) == []
    niet_af = {**ONDERZOEK, "gereed": False, "ontbrekend": ["ladder"]}
    eerste = open_bevindingen(niet_af, voor_aanvraag=True)[0]
    assert (eerste.toets, eerste.rules) == ("onderzoek", ["INT-05", "INT-03"])
    assert "ladder" in eerste.toelichting


@pytest.mark.parametrize(
    ("toets", "soort", "categorieen", "geraakt"),
    [
        ("rolstoel", "toekenning", ["11"], True),
        ("rolstoel", "herziening", ["02", "11"], True),
        ("rolstoel", "toekenning", ["02"], False),
        ("rolstoel", "afwijzing", [], False),
        ("onbekende_toets", "toekenning", ["02"], True),
        ("onderzoek", "afwijzing", [], True),
        ("onderzoek", "herziening", ["02"], False),
    ],
)
def test_raakt(toets: str, soort: str, categorieen: list[str], geraakt: bool) -> None:
    onderzoek = {**ONDERZOEK, "gereed": False}
    [bevinding] = [b for b in open_bevindingen(onderzoek, voor_aanvraag=True) if b.toets == toets]
    assert raakt(bevinding, soort, categorieen) is geraakt


def test_afwijken_vraagt_een_motivering_per_bevinding() -> None:
    bevindingen = open_bevindingen(ONDERZOEK, voor_aanvraag=True)
    assert toets_afwijkingen("toekenning", ["02"], bevindingen[:1], []) == {}
    with pytest.raises(Weigering) as fout:
        toets_afwijkingen("toekenning", ["11"], bevindingen, [("onbekende_toets", "want")])
    assert fout.value.code == "motivering-ontbreekt"
    assert [n for n, _ in fout.value.velden] == ["afwijkingen"]
    assert fout.value.rule_ids == ["RES-04"]
    motiveringen = toets_afwijkingen(
        "toekenning", ["11"], bevindingen, [("rolstoel", "dagelijks"), ("onbekende_toets", "x")]
    )
    assert motiveringen == {"rolstoel": "dagelijks", "onbekende_toets": "x"}
    with pytest.raises(Weigering) as fout:
        toets_afwijkingen("toekenning", ["02"], bevindingen, [("rolstoel", "x"), ("a", "b")])
    assert (fout.value.code, fout.value.veld) == ("onbekend", "afwijkingen[0].toets")
