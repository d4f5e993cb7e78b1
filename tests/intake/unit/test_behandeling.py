"""BEH-01..04: who may take, be given or hand over a case (pure)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.behandeling import Behandelaar, Wisselsoort, wissel
from wmo_shared.weigering import Weigering

STATUSSEN = st.sampled_from(
    ["melding", "onderzoek", "aanvraag", "beschikking", "opdracht", "herindicatie", "beeindigd"]
)
SUBS = st.sampled_from(["anna", "bram", "carla"])
TEAMS = st.one_of(st.none(), st.sampled_from(["Noord", "Zuid"]))
REDENEN = st.one_of(st.none(), st.just(""), st.just("Vakantie"))


@given(
    soort=st.sampled_from(list(Wisselsoort)),
    status=STATUSSEN,
    huidig=st.one_of(st.none(), SUBS.map(Behandelaar)),
    huidig_team=TEAMS,
    nieuw=SUBS.map(Behandelaar),
    team=TEAMS,
    reden=REDENEN,
)
def test_precies_een_weg_naar_een_nieuwe_behandelaar(
    soort: Wisselsoort,
    status: str,
    huidig: Behandelaar | None,
    huidig_team: str | None,
    nieuw: Behandelaar,
    team: str | None,
    reden: str | None,
) -> None:
    """A case without behandelaar is given or taken (never handed over); one with a
    behandelaar only handed over, to someone or some team else, with a reason; an ended case
    never."""
    try:
        regel = wissel(
            soort,
            status=status,
            huidig=huidig,
            huidig_team=huidig_team,
            nieuw=nieuw,
            team=team,
            reden=reden,
        )
    except Weigering as w:
        assert w.regels and w.regels[0].rule.startswith("BEH-")
        toegestaan = False
    else:
        toegestaan = True
        assert regel.rule == {"toewijzing": "BEH-01", "oppakken": "BEH-02"}.get(soort, "BEH-03")
    verwacht = status != "beeindigd" and (
        (huidig is None and soort is not Wisselsoort.OVERDRACHT)
        or (
            huidig is not None
            and soort is Wisselsoort.OVERDRACHT
            and (huidig.sub != nieuw.sub or huidig_team != team)
            and bool((reden or "").strip())
        )
    )
    assert toegestaan == verwacht


def test_overdracht_noemt_beide_en_de_reden() -> None:
    regel = wissel(
        Wisselsoort.OVERDRACHT,
        status="onderzoek",
        huidig=Behandelaar("a", "Anna"),
        huidig_team="Noord",
        nieuw=Behandelaar("b", "Bram"),
        team=None,
        reden="Vakantie",
    )
    assert regel.toelichting == "Overgedragen van Anna (team Noord) aan Bram. Reden: Vakantie"


def test_beeindigde_zaak() -> None:
    with pytest.raises(Weigering) as exc:
        wissel(
            Wisselsoort.OPPAKKEN,
            status="beeindigd",
            huidig=None,
            huidig_team=None,
            nieuw=Behandelaar("a"),
            team=None,
        )
    assert exc.value.soort == "conflict" and exc.value.regels[0].rule == "BEH-04"
