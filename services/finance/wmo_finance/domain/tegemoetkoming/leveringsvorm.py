"""FIN-05: when the own share cannot or will not be paid, a tegemoetkoming does not fit."""

from __future__ import annotations

from dataclasses import dataclass

from wmo_finance.domain.soorten import Leveringsvorm
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class LeveringsvormUitkomst:
    leveringsvorm: Leveringsvorm | None  # None: no fitting form (see regels)
    regels: tuple[Regel, ...]


def kies_leveringsvorm(
    *,
    wil_eigen_aandeel_betalen: bool,
    kan_eigen_aandeel_betalen: bool,
    onvermogen_aannemelijk: bool,
    zin_mogelijk: bool,
    pgb_voorwaarden_voldaan: bool,
) -> LeveringsvormUitkomst:
    """FIN-05 (seed 001 Bijlage 3 "Wanneer geen financiële tegemoetkoming?").

    Can and will pay → tegemoetkoming. Cannot pay, made plausible → the cheapest adequate ZIN;
    if impossible, a one-off pgb the gemeente pays to the supplier (pgb conditions apply).
    Cannot pay but not made plausible → the tegemoetkoming still fits. Will not pay → ZIN; the
    seed offers the one-off pgb only to who cannot pay, so without ZIN nothing fits.
    """
    if kan_eigen_aandeel_betalen and wil_eigen_aandeel_betalen:
        return LeveringsvormUitkomst(
            Leveringsvorm.financiele_tegemoetkoming,
            (Regel("FIN-05", "De inwoner kan en wil het eigen aandeel betalen."),),
        )
    if not kan_eigen_aandeel_betalen and not onvermogen_aannemelijk:
        return LeveringsvormUitkomst(
            Leveringsvorm.financiele_tegemoetkoming,
            (
                Regel(
                    "FIN-05",
                    "De inwoner heeft niet aannemelijk gemaakt dat hij het eigen aandeel niet "
                    "kan betalen; de tegemoetkoming blijft passend.",
                ),
            ),
        )
    reden = (
        "kan het eigen aandeel aantoonbaar niet betalen"
        if not kan_eigen_aandeel_betalen
        else "wil het eigen aandeel niet betalen"
    )
    if zin_mogelijk:
        return LeveringsvormUitkomst(
            Leveringsvorm.zin,
            (
                Regel(
                    "FIN-05",
                    f"De inwoner {reden}: een tegemoetkoming past niet; de goedkoopst adequate "
                    "voorziening in natura wordt verstrekt.",
                ),
            ),
        )
    if kan_eigen_aandeel_betalen:
        return LeveringsvormUitkomst(
            None,
            (
                Regel(
                    "FIN-05",
                    f"De inwoner {reden} en in natura is niet mogelijk; een eenmalig pgb is "
                    "alleen bedoeld voor wie het eigen aandeel niet kan betalen.",
                ),
            ),
        )
    if pgb_voorwaarden_voldaan:
        return LeveringsvormUitkomst(
            Leveringsvorm.eenmalig_pgb,
            (
                Regel(
                    "FIN-05",
                    f"De inwoner {reden} en in natura is niet mogelijk: een eenmalig pgb, dat de "
                    "gemeente rechtstreeks aan de leverancier betaalt.",
                ),
            ),
        )
    return LeveringsvormUitkomst(
        None,
        (
            Regel(
                "FIN-05",
                f"De inwoner {reden}, in natura is niet mogelijk en aan de pgb-voorwaarden is "
                "niet voldaan: geen passende verstrekkingsvorm.",
            ),
        ),
    )
