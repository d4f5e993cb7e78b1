"""The ranking's precomputed blocks (``blokken.py``) against the rule they stand for: every factor
weighed against every profile as it comes, and the advice itself unchanged for the bench's
onderzoeken."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bench.decisions import ONDERZOEKEN
from tests.indicatie.unit.test_advies import kenmerken
from wmo_indicatie.domain import wegingen as w
from wmo_indicatie.domain.advies import adviseer
from wmo_indicatie.domain.begrippen import (
    Aard,
    Dagdeelklasse,
    Gerichtheid,
    Omvangklasse,
    Profiel,
    Zekerheid,
    profielen_van,
)
from wmo_indicatie.domain.blokken import pak, uitpakken
from wmo_indicatie.domain.dagdelen import DagdeelOordeel
from wmo_indicatie.domain.gerichtheid import GerichtheidOordeel
from wmo_indicatie.domain.kenmerken import Kenmerken
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.rangschikking import Signalen, rangschik_profielen
from wmo_shared.policy import PolicyRegistry
from wmo_shared.regels import Regel

_POLICY = PolicyRegistry.load().section("0085", dt.date(2024, 1, 1), "indicatie", IndicatiePolicy)


def _optioneel(s: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | s


signalen = st.builds(
    Signalen,
    gerichtheid=st.builds(
        GerichtheidOordeel,
        gerichtheid=_optioneel(st.sampled_from(Gerichtheid)),
        zekerheid=st.sampled_from(Zekerheid),
        regels=st.just(()),
    ),
    aantal_leefgebieden=st.integers(0, 8),
    aantal_resultaten=st.integers(0, 11),
    plus_signaal=st.booleans(),
    omvangklasse=_optioneel(st.sampled_from(Omvangklasse)),
    dagdelen=_optioneel(
        st.builds(
            DagdeelOordeel,
            klasse=_optioneel(st.sampled_from(Dagdeelklasse)),
            zekerheid=st.sampled_from(Zekerheid),
            regels=st.just(()),
        )
    ),
)


# profile, points, maximum, factors weighed, fitting, not fitting, sentences
Score = tuple[Profiel, int, int, int, tuple[str, ...], tuple[str, ...], tuple[Regel, ...]]


def _zoals_het_komt(aard: Aard, k: Kenmerken, s: Signalen) -> list[Score]:
    """Per profile: every factor weighed in the ranking's order, added up."""
    uitkomst: list[Score] = []
    for p in profielen_van(aard):
        g, d = s.gerichtheid, s.dagdelen
        wegingen = [
            w.omvangklasse(p, s.omvangklasse) if s.omvangklasse is not None else None,
            w.gerichtheid(p, g.gerichtheid, g.zekerheid) if g.gerichtheid is not None else None,
            w.dagdelen(p, d.klasse, d.zekerheid) if d is not None and d.klasse else None,
            w.plus(p, _POLICY) if s.plus_signaal else None,
            *(
                w.kenmerk(p, naam, getattr(k, naam))
                for naam in w.KENMERK_SOORTEN
                if getattr(k, naam) is not None
            ),
            w.leefgebieden(p, s.aantal_leefgebieden),
            w.resultaten(p, s.aantal_resultaten),
        ]
        gewogen = [x for x in wegingen if x is not None]
        uitkomst.append(
            (
                p,
                sum(gewicht if past else -gewicht for past, gewicht, _, _ in gewogen),
                sum(gewicht for _, gewicht, _, _ in gewogen),
                len(gewogen),
                tuple(tekst for past, _, tekst, _ in gewogen if past),
                tuple(tekst for past, _, tekst, _ in gewogen if not past),
                tuple(regel for _, _, _, regel in gewogen),
            )
        )
    return uitkomst


@settings(max_examples=300, deadline=None)
@given(aard=st.sampled_from(Aard), k=kenmerken, s=signalen)
def test_blocks_add_up_to_every_factor_weighed_as_it_comes(
    aard: Aard, k: Kenmerken, s: Signalen
) -> None:
    rangorde = rangschik_profielen(aard, k, s, _POLICY)
    gevonden = {
        score.profiel: (
            score.profiel,
            score.punten,
            score.maximum,
            score.vergeleken,
            score.passend,
            score.niet_passend,
            score.regels,
        )
        for score in rangorde.profielen
    }
    verwacht = _zoals_het_komt(aard, k, s)
    assert [gevonden[v[0]] for v in verwacht] == verwacht
    # best first, ties in the lighter-first order of the profiles
    volgorde = sorted(verwacht, key=lambda v: -v[1])
    assert [score.profiel for score in rangorde.profielen] == [v[0] for v in volgorde]


@given(st.lists(st.lists(st.integers(-1000, 1000), min_size=36, max_size=36), min_size=1))
def test_packed_columns_add_up_column_by_column(rijen: list[list[int]]) -> None:
    assert uitpakken(sum(map(pak, rijen)), 36) == tuple(map(sum, zip(*rijen, strict=True)))


# sha256 of repr(advice) for the four onderzoeken of ``make bench-decisions`` starting on
# 1 March 2024, recorded before the ranking was precomputed. A change here changes an outcome,
# a rule ID or a sentence: on purpose, record the new digest.
_DIGESTS = ("ef20bbc879b2d2dc", "233bc6a17c302333", "f9c9e15fe98014b6", "30d6cbbbdda91bb9")


@pytest.mark.parametrize(("nummer", "digest"), list(enumerate(_DIGESTS)))
def test_the_bench_advices_are_unchanged(nummer: int, digest: str) -> None:
    advies = adviseer(ONDERZOEKEN[nummer], dt.date(2024, 3, 1), _POLICY)
    assert hashlib.sha256(repr(advies).encode()).hexdigest()[:16] == digest
