"""Checks on a final indicatie before it is recorded. The API turns each violation into a 400
problem naming the rule; ``field`` is the camelCase name the API uses for the input.

An omvang outside the profile's band is not a violation when a written motivation is given:
it is accepted and marked as a deviation (``afwijking``, IND-05 / IND-06, IND-12).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Aard, Eenheid, Gerichtheid, Perceel, Profiel
from wmo_indicatie.domain.datums import plus_maanden
from wmo_indicatie.domain.percelen import laatste_toegestane_dag
from wmo_indicatie.domain.plus import PlusFeiten, PlusStatus, beoordeel_plus
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_shared.regels import Regel, rule_ids

# iWmo LDT_ProductCode: 1-5 characters, not only whitespace.
_PRODUCTCODE = re.compile(r"^(?=.*\S).{1,5}$")
_BANDBREEDTE = re.compile(
    r"^\s*\d+(?:[.,]\d+)?\s*(?:-|–|—|/|tot en met|t/m|tot)\s*\d+(?:[.,]\d+)?\s*$", re.IGNORECASE
)
# IND-04: what one week can hold, whatever the band: 24 x 7 hours, and two dagdelen a day (the
# seed: "1-4 dagdelen per week (1 of 2 dagen)"). Not policy: beyond it an omvang is a typo.
_WEEK = {Eenheid.UUR_PER_WEEK: Decimal(168), Eenheid.DAGDELEN_PER_WEEK: Decimal(14)}
_ONTWIKKEL_MAX_MAANDEN = 24  # IND-08: "een aantal maanden tot een jaar (eventueel twee jaar)"


@dataclass(frozen=True, slots=True)
class Indicatie:
    """A final indicatie as the consulent wants to record it (one aard; IND-04)."""

    aard: Aard
    profiel: Profiel
    plus: bool
    omvang: Decimal | int | float | str  # exact: hours/week or dagdelen/week, never a range
    perceel: Perceel
    productcategorie: str  # iWmo, e.g. "02"
    productcode: str
    begindatum: dt.date
    einddatum: dt.date | None = None  # None: onbeperkt (then a herzieningsdatum is required)
    herzieningsdatum: dt.date | None = None
    motivering: str | None = None
    plusfeiten: PlusFeiten = field(default_factory=PlusFeiten)


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str  # catalogue ID, e.g. "IND-07"
    field: str  # camelCase input name, e.g. "omvang"
    code: str  # kebab-case, stable for clients
    reason: str  # Dutch, for the case worker


@dataclass(frozen=True, slots=True)
class ValidationResult:
    ok: bool
    violations: tuple[Violation, ...]
    regels: tuple[Regel, ...]  # every rule applied, also those that passed
    afwijking: bool  # omvang outside the profile's band, accepted with a motivation
    omvang: Decimal | None  # the parsed omvang (None when it could not be read)
    waarschuwingen: tuple[Regel, ...]  # worth a second look, never blocking

    @property
    def rule_ids(self) -> list[str]:
        return list(rule_ids(self.regels))


def lees_omvang(waarde: Decimal | int | float | str) -> Decimal | Violation:
    """An exact, positive, finite omvang, or the violation saying why not (IND-04)."""
    ongeldig = Violation(
        "IND-04", "omvang", "omvang-ongeldig", "De omvang is geen getal; geef één exact getal."
    )
    if isinstance(waarde, bool):
        return ongeldig
    if isinstance(waarde, str):
        if _BANDBREEDTE.match(waarde):
            return Violation(
                "IND-04",
                "omvang",
                "omvang-bandbreedte",
                f"De omvang '{waarde.strip()}' is een bandbreedte; een indicatie noemt één exact "
                "aantal uren of dagdelen per week.",
            )
        try:
            getal = Decimal(waarde.strip().replace(",", "."))
        except InvalidOperation:
            return ongeldig
    elif isinstance(waarde, float):
        getal = Decimal(repr(waarde))
    else:
        getal = Decimal(waarde)
    if not getal.is_finite():
        return ongeldig
    if getal <= 0:
        return Violation(
            "IND-04",
            "omvang",
            "omvang-niet-positief",
            "De omvang moet groter dan 0 zijn.",
        )
    return getal


def valideer_indicatie(indicatie: Indicatie, policy: IndicatiePolicy) -> ValidationResult:
    v = _Validatie(indicatie, policy)
    v.aard_en_profiel()
    v.productcategorie()
    v.productcode()
    v.perceel()
    v.plus()
    omvang = v.omvang()
    v.datums()
    return ValidationResult(
        ok=not v.violations,
        violations=tuple(v.violations),
        regels=tuple(v.regels),
        afwijking=v.afwijking,
        omvang=omvang,
        waarschuwingen=tuple(v.waarschuwingen),
    )


class _Validatie:
    def __init__(self, indicatie: Indicatie, policy: IndicatiePolicy) -> None:
        self.i = indicatie
        self.policy = policy
        self.violations: list[Violation] = []
        self.regels: list[Regel] = []
        self.waarschuwingen: list[Regel] = []
        self.afwijking = False

    def fout(self, rule: str, veld: str, code: str, reden: str) -> None:
        self.violations.append(Violation(rule, veld, code, reden))
        self.regels.append(Regel(rule, reden))

    def goed(self, rule: str, zin: str) -> None:
        self.regels.append(Regel(rule, zin))

    @property
    def profiel_past(self) -> bool:
        return self.i.profiel.aard is self.i.aard

    def aard_en_profiel(self) -> None:
        i = self.i
        rule = "IND-05" if i.profiel.aard is Aard.INDIVIDUELE_BEGELEIDING else "IND-06"
        if self.profiel_past:
            self.goed(rule, f"Profiel {i.profiel} hoort bij {_aard(i.aard)}.")
        else:
            self.fout(
                rule,
                "profiel",
                "profiel-past-niet-bij-aard",
                f"Profiel {i.profiel} hoort bij {_aard(i.profiel.aard)}, niet bij {_aard(i.aard)}.",
            )

    def productcategorie(self) -> None:
        verwacht = self.policy.productcategorie[self.i.aard]
        if self.i.productcategorie == verwacht:
            self.goed("IND-04", f"Productcategorie {verwacht} past bij {_aard(self.i.aard)}.")
        else:
            self.fout(
                "IND-04",
                "productcategorie",
                "productcategorie-past-niet-bij-aard",
                f"Productcategorie '{self.i.productcategorie}' past niet bij {_aard(self.i.aard)}; "
                f"dat is productcategorie {verwacht}.",
            )

    def productcode(self) -> None:
        if _PRODUCTCODE.match(self.i.productcode):
            self.goed("AAN-01", f"Productcode {self.i.productcode.strip()} is vastgelegd.")
        else:
            self.fout(
                "AAN-01",
                "productcode",
                "productcode-ongeldig",
                "De productcode ontbreekt of is langer dan 5 tekens (iWmo-productcode).",
            )

    def perceel(self) -> None:
        i = self.i
        beleid = self.policy.percelen.get(i.perceel)
        naam = i.perceel.omschrijving
        if beleid is None:
            self.fout(
                "IND-13",
                "perceel",
                "perceel-niet-in-beleid",
                f"Het perceel {naam} komt niet voor in het beleid van deze gemeente.",
            )
            return
        if beleid.aard is not i.aard:
            waar = f"hoort bij {_aard(beleid.aard)}" if beleid.aard else "is geen begeleiding"
            self.fout(
                "IND-13",
                "perceel",
                "perceel-past-niet-bij-aard",
                f"Het perceel {naam} {waar}, niet bij {_aard(i.aard)}.",
            )
        elif beleid.plus is not i.plus:
            if i.plus:
                reden = f"Plus is gevraagd, maar het perceel {naam} is geen plus-perceel."
            else:
                reden = f"Het perceel {naam} is een plus-perceel, maar plus is niet gevraagd."
            self.fout("IND-13", "perceel", "perceel-past-niet-bij-plus", reden)
        else:
            self.goed("IND-13", f"Het perceel {naam} past bij {_aard(i.aard)}.")

    def plus(self) -> None:
        i = self.i
        if not i.plus:
            return
        oordeel = beoordeel_plus(i.profiel, i.plusfeiten, self.policy)
        self.regels.extend(oordeel.regels)
        if not oordeel.profiel_staat_plus_toe:
            self.fout(
                "IND-07",
                "plus",
                "plus-niet-toegestaan-bij-profiel",
                f"Plus is gevraagd, maar profiel {i.profiel} wordt niet als plus ingezet.",
            )
        if not (oordeel.criterium_1 or oordeel.criterium_2):
            self.fout(
                "IND-07",
                "plus",
                "plus-zonder-criterium",
                "Plus is gevraagd zonder dat criterium 1 (zwaar probleemgedrag) of criterium 2 "
                "(ernstige problemen in denken en waarneming) volledig is vervuld.",
            )
        elif oordeel.status is not PlusStatus.MOGELIJK and oordeel.profiel_staat_plus_toe:
            namen = ", ".join((*oordeel.niet_vervuld, *oordeel.open_voorwaarden))
            self.fout(
                "IND-07",
                "plusfeiten",
                "plus-voorwaarden-niet-vervuld",
                "Voor individuele begeleiding plus moeten ook vaststaan: de cliënt kan "
                "veranderen, de begeleiding draagt bij aan zelfredzaamheid en participatie, en "
                f"behandeling is overwogen. Niet vervuld of niet vastgelegd: {namen}.",
            )

    def omvang(self) -> Decimal | None:
        i = self.i
        gelezen = lees_omvang(i.omvang)
        if isinstance(gelezen, Violation):
            self.fout(gelezen.rule, gelezen.field, gelezen.code, gelezen.reason)
            return None
        e = (
            Eenheid.UUR_PER_WEEK
            if i.aard is Aard.INDIVIDUELE_BEGELEIDING
            else Eenheid.DAGDELEN_PER_WEEK
        )
        if gelezen > _WEEK[e]:
            self.fout(
                "IND-04",
                "omvang",
                "omvang-meer-dan-een-week",
                f"Een week heeft ten hoogste {notatie.omvang(_WEEK[e], e)}; een omvang van "
                f"{notatie.getal(gelezen)} kan niet.",
            )
            return gelezen
        if e is Eenheid.DAGDELEN_PER_WEEK and gelezen != gelezen.to_integral_value():
            self.fout(
                "IND-04",
                "omvang",
                "omvang-geen-heel-aantal-dagdelen",
                f"Dagbesteding wordt in hele dagdelen geïndiceerd, niet {notatie.getal(gelezen)}.",
            )
            return gelezen
        if not self.profiel_past:
            return gelezen  # the band of a profile of the other aard says nothing
        beleid = self.policy.profiel(i.profiel)
        rule = "IND-05" if e is Eenheid.UUR_PER_WEEK else "IND-06"
        band = notatie.band(beleid.minimum, beleid.maximum, e)
        if beleid.bevat(gelezen):
            self.goed(
                rule,
                f"De omvang van {notatie.omvang(gelezen, e)} ligt binnen de band van "
                f"{i.profiel} ({band}).",
            )
            return gelezen
        buiten = (
            f"De omvang van {notatie.omvang(gelezen, e)} ligt buiten de band van {i.profiel} "
            f"({band})"
        )
        if i.motivering is not None and i.motivering.strip():
            self.afwijking = True
            self.goed(rule, f"{buiten}; dit is een gemotiveerde afwijking.")
            self.goed("IND-12", "De consulent heeft de afwijkende omvang schriftelijk gemotiveerd.")
        else:
            self.fout(
                rule,
                "omvang",
                "omvang-buiten-band-zonder-motivering",
                f"{buiten}. Dat kan alleen met een schriftelijke motivering.",
            )
        return gelezen

    def datums(self) -> None:
        i = self.i
        begin = notatie.datum(i.begindatum)
        if i.einddatum is None and i.herzieningsdatum is None:
            self.fout(
                "IND-11",
                "einddatum",
                "einddatum-en-herzieningsdatum-ontbreken",
                "Geef een einddatum of, bij een onbeperkte duur, een herzieningsdatum.",
            )
        if i.einddatum is not None and i.einddatum < i.begindatum:
            self.fout(
                "IND-11",
                "einddatum",
                "einddatum-voor-begindatum",
                f"De einddatum {notatie.datum(i.einddatum)} ligt voor de begindatum {begin}.",
            )
        if i.herzieningsdatum is not None and i.herzieningsdatum < i.begindatum:
            self.fout(
                "IND-11",
                "herzieningsdatum",
                "herzieningsdatum-voor-begindatum",
                f"De herzieningsdatum {notatie.datum(i.herzieningsdatum)} ligt voor de "
                f"begindatum {begin}.",
            )
        if (
            i.herzieningsdatum is not None
            and i.einddatum is not None
            and i.herzieningsdatum > i.einddatum
        ):
            self.fout(
                "IND-11",
                "herzieningsdatum",
                "herzieningsdatum-na-einddatum",
                f"De herzieningsdatum {notatie.datum(i.herzieningsdatum)} ligt na de einddatum "
                f"{notatie.datum(i.einddatum)}.",
            )
        self._perceelduur()
        if (
            i.profiel.gerichtheid is Gerichtheid.ONTWIKKELGERICHT
            and i.einddatum is not None
            and i.einddatum >= plus_maanden(i.begindatum, _ONTWIKKEL_MAX_MAANDEN)
        ):
            self.waarschuwingen.append(
                Regel(
                    "IND-08",
                    f"{i.profiel} is ontwikkelgericht: ontwikkeling binnen enkele maanden tot "
                    "een jaar, eventueel twee jaar. Een langere duur vraagt om een motivering of "
                    "een behoudgericht profiel.",
                )
            )

    def _perceelduur(self) -> None:
        i = self.i
        beleid = self.policy.percelen.get(i.perceel)
        if beleid is None or beleid.maximale_duur_maanden is None:
            return
        laatste = laatste_toegestane_dag(beleid, i.begindatum)
        assert laatste is not None
        maximaal = notatie.maanden(beleid.maximale_duur_maanden)
        naam = i.perceel.omschrijving
        if i.einddatum is None:
            self.fout(
                "IND-13",
                "einddatum",
                "perceel-maximale-duur-overschreden",
                f"Het perceel {naam} kan voor maximaal {maximaal} worden ingezet; een "
                f"onbeperkte duur kan niet, de einddatum is uiterlijk {notatie.datum(laatste)}.",
            )
        elif i.einddatum > laatste:
            self.fout(
                "IND-13",
                "einddatum",
                "perceel-maximale-duur-overschreden",
                f"Het perceel {naam} kan voor maximaal {maximaal} worden ingezet; de einddatum "
                f"is uiterlijk {notatie.datum(laatste)}, niet {notatie.datum(i.einddatum)}.",
            )
        else:
            self.goed(
                "IND-13",
                f"De duur blijft binnen het maximum van {maximaal} voor het perceel {naam}.",
            )


def _aard(aard: Aard | None) -> str:
    return aard.value.replace("_", " ") if aard else "geen aard"
