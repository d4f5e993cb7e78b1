"""The financiële tegemoetkoming (seed 001 Bijlage 3): its amount (FIN-01), when it does not fit
(FIN-05), maintenance and repair (FIN-06), the proof of payment (FIN-07), and its life as pure
transition functions: each takes a ``Tegemoetkoming`` and returns a new one, or raises
``OngeldigeOvergang`` naming the rule that forbids it.

Life (FIN-07)::

    voor aanschaf:  berekend → toegekend → betaald → bewijs_ontvangen
                                           betaald → teruggevorderd   (no proof, chance given)
    na aanschaf:    berekend → toegekend → bewijs_ontvangen → betaald
    after a failed programma-van-eisen check, through the client's fault:
                    betaald | bewijs_ontvangen | herzien → herzien (lower) | ingetrokken (nil)
                    herzien | ingetrokken → teruggevorderd   (when more was paid than is due)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from wmo_shared.regels import Regel

from .geld import NUL, afronden, euro, getal, is_hele_centen, percentage_van
from .kostprijs import Factuur, controleer_factuur
from .maanden import plus_maanden
from .policy import TegemoetkomingBeleid
from .soorten import Leveringsvorm, VoorzieningSoort

# ---------------------------------------------------------------------------------------------
# FIN-01: the amount


@dataclass(frozen=True, slots=True)
class TegemoetkomingBerekening:
    kostprijs: Decimal
    percentage: Decimal
    bedrag: Decimal  # rounded half-up to cents, once
    eigen_aandeel: Decimal  # kostprijs - bedrag + niet-noodzakelijke kosten (FIN-05)
    regels: tuple[Regel, ...]


def bereken_bedrag(
    kostprijs: Decimal,
    beleid: TegemoetkomingBeleid,
    *,
    niet_noodzakelijke_kosten: Decimal = NUL,
) -> TegemoetkomingBerekening:
    """FIN-01: ``beleid.percentage`` % of the goedkoopst adequate kostprijs (FIN-03)."""
    if kostprijs < 0 or niet_noodzakelijke_kosten < 0:
        raise ValueError("kostprijs en niet-noodzakelijke kosten zijn niet negatief")
    bedrag = afronden(percentage_van(kostprijs, beleid.percentage))
    eigen_aandeel = afronden(kostprijs - bedrag + niet_noodzakelijke_kosten)
    regels = [
        Regel(
            "FIN-01",
            f"De tegemoetkoming is {getal(beleid.percentage)}% van de goedkoopst adequate "
            f"kostprijs van {euro(kostprijs)}: {euro(bedrag)}. Zij is niet kostendekkend; "
            "de inwoner wordt eigenaar.",
        ),
        Regel(
            "FIN-05",
            f"Het eigen aandeel van de inwoner is {euro(eigen_aandeel)}"
            + (
                f", waarvan {euro(niet_noodzakelijke_kosten)} niet-noodzakelijke kosten."
                if niet_noodzakelijke_kosten
                else "."
            ),
        ),
    ]
    return TegemoetkomingBerekening(
        kostprijs, beleid.percentage, bedrag, eigen_aandeel, tuple(regels)
    )


@dataclass(frozen=True, slots=True)
class Beoordeling:
    toegestaan: bool
    regels: tuple[Regel, ...]


def tegemoetkoming_mogelijk(
    voorziening: VoorzieningSoort,
    *,
    goedkoper_dan_zin: bool = False,
    gemotiveerd_buiten_kernassortiment: bool = False,
) -> Beoordeling:
    """FIN-02: possible for every woonvoorziening; for a hulpmiddel (or sportvoorziening) only
    when it is cheaper than ZIN or the client, with reasons, wants another aid than the
    kernassortiment offers. Vervoer has its own rules (FIN-10, ``vervoer.py``)."""
    if not voorziening.is_hulpmiddel:
        return Beoordeling(
            True,
            (Regel("FIN-02", f"Een tegemoetkoming is mogelijk voor een {voorziening}."),),
        )
    if goedkoper_dan_zin or gemotiveerd_buiten_kernassortiment:
        reden = (
            "goedkoper dan verstrekking in natura"
            if goedkoper_dan_zin
            else "de inwoner wil gemotiveerd een ander hulpmiddel dan het kernassortiment"
        )
        return Beoordeling(
            True, (Regel("FIN-02", f"Tegemoetkoming voor een hulpmiddel mogelijk: {reden}."),)
        )
    return Beoordeling(
        False,
        (
            Regel(
                "FIN-02",
                "Een hulpmiddel wordt bij voorkeur in natura verstrekt; een tegemoetkoming alleen "
                "als die goedkoper is of de inwoner gemotiveerd een ander hulpmiddel wil.",
            ),
        ),
    )


# ---------------------------------------------------------------------------------------------
# FIN-05: when the own share cannot or will not be paid


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


# ---------------------------------------------------------------------------------------------
# FIN-06: maintenance, repair and insurance


@dataclass(frozen=True, slots=True)
class OnderhoudUitkomst:
    toegekend: bool
    bedrag: Decimal  # 0 when refused
    eigen_bijdrage: bool  # always False: no eigen bijdrage on maintenance or repair
    regels: tuple[Regel, ...]


def beoordeel_onderhoud(
    *,
    bedrag_offerte_of_factuur: Decimal,
    vooraf_contact: bool,
    onder_garantie: bool,
    onzorgvuldig_gebruik: bool,
    noodzakelijk: bool,
    beleid: TegemoetkomingBeleid,
) -> OnderhoudUitkomst:
    """FIN-06: ``beleid.onderhoud_percentage`` % of the realistic quote or invoice; refused when
    the client did not contact the gemeente before the work, when warranty covers it, when the
    cost comes from careless use, or when the work is not necessary."""
    if bedrag_offerte_of_factuur < 0:
        raise ValueError("bedrag is negatief")
    weigering: str | None = None
    if not vooraf_contact:
        weigering = "de inwoner heeft niet vóór het onderhoud of de reparatie contact opgenomen"
    elif onder_garantie:
        weigering = "de wettelijke, fabrieks- of verkopersgarantie gaat voor"
    elif onzorgvuldig_gebruik:
        weigering = "de kosten komen door onzorgvuldig gebruik en zijn voor de inwoner"
    elif not noodzakelijk:
        weigering = "het onderhoud of de reparatie is niet noodzakelijk voor adequaat gebruik"
    geen_eb = Regel("FIN-06", "Op onderhoud en reparatie wordt geen eigen bijdrage opgelegd.")
    if weigering:
        return OnderhoudUitkomst(
            False, NUL, False, (Regel("FIN-06", f"Afgewezen: {weigering}."), geen_eb)
        )
    bedrag = afronden(percentage_van(bedrag_offerte_of_factuur, beleid.onderhoud_percentage))
    toelichting = (
        f"Tegemoetkoming in onderhoud/reparatie: {getal(beleid.onderhoud_percentage)}% van "
        f"{euro(bedrag_offerte_of_factuur)} = {euro(bedrag)}."
    )
    return OnderhoudUitkomst(True, bedrag, False, (Regel("FIN-06", toelichting), geen_eb))


def verzekering_vergoedbaar(voorziening: VoorzieningSoort, *, verplicht: bool) -> Beoordeling:
    """FIN-06: a compulsory insurance of a hulpmiddel or roerende voorziening may be paid; the
    insurance of an onroerende voorziening (e.g. an aanbouw) is the owner's own."""
    if voorziening.is_onroerend:
        return Beoordeling(
            False,
            (
                Regel(
                    "FIN-06",
                    "Verzekering van een onroerende woonvoorziening is voor de inwoner als "
                    "eigenaar.",
                ),
            ),
        )
    if not verplicht:
        return Beoordeling(
            False, (Regel("FIN-06", "Alleen een verplichte verzekering kan worden vergoed."),)
        )
    return Beoordeling(
        True,
        (Regel("FIN-06", f"De verplichte verzekering van de {voorziening} kan worden vergoed."),),
    )


# ---------------------------------------------------------------------------------------------
# FIN-07: payment and proof


class Betaalmoment(StrEnum):
    voor_aanschaf = "voor_aanschaf"
    na_aanschaf = "na_aanschaf"


@dataclass(frozen=True, slots=True)
class BewijsTermijn:
    grondslag: dt.date  # besluitdatum, or aanschaf-/factuurdatum
    uiterlijk: dt.date
    regels: tuple[Regel, ...]


def bewijs_termijn(
    betaalmoment: Betaalmoment,
    *,
    beleid: TegemoetkomingBeleid,
    besluitdatum: dt.date | None = None,
    aanschafdatum: dt.date | None = None,
    factuurdatum: dt.date | None = None,
) -> BewijsTermijn:
    """FIN-07: the proof is due ``bewijs_termijn_maanden`` calendar months after the besluit
    (paid before purchase) or after the purchase/invoice date (paid after purchase); a day that
    does not exist in the target month becomes its last day (30 Nov + 3 = 28/29 Feb).

    With both a purchase and an invoice date the later one counts, so a client who receives the
    invoice after delivery keeps the full term."""
    maanden = beleid.bewijs_termijn_maanden
    if betaalmoment is Betaalmoment.voor_aanschaf:
        if besluitdatum is None:
            raise ValueError("besluitdatum is nodig bij betaling vóór aanschaf")
        grondslag = besluitdatum
        waarvan = f"na de besluitdatum {besluitdatum.isoformat()}"
    else:
        datums = [d for d in (aanschafdatum, factuurdatum) if d is not None]
        if not datums:
            raise ValueError("aanschaf- of factuurdatum is nodig bij betaling na aanschaf")
        grondslag = max(datums)
        waarvan = f"na de aanschaf-/factuurdatum {grondslag.isoformat()}"
    uiterlijk = plus_maanden(grondslag, maanden)
    toelichting = (
        f"Het betaalbewijs moet binnen {maanden} maanden {waarvan} binnen zijn: uiterlijk "
        f"{uiterlijk.isoformat()}."
    )
    return BewijsTermijn(grondslag, uiterlijk, (Regel("FIN-07", toelichting),))


# ---------------------------------------------------------------------------------------------
# The life of a tegemoetkoming


class TegemoetkomingStatus(StrEnum):
    berekend = "berekend"
    toegekend = "toegekend"
    betaald = "betaald"
    bewijs_ontvangen = "bewijs_ontvangen"
    herzien = "herzien"
    ingetrokken = "ingetrokken"
    teruggevorderd = "teruggevorderd"


S = TegemoetkomingStatus

OVERGANGEN: dict[Betaalmoment, dict[TegemoetkomingStatus, frozenset[TegemoetkomingStatus]]] = {
    Betaalmoment.voor_aanschaf: {
        S.berekend: frozenset({S.toegekend}),
        S.toegekend: frozenset({S.betaald}),
        S.betaald: frozenset({S.bewijs_ontvangen, S.teruggevorderd, S.herzien, S.ingetrokken}),
        S.bewijs_ontvangen: frozenset({S.herzien, S.ingetrokken}),
        S.herzien: frozenset({S.herzien, S.ingetrokken, S.teruggevorderd}),
        S.ingetrokken: frozenset({S.teruggevorderd}),
        S.teruggevorderd: frozenset(),
    },
    Betaalmoment.na_aanschaf: {
        S.berekend: frozenset({S.toegekend}),
        S.toegekend: frozenset({S.bewijs_ontvangen}),
        S.bewijs_ontvangen: frozenset({S.betaald}),
        S.betaald: frozenset({S.herzien, S.ingetrokken}),
        S.herzien: frozenset({S.herzien, S.ingetrokken, S.teruggevorderd}),
        S.ingetrokken: frozenset({S.teruggevorderd}),
        S.teruggevorderd: frozenset(),
    },
}


class OngeldigeOvergang(ValueError):
    """A transition the rules do not allow; ``rule`` names the rule (API: 409/422)."""

    def __init__(self, rule: str, toelichting: str) -> None:
        self.rule = rule
        self.toelichting = toelichting
        super().__init__(f"{rule}: {toelichting}")


@dataclass(frozen=True, slots=True)
class Overgang:
    van: TegemoetkomingStatus | None
    naar: TegemoetkomingStatus
    datum: dt.date
    regels: tuple[Regel, ...]


@dataclass(frozen=True, slots=True)
class Tegemoetkoming:
    voorziening: VoorzieningSoort
    betaalmoment: Betaalmoment
    kostprijs: Decimal
    percentage: Decimal
    bedrag: Decimal  # current amount granted; lowered by a revision
    oorspronkelijk_bedrag: Decimal
    status: TegemoetkomingStatus
    besluitdatum: dt.date | None = None
    bewijs_uiterlijk: dt.date | None = None
    controle_uiterlijk: dt.date | None = None  # home visit possible until (FIN-07)
    bewijs_ontvangen_op: dt.date | None = None
    betaald_op: dt.date | None = None
    betaald_bedrag: Decimal = NUL
    terug_te_vorderen: Decimal = NUL
    teruggevorderd_bedrag: Decimal = NUL
    historie: tuple[Overgang, ...] = ()

    @property
    def regels(self) -> tuple[Regel, ...]:
        return tuple(r for o in self.historie for r in o.regels)

    def volgende_statussen(self) -> frozenset[TegemoetkomingStatus]:
        mogelijk = OVERGANGEN[self.betaalmoment][self.status]
        if self.terug_te_vorderen <= 0 and self.status in (S.herzien, S.ingetrokken):
            mogelijk = mogelijk - {S.teruggevorderd}
        return mogelijk


def _historie(
    t: Tegemoetkoming, naar: TegemoetkomingStatus, datum: dt.date, regels: tuple[Regel, ...]
) -> tuple[Overgang, ...]:
    """The history with this transition added; ``OngeldigeOvergang`` when it is not allowed."""
    if naar not in t.volgende_statussen():
        raise OngeldigeOvergang(
            "FIN-07",
            f"Een tegemoetkoming ({t.betaalmoment}) kan niet van '{t.status}' naar '{naar}'.",
        )
    return (*t.historie, Overgang(t.status, naar, datum, regels))


def bereken(
    *,
    voorziening: VoorzieningSoort,
    betaalmoment: Betaalmoment,
    kostprijs: Decimal,
    peildatum: dt.date,
    beleid: TegemoetkomingBeleid,
) -> Tegemoetkoming:
    """The start of the life: the amount of FIN-01 on the goedkoopst adequate kostprijs."""
    berekening = bereken_bedrag(kostprijs, beleid)
    return Tegemoetkoming(
        voorziening=voorziening,
        betaalmoment=betaalmoment,
        kostprijs=kostprijs,
        percentage=beleid.percentage,
        bedrag=berekening.bedrag,
        oorspronkelijk_bedrag=berekening.bedrag,
        status=S.berekend,
        historie=(Overgang(None, S.berekend, peildatum, berekening.regels),),
    )


def ken_toe(
    t: Tegemoetkoming, *, besluitdatum: dt.date, beleid: TegemoetkomingBeleid
) -> Tegemoetkoming:
    """berekend → toegekend. Paid before purchase: the proof is due from the besluit on."""
    regels: list[Regel] = [
        Regel("FIN-07", f"Toegekend bij besluit van {besluitdatum.isoformat()}: {euro(t.bedrag)}.")
    ]
    bewijs_uiterlijk = None
    if t.betaalmoment is Betaalmoment.voor_aanschaf:
        termijn = bewijs_termijn(t.betaalmoment, beleid=beleid, besluitdatum=besluitdatum)
        bewijs_uiterlijk = termijn.uiterlijk
        regels.extend(termijn.regels)
    else:
        regels.append(
            Regel(
                "FIN-07",
                "Uitbetaling volgt na het betaalbewijs, dat binnen "
                f"{beleid.bewijs_termijn_maanden} maanden na de aanschaf- of factuurdatum "
                "binnen moet zijn.",
            )
        )
    controle = plus_maanden(besluitdatum, beleid.controle_termijn_maanden)
    regels.append(
        Regel("FIN-07", f"Een huisbezoek ter controle kan tot en met {controle.isoformat()}.")
    )
    return replace(
        t,
        status=S.toegekend,
        historie=_historie(t, S.toegekend, besluitdatum, tuple(regels)),
        besluitdatum=besluitdatum,
        bewijs_uiterlijk=bewijs_uiterlijk,
        controle_uiterlijk=controle,
    )


def betaal(t: Tegemoetkoming, *, betaald_op: dt.date) -> Tegemoetkoming:
    """toegekend → betaald (before purchase) or bewijs_ontvangen → betaald (after purchase)."""
    if t.betaalmoment is Betaalmoment.voor_aanschaf:
        toelichting = f"{euro(t.bedrag)} betaald vóór de aanschaf."
    else:
        toelichting = f"{euro(t.bedrag)} betaald na ontvangst van het betaalbewijs."
    return replace(
        t,
        status=S.betaald,
        historie=_historie(t, S.betaald, betaald_op, (Regel("FIN-07", toelichting),)),
        betaald_op=betaald_op,
        betaald_bedrag=t.bedrag,
    )


def ontvang_bewijs(
    t: Tegemoetkoming,
    *,
    ontvangen_op: dt.date,
    beleid: TegemoetkomingBeleid,
    factuur: Factuur | None = None,
    aanschafdatum: dt.date | None = None,
) -> Tegemoetkoming:
    """The invoice or other proof of payment arrives.

    An invoice must be complete (FIN-04). After purchase the term runs from the purchase or
    invoice date. A late proof is still accepted while nothing was recovered: the client must
    always get the chance to send it (FIN-07); the lateness is recorded.
    """
    regels: list[Regel] = []
    factuurdatum = None
    if factuur is not None:
        volledigheid = controleer_factuur(factuur)
        if not volledigheid.volledig:
            raise OngeldigeOvergang(
                "FIN-04", "De factuur mist: " + ", ".join(volledigheid.ontbrekend) + "."
            )
        regels.extend(volledigheid.regels)
        factuurdatum = factuur.factuurdatum
        aanschafdatum = aanschafdatum or factuur.afleverdatum
    uiterlijk = t.bewijs_uiterlijk
    if t.betaalmoment is Betaalmoment.na_aanschaf:
        if aanschafdatum is None and factuurdatum is None:
            raise OngeldigeOvergang(
                "FIN-07", "Bij betaling na aanschaf is de aanschaf- of factuurdatum nodig."
            )
        termijn = bewijs_termijn(
            t.betaalmoment, beleid=beleid, aanschafdatum=aanschafdatum, factuurdatum=factuurdatum
        )
        uiterlijk = termijn.uiterlijk
        regels.extend(termijn.regels)
    if uiterlijk is not None and ontvangen_op > uiterlijk:
        regels.append(
            Regel(
                "FIN-07",
                f"Het betaalbewijs kwam op {ontvangen_op.isoformat()}, na de termijn "
                f"({uiterlijk.isoformat()}); het wordt alsnog aanvaard.",
            )
        )
    else:
        regels.append(Regel("FIN-07", f"Betaalbewijs ontvangen op {ontvangen_op.isoformat()}."))
    return replace(
        t,
        status=S.bewijs_ontvangen,
        historie=_historie(t, S.bewijs_ontvangen, ontvangen_op, tuple(regels)),
        bewijs_ontvangen_op=ontvangen_op,
        bewijs_uiterlijk=uiterlijk,
    )


def vorder_terug(t: Tegemoetkoming, *, datum: dt.date, gelegenheid_gegeven: bool) -> Tegemoetkoming:
    """→ teruggevorderd. Paid before purchase without proof: only after the term has passed and
    after the client had the chance to still buy or send proof. After a revision: what was paid
    above the revised amount."""
    if t.status is S.betaald:
        if t.bewijs_uiterlijk is None or datum <= t.bewijs_uiterlijk:
            raise OngeldigeOvergang(
                "FIN-07", "De termijn voor het betaalbewijs is nog niet verstreken."
            )
        if not gelegenheid_gegeven:
            raise OngeldigeOvergang(
                "FIN-07",
                "De inwoner moet eerst de gelegenheid krijgen de voorziening alsnog aan te "
                "schaffen of het bewijs alsnog in te leveren.",
            )
        bedrag = t.betaald_bedrag
        toelichting = (
            f"Geen betaalbewijs binnen de termijn (tot {t.bewijs_uiterlijk.isoformat()}) en ook "
            f"na de geboden gelegenheid niet: {euro(bedrag)} wordt teruggevorderd."
        )
    else:
        bedrag = t.terug_te_vorderen
        toelichting = f"Na de herziening wordt {euro(bedrag)} teruggevorderd."
    return replace(
        t,
        status=S.teruggevorderd,
        historie=_historie(t, S.teruggevorderd, datum, (Regel("FIN-07", toelichting),)),
        terug_te_vorderen=bedrag,
        teruggevorderd_bedrag=bedrag,
    )


def herzie_na_pve(
    t: Tegemoetkoming, *, datum: dt.date, nieuw_bedrag: Decimal, verwijtbaar: bool
) -> Tegemoetkoming:
    """A check against the programma van eisen failed: the amount goes down (herzien) or to nil
    (ingetrokken), but only when the client can be blamed (FIN-07)."""
    if not {S.herzien, S.ingetrokken} & t.volgende_statussen():
        raise OngeldigeOvergang(
            "FIN-07", f"Een tegemoetkoming in status '{t.status}' kan niet worden herzien."
        )
    if not verwijtbaar:
        raise OngeldigeOvergang(
            "FIN-07",
            "De voorziening voldoet niet aan het programma van eisen, maar dat is de inwoner "
            "niet aan te rekenen: geen herziening.",
        )
    if nieuw_bedrag < 0 or nieuw_bedrag >= t.bedrag or not is_hele_centen(nieuw_bedrag):
        raise OngeldigeOvergang(
            "FIN-07",
            f"Het herziene bedrag moet lager zijn dan {euro(t.bedrag)}, niet negatief en in "
            "hele centen.",
        )
    naar = S.ingetrokken if nieuw_bedrag == 0 else S.herzien
    terug = max(NUL, t.betaald_bedrag - nieuw_bedrag)
    toelichting = (
        f"De voorziening voldoet door toedoen van de inwoner niet aan het programma van eisen: "
        f"de tegemoetkoming gaat van {euro(t.bedrag)} naar {euro(nieuw_bedrag)}"
        + (f"; terug te vorderen {euro(terug)}." if terug else ".")
    )
    return replace(
        t,
        status=naar,
        historie=_historie(t, naar, datum, (Regel("FIN-07", toelichting),)),
        bedrag=nieuw_bedrag,
        terug_te_vorderen=terug,
    )
