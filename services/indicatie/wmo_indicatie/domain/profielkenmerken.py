"""DATA: the characteristics per profile of seed 001 Bijlage 6 (Bijlage 1 "Indicatieprofielen
Wmo-individuele begeleiding", Bijlage 2 "Indicatieprofielen Wmo-dagbesteding") that the ranking
(``rangschikking.py``) compares a client with.

How the tables were read, because the seed's tables are damaged in places:
- A value counts as fitting a profile when the table OR the profile's text in §6.9 / §6.13
  names it (e.g. IBO-4's table says "normaal" for belastbaarheid, its text "weinig tot goed
  belastbaar": all three fit).
- Bijlage 1 only has the columns IBO-1..IBO-4. The IBB columns are missing from the seed, so
  IBB-1..IBB-4 are taken from their texts in §6.9 alone.
- The risico row of Bijlage 1 is misaligned in the seed (it gives IBO-1 "hoog" while its text
  says "geen sprake van risico"); the texts are used for risico.
- "Aantal te bereiken resultaten" (Bijlage 1) is 2-4 for IBO-1 and 4-6 for the others. Read as
  "few" versus "many": licht fits up to 4 areas, the others 4 or more; IBB copies the IBO row of
  the same size (assumption).
- "één of enkele" / "enkele" / "veel" / "veelomvattende" leefgebieden in the texts of sizes 1-4
  is read as a count of limited life domains (IND-01) of 0-2, 2-3, 4-6 and 6-8 of the eight
  (interpretation, not a seed number).
The omvang bands and plus permission are not here: they are policy (``indicatie.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from wmo_indicatie.domain.begrippen import Profiel
from wmo_indicatie.domain.kenmerken import Niveau, Problematiek, Verwachting

L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG
STABIEL, FLUCTUEREND, ACUUT = Problematiek.STABIEL, Problematiek.FLUCTUEREND, Problematiek.ACUUT
VERBETERING, GELIJK = Verwachting.VERBETERING, Verwachting.GELIJK
ACHTERUIT = Verwachting.ACHTERUITGANG
ALLE_NIVEAUS = frozenset(Niveau)


@dataclass(frozen=True, slots=True)
class Profielkenmerken:
    """Which values of each characteristic fit the profile. A set holding every value says
    nothing about the profile and is skipped by the ranking."""

    omschrijving: str
    belastbaarheid: frozenset[Niveau]
    intellectueel_vermogen: frozenset[Niveau]
    lerend_vermogen: frozenset[Niveau]
    motivatie: frozenset[Niveau]
    risico: frozenset[Niveau]
    zelfinzicht: frozenset[Niveau]
    ziektebesef: frozenset[Niveau]
    problematiek: frozenset[Problematiek]
    verwachting: frozenset[Verwachting]
    verwacht_rendement: frozenset[Niveau]
    draagkracht_netwerk: frozenset[Niveau] = ALLE_NIVEAUS  # only dagbesteding names it
    leefgebieden: tuple[int, int] | None = None  # counted life domains, inclusive
    resultaten: tuple[int, int | None] | None = None  # chosen result areas, inclusive
    complexiteit: str = ""
    contactmomenten: str = ""


def _s(*waarden: Niveau) -> frozenset[Niveau]:
    return frozenset(waarden)


PROFIELKENMERKEN: dict[Profiel, Profielkenmerken] = {
    Profiel.IBO_1: Profielkenmerken(
        omschrijving="Beperkte problematiek, laag complex, primair ontwikkelgericht",
        belastbaarheid=_s(N, H),
        intellectueel_vermogen=_s(N, H),
        lerend_vermogen=_s(N, H),
        motivatie=_s(H),
        risico=_s(L),
        zelfinzicht=_s(H),
        ziektebesef=_s(N, H),
        problematiek=frozenset({STABIEL}),
        verwachting=frozenset({VERBETERING, GELIJK}),
        verwacht_rendement=_s(N, H),
        leefgebieden=(0, 2),
        resultaten=(0, 4),
        complexiteit="laag",
        contactmomenten="1 tot 2 contactmomenten per week, meestal 1 keer face to face",
    ),
    Profiel.IBO_2: Profielkenmerken(
        omschrijving="Gemiddelde problematiek, gemiddeld complex, primair ontwikkelgericht",
        belastbaarheid=_s(N),
        intellectueel_vermogen=_s(N),
        lerend_vermogen=_s(N, H),
        motivatie=_s(N),
        risico=_s(L),
        zelfinzicht=_s(N, H),
        ziektebesef=_s(N, H),
        problematiek=frozenset({STABIEL, FLUCTUEREND}),
        verwachting=frozenset({VERBETERING, GELIJK}),
        verwacht_rendement=_s(H),
        leefgebieden=(2, 3),
        resultaten=(4, None),
        complexiteit="gemiddeld",
        contactmomenten="1 tot 3 contactmomenten per week, meestal 1 keer face to face",
    ),
    Profiel.IBO_3: Profielkenmerken(
        omschrijving="Complexe of meer omvattende problematiek, primair ontwikkelgericht",
        belastbaarheid=_s(N),
        intellectueel_vermogen=_s(N),
        lerend_vermogen=_s(N),
        motivatie=_s(N),
        risico=_s(N, H),
        zelfinzicht=_s(N),
        ziektebesef=_s(N),
        problematiek=frozenset({FLUCTUEREND, ACUUT}),
        verwachting=frozenset({VERBETERING, GELIJK}),
        verwacht_rendement=_s(H),
        leefgebieden=(4, 6),
        resultaten=(4, None),
        complexiteit="hoog",
        contactmomenten="meer dan 3 contactmomenten per week, face to face en op afstand",
    ),
    Profiel.IBO_4: Profielkenmerken(
        omschrijving=(
            "Complexe veelomvattende problematiek, hoog risico, intensieve begeleiding, "
            "primair korte termijn ontwikkelgericht"
        ),
        belastbaarheid=_s(L, N, H),
        intellectueel_vermogen=_s(L, N),
        lerend_vermogen=_s(L, N),
        motivatie=_s(N, H),
        risico=_s(N, H),
        zelfinzicht=_s(L, N, H),
        ziektebesef=_s(L, N, H),
        problematiek=frozenset({STABIEL, FLUCTUEREND, ACUUT}),
        verwachting=frozenset({VERBETERING, GELIJK}),
        verwacht_rendement=_s(H),
        leefgebieden=(6, 8),
        resultaten=(4, None),
        complexiteit="hoog",
        contactmomenten="(bijna) dagelijks contact, soms meerdere keren per dag",
    ),
    Profiel.IBB_1: Profielkenmerken(
        omschrijving=(
            "Beperkte problematiek, weinig mogelijkheden tot verbetering, laag complex, "
            "primair behoudgericht"
        ),
        belastbaarheid=_s(N, H),
        intellectueel_vermogen=ALLE_NIVEAUS,
        lerend_vermogen=_s(L, N),
        motivatie=_s(N, H),
        risico=_s(L),
        zelfinzicht=_s(N, H),
        ziektebesef=_s(N, H),
        problematiek=frozenset({STABIEL}),
        verwachting=frozenset({GELIJK, ACHTERUIT}),
        verwacht_rendement=_s(N),
        leefgebieden=(0, 2),
        resultaten=(0, 4),
        complexiteit="laag",
        contactmomenten="1 tot 2 contactmomenten per week, meestal 1 keer face to face",
    ),
    Profiel.IBB_2: Profielkenmerken(
        omschrijving=(
            "Gemiddelde problematiek, weinig mogelijkheden tot verbetering, gemiddeld complex, "
            "primair behoudgericht"
        ),
        belastbaarheid=_s(L),
        intellectueel_vermogen=ALLE_NIVEAUS,
        lerend_vermogen=_s(L),
        motivatie=_s(L, N),
        risico=_s(N, H),
        zelfinzicht=_s(L, N),
        ziektebesef=_s(L, N),
        problematiek=frozenset({FLUCTUEREND, ACUUT}),
        verwachting=frozenset({GELIJK, ACHTERUIT}),
        verwacht_rendement=_s(H),
        leefgebieden=(2, 3),
        resultaten=(4, None),
        complexiteit="gemiddeld",
        contactmomenten="1 tot 3 contactmomenten per week, meestal 1 keer face to face",
    ),
    Profiel.IBB_3: Profielkenmerken(
        omschrijving="Complexe of meer omvattende problematiek, primair behoudgericht",
        belastbaarheid=_s(L),
        intellectueel_vermogen=_s(L),
        lerend_vermogen=_s(L),
        motivatie=_s(L),
        risico=_s(N, H),
        zelfinzicht=_s(L, N),
        ziektebesef=_s(L, N),
        problematiek=frozenset({FLUCTUEREND, ACUUT}),
        verwachting=frozenset({GELIJK, ACHTERUIT}),
        verwacht_rendement=_s(N),
        leefgebieden=(4, 6),
        resultaten=(4, None),
        complexiteit="hoog",
        contactmomenten="meerdere contactmomenten per week, face to face en op afstand",
    ),
    Profiel.IBB_4: Profielkenmerken(
        omschrijving=(
            "Complexe veelomvattende problematiek, hoog risico, intensieve begeleiding, "
            "primair behoudgericht"
        ),
        belastbaarheid=_s(L),
        intellectueel_vermogen=_s(L),
        lerend_vermogen=_s(L),
        motivatie=_s(L),
        risico=_s(H),
        zelfinzicht=_s(L),
        ziektebesef=_s(L),
        problematiek=frozenset({STABIEL, FLUCTUEREND, ACUUT}),
        verwachting=frozenset({GELIJK, ACHTERUIT}),
        verwacht_rendement=_s(N),
        leefgebieden=(6, 8),
        resultaten=(4, None),
        complexiteit="hoog",
        contactmomenten="(bijna) dagelijks contact, soms meerdere keren per dag",
    ),
    Profiel.DBB_1: Profielkenmerken(
        omschrijving=(
            "Doel ontlasting mantelzorger, behouden van vaardigheden "
            "(doelgroep dementie, ouderen, somatisch, NAH)"
        ),
        belastbaarheid=_s(L),
        intellectueel_vermogen=_s(L),
        lerend_vermogen=_s(L),
        motivatie=_s(L),
        risico=_s(N, H),
        zelfinzicht=_s(L),
        ziektebesef=_s(L, N),
        problematiek=frozenset({STABIEL, FLUCTUEREND}),
        verwachting=frozenset({GELIJK, ACHTERUIT}),
        verwacht_rendement=_s(N),
        draagkracht_netwerk=_s(L, N),
        complexiteit="laag",
    ),
    Profiel.DBB_2: Profielkenmerken(
        omschrijving=(
            "Doel ontlasting mantelzorger, behouden van vaardigheden "
            "(doelgroep dementie, ouderen, somatisch, NAH)"
        ),
        belastbaarheid=_s(N, H),
        intellectueel_vermogen=_s(L),
        lerend_vermogen=_s(L),
        motivatie=_s(L, N),
        risico=ALLE_NIVEAUS,
        zelfinzicht=_s(L),
        ziektebesef=_s(L, N),
        problematiek=frozenset({STABIEL, FLUCTUEREND}),
        verwachting=frozenset({GELIJK, ACHTERUIT}),
        verwacht_rendement=_s(L, N),
        draagkracht_netwerk=_s(L),
        complexiteit="laag tot normaal",
    ),
    Profiel.DBO_1: Profielkenmerken(
        omschrijving=(
            "Doel: ontwikkelen van vaardigheden van de cliënt "
            "(doelgroep somatisch, NAH, jongvolwassenen)"
        ),
        belastbaarheid=_s(L),
        intellectueel_vermogen=ALLE_NIVEAUS,
        lerend_vermogen=_s(N, H),
        motivatie=_s(N, H),
        risico=_s(L, N),
        zelfinzicht=_s(N, H),
        ziektebesef=_s(N, H),
        problematiek=frozenset({STABIEL, FLUCTUEREND}),
        verwachting=frozenset({VERBETERING}),
        verwacht_rendement=_s(N, H),
        draagkracht_netwerk=ALLE_NIVEAUS,
        complexiteit="normaal tot hoog",
    ),
    Profiel.DBO_2: Profielkenmerken(
        omschrijving=(
            "Doel: ontwikkelen van vaardigheden van de cliënt "
            "(doelgroep somatisch, NAH, jongvolwassenen)"
        ),
        belastbaarheid=_s(N, H),
        intellectueel_vermogen=ALLE_NIVEAUS,
        lerend_vermogen=_s(N, H),
        motivatie=_s(N, H),
        risico=_s(L, N),
        zelfinzicht=_s(N, H),
        ziektebesef=_s(N, H),
        problematiek=frozenset({STABIEL, FLUCTUEREND}),
        verwachting=frozenset({VERBETERING}),
        verwacht_rendement=_s(N, H),
        draagkracht_netwerk=ALLE_NIVEAUS,
        complexiteit="normaal tot hoog",
    ),
}

# The characteristics the ranking compares, in the order the seed's tables list them.
VERGELEKEN_KENMERKEN: tuple[str, ...] = (
    "belastbaarheid",
    "intellectueel_vermogen",
    "lerend_vermogen",
    "motivatie",
    "risico",
    "zelfinzicht",
    "ziektebesef",
    "problematiek",
    "verwachting",
    "draagkracht_netwerk",
    "verwacht_rendement",
)
