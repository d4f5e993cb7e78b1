"""Wire schemas of ``/indicatie-adviezen``: the onderzoek that goes in, the advice that comes out.

Enum values are the domain's own (``individuele_begeleiding``, ``IBO-3``, ``ondersteunend``);
result areas may also be given by their letter a-k (IND-03).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator

from wmo_indicatie.domain.begrippen import (
    Aard,
    AardKeuze,
    Dagdeelklasse,
    DuurCategorie,
    Eenheid,
    Gerichtheid,
    Omvangklasse,
    Perceel,
    Profiel,
    Zekerheid,
)
from wmo_indicatie.domain.kenmerken import Effect, Gedrag, Niveau, Problematiek, Verwachting
from wmo_indicatie.domain.levensdomeinen import Levensdomein
from wmo_indicatie.domain.omvang import Netwerk
from wmo_indicatie.domain.plus import PlusStatus
from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied
from wmo_shared.grenzen import Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode

# --- input ------------------------------------------------------------------------------------


_KORTE_DOMEINEN = {
    d.value.removesuffix("_functioneren"): d.value
    for d in Levensdomein
    if d.value.endswith("_functioneren")
}


def _kort_domein(value: Any) -> Any:
    """``psychisch`` → ``psychisch_functioneren`` (the four *_functioneren domains)."""
    if isinstance(value, str):
        return _KORTE_DOMEINEN.get(value.strip().lower(), value)
    return value


def _scores_als_lijst(value: Any) -> Any:
    """Also accept a mapping ``{"psychisch_functioneren": 2, ...}`` (scores experienced as a
    barrier); the list form can say a score is not experienced so."""
    if isinstance(value, dict):
        return [{"domein": domein, "score": score} for domein, score in value.items()]
    return value


class LevensdomeinScoreCreate(WireModel):
    """IND-01: one life domain scored 0-3."""

    domein: Annotated[Levensdomein, BeforeValidator(_kort_domein)]
    score: int = Field(ge=0, le=3, description="0 geen, 1 licht, 2 matig, 3 zwaar")
    ervaren_als_belemmering: bool = Field(
        default=True, description="Telt alleen mee als de cliënt het als belemmering ervaart"
    )


class KenmerkenCreate(WireModel):
    """IND-02: the other characteristics; every one may be unknown (null)."""

    leeftijd: int | None = Field(default=None, ge=0, le=130)
    intellectueel_vermogen: Niveau | None = None
    lerend_vermogen: Niveau | None = None
    motivatie: Niveau | None = None
    zelfinzicht: Niveau | None = None
    ziektebesef: Niveau | None = None
    problematiek: Problematiek | None = None
    verwachting: Verwachting | None = Field(
        default=None, description="Verwachte ontwikkeling van de situatie van de cliënt"
    )
    gedrag: Gedrag | None = None
    verwacht_rendement: Niveau | None = None
    risico: Niveau | None = None
    belastbaarheid: Niveau | None = None
    draagkracht_netwerk: Niveau | None = Field(
        default=None, description="Draagkracht van mantelzorg/steunsysteem"
    )


class PlusfeitenCreate(WireModel):
    """IND-07: the facts behind criterion 1 (zwaar probleemgedrag) and 2 (ernstige problemen in
    denken en waarneming), and the extra conditions for individuele begeleiding plus."""

    probleemgedrag_continu: bool = False
    risico_veiligheid: bool = False
    weinig_regie: bool = False
    weinig_inzicht_in_behoefte: bool = False
    weinig_remmingen_of_onvoorspelbaar: bool = False
    kan_veranderen: bool | None = None
    draagt_bij_aan_zelfredzaamheid: bool | None = None
    behandeling_overwogen: bool | None = None


_LETTERS = {r.letter: r.value for r in Resultaatgebied}


def _letter_naar_gebied(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _LETTERS:
        return _LETTERS[value.strip().lower()]
    return value


ResultaatgebiedInvoer = Annotated[Resultaatgebied, BeforeValidator(_letter_naar_gebied)]


class Onderzoek(WireModel):
    """What the onderzoek found, and the choices the consulent already made."""

    levensdomeinen: Annotated[list[LevensdomeinScoreCreate], BeforeValidator(_scores_als_lijst)] = (
        Field(
            default_factory=list,
            max_length=8,
            description="IND-01: per levensdomein een score 0-3; ook als object "
            '{"psychisch_functioneren": 2} (dan ervaren als belemmering)',
        )
    )
    kenmerken: KenmerkenCreate = Field(default_factory=KenmerkenCreate)
    plusfeiten: PlusfeitenCreate = Field(default_factory=PlusfeitenCreate)
    resultaatgebieden: list[ResultaatgebiedInvoer] = Field(
        default_factory=list,
        max_length=11,
        description="Te behalen resultaten (IND-03), als code of letter a-k",
        examples=[["regie_en_besluiten", "zaken_regelen", "dagstructuur", "administratie"]],
    )
    netwerk: Netwerk | None = Field(default=None, description="IND-10: invloed van het netwerk")
    omvangklasse: Omvangklasse | None = Field(
        default=None, description="Omvangklasse individuele begeleiding volgens de consulent"
    )
    aard: AardKeuze | None = Field(default=None, description="Aard, als de consulent die koos")
    duurcategorie: DuurCategorie | None = Field(
        default=None, description="Duurcategorie, als de consulent die koos (IND-11)"
    )

    @field_validator("levensdomeinen")
    @classmethod
    def _elk_domein_eenmaal(
        cls, value: list[LevensdomeinScoreCreate]
    ) -> list[LevensdomeinScoreCreate]:
        gezien: set[Levensdomein] = set()
        for s in value:
            if s.domein in gezien:
                raise ValueError(f"levensdomein {s.domein.value} is twee keer gescoord")
            gezien.add(s.domein)
        return value

    @field_validator("resultaatgebieden")
    @classmethod
    def _uniek(cls, value: list[Resultaatgebied]) -> list[Resultaatgebied]:
        return [r for r in Resultaatgebied if r in set(value)]


class IndicatieAdviesCreate(Onderzoek):
    bsn: Bsn | None = Field(default=None, description="Optioneel: de cliënt van het advies")
    aanvraag_id: uuid.UUID | None = Field(
        default=None, description="Optioneel: de aanvraag (intake) waarvoor het advies is"
    )
    begindatum: Zaakdatum = Field(description="Beoogde begindatum van de indicatie")
    peildatum: Zaakdatum | None = Field(
        default=None, description="Datum waarop het beleid wordt bepaald; standaard de begindatum"
    )


# --- output -----------------------------------------------------------------------------------


class AardAdviesRead(WireModel):
    aard: AardKeuze
    zekerheid: Zekerheid
    regels: list[RegelRead]


class GerichtheidRead(WireModel):
    gerichtheid: Gerichtheid | None
    zekerheid: Zekerheid
    regels: list[RegelRead]


class DagdelenRead(WireModel):
    klasse: Dagdeelklasse | None
    zekerheid: Zekerheid
    regels: list[RegelRead]


class ProfielScoreRead(WireModel):
    rang: int
    profiel: Profiel
    naam: str
    punten: int
    maximum: int = Field(description="De punten als elke vergeleken factor had gepast")
    vergeleken: int = Field(description="Aantal vergeleken factoren (bekende waarden)")
    passend: list[str]
    niet_passend: list[str]
    regels: list[RegelRead]


class RangordeRead(WireModel):
    zekerheid: Zekerheid
    profielen: list[ProfielScoreRead] = Field(description="Alle profielen van de aard, best eerst")
    regels: list[RegelRead]


class OmvangAdviesRead(WireModel):
    eenheid: Eenheid
    minimum: Decimal | None = Field(description="Ondergrens van de band (inclusief); null = open")
    maximum: Decimal | None = Field(description="Bovengrens van de band (inclusief); null = open")
    typisch: Decimal
    voorgesteld: Decimal = Field(description="Typische waarde na de netwerkcorrectie (IND-10)")
    netwerkcorrectie: Decimal
    regels: list[RegelRead]


class PlusAdviesRead(WireModel):
    status: PlusStatus
    mogelijk: bool
    profiel_staat_plus_toe: bool
    criterium_1: bool = Field(alias="criterium1")
    criterium_2: bool = Field(alias="criterium2")
    open_voorwaarden: list[str]
    niet_vervuld: list[str]
    regels: list[RegelRead]


class DuurAdviesRead(WireModel):
    categorie: DuurCategorie
    omschrijving: str
    maanden: int
    begindatum: dt.date
    einddatum: dt.date | None = Field(description="null: onbeperkt (levenslang)")
    herzieningsdatum: dt.date
    zekerheid: Zekerheid
    regels: list[RegelRead]


class DeeladviesRead(WireModel):
    aard: Aard
    profiel: Profiel
    profiel_naam: str
    zekerheid: Zekerheid
    productcategorie: str = Field(description="iWmo-productcategorie van deze aard")
    percelen: list[Perceel] = Field(description="Percelen die deze indicatie kunnen dragen")
    gerichtheid: GerichtheidRead
    dagdelen: DagdelenRead | None
    rangorde: RangordeRead
    omvang: OmvangAdviesRead
    plus: PlusAdviesRead
    duur: DuurAdviesRead
    regels: list[RegelRead]


class LevensdomeinenRead(WireModel):
    aantal_belemmerd: int
    hoogste_score: int
    regels: list[RegelRead]


class ResultaatgebiedRead(WireModel):
    code: Resultaatgebied
    letter: str
    omschrijving: str


class ResultaatgebiedenRead(WireModel):
    gekozen: list[ResultaatgebiedRead]
    regels: list[RegelRead]


class KenmerkEffectRead(WireModel):
    kenmerk: str
    waarde: str | None
    effect: Effect | None
    regels: list[RegelRead]


class AdviesUitkomst(WireModel):
    """What the engine said; stored as it was given."""

    aard: AardAdviesRead
    individuele_begeleiding: DeeladviesRead | None
    dagbesteding: DeeladviesRead | None
    levensdomeinen: LevensdomeinenRead
    resultaatgebieden: ResultaatgebiedenRead
    kenmerken: list[KenmerkEffectRead]
    regels: list[RegelRead] = Field(description="Alle toegepaste regels, in volgorde")
    rules: list[str] = Field(description="De toegepaste regel-ID's")


class IndicatieAdviesRead(AdviesUitkomst):
    id: uuid.UUID
    gemeente: Gemeentecode
    beleid: str = Field(description="Het beleid (normenkader) dat is toegepast")
    bsn: str | None
    aanvraag_id: uuid.UUID | None
    begindatum: dt.date
    peildatum: dt.date
    aangemaakt_op: dt.datetime
    onderzoek: Onderzoek
