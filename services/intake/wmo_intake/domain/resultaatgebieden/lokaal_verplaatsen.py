"""RES-07 lokaal verplaatsen (seed 001 H6): collectief vervoer, scootmobiel, car and stalling."""

from __future__ import annotations

from wmo_intake.domain.bevinding import Bevinding, Toetsing, Uitkomst
from wmo_shared.regels import Regel

_MAATWERK = Uitkomst.MAATWERK_MOGELIJK
_GEEN = Uitkomst.GEEN_MAATWERK
_EERST = Uitkomst.EERST_VOORLIGGEND
_ADVIES = Uitkomst.ADVIES_NODIG


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
