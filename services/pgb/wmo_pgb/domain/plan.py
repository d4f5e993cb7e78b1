"""The pgb-plan: what the inwoner hands in, as pure input for the toets (PGB-02).

The fields follow the questions of seed 001 H2 ("Het (format) pgb-plan", the questions on
pgb-vaardigheid and on quality) and seed 002 art. 11 ("Plan", network payment criteria). The plan
is free in form, so almost every answer may be missing: ``None`` means "not answered" and an empty
text means "not described". The toets never reads a missing answer as a yes.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from wmo_shared.weigering import Weigering


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Eenheid(StrEnum):
    """Unit of a product (FIN-13)."""

    UUR = "uur"
    DAGDEEL = "dagdeel"
    DAG = "dag"
    ETMAAL = "etmaal"
    STUK = "stuk"


class Frequentie(StrEnum):
    PER_WEEK = "per_week"
    PER_MAAND = "per_maand"
    TOTAAL = "totaal"  # for the whole period, e.g. one hulpmiddel


# What a week, a month or a budget's whole term (at most five years, see domain.looptijd) can
# hold: 168 hours a week, two dagdelen a day, one dag or etmaal a day. A quantity above it is
# an input error, never a budget.
MAXIMUM_OMVANG: dict[Frequentie, dict[Eenheid, Decimal]] = {
    Frequentie.PER_WEEK: {
        Eenheid.UUR: Decimal(168),
        Eenheid.DAGDEEL: Decimal(14),
        Eenheid.DAG: Decimal(7),
        Eenheid.ETMAAL: Decimal(7),
        Eenheid.STUK: Decimal(1000),
    },
    Frequentie.PER_MAAND: {
        Eenheid.UUR: Decimal(744),
        Eenheid.DAGDEEL: Decimal(62),
        Eenheid.DAG: Decimal(31),
        Eenheid.ETMAAL: Decimal(31),
        Eenheid.STUK: Decimal(1000),
    },
    Frequentie.TOTAAL: {
        Eenheid.UUR: Decimal(43920),
        Eenheid.DAGDEEL: Decimal(3654),
        Eenheid.DAG: Decimal(1827),
        Eenheid.ETMAAL: Decimal(1827),
        Eenheid.STUK: Decimal(1000),
    },
}


def omvang_te_groot(hoeveelheid: Decimal, eenheid: Eenheid, frequentie: Frequentie) -> str | None:
    """Why the quantity cannot be, or None when it fits its unit and frequency."""
    maximum = MAXIMUM_OMVANG[frequentie][eenheid]
    if hoeveelheid > maximum:
        per = {"per_week": "per week", "per_maand": "per maand", "totaal": "in totaal"}
        return f"Meer dan {maximum} {eenheid.value} {per[frequentie.value]} kan niet."
    return None


class Omvang(_Frozen):
    hoeveelheid: Decimal = Field(gt=0, max_digits=12, decimal_places=4, examples=["3"])
    eenheid: Eenheid
    frequentie: Frequentie

    @model_validator(mode="after")
    def _past(self) -> Omvang:
        reden = omvang_te_groot(self.hoeveelheid, self.eenheid, self.frequentie)
        if reden is not None:
            raise ValueError(reden)
        return self


class Maatwerkvoorziening(_Frozen):
    """The maatwerkvoorziening found necessary, which the pgb would buy (PGB-01)."""

    product: str = Field(min_length=1, examples=["alfahulp"])
    productcode: str | None = Field(default=None, min_length=1, max_length=5, examples=["HH50"])
    omvang: Omvang


class Keuze(_Frozen):
    """PGB-03, condition 1 "wil": an informed, conscious choice."""

    reden: str = ""  # why the inwoner wants a pgb rather than ZIN
    geinformeerd_over_administratie: bool | None = None
    geinformeerd_over_werkgeverschap: bool | None = None  # employer / principal role
    geinformeerd_over_zin: bool | None = None  # what zorg in natura offers


class Pgbvaardigheid(StrEnum):
    """The ten pgb-vaardigheden of the Rijksoverheid (PGB-04, seed 001 H2)."""

    OVERZIET_EIGEN_SITUATIE = "overziet_eigen_situatie"
    KENT_PGB_REGELS = "kent_pgb_regels"
    HOUDT_ADMINISTRATIE_BIJ = "houdt_administratie_bij"
    COMMUNICEERT_MET_INSTANTIES = "communiceert_met_instanties"
    VINDT_AANBIEDER_EN_MAAKT_AFSPRAKEN = "vindt_aanbieder_en_maakt_afspraken"
    KOMT_AFSPRAKEN_NA = "komt_afspraken_na"
    BEOORDEELT_OF_ZORG_PAST = "beoordeelt_of_zorg_past"
    REGELT_VERVANGING = "regelt_vervanging"
    STUURT_ZORGVERLENER_AAN = "stuurt_zorgverlener_aan"
    KENT_REGELS_WERKGEVERSCHAP = "kent_regels_werkgeverschap"

    @property
    def omschrijving(self) -> str:
        return _VAARDIGHEID_OMSCHRIJVING[self]


_VAARDIGHEID_OMSCHRIJVING: dict[Pgbvaardigheid, str] = {
    Pgbvaardigheid.OVERZIET_EIGEN_SITUATIE: "de eigen situatie overzien en inschatten welke zorg"
    " nodig is",
    Pgbvaardigheid.KENT_PGB_REGELS: "de regels over een pgb kennen of kunnen vinden",
    Pgbvaardigheid.HOUDT_ADMINISTRATIE_BIJ: "een administratie van de bestedingen bijhouden",
    Pgbvaardigheid.COMMUNICEERT_MET_INSTANTIES: "communiceren met gemeente, SVB en zorgaanbieder",
    Pgbvaardigheid.VINDT_AANBIEDER_EN_MAAKT_AFSPRAKEN: "een aanbieder vinden en afspraken maken"
    " over tarief, zorg en tijden",
    Pgbvaardigheid.KOMT_AFSPRAKEN_NA: "afspraken maken en nakomen, het pgb alleen aan zorg"
    " besteden en de aanbieder aanspreken",
    Pgbvaardigheid.BEOORDEELT_OF_ZORG_PAST: "beoordelen of de zorg past",
    Pgbvaardigheid.REGELT_VERVANGING: "vervanging regelen bij verlof of ziekte",
    Pgbvaardigheid.STUURT_ZORGVERLENER_AAN: "de zorgverlener aansturen",
    Pgbvaardigheid.KENT_REGELS_WERKGEVERSCHAP: "de regels van werkgever- of opdrachtgeverschap"
    " kennen of kunnen vinden",
}


class BeheerderRol(StrEnum):
    """Who manages the pgb (seed 001 H2 vraag 1-3, H4 vraag 2)."""

    INWONER = "inwoner"
    CURATOR = "curator"
    MENTOR = "mentor"
    BEWINDVOERDER = "bewindvoerder"  # (beschermings)bewindvoerder: the PGB-06 exception
    WSNP_BEWINDVOERDER = "wsnp_bewindvoerder"  # another professional role (seed 001 H4 vraag 2)
    NETWERKLID = "netwerklid"
    PROFESSIONAL = "professional"


class RelatieMetZorgverlener(StrEnum):
    """How the beheerder stands to the provider of the support (PGB-06)."""

    GEEN = "geen"
    ZELFDE_PERSOON = "zelfde_persoon"  # or the provider organisation itself
    IN_DIENST_VAN_AANBIEDER = "in_dienst_van_aanbieder"
    VERBONDEN_AAN_AANBIEDER = "verbonden_aan_aanbieder"  # affiliated ("verbonden of geallieerd")
    PERSOONLIJK = "persoonlijk"  # e.g. partner or relative of the provider


class Beheerkosten(StrEnum):
    KOSTELOOS = "kosteloos"
    TEN_LASTE_VAN_INWONER = "ten_laste_van_inwoner"  # e.g. a bewindvoerder's extra hours
    UIT_PGB = "uit_pgb"  # not allowed: managing is unpaid from the budget (PGB-10)


class Beheerder(_Frozen):
    """Who manages the pgb, with the answers on the ten vaardigheden for that person (PGB-04).

    A vaardigheid left out of ``vaardigheden`` is not answered.
    """

    rol: BeheerderRol
    naam: str | None = None
    relatie_tot_inwoner: str | None = None
    functie: str | None = None  # for a professional
    vaardigheden: dict[Pgbvaardigheid, bool] = Field(default_factory=dict)
    # Only for the inwoner as beheerder: someone does the tasks together with them (PGB-05).
    met_hulp_van_ander: bool | None = None
    # Only for a third party:
    heeft_tijd_en_ruimte: bool | None = None
    relatie_met_zorgverlener: RelatieMetZorgverlener | None = None
    beheerkosten: Beheerkosten | None = None


class Schuldhulp(StrEnum):
    GEEN = "geen"
    BEWIND = "bewind"
    WSNP = "wsnp"  # wettelijke schuldsanering
    ANDERE_PROFESSIONELE_SCHULDHULP = "andere_professionele_schuldhulp"


class Risicosituaties(_Frozen):
    """PGB-05 (seed 001 H2 vraag 2)."""

    cognitieve_beperking: bool | None = None  # a mental condition affecting cognition
    laaggeletterd: bool | None = None  # (functionally) illiterate
    problematische_schulden: bool | None = None
    schuldhulp: Schuldhulp | None = None


class ZorgverlenerSoort(StrEnum):
    INSTELLING = "instelling"  # employed by an institution
    ZELFSTANDIGE = "zelfstandige"
    NETWERKLID = "netwerklid"  # from the inwoner's social network
    OVERIG = "overig"  # anyone else, e.g. an alfahulp without KvK registration


class Zorgverlener(_Frozen):
    """Who delivers the support (PGB-07..09)."""

    soort: ZorgverlenerSoort
    naam: str | None = None
    kvk_nummer: str | None = Field(default=None, pattern=r"^[0-9]{8}$")
    # A recognised registration, qualification or diplomas needed for *this* support, shown.
    erkende_kwalificatie: bool = False
    kwalificaties: tuple[str, ...] = ()
    relatie_tot_inwoner: str | None = None
    # PGB-09: the (almost) overburdened mantelzorger whom this voorziening is meant to relieve.
    is_overbelaste_mantelzorger: bool | None = None
    # PGB-08: meets the quality demand the worker sets for serious problems.
    voldoet_aan_kwaliteitseis: bool | None = None


class Contractvorm(StrEnum):
    """PGB-13 (seed 000): the care contracts possible under a pgb."""

    ARBEIDSOVEREENKOMST = "arbeidsovereenkomst"
    OVEREENKOMST_VAN_OPDRACHT = "overeenkomst_van_opdracht"
    OVEREENKOMST_PARTNER_OF_FAMILIELID = "overeenkomst_partner_of_familielid"
    OVEREENKOMST_ZORGINSTELLING = "overeenkomst_zorginstelling"


class Hulpduur(StrEnum):
    TIJDELIJK = "tijdelijk"
    LANGDURIG = "langdurig"


class Netwerkinzet(_Frozen):
    """Seed 002 art. 11: the criteria for paying a network member (PGB-10)."""

    soort_hulp: str = ""
    frequentie: str = ""
    duur: Hulpduur | None = None
    # Can the helper not skip a time when ill or on holiday? Weighs heavily.
    verplichtend: bool | None = None
    waarom_beter: str = ""  # why paying them gives better, more effective support


class PgbPlan(_Frozen):
    maatwerkvoorziening: Maatwerkvoorziening
    gevraagde_omvang: Omvang | None = None
    keuze: Keuze = Field(default_factory=Keuze)
    beheerder: Beheerder
    risicosituaties: Risicosituaties = Field(default_factory=Risicosituaties)
    zorgverlener: Zorgverlener
    contractvorm: Contractvorm | None = None
    doelen: tuple[str, ...] = ()
    bijdrage_aan_doelen: str = ""  # how it adds to zelfredzaamheid and participatie
    kwaliteitswaarborg: str = ""  # how the quality is assured
    ernstige_problematiek: bool | None = None  # needs specialist or qualified help (PGB-08)
    netwerkinzet: Netwerkinzet | None = None


# --- checks on the plan as a whole ---------------------------------------------------------

CONCEPT = "concept"
BESLOTEN = "besloten"


def plan_gemeente(token_gemeente: str, gevraagd: str | None, bekende: set[str]) -> None:
    """The plan belongs to the token's gemeente, which must be one the policies know."""
    if gevraagd is not None and gevraagd != token_gemeente:
        raise Weigering(
            "andere-gemeente",
            f"U werkt voor gemeente {token_gemeente}; een pgb-plan voor gemeente {gevraagd} "
            "kunt u niet vastleggen.",
            veld="gemeente",
        )
    if token_gemeente not in bekende:
        raise Weigering(
            "onbekende-gemeente",
            f"Gemeente {token_gemeente} is onbekend: er is geen Wmo-beleid voor vastgelegd.",
            veld="gemeente",
        )


def onderzoeksconclusie(nodig: bool | None, aanvraag_id: object | None) -> None:
    """PGB-01: whether a maatwerkvoorziening is necessary is the conclusion of the onderzoek of
    one aanvraag; a conclusion without the aanvraag it comes from cannot be checked."""
    if nodig is not None and aanvraag_id is None:
        raise Weigering(
            "verplicht",
            "Of een maatwerkvoorziening noodzakelijk is, volgt uit het onderzoek bij een "
            "aanvraag: geef de aanvraagId waaruit maatwerkvoorzieningNodig komt.",
            veld="aanvraagId",
        )


def wijzigbaar(status: str) -> None:
    """Only a concept can still be changed."""
    if status != CONCEPT:
        raise Weigering(
            "plan-niet-meer-wijzigbaar",
            f"Het pgb-plan is {status}: alleen een concept kan nog gewijzigd worden.",
            soort="conflict",
        )


def lees_plan(inhoud: dict[str, object]) -> PgbPlan:
    """The plan from its stored or sent content. The wire model mirrors these constraints;
    should they ever differ, the refusal still names the fields (a 400, never a 500)."""
    try:
        return PgbPlan.model_validate(inhoud)
    except ValidationError as exc:
        velden = [(".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        raise Weigering(
            "ongeldige-invoer",
            f"Ongeldige invoer in: {', '.join(v for v, _ in velden)}.",
            velden=velden,
        ) from exc
