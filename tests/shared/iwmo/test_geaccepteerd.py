"""The accepted declaratie lines a gemeente keeps (issue 15.5): the same lines from the check
and from a stored retour; none of a message rejected as a whole; credit lines negative."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.shared.iwmo.test_retour import toewijzing
from tests.shared.iwmo.voorbeelden import edited, example
from wmo_iwmo.controle import Toewijzing, check_wmo323
from wmo_iwmo.geaccepteerd import geaccepteerd_volgens_retour, geaccepteerde_regels
from wmo_iwmo.retour import build_retour_wmo325
from wmo_iwmo.wmo323 import Wmo323Bericht, parse_wmo323

D = dt.date
APRIL = {"ingangsdatum": D(2023, 1, 1)}


def _toewijzingen() -> list[Toewijzing]:
    t = dataclasses.replace
    return [
        t(toewijzing(20072, "01A03", tarief=1250), **APRIL),
        t(toewijzing(200730, "01A04"), **APRIL),
        t(toewijzing(20074, "01A03", client_bsn="999900018", tarief=1250), **APRIL),
        t(toewijzing(20073, "01A04", client_bsn="999900018", tarief=1400), **APRIL),  # 0611
    ]


def test_accepted_lines_from_the_check_and_from_the_retour_are_the_same() -> None:
    bericht = parse_wmo323(example("WMO323"))
    assert isinstance(bericht, Wmo323Bericht)
    controle = check_wmo323(bericht, _toewijzingen())
    regels = geaccepteerde_regels(bericht, controle)
    assert [(r.index, r.toewijzingnummer, r.volume) for r in regels] == [
        (0, 20072, 4),
        (1, 200730, 16),
        (2, 20074, 4),
    ]
    assert regels[0].referentienummer == "RN001"
    assert regels[0].bedrag_cent == bericht.declaratie.prestaties[0][1].ingediend_bedrag.bedrag
    assert regels[0].eerder().productperiode.begindatum == D(2023, 4, 1)
    assert regels[0].eerder({"01A03"}).no_show
    retour = build_retour_wmo325(bericht, controle, identificatie="R", dagtekening=D(2023, 5, 7))
    assert geaccepteerd_volgens_retour(bericht, retour.to_dict()) == regels


def test_no_line_of_a_message_rejected_as_a_whole_and_credit_is_negative() -> None:
    kapot = edited("WMO323", "<iwmo:TotaalBedrag>58000<", "<iwmo:TotaalBedrag>58001<")
    bericht = parse_wmo323(kapot)
    assert isinstance(bericht, Wmo323Bericht)
    controle = check_wmo323(bericht, _toewijzingen())
    assert geaccepteerde_regels(bericht, controle) == []
    retour = build_retour_wmo325(bericht, controle, identificatie="R", dagtekening=D(2023, 5, 7))
    assert geaccepteerd_volgens_retour(bericht, retour.to_dict()) == []

    credit = example("WMO323").replace(
        b"<iwmo:DebetCredit>D</iwmo:DebetCredit>", b"<iwmo:DebetCredit>C</iwmo:DebetCredit>"
    )
    bericht = parse_wmo323(credit)
    assert isinstance(bericht, Wmo323Bericht)
    controle = check_wmo323(bericht, _toewijzingen())
    regels = geaccepteerde_regels(bericht, controle)
    assert [r.volume for r in regels] == [-4, -16, -4]
    assert all(r.bedrag_cent < 0 for r in regels)
