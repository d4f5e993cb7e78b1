"""The verzoek om toewijzing (WMO315) and om wijziging (WMO317): their checks and retour (316,
318), and the WMO319 antwoordbericht, built valid against its XSD (issue 15.3)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from importlib.resources import files

import pytest
from lxml import etree

from tests.shared.iwmo.test_retour import toewijzing
from tests.shared.iwmo.voorbeelden import example
from wmo_iwmo.basis import BerichtIdentificatie, Header
from wmo_iwmo.codelijsten import RedenAfwijzingVerzoek, VerzoekAntwoord
from wmo_iwmo.controle import Toewijzing
from wmo_iwmo.controle_verzoek import check_wmo315, check_wmo317
from wmo_iwmo.retour import Status, build_retour_wmo316, build_retour_wmo318
from wmo_iwmo.wmo315 import Wmo315Bericht, parse_wmo315
from wmo_iwmo.wmo317 import Wmo317Bericht, parse_wmo317
from wmo_iwmo.wmo319 import Antwoord, Wmo319Bericht, build_wmo319, parse_wmo319
from wmo_iwmo.xsd import InvalidMessageError, validate

D = dt.date
AGB = "65656055"


def _315() -> Wmo315Bericht:
    bericht = parse_wmo315(example("WMO315"))
    assert isinstance(bericht, Wmo315Bericht)
    return bericht


def _317() -> Wmo317Bericht:
    bericht = parse_wmo317(example("WMO317"))
    assert isinstance(bericht, Wmo317Bericht)
    return bericht


def test_315_each_product_with_a_new_reference_is_accepted() -> None:
    bericht = _315()
    uitkomsten = check_wmo315(bericht, eerdere_referenties=set())
    retour = build_retour_wmo316(
        bericht, uitkomsten, identificatie="R316", dagtekening=D(2023, 7, 16)
    )
    data = retour.to_dict()
    assert data["berichttype"] == "WMO316"
    assert data["heenbericht"]["berichttype"] == "WMO315"
    assert [r["referentienummer"] for r in data["regels"]] == ["42420001", "42420002"]
    assert retour.status is Status.GOEDGEKEURD


def test_315_a_reference_used_before_is_9347() -> None:
    bericht = _315()
    uitkomsten = check_wmo315(bericht, eerdere_referenties={"42420002"})
    codes = [[a.retourcode.value for a in u.afkeuringen] for u in uitkomsten]
    assert codes == [[], ["9347"]]
    retour = build_retour_wmo316(bericht, uitkomsten, identificatie="R", dagtekening=D(2023, 7, 16))
    assert retour.status is Status.AFGEKEURD


def _actueel() -> list[Toewijzing]:
    basis = {"aanbieder_agb": AGB, "client_bsn": "999900006"}
    return [
        dataclasses.replace(toewijzing(10071, "01A01"), **basis),
        dataclasses.replace(toewijzing(10072, "01A02", ingangsdatum=D(2023, 4, 2)), **basis),
    ]


def test_317_that_names_every_current_toewijzing_is_accepted() -> None:
    bericht = _317()
    uitkomst = check_wmo317(bericht, _actueel(), eerdere_referenties=())
    assert uitkomst.afkeuringen == ()
    retour = build_retour_wmo318(bericht, uitkomst, identificatie="R318", dagtekening=D(2023, 4, 3))
    assert retour.to_dict()["berichttype"] == "WMO318"
    assert retour.to_dict()["regels"][0]["referentienummer"] == "9003"


def test_317_refusals() -> None:
    bericht = _317()
    anders = dataclasses.replace(
        toewijzing(10073, "01A03"), aanbieder_agb=AGB, client_bsn="999900006"
    )
    eerder = dataclasses.replace(
        toewijzing(10072, "01A02"), aanbieder_agb=AGB, client_bsn="999900006"
    )
    # 10072 began before the gewenste ingangsdatum, which is the dagtekening: 9357; 10073 is
    # not named: 9349; the reference was used: 9347
    uitkomst = check_wmo317(
        bericht,
        [_actueel()[0], eerder, anders],
        eerdere_referenties={"9003"},
    )
    assert sorted(a.retourcode.value for a in uitkomst.afkeuringen) == ["9347", "9349", "9357"]
    # another aanbieder's toewijzingen are not current for this one: 9350 and 9351
    uitkomst = check_wmo317(bericht, [], eerdere_referenties=())
    assert sorted(a.retourcode.value for a in uitkomst.afkeuringen) == ["9350", "9351"]


@pytest.mark.parametrize(
    ("antwoord", "reden"),
    [
        (VerzoekAntwoord.AFGEWEZEN, RedenAfwijzingVerzoek.GEEN_CONTRACT),
        (VerzoekAntwoord.IN_ONDERZOEK, None),
    ],
)
def test_wmo319_is_valid_and_reads_back(
    antwoord: VerzoekAntwoord, reden: RedenAfwijzingVerzoek | None
) -> None:
    bericht = Wmo319Bericht(
        header=Header("0085", AGB, BerichtIdentificatie("A1", D(2026, 5, 6))),
        antwoord=Antwoord("9003", antwoord, reden),
    )
    xml = build_wmo319(bericht)
    assert validate("WMO319", xml) == []
    assert parse_wmo319(xml) == bericht


def test_wmo319_example_reads_and_bad_answers_are_refused() -> None:
    voorbeeld = parse_wmo319(example("WMO319"))
    assert isinstance(voorbeeld, Wmo319Bericht)
    assert voorbeeld.antwoord.reden_afwijzing is RedenAfwijzingVerzoek.ZORGINHOUDELIJK
    header = Header("0085", AGB, BerichtIdentificatie("A1", D(2026, 5, 6)))
    with pytest.raises(InvalidMessageError):
        build_wmo319(Wmo319Bericht(header, Antwoord("9003", VerzoekAntwoord.AFGEWEZEN)))
    with pytest.raises(InvalidMessageError):
        build_wmo319(Wmo319Bericht(header, Antwoord("x" * 40, VerzoekAntwoord.IN_ONDERZOEK)))


def test_wmo319_has_no_honoured_answer_so_an_honoured_verzoek_is_a_wmo301() -> None:
    """basisschema.xsd, simpleType LDT_VerzoekAntwoord (the type of WMO319.xsd
    Antwoord/VerzoekAntwoord): only 1 "Verzoek afgewezen" and 2 "Aanvraag in onderzoek". An
    honoured WMO315 / WMO317 is answered with a WMO301 whose ToegewezenProduct carries the
    provider's ReferentieAanbieder (WMO301.xsd), not with a WMO319: a third value is invalid."""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = etree.fromstring(files("wmo_iwmo").joinpath("xsd", "basisschema.xsd").read_bytes())
    (codelijst,) = root.iterfind(f"{xs}simpleType[@name='LDT_VerzoekAntwoord']")
    waarden = {
        e.get("value"): " ".join(e.findtext(f"{xs}annotation/{xs}documentation").split())
        for e in codelijst.iter(f"{xs}enumeration")
    }
    assert waarden == {"1": "Verzoek afgewezen", "2": "Aanvraag in onderzoek"}
    assert {a.value for a in VerzoekAntwoord} == set(waarden)
    toegekend = example("WMO319").replace(
        b"<wmo319:VerzoekAntwoord>1<", b"<wmo319:VerzoekAntwoord>3<"
    )
    assert validate("WMO319", toegekend) != []
    wmo301 = etree.fromstring(files("wmo_iwmo").joinpath("xsd", "WMO301.xsd").read_bytes())
    (product,) = wmo301.iterfind(f"{xs}complexType[@name='ToegewezenProduct']")
    assert [e.get("name") for e in product.iter(f"{xs}element")][:2] == [
        "ToewijzingNummer",
        "ReferentieAanbieder",
    ]
