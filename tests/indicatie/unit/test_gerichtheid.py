"""IND-08: ontwikkelgericht versus behoudgericht."""

from __future__ import annotations

import pytest

from wmo_indicatie.domain.begrippen import Aard, Gerichtheid, Zekerheid
from wmo_indicatie.domain.gerichtheid import bepaal_gerichtheid
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau, Verwachting

IB, DB = Aard.INDIVIDUELE_BEGELEIDING, Aard.DAGBESTEDING
ONT, BEH = Gerichtheid.ONTWIKKELGERICHT, Gerichtheid.BEHOUDGERICHT
L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG
V, G, A = Verwachting.VERBETERING, Verwachting.GELIJK, Verwachting.ACHTERUITGANG


@pytest.mark.parametrize(
    ("verwachting", "lerend", "gerichtheid", "zekerheid"),
    [
        (V, None, ONT, Zekerheid.HOOG),
        (V, H, ONT, Zekerheid.HOOG),
        (V, N, ONT, Zekerheid.HOOG),
        (V, L, ONT, Zekerheid.REDELIJK),
        (G, None, BEH, Zekerheid.HOOG),
        (G, N, BEH, Zekerheid.HOOG),
        (G, L, BEH, Zekerheid.HOOG),
        (G, H, BEH, Zekerheid.REDELIJK),
        (A, L, BEH, Zekerheid.HOOG),
        (None, H, ONT, Zekerheid.LAAG),
        (None, N, ONT, Zekerheid.LAAG),
        (None, L, BEH, Zekerheid.LAAG),
        (None, None, None, Zekerheid.LAAG),
    ],
)
def test_individuele_begeleiding_expected_development_decides(
    verwachting: Verwachting | None,
    lerend: Niveau | None,
    gerichtheid: Gerichtheid | None,
    zekerheid: Zekerheid,
) -> None:
    oordeel = bepaal_gerichtheid(Kenmerken(verwachting=verwachting, lerend_vermogen=lerend), IB)
    assert oordeel.gerichtheid is gerichtheid
    assert oordeel.zekerheid is zekerheid
    assert {r.rule for r in oordeel.regels} == {"IND-08"}


@pytest.mark.parametrize(
    ("lerend", "zelfinzicht", "ziektebesef", "verwachting", "gerichtheid", "zekerheid"),
    [
        # lerend vermogen decides first
        (L, H, H, None, BEH, Zekerheid.HOOG),
        (N, L, L, None, ONT, Zekerheid.HOOG),
        (H, L, L, None, ONT, Zekerheid.HOOG),
        # then zelfinzicht, then ziektebesef
        (None, L, H, None, BEH, Zekerheid.REDELIJK),
        (None, H, L, None, ONT, Zekerheid.REDELIJK),
        (None, None, L, None, BEH, Zekerheid.REDELIJK),
        (None, None, N, None, ONT, Zekerheid.REDELIJK),
        # a contradicting verwachting lowers the certainty, never the choice
        (H, None, None, A, ONT, Zekerheid.REDELIJK),
        (None, L, None, V, BEH, Zekerheid.LAAG),
        # fallback on the verwachting
        (None, None, None, V, ONT, Zekerheid.LAAG),
        (None, None, None, G, BEH, Zekerheid.LAAG),
        (None, None, None, None, None, Zekerheid.LAAG),
    ],
)
def test_dagbesteding_lerend_vermogen_then_zelfinzicht_then_ziektebesef(
    lerend: Niveau | None,
    zelfinzicht: Niveau | None,
    ziektebesef: Niveau | None,
    verwachting: Verwachting | None,
    gerichtheid: Gerichtheid | None,
    zekerheid: Zekerheid,
) -> None:
    k = Kenmerken(
        lerend_vermogen=lerend,
        zelfinzicht=zelfinzicht,
        ziektebesef=ziektebesef,
        verwachting=verwachting,
    )
    oordeel = bepaal_gerichtheid(k, DB)
    assert oordeel.gerichtheid is gerichtheid
    assert oordeel.zekerheid is zekerheid
    if gerichtheid is None:
        assert "ter beoordeling van de consulent" in oordeel.regels[0].toelichting
