"""A term as it was adjusted: the statutory term replayed through every recorded opschorting,
verdaging, verlenging, herstelverzoek or uitstel, in order, with the functions of
``domain.awb``. The facts are stored as given (camelCase, ISO dates); the same replay serves a
new adjustment (it must fit the term as it stands), a changed one (every later one must still
fit) and every read. Pure: a step that does not fit raises a ``Weigering`` naming the field and
the rule of that step (``verplicht`` for a missing date, ``ongeldige-datum`` for dates that
cannot be, the refusing ``Regel`` when the law does not allow the step)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wmo_intake.domain.awb.aanpassingen import (
    Opschortingsgrond,
    meld_vertraging,
    schort_op,
    schort_op_voor_aanvulling,
    verleng_onderzoek,
)
from wmo_intake.domain.awb.bezwaar import (
    Uitstelgrond,
    schort_op_voor_herstel,
    verdaag_bezwaar,
    verder_uitstel_bezwaar,
)
from wmo_intake.domain.awb.klachten import verdaag_klacht
from wmo_intake.domain.awb.termijn import Awbtermijn, Dagtermijn, als_awbtermijn
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

Gegevens = Mapping[str, Any]


@dataclass(frozen=True)
class Stap:
    """One recorded adjustment: its kind and the facts (camelCase keys, ISO dates)."""

    soort: str
    gegevens: Gegevens


def datum(gegevens: Gegevens, sleutel: str) -> dt.date | None:
    waarde = gegevens.get(sleutel)
    return dt.date.fromisoformat(waarde) if isinstance(waarde, str) else None


# The rule each kind of step applies (a verdaging of a klacht: AWB-9:11).
REGEL_PER_SOORT = {
    "aanvulling": "AWB-4:15",
    "opschorting": "AWB-4:15",
    "vertraging": "AWB-4:14",
    "verlenging": "INT-01",
    "herstel": "AWB-7:10",
    "verdaging": "AWB-7:10",
    "uitstel": "AWB-7:10",
}


def regel_van(doel: str, soort: str) -> str:
    """The rule ID of a step of ``soort`` on a term of ``doel``."""
    if doel == "klacht" and soort == "verdaging":
        return "AWB-9:11"
    return REGEL_PER_SOORT[soort]


def verplichte_datum(gegevens: Gegevens, sleutel: str, rule: str) -> dt.date:
    """``verplicht``: the step needs this date (named by its camelCase key)."""
    waarde = datum(gegevens, sleutel)
    if waarde is None:
        toelichting = "Deze datum is verplicht."
        raise Weigering("verplicht", toelichting, veld=sleutel, regels=[Regel(rule, toelichting)])
    return waarde


def _stap(doel: str, termijn: Awbtermijn, stap: Stap) -> Awbtermijn:
    g, soort = stap.gegevens, stap.soort
    if soort not in REGEL_PER_SOORT:
        raise ValueError(f"onbekende termijnaanpassing {soort!r}")
    rule = regel_van(doel, soort)

    def _d(gegevens: Gegevens, sleutel: str) -> dt.date:
        return verplichte_datum(gegevens, sleutel, rule)

    if soort == "aanvulling":
        return schort_op_voor_aanvulling(
            termijn,
            verzocht_op=_d(g, "verzochtOp"),
            aanvullen_uiterlijk=_d(g, "aanvullenUiterlijk"),
            aangevuld_op=datum(g, "aangevuldOp"),
        )
    if soort == "opschorting":
        return schort_op(
            termijn,
            grond=Opschortingsgrond(g["grond"]),
            van=_d(g, "van"),
            tot_en_met=_d(g, "totEnMet"),
            reden=str(g.get("reden") or ""),
        )
    if soort == "vertraging":
        return meld_vertraging(
            termijn, mededeling_op=_d(g, "mededelingOp"), verwacht_op=_d(g, "verwachtOp")
        )
    if soort == "verlenging":
        return verleng_onderzoek(
            termijn,
            afgesproken_op=_d(g, "afgesprokenOp"),
            tot=_d(g, "tot"),
            reden=str(g.get("reden") or ""),
        )
    if soort == "herstel":
        return schort_op_voor_herstel(
            termijn,
            verzocht_op=_d(g, "verzochtOp"),
            herstellen_uiterlijk=_d(g, "herstellenUiterlijk"),
            hersteld_op=datum(g, "hersteldOp"),
        )
    if soort == "verdaging":
        verdaag = verdaag_klacht if doel == "klacht" else verdaag_bezwaar
        return verdaag(termijn, mededeling_op=_d(g, "mededelingOp"), weken=int(g["weken"]))
    if soort == "uitstel":
        return verder_uitstel_bezwaar(
            termijn,
            grond=Uitstelgrond(g["grond"]),
            tot=_d(g, "tot"),
            mededeling_op=_d(g, "mededelingOp"),
            reden=str(g.get("reden") or ""),
            andere_belanghebbenden_benadeeld=bool(g.get("andereBelanghebbendenBenadeeld")),
        )
    raise AssertionError(soort)  # pragma: no cover - REGEL_PER_SOORT names every kind


def pas_toe(
    doel: str, termijn: Awbtermijn, stap: Stap, *, veld: str
) -> tuple[Awbtermijn, list[Regel]]:
    """Apply one adjustment; a refusal names ``veld`` (impossible dates: ``ongeldige-datum``
    naming it too, with the rule of the step). Returns the adjusted term and the rules this
    step added (its explanation)."""
    try:
        nieuw = _stap(doel, termijn, stap)
    except VoorwaardeNietVoldaan as exc:
        assert exc.regel is not None
        raise VoorwaardeNietVoldaan(exc.regel, veld=veld) from exc
    except ValueError as exc:
        if stap.soort not in REGEL_PER_SOORT:
            raise
        toelichting = f"Deze datum kan niet: {exc}."
        regel = Regel(regel_van(doel, stap.soort), toelichting)
        raise Weigering("ongeldige-datum", toelichting, veld=veld, regels=[regel]) from exc
    return nieuw, list(nieuw.regels[len(termijn.regels) :])


def herbereken(
    doel: str, basis: Dagtermijn, stappen: Sequence[Stap], *, veld: str = "body"
) -> tuple[Awbtermijn, list[list[Regel]]]:
    """The term after every step, and each step's explanation."""
    termijn = als_awbtermijn(basis)
    uitleg: list[list[Regel]] = []
    for stap in stappen:
        termijn, regels = pas_toe(doel, termijn, stap, veld=veld)
        uitleg.append(regels)
    return termijn, uitleg
