"""INT-06 afwegingsladder and goedkoopst adequaat."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.afwegingsladder import (
    LADDER,
    VOORLIGGENDE_TREDEN,
    Ladderconclusie,
    Maatwerkoptie,
    Trede,
    Tredebijdrage,
    doorloop_afwegingsladder,
    kies_goedkoopst_adequaat,
)

HULPVRAAG = ["schoonmaken", "boodschappen", "administratie", "dagstructuur"]


def alle_treden(**bijdragen: frozenset[str]) -> list[Tredebijdrage]:
    return [Tredebijdrage(t, bijdragen.get(t.value, frozenset())) for t in VOORLIGGENDE_TREDEN]


def test_ladder_volgorde() -> None:
    assert LADDER == (
        Trede.EIGEN_KRACHT,
        Trede.ALGEMEEN_GEBRUIKELIJKE_VOORZIENING,
        Trede.GEBRUIKELIJKE_HULP,
        Trede.MANTELZORG,
        Trede.SOCIAAL_NETWERK,
        Trede.ALGEMENE_VOORZIENING,
        Trede.VOORLIGGENDE_WET,
        Trede.MAATWERKVOORZIENING,
    )


def test_maatwerk_voor_wat_overblijft() -> None:
    # scenario A: the sister helps once a week (boodschappen); no algemene voorziening for
    # structure; the bewindvoerder does the money, not the administration with instanties
    uitkomst = doorloop_afwegingsladder(
        HULPVRAAG,
        alle_treden(
            eigen_kracht=frozenset({"schoonmaken"}), mantelzorg=frozenset({"boodschappen"})
        ),
    )
    assert uitkomst.conclusie is Ladderconclusie.MAATWERK
    assert uitkomst.resterend == ("administratie", "dagstructuur")
    assert dict(uitkomst.opgelost_door) == {
        "schoonmaken": Trede.EIGEN_KRACHT,
        "boodschappen": Trede.MANTELZORG,
    }
    assert all(r.rule == "INT-06" for r in uitkomst.regels)
    assert any("vrijwillig" in r.toelichting for r in uitkomst.regels)


def test_alles_opgelost_geen_maatwerk_ook_zonder_latere_treden() -> None:
    uitkomst = doorloop_afwegingsladder(
        ["schoonmaken"], [Tredebijdrage(Trede.EIGEN_KRACHT, frozenset({"schoonmaken"}))]
    )
    assert uitkomst.conclusie is Ladderconclusie.GEEN_MAATWERK
    assert uitkomst.resterend == ()


def test_onvolledig_als_een_trede_niet_bekeken_is() -> None:
    bijdragen = [b for b in alle_treden() if b.trede is not Trede.VOORLIGGENDE_WET]
    uitkomst = doorloop_afwegingsladder(HULPVRAAG, bijdragen)
    assert uitkomst.conclusie is Ladderconclusie.ONVOLLEDIG
    assert uitkomst.niet_onderzocht == (Trede.VOORLIGGENDE_WET,)


def test_eerste_trede_krijgt_het_krediet() -> None:
    uitkomst = doorloop_afwegingsladder(
        ["schoonmaken"],
        [
            Tredebijdrage(Trede.ALGEMENE_VOORZIENING, frozenset({"schoonmaken"})),
            Tredebijdrage(Trede.GEBRUIKELIJKE_HULP, frozenset({"schoonmaken"})),
        ],
    )
    assert dict(uitkomst.opgelost_door) == {"schoonmaken": Trede.GEBRUIKELIJKE_HULP}


def test_onbekend_onderdeel_telt_niet_mee() -> None:
    uitkomst = doorloop_afwegingsladder(
        ["schoonmaken"], alle_treden(eigen_kracht=frozenset({"tuin"}))
    )
    assert uitkomst.resterend == ("schoonmaken",)
    assert any("tuin hoort niet bij de hulpvraag" in r.toelichting for r in uitkomst.regels)


def test_maatwerk_is_geen_bijdrage() -> None:
    with pytest.raises(ValueError, match="uitkomst"):
        doorloop_afwegingsladder(
            ["x"], [Tredebijdrage(Trede.MAATWERKVOORZIENING, frozenset({"x"}))]
        )


@given(
    hulpvraag=st.lists(st.sampled_from("abcdef"), min_size=1, max_size=6, unique=True),
    oplossingen=st.lists(st.frozensets(st.sampled_from("abcdefg")), min_size=7, max_size=7),
)
def test_resterend_is_wat_geen_trede_oplost(
    hulpvraag: list[str], oplossingen: list[frozenset[str]]
) -> None:
    bijdragen = [Tredebijdrage(t, o) for t, o in zip(VOORLIGGENDE_TREDEN, oplossingen, strict=True)]
    uitkomst = doorloop_afwegingsladder(hulpvraag, bijdragen)
    opgelost = frozenset().union(*oplossingen)
    assert set(uitkomst.resterend) == {d for d in hulpvraag if d not in opgelost}
    assert (uitkomst.conclusie is Ladderconclusie.MAATWERK) is bool(uitkomst.resterend)


# --- goedkoopst adequaat --------------------------------------------------------------------

RESTEREND = ("administratie", "dagstructuur")


def optie(naam: str, kosten: str, *dekt: str, passend: bool = True) -> Maatwerkoptie:
    return Maatwerkoptie(naam, Decimal(kosten), frozenset(dekt), passend)


@pytest.mark.parametrize(
    ("opties", "gekozen"),
    [
        (
            [
                optie("IBO-3", "9100", "administratie", "dagstructuur"),
                optie("IBO-2", "5200", "administratie", "dagstructuur"),
                optie("dagbesteding", "3000", "dagstructuur"),
            ],
            "IBO-2",
        ),
        (
            [
                optie("IBO-2", "5200", "administratie", "dagstructuur", passend=False),
                optie("IBO-3", "9100", "administratie", "dagstructuur"),
            ],
            "IBO-3",
        ),
        (
            [
                optie("A", "100", "administratie", "dagstructuur"),
                optie("B", "100", "administratie", "dagstructuur"),
            ],
            "A",
        ),
        ([optie("dagbesteding", "3000", "dagstructuur")], None),
        ([], None),
    ],
)
def test_goedkoopst_adequaat(opties: list[Maatwerkoptie], gekozen: str | None) -> None:
    keuze = kies_goedkoopst_adequaat(opties, RESTEREND)
    assert (keuze.gekozen.naam if keuze.gekozen else None) == gekozen
    assert keuze.regels
    assert all(r.rule == "INT-06" for r in keuze.regels)


def test_gelijke_kosten_uitgelegd() -> None:
    keuze = kies_goedkoopst_adequaat([optie("A", "100", "x"), optie("B", "100", "x")], ["x"])
    assert "Even duur: B" in keuze.regels[-1].toelichting


@given(
    kosten=st.lists(
        st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False),
        min_size=1,
        max_size=8,
    )
)
def test_gekozen_is_nooit_duurder_dan_een_adequate_optie(kosten: list[Decimal]) -> None:
    opties = [optie(f"o{i}", str(k), "x") for i, k in enumerate(kosten)]
    keuze = kies_goedkoopst_adequaat(opties, ["x"])
    assert keuze.gekozen is not None
    assert all(keuze.gekozen.kosten <= o.kosten for o in keuze.adequaat)
