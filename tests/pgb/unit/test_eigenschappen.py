"""Property tests: the toets and the besluit never crash and stay consistent; a budget is never
negative, always whole cents, and informal care never gets more than formal care."""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from typing import TypeVar

from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.pgb.unit.voorbeelden import SCENARIO_C, ooststellingwerf, walcheren
from wmo_pgb.domain.besluit import Besluit, Besluituitkomst, Schending, neem_besluit
from wmo_pgb.domain.budget import BudgetNietTeBepalen, Offerte, Periode, bereken_budget
from wmo_pgb.domain.kwalificatie import Kwalificatie, kwalificeer
from wmo_pgb.domain.plan import (
    MAXIMUM_OMVANG,
    Beheerder,
    BeheerderRol,
    Beheerkosten,
    Contractvorm,
    Eenheid,
    Frequentie,
    Hulpduur,
    Keuze,
    Maatwerkvoorziening,
    Netwerkinzet,
    Omvang,
    PgbPlan,
    Pgbvaardigheid,
    RelatieMetZorgverlener,
    Risicosituaties,
    Schuldhulp,
    Zorgverlener,
    ZorgverlenerSoort,
)
from wmo_pgb.domain.policy import PgbBeleid, Svb, Tariefregel, Tarieven
from wmo_pgb.domain.toets import Leveringsvorm, Uitkomst, combineer, toets

# Per test, not a global profile: other services' tests keep their own settings.
instellingen = settings(deadline=None, max_examples=200)

T = TypeVar("T")

ja_nee_onbekend = st.none() | st.booleans()
teksten = st.sampled_from(["", "  ", "zelfredzaam blijven"]) | st.text(max_size=30)


def _optioneel(strategie: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategie


def _omvangen(frequenties: list[Frequentie]) -> st.SearchStrategy[Omvang]:
    """Omvangen up to 200 units, within what their unit and frequency can hold."""

    @st.composite
    def omvang(draw: st.DrawFn) -> Omvang:
        eenheid = draw(st.sampled_from(Eenheid))
        frequentie = draw(st.sampled_from(frequenties))
        maximum = min(Decimal(200), MAXIMUM_OMVANG[frequentie][eenheid])
        hoeveelheid = draw(st.decimals(min_value=Decimal("0.01"), max_value=maximum, places=2))
        return Omvang(hoeveelheid=hoeveelheid, eenheid=eenheid, frequentie=frequentie)

    return omvang()


omvangen = _omvangen(list(Frequentie))

plannen = st.builds(
    PgbPlan,
    maatwerkvoorziening=st.builds(
        Maatwerkvoorziening, product=st.just("begeleiding"), omvang=omvangen
    ),
    gevraagde_omvang=_optioneel(omvangen),
    keuze=st.builds(
        Keuze,
        reden=teksten,
        geinformeerd_over_administratie=ja_nee_onbekend,
        geinformeerd_over_werkgeverschap=ja_nee_onbekend,
        geinformeerd_over_zin=ja_nee_onbekend,
    ),
    beheerder=st.builds(
        Beheerder,
        rol=st.sampled_from(BeheerderRol),
        vaardigheden=st.dictionaries(st.sampled_from(Pgbvaardigheid), st.booleans()),
        met_hulp_van_ander=ja_nee_onbekend,
        heeft_tijd_en_ruimte=ja_nee_onbekend,
        relatie_met_zorgverlener=_optioneel(st.sampled_from(RelatieMetZorgverlener)),
        beheerkosten=_optioneel(st.sampled_from(Beheerkosten)),
    ),
    risicosituaties=st.builds(
        Risicosituaties,
        cognitieve_beperking=ja_nee_onbekend,
        laaggeletterd=ja_nee_onbekend,
        problematische_schulden=ja_nee_onbekend,
        schuldhulp=_optioneel(st.sampled_from(Schuldhulp)),
    ),
    zorgverlener=st.builds(
        Zorgverlener,
        soort=st.sampled_from(ZorgverlenerSoort),
        kvk_nummer=_optioneel(st.from_regex(r"[0-9]{8}", fullmatch=True)),
        erkende_kwalificatie=st.booleans(),
        is_overbelaste_mantelzorger=ja_nee_onbekend,
        voldoet_aan_kwaliteitseis=ja_nee_onbekend,
    ),
    contractvorm=_optioneel(st.sampled_from(Contractvorm)),
    doelen=st.lists(teksten, max_size=2).map(tuple),
    bijdrage_aan_doelen=teksten,
    kwaliteitswaarborg=teksten,
    ernstige_problematiek=ja_nee_onbekend,
    netwerkinzet=_optioneel(
        st.builds(
            Netwerkinzet,
            soort_hulp=teksten,
            frequentie=teksten,
            duur=_optioneel(st.sampled_from(Hulpduur)),
            verplichtend=ja_nee_onbekend,
            waarom_beter=teksten,
        )
    ),
)

# Scenario C with up to two answers changed: reaches voldaan and oordeel_consulent often, where
# fully random plans almost always fail somewhere.
MUTATIES: dict[tuple[str, ...], st.SearchStrategy[object]] = {
    ("keuze", "reden"): teksten,
    ("keuze", "geinformeerd_over_zin"): ja_nee_onbekend,
    ("keuze", "geinformeerd_over_administratie"): ja_nee_onbekend,
    ("beheerder", "rol"): st.sampled_from(BeheerderRol),
    ("beheerder", "vaardigheden"): st.dictionaries(st.sampled_from(Pgbvaardigheid), st.booleans()),
    ("beheerder", "met_hulp_van_ander"): ja_nee_onbekend,
    ("beheerder", "heeft_tijd_en_ruimte"): ja_nee_onbekend,
    ("beheerder", "relatie_met_zorgverlener"): _optioneel(st.sampled_from(RelatieMetZorgverlener)),
    ("beheerder", "beheerkosten"): _optioneel(st.sampled_from(Beheerkosten)),
    ("risicosituaties", "cognitieve_beperking"): ja_nee_onbekend,
    ("risicosituaties", "problematische_schulden"): ja_nee_onbekend,
    ("risicosituaties", "schuldhulp"): _optioneel(st.sampled_from(Schuldhulp)),
    ("zorgverlener", "soort"): st.sampled_from(ZorgverlenerSoort),
    ("zorgverlener", "kvk_nummer"): st.just("12345678"),
    ("zorgverlener", "erkende_kwalificatie"): st.booleans(),
    ("zorgverlener", "is_overbelaste_mantelzorger"): ja_nee_onbekend,
    ("zorgverlener", "voldoet_aan_kwaliteitseis"): ja_nee_onbekend,
    ("contractvorm",): _optioneel(st.sampled_from(Contractvorm)),
    ("kwaliteitswaarborg",): teksten,
    ("ernstige_problematiek",): ja_nee_onbekend,
}


@st.composite
def bijna_scenario_c(draw: st.DrawFn) -> PgbPlan:
    data = copy.deepcopy(SCENARIO_C)
    for pad in draw(st.lists(st.sampled_from(list(MUTATIES)), max_size=2, unique=True)):
        *ouders, veld = pad
        doel = data
        for ouder in ouders:
            doel = doel[ouder]
        doel[veld] = draw(MUTATIES[pad])
    return PgbPlan.model_validate(data)


plannen = st.one_of(bijna_scenario_c(), bijna_scenario_c(), plannen)

RULE = re.compile(r"PGB-(0[1-9]|1[0-4])")


@instellingen
@given(plan=_optioneel(plannen), vastgesteld=st.sampled_from([True, True, True, False]))
def test_toets_never_crashes_and_is_consistent(plan: PgbPlan | None, vastgesteld: bool) -> None:
    resultaat = toets(plan, maatwerkvoorziening_vastgesteld=vastgesteld)
    event(resultaat.uitkomst.value)

    if resultaat.voorwaarden:
        assert resultaat.uitkomst is combineer(v.uitkomst for v in resultaat.voorwaarden)
        for voorwaarde in resultaat.voorwaarden:
            assert voorwaarde.bevindingen
            assert voorwaarde.uitkomst is combineer(b.uitkomst for b in voorwaarde.bevindingen)
    voldaan = resultaat.uitkomst is Uitkomst.VOLDAAN
    assert (resultaat.beslissend is None) == voldaan
    if voldaan or not vastgesteld:
        assert resultaat.alternatief is None
    else:
        assert resultaat.alternatief is Leveringsvorm.ZORG_IN_NATURA
    if plan is not None and vastgesteld:
        assert resultaat.kwalificatie is kwalificeer(plan.zorgverlener).kwalificatie
    for regel in resultaat.regels:
        assert RULE.fullmatch(regel.rule)
        assert regel.toelichting.strip()


@instellingen
@given(
    plan=_optioneel(plannen),
    vastgesteld=st.booleans(),
    uitkomst=st.sampled_from(Besluituitkomst),
    motivering=st.sampled_from([None, "", "   ", "Gemotiveerd na huisbezoek."]),
)
def test_besluit_never_crashes_and_motivates_every_deviation(
    plan: PgbPlan | None,
    vastgesteld: bool,
    uitkomst: Besluituitkomst,
    motivering: str | None,
) -> None:
    resultaat = toets(plan, maatwerkvoorziening_vastgesteld=vastgesteld)
    besluit = neem_besluit(resultaat, uitkomst=uitkomst, motivering=motivering)
    if isinstance(besluit, Schending):
        assert besluit.veld in {"motivering", "uitkomst"}
        assert RULE.fullmatch(besluit.rule)
        return
    assert isinstance(besluit, Besluit)
    assert besluit.uitkomst is uitkomst
    if not besluit.volgt_toets:
        assert besluit.motivering
    if uitkomst is Besluituitkomst.TOEGEKEND:
        assert besluit.leveringsvorm is Leveringsvorm.PGB
        assert plan is not None and vastgesteld


bedragen = st.decimals(min_value=Decimal(0), max_value=Decimal(500), places=3)
percentages = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100), places=2)
datums = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def perioden(draw: st.DrawFn) -> Periode:
    begin = draw(datums)
    return Periode(begin=begin, eind=begin + dt.timedelta(days=draw(st.integers(0, 800))))


@st.composite
def beleiden(draw: st.DrawFn) -> PgbBeleid:
    def regel(maximum: Decimal | None) -> Tariefregel:
        percentage = draw(_optioneel(percentages))
        if percentage is not None and maximum is not None:
            percentage = min(percentage, maximum)
        return Tariefregel(
            afgesproken_pgb_tarief=draw(st.booleans()),
            percentage_van_zin=percentage,
            minimaal_aantal_offertes=draw(st.none() | st.integers(1, 3))
            if percentage is not None
            else draw(st.integers(1, 3)),
        )

    formeel = regel(None)
    return PgbBeleid(
        tarieven=Tarieven(
            formeel=formeel,
            informeel_netwerk=regel(formeel.percentage_van_zin) if draw(st.booleans()) else None,
            informeel_overig=regel(formeel.percentage_van_zin),
        ),
        svb=Svb(),
    )


alle_beleiden = st.sampled_from([walcheren(), ooststellingwerf()]) | beleiden()
offertelijsten = st.lists(
    st.builds(Offerte, aanbieder=st.just("X"), tarief=bedragen, passend=st.booleans()), max_size=4
)


@instellingen
@given(
    beleid=alle_beleiden,
    kwalificatie=st.sampled_from(Kwalificatie),
    omvang=omvangen,
    periode=perioden(),
    zin_tarief=_optioneel(bedragen),
    pgb_tarief=_optioneel(bedragen),
    offertes=offertelijsten,
)
def test_budget_is_never_negative_and_in_whole_cents(
    beleid: PgbBeleid,
    kwalificatie: Kwalificatie,
    omvang: Omvang,
    periode: Periode,
    zin_tarief: Decimal | None,
    pgb_tarief: Decimal | None,
    offertes: list[Offerte],
) -> None:
    try:
        budget = bereken_budget(
            beleid,
            kwalificatie=kwalificatie,
            omvang=omvang,
            periode=periode,
            zin_tarief=zin_tarief,
            pgb_tarief=pgb_tarief,
            offertes=offertes,
        )
    except BudgetNietTeBepalen as fout:
        event(fout.code)
        assert fout.rule == "PGB-11"
        assert fout.reden
        return
    event(budget.tariefgrondslag.value)
    assert budget.bedrag >= 0
    assert budget.bedrag == budget.bedrag.quantize(Decimal("0.01"))
    assert budget.bedrag.as_tuple().exponent == -2
    assert budget.tarief >= 0
    assert {"PGB-11", "FIN-13"} <= {r.rule for r in budget.regels}


@instellingen
@given(
    formeel=percentages,
    fracties=st.tuples(percentages, percentages),
    omvang=omvangen,
    periode=perioden(),
    zin_tarief=bedragen,
)
def test_informal_never_above_formal_when_the_policy_says_so(
    formeel: Decimal,
    fracties: tuple[Decimal, Decimal],
    omvang: Omvang,
    periode: Periode,
    zin_tarief: Decimal,
) -> None:
    netwerk, overig = (formeel * f / 100 for f in fracties)
    beleid = PgbBeleid(
        tarieven=Tarieven(
            formeel=Tariefregel(percentage_van_zin=formeel),
            informeel_netwerk=Tariefregel(percentage_van_zin=netwerk),
            informeel_overig=Tariefregel(percentage_van_zin=overig),
        ),
        svb=Svb(),
    )

    def bedrag(kwalificatie: Kwalificatie) -> Decimal:
        uitkomst: Decimal = bereken_budget(
            beleid, kwalificatie=kwalificatie, omvang=omvang, periode=periode, zin_tarief=zin_tarief
        ).bedrag
        return uitkomst

    assert bedrag(Kwalificatie.INFORMEEL_NETWERK) <= bedrag(Kwalificatie.FORMEEL)
    assert bedrag(Kwalificatie.INFORMEEL_OVERIG) <= bedrag(Kwalificatie.FORMEEL)


@instellingen
@given(
    kwalificatie=st.sampled_from(Kwalificatie),
    omvang=omvangen,
    periode=perioden(),
    zin_tarief=bedragen,
)
def test_walcheren_pays_informal_and_formal_care_alike(
    kwalificatie: Kwalificatie, omvang: Omvang, periode: Periode, zin_tarief: Decimal
) -> None:
    def bedrag(k: Kwalificatie) -> Decimal:
        uitkomst: Decimal = bereken_budget(
            walcheren(), kwalificatie=k, omvang=omvang, periode=periode, zin_tarief=zin_tarief
        ).bedrag
        return uitkomst

    assert bedrag(kwalificatie) == bedrag(Kwalificatie.FORMEEL)


@instellingen
@given(
    omvang=_omvangen([Frequentie.PER_WEEK, Frequentie.PER_MAAND]),
    periode=perioden(),
    data=st.data(),
)
def test_splitting_a_period_neither_loses_nor_adds_a_day(
    omvang: Omvang, periode: Periode, data: st.DataObject
) -> None:
    if periode.dagen < 2:
        return
    knip = periode.begin + dt.timedelta(days=data.draw(st.integers(0, periode.dagen - 2)))
    delen = [
        Periode(begin=periode.begin, eind=knip),
        Periode(begin=knip + dt.timedelta(days=1), eind=periode.eind),
    ]

    def bedrag(p: Periode) -> Decimal:
        uitkomst: Decimal = bereken_budget(
            walcheren(),
            kwalificatie=Kwalificatie.FORMEEL,
            omvang=omvang,
            periode=p,
            zin_tarief=None,
            pgb_tarief=Decimal("17.17"),
        ).bedrag
        return uitkomst

    # Each part is rounded to cents on its own, so they may differ by at most a cent per part.
    assert abs(sum(bedrag(p) for p in delen) - bedrag(periode)) <= Decimal("0.01")
