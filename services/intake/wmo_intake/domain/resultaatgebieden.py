"""Rules per result area (INT-13; RES-01..09, seed 001 H3-H8). Each check returns a
``Bevinding``: what the rule means for a maatwerkvoorziening, with the rule ID."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum, StrEnum
from types import MappingProxyType

from wmo_intake.domain.bevinding import Bevinding, Toetsing, Uitkomst
from wmo_shared.regels import Regel

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_GEEN = Uitkomst.GEEN_MAATWERK
_EERST = Uitkomst.EERST_VOORLIGGEND
_ADVIES = Uitkomst.ADVIES_NODIG


class Resultaatgebied(StrEnum):
    """INT-13: the result areas of seed 001, H3-H9."""

    GESTRUCTUREERD_HUISHOUDEN = "gestructureerd_huishouden"
    VERPLAATSEN_IN_EN_OM_DE_WONING = "verplaatsen_in_en_om_de_woning"
    WONEN_IN_EEN_GESCHIKT_HUIS = "wonen_in_een_geschikt_huis"
    LOKAAL_VERPLAATSEN = "lokaal_verplaatsen"
    ZORGEN_VOOR_KINDEREN = "zorgen_voor_kinderen"
    CONTACTEN_EN_PARTICIPATIE = "contacten_en_participatie"
    MANTELZORG = "mantelzorg"


# --- RES-01..03 gestructureerd huishouden (H3) ------------------------------------------------


class Ruimte(StrEnum):
    WOONKAMER = "woonkamer"
    KEUKEN = "keuken"
    SLAAPKAMER = "slaapkamer"
    BADKAMER = "badkamer"
    TOILET = "toilet"
    HAL = "hal"
    SERRE = "serre"
    BERGING = "berging"
    TUIN = "tuin"


def toets_ruimte_schoon_huis(ruimte: Ruimte, *, in_gebruik: bool) -> Bevinding:
    """RES-01: a clean and liveable home covers every room in use, the berging included and the
    garden not."""
    if ruimte is Ruimte.TUIN:
        return Bevinding(
            "RES-01", _GEEN, "De tuin valt niet onder het resultaat schoon en leefbaar huis."
        )
    if not in_gebruik:
        return Bevinding(
            "RES-01",
            _GEEN,
            f"De {ruimte.value} wordt niet gebruikt en hoeft niet te worden schoongehouden.",
        )
    berging = " (de berging hoort er uitdrukkelijk bij)" if ruimte is Ruimte.BERGING else ""
    return Bevinding(
        "RES-01",
        _MAATWERK,
        f"De {ruimte.value} is in gebruik en valt onder schoon en leefbaar huis{berging}.",
    )


def toets_zelf_betaalde_schoonmaak(
    *,
    jaren_zelf_betaald: bool,
    inkomen_gewijzigd: bool,
    aantoonbare_meerkosten: bool,
    niet_meer_te_betalen: bool = False,
) -> Bevinding:
    """RES-01: who has paid for cleaning themselves for years, without a change of income when
    the limitation arose and without proven extra costs from it, has already solved it."""
    if jaren_zelf_betaald and not (
        inkomen_gewijzigd or aantoonbare_meerkosten or niet_meer_te_betalen
    ):
        return Bevinding(
            "RES-01",
            _GEEN,
            "De cliënt betaalt al jaren zelf voor schoonmaakhulp, het inkomen is niet veranderd "
            "en er zijn geen aantoonbare meerkosten door de beperking: het probleem is al "
            "opgelost, er is geen ondersteuning nodig.",
        )
    if jaren_zelf_betaald:
        return Bevinding(
            "RES-01",
            _MAATWERK,
            "De cliënt betaalde de schoonmaakhulp zelf, maar de situatie is veranderd (inkomen, "
            "meerkosten of niet meer te betalen): beoordeel de ondersteuning opnieuw.",
        )
    return Bevinding(
        "RES-01",
        _MAATWERK,
        "De cliënt betaalde niet al jaren zelf voor schoonmaakhulp: deze grond staat een "
        "maatwerkvoorziening niet in de weg.",
    )


@dataclass(frozen=True, slots=True)
class Boodschappenbevinding:
    bevinding: Bevinding
    keer_per_week: int


def toets_boodschappen(
    *,
    gevraagd_keer_per_week: int,
    netwerk_doet_boodschappen: bool,
    bezorg_of_maaltijdservice_bruikbaar: bool,
) -> Boodschappenbevinding:
    """RES-02: daily groceries and cleaning products (and meals if needed); neighbours,
    children, delivery and meal services come first; the norm is shopping once a week."""
    if netwerk_doet_boodschappen:
        return Boodschappenbevinding(
            Bevinding(
                "RES-02",
                _EERST,
                "Bekenden of kinderen in de buurt doen de boodschappen al of zijn daartoe bereid.",
                "sociaal netwerk",
            ),
            0,
        )
    if bezorg_of_maaltijdservice_bruikbaar:
        return Boodschappenbevinding(
            Bevinding(
                "RES-02",
                _EERST,
                "De cliënt kan een boodschappenbezorgservice of maaltijdservice gebruiken "
                "(algemene voorziening).",
                "bezorgservice of maaltijdservice",
            ),
            0,
        )
    keer = min(gevraagd_keer_per_week, 1)
    beperkt = (
        f" Gevraagd is {gevraagd_keer_per_week} keer per week; uitgangspunt is één keer."
        if gevraagd_keer_per_week > 1
        else ""
    )
    return Boodschappenbevinding(
        Bevinding(
            "RES-02",
            _MAATWERK,
            "Geen netwerk of algemene voorziening voor de boodschappen: ondersteuning bij de "
            f"dagelijkse levens- en schoonmaakmiddelen, één keer per week.{beperkt}",
        ),
        keer,
    )


class Wastaak(StrEnum):
    WASSEN = "wassen"
    DROGEN = "drogen"
    LICHT_VERSTELWERK = "licht_verstelwerk"
    STRIJKEN_KLEDING = "strijken_kleding"
    STRIJKEN_LAKENS = "strijken_lakens"
    STRIJKEN_THEEDOEKEN = "strijken_theedoeken"
    STRIJKEN_ZAKDOEKEN = "strijken_zakdoeken"
    STRIJKEN_ONDERGOED = "strijken_ondergoed"


def toets_wasverzorging(taak: Wastaak) -> Bevinding:
    """RES-03: washing, drying and light mending; no ironing of sheets, tea towels,
    handkerchiefs or underwear; choosing clothes that need no ironing is the client's own."""
    if taak in (Wastaak.WASSEN, Wastaak.DROGEN, Wastaak.LICHT_VERSTELWERK):
        return Bevinding(
            "RES-03",
            _MAATWERK,
            f"{taak.value.replace('_', ' ').capitalize()} hoort bij schone en doelmatige kleding.",
        )
    if taak is Wastaak.STRIJKEN_KLEDING:
        return Bevinding(
            "RES-03",
            _GEEN,
            "De keuze van kleding is eigen verantwoordelijkheid; kleding hoeft in principe niet "
            "gestreken te worden.",
        )
    return Bevinding(
        "RES-03",
        _GEEN,
        "Lakens, theedoeken, zakdoeken en ondergoed worden niet gestreken.",
    )


# --- RES-04 verplaatsen in en om de woning (H4) ---------------------------------------------


class Rolstoelgebruik(StrEnum):
    DAGELIJKS_ZITTEND = "dagelijks_zittend"
    INCIDENTEEL = "incidenteel"


def toets_rolstoel(gebruik: Rolstoelgebruik, *, structureel_nodig: bool = False) -> Bevinding:
    """RES-04: a wheelchair for daily sitting use is Wmo; one for incidental use (taken along
    in the car, outings) is not — the Zvw leenrolstoel / uitleenpunt comes first — unless the
    client must use it structurally (e.g. a fluctuating illness)."""
    if gebruik is Rolstoelgebruik.DAGELIJKS_ZITTEND:
        return Bevinding(
            "RES-04",
            _MAATWERK,
            "De cliënt is voor het dagelijks zittend verplaatsen aangewezen op een rolstoel: dat "
            "valt onder de Wmo. Stel met medisch en/of ergotherapeutisch advies een programma "
            "van eisen op.",
        )
    if structureel_nodig:
        return Bevinding(
            "RES-04",
            _MAATWERK,
            "De rolstoel is voor incidenteel gebruik, maar door de individuele situatie (zoals "
            "een wisselend ziektebeeld) moet de cliënt er structureel gebruik van maken: dan kan "
            "hij toch onder de Wmo vallen.",
        )
    return Bevinding(
        "RES-04",
        _EERST,
        "Een rolstoel voor incidenteel gebruik (mee in de auto, winkelen, uitstapjes) valt niet "
        "onder de Wmo: eerst de leenrolstoel via de Zorgverzekeringswet of het uitleenpunt.",
        "Zvw-leenrolstoel / uitleenpunt",
    )


def toets_complex_hulpmiddel(*, medische_noodzaak_onderbouwd: bool, twijfel: bool) -> Bevinding:
    """RES-04: complex aids (duwondersteuning, height-adjustable shower chair) need a proven
    medical necessity for the client or the carer; ask advice when in doubt."""
    if twijfel:
        return Bevinding(
            "RES-04",
            _ADVIES,
            "Er is twijfel over de medische noodzaak van dit complexe hulpmiddel: vraag een "
            "advies aan.",
        )
    if medische_noodzaak_onderbouwd:
        return Bevinding(
            "RES-04",
            _MAATWERK,
            "De medische noodzaak van dit complexe hulpmiddel is goed onderbouwd.",
        )
    return Bevinding(
        "RES-04",
        _GEEN,
        "Voor een complex hulpmiddel (zoals duwondersteuning of een in hoogte verstelbare "
        "douchestoel) moet de medische noodzaak goed onderbouwd zijn; dat is niet zo.",
    )


# --- RES-05 primaat van verhuizen (H5) --------------------------------------------------------


class Verhuisfactor(IntEnum):
    """The twelve factors of the belangenafweging, seed 001 H5, in the seed's order."""

    BELANGENAFWEGING = 1
    AANGEPASTE_WONINGEN_BESCHIKBAAR = 2
    KOSTENVERGELIJKING = 3
    VOLKSHUISVESTING = 4
    MEDISCH_AANVAARDBARE_TERMIJN = 5
    SOCIALE_OMSTANDIGHEDEN = 6
    AFSTEMMING_ANDERE_VOORZIENINGEN = 7
    WERKSITUATIE = 8
    WOONLASTEN = 9
    WOONCOMFORT = 10
    HUURDER_OF_EIGENAAR = 11
    WIL_OM_TE_VERHUIZEN = 12


VERHUISFACTOREN: Mapping[Verhuisfactor, str] = MappingProxyType(
    {
        Verhuisfactor.BELANGENAFWEGING: "factoren die een rol spelen bij de belangenafweging",
        Verhuisfactor.AANGEPASTE_WONINGEN_BESCHIKBAAR: "de aanwezigheid van aangepaste of "
        "eenvoudig aan te passen woningen",
        Verhuisfactor.KOSTENVERGELIJKING: "kostenvergelijking tussen aanpassen en verhuizen",
        Verhuisfactor.VOLKSHUISVESTING: "de volkshuisvestelijke factor",
        Verhuisfactor.MEDISCH_AANVAARDBARE_TERMIJN: "de woning moet binnen een medisch "
        "aanvaardbare termijn beschikbaar zijn",
        Verhuisfactor.SOCIALE_OMSTANDIGHEDEN: "sociale omstandigheden",
        Verhuisfactor.AFSTEMMING_ANDERE_VOORZIENINGEN: "afstemming met andere voorzieningen",
        Verhuisfactor.WERKSITUATIE: "werksituatie",
        Verhuisfactor.WOONLASTEN: "verandering in woonlasten",
        Verhuisfactor.WOONCOMFORT: "wooncomfort",
        Verhuisfactor.HUURDER_OF_EIGENAAR: "is de cliënt huurder of eigenaar van de woning?",
        Verhuisfactor.WIL_OM_TE_VERHUIZEN: "de wil van de cliënt om te verhuizen",
    }
)


class Weging(StrEnum):
    VOOR_VERHUIZEN = "voor_verhuizen"
    TEGEN_VERHUIZEN = "tegen_verhuizen"
    NEUTRAAL = "neutraal"


@dataclass(frozen=True, slots=True)
class Factorweging:
    factor: Verhuisfactor
    weging: Weging
    toelichting: str


@dataclass(frozen=True, slots=True)
class Verhuisafweging:
    toetsing: Toetsing
    verhuizen_adequaat: bool | None
    """None while the weighing is incomplete."""


def weeg_primaat_van_verhuizen(
    wegingen: Sequence[Factorweging],
    *,
    geschikte_woning_binnen_medisch_aanvaardbare_termijn: bool,
    conclusie_verhuizen_adequaat: bool,
) -> Verhuisafweging:
    """RES-05: before adapting the home, judge whether moving reaches the result. All twelve
    factors are weighed (the worker's judgement); moving is never adequate when no suitable
    home is available within a medically acceptable term."""
    per_factor = {w.factor: w for w in wegingen}
    ontbrekend = [
        f for f in Verhuisfactor if f not in per_factor or not per_factor[f].toelichting.strip()
    ]
    regels = [
        Regel("RES-05", f"Factor {f.value} is niet gewogen: {VERHUISFACTOREN[f]}.")
        for f in ontbrekend
    ]
    if ontbrekend:
        return Verhuisafweging(
            Toetsing(False, tuple(regels), tuple(f.name.lower() for f in ontbrekend)), None
        )
    voor = [f.value for f in Verhuisfactor if per_factor[f].weging is Weging.VOOR_VERHUIZEN]
    tegen = [f.value for f in Verhuisfactor if per_factor[f].weging is Weging.TEGEN_VERHUIZEN]
    samenvatting = (
        f"Alle twaalf factoren zijn gewogen (voor verhuizen: {voor or 'geen'}; tegen: "
        f"{tegen or 'geen'})."
    )
    if not geschikte_woning_binnen_medisch_aanvaardbare_termijn:
        regels.append(
            Regel(
                "RES-05",
                f"{samenvatting} Er is geen geschikte woning binnen een medisch aanvaardbare "
                "termijn: verhuizen is niet de adequate oplossing. Vergelijk nu een losse "
                "woonunit met aanpassing van de woning.",
            )
        )
        return Verhuisafweging(Toetsing(True, tuple(regels)), False)
    if conclusie_verhuizen_adequaat:
        regels.append(
            Regel(
                "RES-05",
                f"{samenvatting} Verhuizen bereikt het resultaat (primaat van verhuizen): geen "
                "woningaanpassing.",
            )
        )
    else:
        regels.append(
            Regel(
                "RES-05",
                f"{samenvatting} Verhuizen leidt niet tot het resultaat: vergelijk een losse "
                "woonunit met aanpassing van de woning.",
            )
        )
    return Verhuisafweging(Toetsing(True, tuple(regels)), conclusie_verhuizen_adequaat)


class Woonoplossing(StrEnum):
    WOONUNIT = "woonunit"
    AANPASSING = "aanpassing"


@dataclass(frozen=True, slots=True)
class Woonunitofferte:
    kosten: Decimal
    verwijderingskosten: Decimal
    doorlooptijd_weken: int
    herverstrekbaar: bool
    realiseerbaar: bool = True


@dataclass(frozen=True, slots=True)
class Aanpassingsofferte:
    """Adapting or extending the home (inpandige verbouwing or aanbouw)."""

    kosten: Decimal
    doorlooptijd_weken: int


@dataclass(frozen=True, slots=True)
class Woonkeuze:
    oplossing: Woonoplossing
    regels: tuple[Regel, ...]


def vergelijk_woonunit_en_aanpassing(
    woonunit: Woonunitofferte, aanpassing: Aanpassingsofferte
) -> Woonkeuze:
    """RES-05: when moving does not reach the result, a separate woonunit is preferred over
    adapting or extending the home when it is cheaper, faster or re-usable (herverstrekbaar);
    the removal costs of the unit count in the comparison."""
    eigen_kracht = (
        " Bespreek ook de Blijverslening en Verzilverlening: geen voorliggende voorziening, "
        "wel eigen kracht."
    )
    if not woonunit.realiseerbaar:
        return Woonkeuze(
            Woonoplossing.AANPASSING,
            (
                Regel(
                    "RES-05",
                    "Een losse woonunit is hier niet te realiseren: aanpassing van de woning."
                    + eigen_kracht,
                ),
            ),
        )
    unit_totaal = woonunit.kosten + woonunit.verwijderingskosten
    kosten = (
        f"woonunit € {unit_totaal:.2f} (inclusief € {woonunit.verwijderingskosten:.2f} voor "
        f"verwijderen), aanpassing € {aanpassing.kosten:.2f}"
    )
    redenen = []
    if unit_totaal <= aanpassing.kosten:
        redenen.append("niet duurder")
    if woonunit.doorlooptijd_weken < aanpassing.doorlooptijd_weken:
        redenen.append(
            f"sneller ({woonunit.doorlooptijd_weken} tegen {aanpassing.doorlooptijd_weken} weken)"
        )
    if woonunit.herverstrekbaar:
        redenen.append("herverstrekbaar")
    if redenen:
        return Woonkeuze(
            Woonoplossing.WOONUNIT,
            (
                Regel(
                    "RES-05",
                    f"De losse woonunit heeft de voorkeur: {', '.join(redenen)} ({kosten}).",
                ),
            ),
        )
    return Woonkeuze(
        Woonoplossing.AANPASSING,
        (
            Regel(
                "RES-05",
                "De losse woonunit is duurder, niet sneller en niet herverstrekbaar: aanpassing "
                f"van de woning ({kosten})." + eigen_kracht,
            ),
        ),
    )


# --- RES-06 woonvoorzieningen (H5) -------------------------------------------------------------


class Woonruimte(StrEnum):
    ZELFSTANDIGE_WONING = "zelfstandige_woning"
    HOTEL = "hotel"
    PENSION = "pension"
    TREKKERSWOONWAGEN = "trekkerswoonwagen"
    TOERCARAVAN = "toercaravan"
    STACARAVAN = "stacaravan"
    KLOOSTER = "klooster"
    TWEEDE_WONING = "tweede_woning"
    VAKANTIEWONING = "vakantiewoning"
    RECREATIEWONING = "recreatiewoning"
    GEHUURDE_KAMER = "gehuurde_kamer"
    GEMEENSCHAPPELIJKE_RUIMTE_DOELGROEPGEBOUW = "gemeenschappelijke_ruimte_doelgroepgebouw"
    """Common areas of buildings meant for elderly or disabled people."""
    MANTELZORGWONING = "mantelzorgwoning"


def toets_woonruimte(
    woonruimte: Woonruimte, *, zonder_noemenswaardige_meerkosten_bij_nieuwbouw: bool = False
) -> Bevinding:
    """RES-06: no woonvoorziening for the listed kinds of dwelling, nor for what new-build or
    renovation includes at no notable extra cost."""
    if woonruimte is Woonruimte.MANTELZORGWONING:
        return Bevinding(
            "RES-06",
            _GEEN,
            "Geen woonvoorziening voor een mantelzorgwoning: zelf bouwen of huren is eigen "
            "verantwoordelijkheid; de gemeente kan adviseren over vergunningen.",
        )
    if woonruimte is not Woonruimte.ZELFSTANDIGE_WONING:
        return Bevinding(
            "RES-06",
            _GEEN,
            f"Geen woonvoorziening voor deze woonruimte ({woonruimte.value.replace('_', ' ')}).",
        )
    if zonder_noemenswaardige_meerkosten_bij_nieuwbouw:
        return Bevinding(
            "RES-06",
            _GEEN,
            "Deze voorziening kan bij nieuwbouw of renovatie zonder noemenswaardige meerkosten "
            "worden meegenomen: geen woonvoorziening.",
        )
    return Bevinding(
        "RES-06", _MAATWERK, "Een zelfstandige woning: een woonvoorziening is mogelijk."
    )


class Saneringsoorzaak(StrEnum):
    ALLERGIE = "allergie"
    """Allergic reaction to materials such as carpet or curtains (allergene factoren)."""
    ASBEST = "asbest"
    SPAANPLAAT = "spaanplaat"
    VOCHT = "vocht"
    TOCHT = "tocht"


def toets_woningsanering(oorzaak: Saneringsoorzaak, *, kan_zelf_betalen: bool) -> Bevinding:
    """RES-06: woningsanering for allergies only when the client cannot pay it; never for
    problems from the materials themselves (asbestos, particle board, damp, draught)."""
    if oorzaak is not Saneringsoorzaak.ALLERGIE:
        return Bevinding(
            "RES-06",
            _GEEN,
            f"De problemen komen voort uit de woning zelf ({oorzaak.value}): daarvoor wordt "
            "geen voorziening verstrekt.",
        )
    if kan_zelf_betalen:
        return Bevinding(
            "RES-06",
            _GEEN,
            "De cliënt kan de sanering voor de allergie zelf betalen: geen voorziening.",
        )
    return Bevinding(
        "RES-06",
        _MAATWERK,
        "Sanering voor de allergie die de cliënt niet zelf kan betalen: een voorziening is "
        "mogelijk.",
    )


# --- RES-07 lokaal verplaatsen (H6) -----------------------------------------------------------


def toets_collectief_vervoer(*, alleen_supermarkt: bool) -> Bevinding:
    """RES-07: no taxipas when the supermarket is the only need (algemeen gebruikelijk)."""
    if alleen_supermarkt:
        return Bevinding(
            "RES-07",
            _GEEN,
            "De enige vervoersbehoefte is de supermarkt: daarvoor zijn algemeen gebruikelijke "
            "oplossingen, geen taxipas.",
        )
    return Bevinding(
        "RES-07",
        _MAATWERK,
        "Collectief vervoer (taxipas) kan; het gaat vóór een scootmobiel.",
    )


def toets_scootmobiel(*, collectief_vervoer_volstaat: bool, heeft_taxipas: bool) -> Bevinding:
    """RES-07: collectief vervoer (taxipas) comes before a scootmobiel; an existing taxipas
    weighs in."""
    if collectief_vervoer_volstaat:
        pas = " De cliënt heeft al een taxipas." if heeft_taxipas else ""
        return Bevinding(
            "RES-07",
            _EERST,
            f"Collectief vervoer volstaat en gaat vóór een scootmobiel.{pas}",
            "collectief vervoer (taxipas)",
        )
    pas = " De bestaande taxipas is meegewogen en volstaat niet." if heeft_taxipas else ""
    return Bevinding(
        "RES-07",
        _MAATWERK,
        f"Collectief vervoer is geen adequate oplossing: een scootmobiel is mogelijk.{pas}",
    )


def toets_niet_met_taxi(*, medisch_onderzocht: bool, medisch_niet_in_staat: bool) -> Bevinding:
    """RES-07: a client who says they cannot use the taxi gets a medical check first; only when
    that confirms it, a financial tegemoetkoming (FIN-10) follows."""
    if not medisch_onderzocht:
        return Bevinding(
            "RES-07",
            _ADVIES,
            "De cliënt geeft aan niet met de taxi te kunnen: eerst volgt een medisch onderzoek.",
        )
    if medisch_niet_in_staat:
        return Bevinding(
            "RES-07",
            _MAATWERK,
            "Uit medisch onderzoek blijkt dat de cliënt niet met de taxi kan: een financiële "
            "tegemoetkoming voor vervoer is mogelijk (FIN-10).",
        )
    return Bevinding(
        "RES-07",
        _GEEN,
        "Uit medisch onderzoek blijkt dat de cliënt wel met de taxi kan: geen financiële "
        "tegemoetkoming.",
    )


def toets_begeleiding_collectief_vervoer(
    *, medische_handelingen_tijdens_rit: bool, mantelzorger_reist_mee: bool = False
) -> Bevinding:
    """RES-07 / MZ-04: a free companion in collectief vervoer only when medical acts may be
    needed during the ride itself, not at the destination; a mantelzorger who must travel along
    for that reason travels free."""
    if not medische_handelingen_tijdens_rit:
        return Bevinding(
            "RES-07",
            _GEEN,
            "Er zijn tijdens de rit geen medische handelingen nodig (hulp op de plaats van "
            "bestemming telt niet): geen indicatie voor kosteloze begeleiding.",
        )
    if mantelzorger_reist_mee:
        return Bevinding(
            "MZ-04",
            _MAATWERK,
            "Tijdens de rit kunnen medische handelingen nodig zijn: de mantelzorger reist als "
            "noodzakelijke begeleider gratis mee; er reist altijd een begeleider mee.",
        )
    return Bevinding(
        "RES-07",
        _MAATWERK,
        "Tijdens de rit kunnen medische handelingen nodig zijn: indicatie voor kosteloze "
        "begeleiding; er reist dan altijd een begeleider mee.",
    )


def toets_autoaanpassing(
    *,
    openbaar_vervoer_onmogelijk: bool,
    individuele_vervoersvoorziening_onmogelijk: bool,
    collectief_vervoer_onmogelijk: bool,
) -> Bevinding:
    """RES-07: car adaptation only when public transport, an (algemene or individual) transport
    voorziening and collectief vervoer are all impossible."""
    nog_mogelijk = [
        naam
        for naam, onmogelijk in (
            ("openbaar vervoer", openbaar_vervoer_onmogelijk),
            (
                "een algemene of individuele vervoersvoorziening",
                individuele_vervoersvoorziening_onmogelijk,
            ),
            ("collectief vervoer", collectief_vervoer_onmogelijk),
        )
        if not onmogelijk
    ]
    if nog_mogelijk:
        return Bevinding(
            "RES-07",
            _EERST,
            f"Een autoaanpassing kan pas als al het andere onmogelijk is; nog mogelijk: "
            f"{', '.join(nog_mogelijk)}.",
            nog_mogelijk[0],
        )
    return Bevinding(
        "RES-07",
        _MAATWERK,
        "Openbaar vervoer, individuele en collectieve vervoersvoorzieningen zijn allemaal "
        "onmogelijk: een autoaanpassing is mogelijk.",
    )


def toets_autovoorziening_meerkosten(*, meerkosten_tov_voor_beperking: bool) -> Bevinding:
    """RES-07: car-related voorzieningen only for extra costs compared with before the
    limitation."""
    if meerkosten_tov_voor_beperking:
        return Bevinding(
            "RES-07",
            _MAATWERK,
            "Er zijn meerkosten ten opzichte van de periode vóór de beperking: een "
            "autogerelateerde voorziening is mogelijk, voor die meerkosten.",
        )
    return Bevinding(
        "RES-07",
        _GEEN,
        "Geen meerkosten ten opzichte van de periode vóór de beperking: geen autogerelateerde "
        "voorziening.",
    )


def toets_stalling(
    *, winddicht: bool, waterdicht: bool, afsluitbaar: bool, stroompunt: bool
) -> Toetsing:
    """RES-07: a scootmobiel stalling is wind- and waterproof, lockable and has a power point
    (Medipoint's standard; the gemeente may deviate)."""
    eisen = {
        "winddicht": winddicht,
        "waterdicht": waterdicht,
        "afsluitbaar": afsluitbaar,
        "stroompunt": stroompunt,
    }
    ontbrekend = tuple(naam for naam, voldaan in eisen.items() if not voldaan)
    if ontbrekend:
        tekst = (
            f"De stalling voldoet niet aan: {', '.join(ontbrekend)}. Een losse overkapping "
            "volstaat meestal niet; de gemeente kan afwijken, maar de eisen zijn aan te bevelen."
        )
    else:
        tekst = "De stalling is wind- en waterdicht, afsluitbaar en heeft een stroompunt."
    return Toetsing(not ontbrekend, (Regel("RES-07", tekst),), ontbrekend)


# --- RES-08 zorgen voor kinderen (H7) ---------------------------------------------------------

MAX_OPVANGUREN_PER_WEEK = Decimal(40)


@dataclass(frozen=True, slots=True)
class Opvangbevinding:
    bevinding: Bevinding
    uren_per_week: Decimal
    """Hours of temporary care per week, travel time included (0 when none)."""


def toets_tijdelijke_opvang_kinderen(
    *,
    verlof_en_kinderopvang_onderzocht: bool,
    verlof_of_kinderopvang_volstaat: bool,
    huisgenoot_kan_overnemen: bool,
    werkuren_partner_per_week: Decimal,
    reistijd_uren_per_week: Decimal,
) -> Opvangbevinding:
    """RES-08: first parental/care leave and childcare, and whether a huisgenoot can take over;
    temporary care covers the hours the partner is away for work, at most 40 a week, plus the
    necessary travel time."""
    if not verlof_en_kinderopvang_onderzocht:
        return Opvangbevinding(
            Bevinding(
                "RES-08",
                _ADVIES,
                "Onderzoek eerst de mogelijkheden van ouderschapsverlof, zorgverlof en "
                "kinderopvang.",
            ),
            Decimal(0),
        )
    if verlof_of_kinderopvang_volstaat:
        return Opvangbevinding(
            Bevinding(
                "RES-08",
                _EERST,
                "Ouderschapsverlof, zorgverlof of kinderopvang volstaat.",
                "ouderschapsverlof, zorgverlof of kinderopvang",
            ),
            Decimal(0),
        )
    if huisgenoot_kan_overnemen:
        return Opvangbevinding(
            Bevinding(
                "RES-08",
                _EERST,
                "Een huisgenoot kan de zorg voor de kinderen overnemen.",
                "huisgenoot",
            ),
            Decimal(0),
        )
    werkuren = min(werkuren_partner_per_week, MAX_OPVANGUREN_PER_WEEK)
    uren = werkuren + reistijd_uren_per_week
    begrensd = (
        f" De partner werkt {werkuren_partner_per_week} uur; er geldt een maximum van 40 uur."
        if werkuren_partner_per_week > MAX_OPVANGUREN_PER_WEEK
        else ""
    )
    return Opvangbevinding(
        Bevinding(
            "RES-08",
            _MAATWERK,
            f"Tijdelijke opvang voor de uren dat de partner werkt ({werkuren} uur) plus de "
            f"noodzakelijke reistijd ({reistijd_uren_per_week} uur): {uren} uur per week."
            f"{begrensd}",
        ),
        uren,
    )


# --- RES-09 contacten en participatie (H8) ----------------------------------------------------


def toets_rolstoel_participatie(*, alleen_incidenteel: bool) -> Bevinding:
    """RES-09: a wheelchair only for incidental use (outings) is an algemene voorziening (the
    rolstoelpool); the rental wheelchair of the uitleenpunt comes first."""
    if alleen_incidenteel:
        return Bevinding(
            "RES-09",
            _EERST,
            "Een rolstoel voor alleen incidenteel gebruik (uitstapjes) valt niet onder de Wmo-"
            "maatwerkvoorziening: eerst de huurrolstoel van het uitleenpunt of de rolstoelpool "
            "(algemene voorziening).",
            "uitleenpunt / rolstoelpool",
        )
    return Bevinding(
        "RES-09",
        _MAATWERK,
        "De cliënt kan zich buiten de woning niet zonder rolstoel verplaatsen: dat valt onder "
        "dit resultaat.",
    )


def toets_sportvoorziening(*, topsportvoorziening: bool, bevordert_participatie: bool) -> Bevinding:
    """RES-09: a sportvoorziening must serve participation and carries an eigen bijdrage; no
    topsport voorzieningen (a normal sportvoorziening may still be given)."""
    if topsportvoorziening:
        return Bevinding(
            "RES-09",
            _GEEN,
            "Geen voorziening voor topsport: die wordt betaald uit eigen middelen, fondsen of "
            "sponsoring. Een gewone sportvoorziening voor sport op een lager niveau blijft "
            "mogelijk.",
        )
    if not bevordert_participatie:
        return Bevinding(
            "RES-09",
            _GEEN,
            "De sportvoorziening draagt niet bij aan deelname aan het maatschappelijk leven.",
        )
    return Bevinding(
        "RES-09",
        _MAATWERK,
        "De sportvoorziening bevordert deelname aan het maatschappelijk leven; er geldt een "
        "eigen bijdrage.",
    )
