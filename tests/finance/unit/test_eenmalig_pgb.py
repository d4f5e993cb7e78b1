"""FIN-05 (seed 001 Bijlage 3): the one-off pgb paid to the supplier only for who cannot pay
the own share (made plausible) and for whom in natura is not possible, and only when the legal
pgb conditions are met; the amount is the goedkoopst adequate kostprijs in full."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_finance.domain.eenmalig_pgb import (
    PgbVoorwaarden,
    besluit,
    controleer_verwijzing,
    geen_eigen_bijdrage,
    registerregels,
    toets_pgb_voorwaarden,
)
from wmo_finance.domain.kostprijs import Leverancier
from wmo_finance.domain.soorten import Leveringsvorm
from wmo_shared.weigering import Weigering

LEV = Leverancier("Medipoint", "Industrieweg 1, Oosterwolde", "12345678", "NL00BANK0123456789")
VOLDAAN = PgbVoorwaarden("De inwoner wil het eigen merk scootmobiel.", True, True, False, True)


def _besluit(**kw: object) -> object:
    waarden: dict[str, object] = {
        "kan_betalen": False,
        "wil_betalen": True,
        "onvermogen_aannemelijk": True,
        "zin_mogelijk": False,
        "voorwaarden": VOLDAAN,
        "leverancier": LEV,
        "kostprijs": Decimal("2345.675"),
        **kw,
    }
    return besluit(**waarden)  # type: ignore[arg-type]


def test_eenmalig_pgb_de_hele_kostprijs_aan_de_leverancier() -> None:
    b = _besluit()
    assert b.bedrag == Decimal("2345.68")  # type: ignore[attr-defined]
    rules = [r.rule for r in b.regels]  # type: ignore[attr-defined]
    assert {"FIN-05", "PGB-03", "PGB-04", "PGB-07", "FIN-04"} <= set(rules)
    assert "SVB" in " ".join(r.toelichting for r in b.regels)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kw", "veld"),
    [
        ({"kan_betalen": True}, "eigenAandeel"),  # can pay: the tegemoetkoming fits
        ({"onvermogen_aannemelijk": False}, "eigenAandeel"),  # not made plausible
        ({"zin_mogelijk": True}, "eigenAandeel"),  # in natura first
        ({"kan_betalen": True, "wil_betalen": False}, "eigenAandeel"),  # will not: no pgb
        ({"voorwaarden": PgbVoorwaarden("", True, True, False, True)}, "pgbVoorwaarden"),
        ({"voorwaarden": PgbVoorwaarden("x", True, True, True, True)}, "pgbVoorwaarden"),
        ({"voorwaarden": PgbVoorwaarden("x", True, None, False, True)}, "pgbVoorwaarden"),
        ({"voorwaarden": PgbVoorwaarden("x", True, True, False, None)}, "pgbVoorwaarden"),
    ],
)
def test_geen_eenmalig_pgb(kw: dict[str, object], veld: str) -> None:
    with pytest.raises(Weigering) as exc:
        _besluit(**kw)
    assert (exc.value.code, exc.value.veld) == ("geen-eenmalig-pgb", veld)
    assert "FIN-05" in exc.value.rule_ids


def test_leverancier_compleet() -> None:
    with pytest.raises(Weigering) as exc:
        _besluit(leverancier=Leverancier("Medipoint", None, "12345678", None))
    assert exc.value.code == "leverancier-onvolledig"
    assert [v for v, _ in exc.value.velden] == ["leverancier.adres", "leverancier.rekeningnummer"]


@given(
    reden=st.sampled_from(["", "  ", "motief"]),
    info=st.sampled_from([True, False, None]),
    kan=st.sampled_from([True, False, None]),
    risico=st.sampled_from([True, False, None]),
    kwaliteit=st.sampled_from([True, False, None]),
)
def test_een_ontbrekend_antwoord_is_nooit_een_ja(
    reden: str, info: bool | None, kan: bool | None, risico: bool | None, kwaliteit: bool | None
) -> None:
    voldaan, regels = toets_pgb_voorwaarden(PgbVoorwaarden(reden, info, kan, risico, kwaliteit))
    assert voldaan is (
        bool(reden.strip())
        and info is True
        and kan is True
        and risico is False
        and kwaliteit is True
    )
    assert [r.rule for r in regels] == ["PGB-03", "PGB-04", "PGB-07"]


def test_geen_eigen_bijdrage_en_dus_geen_melding() -> None:
    """Bijlage 3 art. 36 (FIN-08) is the eigen bijdrage of a financiële tegemoetkoming; the
    one-off pgb exists because the own share cannot be carried (FIN-05): none, with why."""
    eigen_bijdrage, waarom = geen_eigen_bijdrage()
    assert eigen_bijdrage is False and [r.rule for r in waarom] == ["FIN-05", "FIN-08"]
    b = _besluit()
    assert set(waarom) <= set(b.regels)  # type: ignore[attr-defined]
    assert [r.rule for r in registerregels()] == ["FIN-05", "FIN-08", "FIN-12"]
    pgb = Leveringsvorm.eenmalig_pgb
    controleer_verwijzing(leveringsvorm=pgb, eenmalig_pgb_id="x", eigen_bijdrage=False)
    for kw, code, veld in (
        (
            {"leveringsvorm": pgb, "eenmalig_pgb_id": "x", "eigen_bijdrage": True},
            "regel-geschonden",
            "eigenBijdrage",
        ),
        (
            {"leveringsvorm": pgb, "eenmalig_pgb_id": None, "eigen_bijdrage": False},
            "verplicht",
            "eenmaligPgbId",
        ),
        (
            {"leveringsvorm": Leveringsvorm.pgb, "eenmalig_pgb_id": "x", "eigen_bijdrage": True},
            "niet-toegestaan",
            "eenmaligPgbId",
        ),
    ):
        with pytest.raises(Weigering) as exc:
            controleer_verwijzing(**kw)  # type: ignore[arg-type]
        assert (exc.value.code, exc.value.veld) == (code, veld)
