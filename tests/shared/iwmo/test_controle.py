"""Every rejection reason of controle.py, and acceptance of the shipped examples."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.shared.iwmo.voorbeelden import example
from wmo_iwmo.basis import (
    Achternaam,
    BedragMetDC,
    BerichtIdentificatie,
    Geboortedatum,
    Header,
    Omvang,
    Periode,
    Product,
    ProductReferentie,
    VerkorteNaam,
)
from wmo_iwmo.codelijsten import DebetCredit, Eenheid, Frequentie, StatusAanlevering
from wmo_iwmo.controle import (
    Afkeuring,
    EerderGoedgekeurd,
    NoShowBeleid,
    NoShowToestemming,
    Regeluitkomst,
    Toewijzing,
    check_wmo305,
    check_wmo307,
    check_wmo323,
)
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.wmo305 import StartProduct, Wmo305Bericht, Wmo305Client, parse_wmo305
from wmo_iwmo.wmo307 import StopProduct, Wmo307Bericht, Wmo307Client, parse_wmo307
from wmo_iwmo.wmo323 import (
    Declaratie,
    DeclaratieClient,
    Prestatie,
    Wmo323Bericht,
    parse_wmo323,
)
from wmo_shared.regels import Regel

D = dt.date
R = Retourcode
AANBIEDER = "65656055"
BSN = "999900006"
ANDER_BSN = "999900018"
APRIL = Periode(D(2023, 4, 1), D(2023, 4, 30))


def toewijzing(nummer: int = 1, **changes: object) -> Toewijzing:
    base = Toewijzing(
        toewijzingnummer=nummer,
        aanbieder_agb=AANBIEDER,
        client_bsn=BSN,
        productcategorie="01",
        productcode="01A03",
        ingangsdatum=D(2023, 1, 1),
        einddatum=D(2023, 12, 31),
        omvang=Omvang(2, Eenheid.UUR, Frequentie.PER_WEEK),
        tarief=1250,
    )
    return dataclasses.replace(base, **changes)


def codes(uitkomst: Regeluitkomst) -> list[str]:
    return [a.retourcode.value for a in uitkomst.afkeuringen]


# --- start and stop ---


def start_bericht(*producten: StartProduct, afzender: str = AANBIEDER) -> Wmo305Bericht:
    return Wmo305Bericht(
        Header(afzender, "0384", BerichtIdentificatie("S1", D(2023, 2, 1))),
        Wmo305Client(
            BSN, Geboortedatum(D(1950, 1, 1)), "1", VerkorteNaam(Achternaam("Wit")), producten
        ),
    )


def start(nummer: int | None = 1, **changes: object) -> StartProduct:
    base = StartProduct(
        begindatum=D(2023, 2, 1),
        status_aanlevering=StatusAanlevering.EERSTE_AANLEVERING,
        toewijzingnummer=nummer,
        product=Product("01", "01A03"),
        toewijzing_ingangsdatum=D(2023, 1, 1),
    )
    return dataclasses.replace(base, **changes)


def test_examples_305_and_307_are_accepted_for_their_toewijzingen() -> None:
    toewijzingen = [
        toewijzing(300201, productcode="01A11", ingangsdatum=D(2025, 4, 1), einddatum=None),
        toewijzing(300202, productcode="01A12", ingangsdatum=D(2025, 4, 1), einddatum=None),
    ]
    start_msg = parse_wmo305(example("WMO305"))
    stop_msg = parse_wmo307(example("WMO307"))
    assert isinstance(start_msg, Wmo305Bericht) and isinstance(stop_msg, Wmo307Bericht)
    for uitkomst in (*check_wmo305(start_msg, toewijzingen), *check_wmo307(stop_msg, toewijzingen)):
        assert uitkomst.goedgekeurd, uitkomst


def test_start_rejections_are_9019_with_their_reason() -> None:
    bericht = start_bericht(
        start(None),  # 0: no toewijzingnummer
        start(99),  # 1: unknown toewijzing
        start(2),  # 2: toewijzing of another aanbieder
        start(3),  # 3: toewijzing of another client
        start(1, product=Product("02", "01A03")),  # 4: other categorie
        start(1, product=Product("01", "01A04")),  # 5: other code
        start(1, toewijzing_ingangsdatum=D(2023, 1, 2)),  # 6: other ingangsdatum
        start(1, begindatum=D(2022, 12, 31)),  # 7: before the toewijzing
        start(1, begindatum=D(2024, 1, 1)),  # 8: after the toewijzing
        start(1, product=Product("01")),  # 9: category only is fine
        start(1, product=None, toewijzing_ingangsdatum=None),  # 10: minimal is fine
    )
    toewijzingen = [
        toewijzing(1),
        toewijzing(2, aanbieder_agb="11111111"),
        toewijzing(3, client_bsn=ANDER_BSN),
    ]
    uitkomsten = check_wmo305(bericht, toewijzingen)
    assert [u.index for u in uitkomsten] == list(range(11))
    for u in uitkomsten[:9]:
        assert codes(u) == ["9019"], u
    reden = [u.afkeuringen[0].reden for u in uitkomsten[:9]]
    assert "Zonder ToewijzingNummer" in reden[0]
    assert "geen toewijzing 99 aan aanbieder 65656055" in reden[1]
    assert "geen toewijzing 2 aan aanbieder 65656055" in reden[2]
    assert "andere client" in reden[3]
    assert "niet het toegewezen product" in reden[4] and "niet het toegewezen product" in reden[5]
    assert "ToewijzingIngangsdatum" in reden[6]
    assert "Begindatum 2022-12-31 ligt buiten" in reden[7]
    assert "Begindatum 2024-01-01 ligt buiten" in reden[8]
    assert uitkomsten[4].afkeuringen[0].rule == "AAN-01"
    assert uitkomsten[1].afkeuringen[0].regel is None
    assert uitkomsten[9].goedgekeurd and uitkomsten[10].goedgekeurd


def stop(**changes: object) -> StopProduct:
    base = StopProduct(
        begindatum=D(2023, 2, 1),
        reden_beeindiging="19",
        einddatum=D(2023, 6, 30),
        status_aanlevering=StatusAanlevering.EERSTE_AANLEVERING,
        toewijzingnummer=1,
        product=Product("01", "01A03"),
    )
    return dataclasses.replace(base, **changes)


def test_stop_rejections() -> None:
    bericht = Wmo307Bericht(
        Header(AANBIEDER, "0384", BerichtIdentificatie("E1", D(2023, 7, 1))),
        Wmo307Client(
            BSN,
            Geboortedatum(D(1950, 1, 1)),
            "1",
            VerkorteNaam(Achternaam("Wit")),
            (
                stop(),
                stop(einddatum=D(2023, 1, 31)),  # before its begindatum
                stop(einddatum=D(2024, 1, 31)),  # after the toewijzing
                stop(toewijzingnummer=7),  # unknown
                stop(begindatum=D(2022, 1, 1)),  # begin before the toewijzing
            ),
        ),
    )
    uitkomsten = check_wmo307(bericht, [toewijzing(1)])
    assert uitkomsten[0].goedgekeurd
    assert [codes(u) for u in uitkomsten[1:]] == [["9019"]] * 4
    assert "ligt voor begindatum" in uitkomsten[1].afkeuringen[0].reden
    assert "Einddatum 2024-01-31 ligt buiten" in uitkomsten[2].afkeuringen[0].reden
    assert "geen toewijzing 7" in uitkomsten[3].afkeuringen[0].reden
    assert "Begindatum 2022-01-01 ligt buiten" in uitkomsten[4].afkeuringen[0].reden


# --- declaratie ---


def prestatie(
    ref: str = "R1",
    nummer: int = 1,
    volume: int = 8,
    tarief: int | None = 1250,
    bedrag: int | None = None,
    **changes: object,
) -> Prestatie:
    base = Prestatie(
        product_referentie=ProductReferentie(ref),
        toewijzingnummer=nummer,
        productcategorie="01",
        productcode="01A03",
        productperiode=APRIL,
        geleverd_volume=volume,
        eenheid=Eenheid.UUR,
        producttarief=tarief,
        ingediend_bedrag=BedragMetDC(volume * (tarief or 1250) if bedrag is None else bedrag),
    )
    return dataclasses.replace(base, **changes)


def declaratie(
    *prestaties: Prestatie, bsn: str = BSN, totaal: int | None = None, periode: Periode = APRIL
) -> Wmo323Bericht:
    som = sum(p.ingediend_bedrag.signed_cents for p in prestaties)
    totaal_bedrag = som if totaal is None else totaal
    return Wmo323Bericht(
        Header(AANBIEDER, "0384", BerichtIdentificatie("D1", D(2023, 5, 6))),
        Declaratie(
            declaratienummer="DN1",
            declaratieperiode=periode,
            declaratie_dagtekening=D(2023, 5, 6),
            totaal_ingediend_bedrag=BedragMetDC(
                abs(totaal_bedrag), DebetCredit.CREDIT if totaal_bedrag < 0 else DebetCredit.DEBET
            ),
            clienten=(DeclaratieClient(bsn, prestaties),),
        ),
    )


def only(bericht: Wmo323Bericht, *toewijzingen: Toewijzing) -> Regeluitkomst:
    controle = check_wmo323(bericht, toewijzingen or (toewijzing(),))
    assert len(controle.uitkomsten) == 1
    return controle.uitkomsten[0]


def test_example_323_is_accepted_for_its_toewijzingen() -> None:
    bericht = parse_wmo323(example("WMO323"))
    assert isinstance(bericht, Wmo323Bericht)
    maand = Omvang(16, Eenheid.UUR, Frequentie.PER_MAAND)
    toewijzingen = [
        toewijzing(20072, omvang=Omvang(1, Eenheid.UUR, Frequentie.PER_WEEK)),
        toewijzing(200730, productcode="01A04", omvang=maand, tarief=1500),
        toewijzing(20074, client_bsn=ANDER_BSN, omvang=Omvang(4, Eenheid.UUR, Frequentie.TOTAAL)),
        toewijzing(20073, client_bsn=ANDER_BSN, productcode="01A04", omvang=maand, tarief=1500),
    ]
    controle = check_wmo323(bericht, toewijzingen)
    assert controle.goedgekeurd, controle
    assert controle.bericht_afkeuringen == () and controle.signaleringen == ()
    assert [u.bsn for u in controle.uitkomsten] == [BSN, BSN, ANDER_BSN, ANDER_BSN]


def test_unknown_toewijzing_is_9338_and_nothing_else() -> None:
    uitkomst = only(declaratie(prestatie(nummer=5, productcode="XX")))
    assert codes(uitkomst) == ["9338"]
    assert uitkomst.toewijzingnummer == 5


def test_toewijzing_of_another_aanbieder_is_9338() -> None:
    uitkomst = only(declaratie(prestatie()), toewijzing(aanbieder_agb="11111111"))
    assert codes(uitkomst) == ["9338"]
    assert "11111111" not in uitkomst.afkeuringen[0].reden


def test_toewijzing_of_another_client_is_8187() -> None:
    assert codes(only(declaratie(prestatie(), bsn=ANDER_BSN))) == ["8187"]


def test_other_productcategorie_is_9339_and_code_is_9340() -> None:
    uitkomst = only(declaratie(prestatie(productcategorie="02", productcode="01A04")))
    assert codes(uitkomst) == ["9339", "9340"]
    assert all(a.rule == "AAN-01" for a in uitkomst.afkeuringen)


def test_productperiode_outside_the_declaratieperiode_is_9319() -> None:
    mei = Periode(D(2023, 5, 1), D(2023, 5, 31))
    assert codes(only(declaratie(prestatie(volume=2, productperiode=mei)))) == ["9319"]


def test_productperiode_ending_before_it_begins_is_9319() -> None:
    omgekeerd = Periode(D(2023, 4, 20), D(2023, 4, 10))
    uitkomst = only(declaratie(prestatie(volume=2, productperiode=omgekeerd)))
    assert codes(uitkomst) == ["9319"]
    assert "na haar einddatum" in uitkomst.afkeuringen[0].reden


def test_begin_and_end_outside_the_toewijzing_are_9307_and_9308() -> None:
    kort = toewijzing(ingangsdatum=D(2023, 4, 10), einddatum=D(2023, 4, 20))
    assert codes(only(declaratie(prestatie(volume=1)), kort)) == ["9307", "9308"]
    open_einde = toewijzing(ingangsdatum=D(2023, 4, 10), einddatum=None)
    assert codes(only(declaratie(prestatie(volume=1)), open_einde)) == ["9307"]


def test_other_eenheid_is_9341() -> None:
    uitkomst = only(declaratie(prestatie(volume=480, tarief=21, eenheid=Eenheid.MINUUT)))
    assert "9341" in codes(uitkomst)
    assert "9321" not in codes(uitkomst)  # volumes in different units are not compared


def test_volume_above_the_omvang_for_the_period_is_9321() -> None:
    # 2 uur per week over April (30 days) allows ceil(2 x 30 / 7) = 9
    assert only(declaratie(prestatie(volume=9))).goedgekeurd
    uitkomst = only(declaratie(prestatie(volume=10)))
    assert codes(uitkomst) == ["9321"]
    assert "9" in uitkomst.afkeuringen[0].reden and uitkomst.afkeuringen[0].rule == "AAN-01"


def test_line_partly_outside_the_toewijzing_is_not_volume_checked() -> None:
    # toewijzing from 24 April: 7 days would allow 2, but the period is already wrong
    laat = toewijzing(ingangsdatum=D(2023, 4, 24))
    assert codes(only(declaratie(prestatie(volume=3)), laat)) == ["9307"]


def test_sum_of_lines_above_the_omvang_is_9322() -> None:
    eerste_helft = Periode(D(2023, 4, 1), D(2023, 4, 15))
    tweede_helft = Periode(D(2023, 4, 16), D(2023, 4, 30))
    controle = check_wmo323(
        declaratie(
            prestatie("R1", volume=5, productperiode=eerste_helft),  # max ceil(30/7) = 5
            prestatie("R2", volume=5, productperiode=tweede_helft),  # max 5, but together 10 > 9
            prestatie("R3", volume=4, productperiode=eerste_helft),  # 5 + 4 > 5 on 1-15 April
        ),
        [toewijzing()],
    )
    assert [codes(u) for u in controle.uitkomsten] == [[], ["9322"], ["9322"]]
    assert "staat 9 toe" in controle.uitkomsten[1].afkeuringen[0].reden


def test_sum_includes_earlier_approved_lines_and_credits() -> None:
    totaal = toewijzing(omvang=Omvang(10, Eenheid.UUR, Frequentie.TOTAAL))
    maart = Periode(D(2023, 3, 1), D(2023, 3, 31))
    eerder = [EerderGoedgekeurd(1, maart, 8)]
    assert codes(
        check_wmo323(
            declaratie(prestatie(volume=3)), [totaal], eerder_goedgekeurd=eerder
        ).uitkomsten[0]
    ) == ["9322"]
    assert check_wmo323(
        declaratie(prestatie(volume=2)), [totaal], eerder_goedgekeurd=eerder
    ).goedgekeurd
    # a credit of 8 earlier hours in the same message makes room again
    credit = prestatie(
        "C1",
        volume=8,
        productperiode=APRIL,
        ingediend_bedrag=BedragMetDC(10000, DebetCredit.CREDIT),
    )
    eerder_april = [EerderGoedgekeurd(1, APRIL, 8)]
    controle = check_wmo323(
        declaratie(prestatie(volume=9), credit), [toewijzing()], eerder_goedgekeurd=eerder_april
    )
    assert controle.goedgekeurd, controle


def test_credit_lines_are_not_volume_checked() -> None:
    credit = prestatie(
        volume=50, bedrag=62500, ingediend_bedrag=BedragMetDC(62500, DebetCredit.CREDIT)
    )
    assert only(declaratie(credit)).goedgekeurd


def test_tarief_other_than_the_contract_is_0611() -> None:
    uitkomst = only(declaratie(prestatie(volume=4, tarief=1300)))
    assert codes(uitkomst) == ["0611"]
    assert uitkomst.afkeuringen[0].regel == Regel("FIN-13", uitkomst.afkeuringen[0].reden)


def test_bedrag_not_volume_times_tarief_is_9346() -> None:
    assert codes(only(declaratie(prestatie(volume=4, bedrag=5001)))) == ["9346"]
    # without ProductTarief the contract tarief is used
    uitkomst = only(declaratie(prestatie(volume=4, tarief=None, bedrag=4000)))
    assert codes(uitkomst) == ["9346"]
    assert "tarief van de toewijzing" in uitkomst.afkeuringen[0].reden
    assert only(declaratie(prestatie(volume=4, tarief=None, bedrag=5000))).goedgekeurd


def test_euro_lines_skip_the_9346_check() -> None:
    euro = toewijzing(omvang=Omvang(500, Eenheid.EURO, Frequentie.PER_MAAND), tarief=100)
    line = prestatie(volume=300, tarief=100, bedrag=29999, eenheid=Eenheid.EURO)
    assert only(declaratie(line), euro).goedgekeurd


def test_header_total_not_the_sum_of_the_lines_rejects_the_message() -> None:
    controle = check_wmo323(declaratie(prestatie(volume=4), totaal=1), [toewijzing()])
    assert not controle.goedgekeurd
    assert [a.retourcode for a in controle.bericht_afkeuringen] == [R.TECHNISCH_AFGEKEURD]
    assert controle.uitkomsten[0].goedgekeurd


NO_SHOW = NoShowBeleid(productcodes=frozenset({"NOSHW"}))


def no_show(ref: str, dag: int) -> Prestatie:
    return prestatie(
        ref, volume=1, productcode="NOSHW", productperiode=Periode(D(2023, 4, dag), D(2023, 4, dag))
    )


def test_second_no_show_in_a_period_is_refused_aan_05() -> None:
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10), prestatie("R1", volume=4)),
        [toewijzing()],
        no_show=NO_SHOW,
    )
    assert codes(controle.uitkomsten[0]) == []  # first no-show passes, code NOSHW included
    assert codes(controle.uitkomsten[1]) == ["9321"]
    assert controle.uitkomsten[1].afkeuringen[0].rule == "AAN-05"
    assert controle.uitkomsten[2].goedgekeurd
    assert controle.signaleringen == ()


def met_toestemming(*toestemmingen: NoShowToestemming) -> NoShowBeleid:
    return dataclasses.replace(NO_SHOW, toestemmingen=toestemmingen)


def test_no_show_with_gebiedsteam_consent_passes() -> None:
    beleid = met_toestemming(NoShowToestemming(1, Periode(D(2023, 4, 8), D(2023, 4, 14)), 1))
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10)), [toewijzing()], no_show=beleid
    )
    assert controle.goedgekeurd


def test_consent_counts_its_number_in_each_month_its_period_overlaps() -> None:
    """Consent for one more no-show in March-April: a third one in April is refused again;
    consent for a month the lines are not in does not count."""
    maart_april = NoShowToestemming(1, Periode(D(2023, 3, 20), D(2023, 4, 2)), 1)
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10), no_show("N3", 17)),
        [toewijzing()],
        no_show=met_toestemming(maart_april),
    )
    assert [codes(u) for u in controle.uitkomsten] == [[], [], ["9321"]]
    weigering = controle.uitkomsten[2].afkeuringen[0]
    assert weigering.rule == "AAN-05" and "toestemming" in weigering.reden
    mei = NoShowToestemming(1, Periode(D(2023, 5, 1), D(2023, 5, 31)), 5)
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10)),
        [toewijzing()],
        no_show=met_toestemming(mei),
    )
    assert codes(controle.uitkomsten[1]) == ["9321"]


def test_consent_on_a_toewijzing_of_another_aanbieder_does_not_count() -> None:
    """The same client has a toewijzing with another aanbieder; the gebiedsteam's consent on
    that one does not allow this aanbieder a second no-show."""
    ander = toewijzing(2, aanbieder_agb="11112222")
    beleid = met_toestemming(NoShowToestemming(2, APRIL, 3))
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10)), [toewijzing(), ander], no_show=beleid
    )
    assert codes(controle.uitkomsten[1]) == ["9321"]
    # a consent on an unknown toewijzing counts for nobody
    beleid = met_toestemming(NoShowToestemming(99, APRIL, 3))
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10)), [toewijzing()], no_show=beleid
    )
    assert codes(controle.uitkomsten[1]) == ["9321"]


def test_consent_and_earlier_no_shows_count_together() -> None:
    """One earlier no-show in April and consent for one more: one new no-show passes, the
    next is refused."""
    eerder = [EerderGoedgekeurd(1, Periode(D(2023, 4, 24), D(2023, 4, 24)), 1, no_show=True)]
    beleid = met_toestemming(NoShowToestemming(1, APRIL, 1))
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10)),
        [toewijzing()],
        eerder_goedgekeurd=eerder,
        no_show=beleid,
    )
    assert [codes(u) for u in controle.uitkomsten] == [[], ["9321"]]


def test_earlier_no_show_in_the_same_month_counts() -> None:
    eerder = [EerderGoedgekeurd(1, Periode(D(2023, 4, 2), D(2023, 4, 2)), 1, no_show=True)]
    controle = check_wmo323(
        declaratie(no_show("N1", 3)), [toewijzing()], eerder_goedgekeurd=eerder, no_show=NO_SHOW
    )
    assert codes(controle.uitkomsten[0]) == ["9321"]


def test_three_no_shows_in_a_period_are_signalled() -> None:
    controle = check_wmo323(
        declaratie(no_show("N1", 3), no_show("N2", 10), no_show("N3", 17)),
        [toewijzing()],
        no_show=NO_SHOW,
    )
    assert [codes(u) for u in controle.uitkomsten] == [[], ["9321"], ["9321"]]
    (signalering,) = controle.signaleringen
    assert (signalering.bsn, signalering.jaar, signalering.maand, signalering.aantal) == (
        BSN,
        2023,
        4,
        3,
    )
    assert signalering.regel.rule == "AAN-05" and BSN not in signalering.regel.toelichting
    assert signalering.toewijzingnummers == (1,)


def test_without_no_show_policy_a_no_show_code_is_just_another_product() -> None:
    assert codes(only(declaratie(no_show("N1", 3)))) == ["9340"]


def test_afkeuring_regel() -> None:
    assert Afkeuring(R.VOLUME_OVERSCHREDEN, "te veel", "AAN-01").regel == Regel("AAN-01", "te veel")


def test_unknown_contract_tariff_checks_the_amount_against_producttarief() -> None:
    zonder = toewijzing(tarief=None)
    assert codes(only(declaratie(prestatie(tarief=1400)), zonder)) == []
    wrong = prestatie(tarief=1400, bedrag=8 * 1400 + 1)
    assert codes(only(declaratie(wrong), zonder)) == [
        Retourcode.BEDRAG_NIET_VOLUME_MAAL_TARIEF.value
    ]


def test_no_tariff_anywhere_is_rejected_not_guessed() -> None:
    uitkomst = only(declaratie(prestatie(tarief=None, bedrag=1000)), toewijzing(tarief=None))
    assert codes(uitkomst) == [Retourcode.TARIEF_NIET_CONTRACTUEEL.value]
    assert uitkomst.afkeuringen[0].rule == "FIN-13"
