"""The pgb request as a whole: a necessary maatwerkvoorziening (PGB-01), a plan (PGB-02), the three
conditions combined, and the ZIN alternative whenever the pgb is (or may be) refused."""

from __future__ import annotations

from wmo_pgb.domain.kwalificatie import kwalificeer
from wmo_pgb.domain.plan import PgbPlan
from wmo_pgb.domain.toets.bevinding import (
    Bevinding,
    Leveringsvorm,
    Toetsresultaat,
    Uitkomst,
    Voorwaardenaam,
    combineer,
    ja,
    nee,
    voorwaarde,
)
from wmo_pgb.domain.toets.kan import kan
from wmo_pgb.domain.toets.kwaliteit import kwaliteit
from wmo_pgb.domain.toets.wil import wil
from wmo_shared.regels import Regel


def toets(plan: PgbPlan | None, *, maatwerkvoorziening_vastgesteld: bool | None) -> Toetsresultaat:
    """Test a pgb request. ``maatwerkvoorziening_vastgesteld`` is what the onderzoek concluded
    (PGB-01, seed 000: a pgb only after a maatwerkvoorziening is found necessary): ``False``
    refuses the pgb, and there is no ZIN either; ``None`` means the conclusion was not passed
    on, and then the plan's own maatwerkvoorziening (the one the consulent recorded as found
    necessary) is what the finding rests on, and it says so."""
    if maatwerkvoorziening_vastgesteld is False:
        return Toetsresultaat(
            uitkomst=Uitkomst.NIET_VOLDAAN,
            voorwaarden=(),
            bevindingen=(
                nee(
                    "PGB-01",
                    "Er is geen maatwerkvoorziening noodzakelijk bevonden; een pgb is alleen "
                    "mogelijk voor een noodzakelijke maatwerkvoorziening.",
                ),
            ),
            kwalificatie=None,
            alternatief=None,
        )
    if plan is None:
        return Toetsresultaat(
            uitkomst=Uitkomst.NIET_VOLDAAN,
            voorwaarden=(),
            bevindingen=(
                nee(
                    "PGB-02",
                    "Er is geen pgb-plan aangeleverd. Levert de inwoner geen pgb-plan aan, dan "
                    "wordt het pgb geweigerd en eventueel een voorziening in natura verstrekt.",
                ),
                _alternatief_zin(Uitkomst.NIET_VOLDAAN),
            ),
            kwalificatie=None,
            alternatief=Leveringsvorm.ZORG_IN_NATURA,
        )

    kwalificering = kwalificeer(plan.zorgverlener)
    voorwaarden = (
        voorwaarde(Voorwaardenaam.WIL, wil(plan.keuze)),
        voorwaarde(Voorwaardenaam.KAN, kan(plan.beheerder, plan.risicosituaties)),
        voorwaarde(Voorwaardenaam.KWALITEIT, kwaliteit(plan, kwalificering)),
    )
    uitkomst = combineer(v.uitkomst for v in voorwaarden)
    bevindingen = [
        _noodzakelijk(plan, uit_onderzoek=maatwerkvoorziening_vastgesteld is True),
        ja("PGB-02", "Er is een pgb-plan ingediend."),
        *_gevraagde_omvang(plan),
    ]
    if uitkomst is not Uitkomst.VOLDAAN:
        bevindingen.append(_alternatief_zin(uitkomst))
    return Toetsresultaat(
        uitkomst=uitkomst,
        voorwaarden=voorwaarden,
        bevindingen=tuple(bevindingen),
        kwalificatie=kwalificering.kwalificatie,
        alternatief=None if uitkomst is Uitkomst.VOLDAAN else Leveringsvorm.ZORG_IN_NATURA,
    )


def _noodzakelijk(plan: PgbPlan, *, uit_onderzoek: bool) -> Bevinding:
    product = plan.maatwerkvoorziening.product
    if uit_onderzoek:
        return ja("PGB-01", f"Het onderzoek vond een maatwerkvoorziening noodzakelijk: {product}.")
    return ja(
        "PGB-01",
        f"Het plan noemt de noodzakelijk bevonden maatwerkvoorziening {product}; de conclusie "
        "van het onderzoek is niet meegegeven (maatwerkvoorzieningNodig).",
    )


def _alternatief_zin(uitkomst: Uitkomst) -> Bevinding:
    if uitkomst is Uitkomst.NIET_VOLDAAN:
        tekst = "Het pgb wordt geweigerd; de inwoner kan de voorziening in natura (ZIN) krijgen."
    else:
        tekst = (
            "Weigert de consulent het pgb, dan kan de inwoner de voorziening in natura (ZIN) "
            "krijgen."
        )
    return Bevinding(uitkomst, Regel("PGB-01", tekst))


def _gevraagde_omvang(plan: PgbPlan) -> list[Bevinding]:
    gevraagd, geindiceerd = plan.gevraagde_omvang, plan.maatwerkvoorziening.omvang
    if (
        gevraagd is not None
        and (gevraagd.eenheid, gevraagd.frequentie) == (geindiceerd.eenheid, geindiceerd.frequentie)
        and gevraagd.hoeveelheid > geindiceerd.hoeveelheid
    ):
        return [
            ja(
                "PGB-01",
                f"Het plan vraagt {gevraagd.hoeveelheid} {gevraagd.eenheid.value} "
                f"{_frequentie(gevraagd.frequentie.value)}; het pgb dekt alleen de noodzakelijk "
                f"bevonden {geindiceerd.hoeveelheid} {geindiceerd.eenheid.value}.",
            )
        ]
    return []


def _frequentie(waarde: str) -> str:
    return waarde.replace("_", " ")
