"""AAN-05 per client: an earlier no-show of the client on another toewijzing of the same
aanbieder counts (``EerderGoedgekeurd.bsn``), and the signalering names every toewijzing the
month's no-shows were declared on (the helpers are those of ``test_controle``)."""

from __future__ import annotations

import dataclasses

from tests.shared.iwmo.test_controle import (
    ANDER_BSN,
    APRIL,
    BSN,
    NO_SHOW,
    D,
    codes,
    declaratie,
    met_toestemming,
    no_show,
    toewijzing,
)
from wmo_iwmo.basis import Periode
from wmo_iwmo.controle import EerderGoedgekeurd, NoShowToestemming, check_wmo323


def test_earlier_no_show_on_another_toewijzing_of_the_client_counts() -> None:
    """AAN-05 per client: an earlier no-show of the same client on another toewijzing of the
    same aanbieder (one this declaratie does not name, so not among the toewijzingen it reads)
    counts; one of another client does not."""
    eerder = [EerderGoedgekeurd(7, Periode(D(2023, 4, 2), D(2023, 4, 2)), 1, no_show=True, bsn=BSN)]
    controle = check_wmo323(
        declaratie(no_show("N1", 3)), [toewijzing()], eerder_goedgekeurd=eerder, no_show=NO_SHOW
    )
    assert codes(controle.uitkomsten[0]) == ["9321"]
    assert controle.uitkomsten[0].afkeuringen[0].rule == "AAN-05"
    ander = [dataclasses.replace(eerder[0], bsn=ANDER_BSN)]
    controle = check_wmo323(
        declaratie(no_show("N1", 3)), [toewijzing()], eerder_goedgekeurd=ander, no_show=NO_SHOW
    )
    assert controle.goedgekeurd
    # without a bsn and not among the toewijzingen read, the line has no known client
    onbekend = [dataclasses.replace(eerder[0], bsn=None)]
    controle = check_wmo323(
        declaratie(no_show("N1", 3)), [toewijzing()], eerder_goedgekeurd=onbekend, no_show=NO_SHOW
    )
    assert controle.goedgekeurd


def test_signalering_counts_no_shows_on_every_toewijzing_of_the_client() -> None:
    """Two earlier no-shows on toewijzing 7 and one new on toewijzing 1: three in April,
    signalled with both toewijzingen, this declaratie's first."""
    eerder = [
        EerderGoedgekeurd(7, Periode(D(2023, 4, d), D(2023, 4, d)), 1, no_show=True, bsn=BSN)
        for d in (2, 9)
    ]
    beleid = met_toestemming(NoShowToestemming(1, APRIL, 2))
    controle = check_wmo323(
        declaratie(no_show("N1", 16)),
        [toewijzing()],
        eerder_goedgekeurd=eerder,
        no_show=beleid,
    )
    assert controle.goedgekeurd
    (signalering,) = controle.signaleringen
    assert (signalering.aantal, signalering.toewijzingnummers) == (3, (1, 7))
