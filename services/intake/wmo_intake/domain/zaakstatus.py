"""The case state machine of the intake.

Main path: melding → onderzoek → aanvraag → beschikking → opdracht → herindicatie | beeindigd.
Side paths:
- The Awb right to apply (seed 002 art. 6.6): the client may file the aanvraag at any moment,
  also before or while the onderzoek runs. The case then is in ``aanvraag`` with the onderzoek
  still to start or to finish (an onderzoek may start in ``aanvraag``); the beschikking waits
  for it or motivates why not (``domain.bevindingen``). During a temporary voorziening an
  aanvraag leaves the case where it is: the beschikking follows afterwards (INT-10).
- INT-09: a melding from a hospital transferpunt (short-term household help) or for a client in
  a hospice needs no aanvraag: the besluit (beschikking) follows straight from the melding.
- INT-10: in spoed, crisis or dwang a temporary voorziening starts at once (from melding,
  onderzoek or aanvraag); the beschikking follows afterwards.
- Refusal: an afwijzing ends the case (bezwaar runs outside this machine, INT-04).
- Withdrawal: the client may withdraw before the beschikking.
- The client dies or moves to another gemeente: every open case of the client ends (its
  running voorzieningen end with it, ``domain.beeindiging``).
A herindicatie is a new onderzoek of a running voorziening, so it leads to a new aanvraag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from wmo_intake.domain.bevinding import Toetsing
from wmo_intake.domain.fouten import (
    GeenAanvraagGrondOntbreekt,
    OngeldigeOvergang,
    SpoedredenOntbreekt,
)
from wmo_intake.domain.onderzoek import ClientondersteuningGewezen, toets_clientondersteuning
from wmo_shared.regels import Regel


class Zaakstatus(StrEnum):
    MELDING = "melding"
    ONDERZOEK = "onderzoek"
    AANVRAAG = "aanvraag"
    TIJDELIJKE_VOORZIENING = "tijdelijke_voorziening"
    BESCHIKKING = "beschikking"
    OPDRACHT = "opdracht"
    HERINDICATIE = "herindicatie"
    BEEINDIGD = "beeindigd"


class Zaakgebeurtenis(StrEnum):
    ONDERZOEK_GESTART = "onderzoek_gestart"
    AANVRAAG_ONTVANGEN = "aanvraag_ontvangen"
    BESLUIT_ZONDER_AANVRAAG = "besluit_zonder_aanvraag"
    SPOEDVOORZIENING_GESTART = "spoedvoorziening_gestart"
    TOEKENNING_VERZONDEN = "toekenning_verzonden"
    AFWIJZING_VERZONDEN = "afwijzing_verzonden"
    OPDRACHT_VERSTREKT = "opdracht_verstrekt"
    HERINDICATIE_GESTART = "herindicatie_gestart"
    VOORZIENING_BEEINDIGD = "voorziening_beeindigd"
    INGETROKKEN = "ingetrokken"
    CLIENT_OVERLEDEN = "client_overleden"
    CLIENT_VERHUISD = "client_verhuisd"


class GeenAanvraagGrond(StrEnum):
    """INT-09: why no aanvraag is needed."""

    TRANSFERPUNT_ZIEKENHUIS = "transferpunt_ziekenhuis"
    HOSPICE = "hospice"


class Spoedsoort(StrEnum):
    SPOED = "spoed"
    CRISIS = "crisis"
    DWANG = "dwang"


@dataclass(frozen=True, slots=True)
class Spoedgrond:
    """INT-10: the kind of urgency and the recorded reason why it cannot wait."""

    soort: Spoedsoort
    reden: str
    multidisciplinair_overleg: bool | None = None
    """Spoed: was there multidisciplinary consultation with the network? (seed 002 art. 6.5)"""
    veiligheid_verhinderde_overleg: str | None = None
    """Spoed without that consultation: why safety prevented it."""
    protocol_raad_kinderbescherming: bool | None = None
    """Crisis or dwang: was the protocol with the Raad voor de Kinderbescherming applied?"""


def toets_spoedbeschikking(spoed: Spoedgrond, voorwaarden: Sequence[str], bron: str) -> Toetsing:
    """INT-10: does a beschikking afterwards meet the ``voorwaarden`` of the gemeente's policy
    for this kind of urgency (``domain.policy.SpoedAchteraf``; ``bron`` names the policy)?
    ``reden``: a motivation why the care was necessary; ``multidisciplinair_overleg``:
    consultation with the network, unless safety prevented it (motivated);
    ``protocol_raad_kinderbescherming``: the protocol with the Raad voor de Kinderbescherming
    was applied."""
    regels: list[Regel] = []
    ontbrekend: list[str] = []
    volgens = f" ({bron})" if bron else ""
    if "reden" in voorwaarden and not spoed.reden.strip():
        ontbrekend.append("reden")
        regels.append(Regel("INT-10", f"Motiveer waarom deze ondersteuning nodig was{volgens}."))
    if "multidisciplinair_overleg" in voorwaarden and not spoed.multidisciplinair_overleg:
        veiligheid = (spoed.veiligheid_verhinderde_overleg or "").strip()
        if veiligheid:
            regels.append(
                Regel(
                    "INT-10",
                    "Er was geen multidisciplinair overleg met het netwerk omdat de "
                    f"veiligheid dat verhinderde: {veiligheid}",
                )
            )
        else:
            ontbrekend.append("multidisciplinair_overleg")
            regels.append(
                Regel(
                    "INT-10",
                    f"Bij {spoed.soort.value} kan de beschikking alleen achteraf als er "
                    "multidisciplinair overleg met het netwerk is geweest, of als gemotiveerd is "
                    f"waarom de veiligheid dat verhinderde{volgens}.",
                )
            )
    if "protocol_raad_kinderbescherming" in voorwaarden and not (
        spoed.protocol_raad_kinderbescherming
    ):
        ontbrekend.append("protocol_raad_kinderbescherming")
        regels.append(
            Regel(
                "INT-10",
                f"Bij {spoed.soort.value} kan de beschikking alleen achteraf als het protocol met "
                f"de Raad voor de Kinderbescherming is toegepast{volgens}.",
            )
        )
    if not ontbrekend:
        regels.append(
            Regel(
                "INT-10",
                f"De voorwaarden voor een beschikking achteraf bij {spoed.soort.value} zijn "
                f"vervuld{volgens}.",
            )
        )
    return Toetsing(not ontbrekend, tuple(regels), tuple(ontbrekend))


@dataclass(frozen=True, slots=True)
class Overgangsfeiten:
    """Facts some transitions need; the others ignore them."""

    clientondersteuning: ClientondersteuningGewezen | None = None
    onderzoek_start: dt.date | None = None
    geen_aanvraag_grond: GeenAanvraagGrond | None = None
    spoed: Spoedgrond | None = None


GEEN_FEITEN = Overgangsfeiten()

_S = Zaakstatus
_G = Zaakgebeurtenis
_EINDE_CLIENT = {_G.CLIENT_OVERLEDEN: _S.BEEINDIGD, _G.CLIENT_VERHUISD: _S.BEEINDIGD}

OVERGANGEN: Mapping[Zaakstatus, Mapping[Zaakgebeurtenis, Zaakstatus]] = MappingProxyType(
    {
        _S.MELDING: MappingProxyType(
            {
                _G.ONDERZOEK_GESTART: _S.ONDERZOEK,
                _G.BESLUIT_ZONDER_AANVRAAG: _S.BESCHIKKING,
                _G.SPOEDVOORZIENING_GESTART: _S.TIJDELIJKE_VOORZIENING,
                _G.AANVRAAG_ONTVANGEN: _S.AANVRAAG,
                _G.INGETROKKEN: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.ONDERZOEK: MappingProxyType(
            {
                _G.AANVRAAG_ONTVANGEN: _S.AANVRAAG,
                _G.SPOEDVOORZIENING_GESTART: _S.TIJDELIJKE_VOORZIENING,
                _G.INGETROKKEN: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.AANVRAAG: MappingProxyType(
            {
                _G.ONDERZOEK_GESTART: _S.AANVRAAG,
                _G.TOEKENNING_VERZONDEN: _S.BESCHIKKING,
                _G.AFWIJZING_VERZONDEN: _S.BEEINDIGD,
                _G.SPOEDVOORZIENING_GESTART: _S.TIJDELIJKE_VOORZIENING,
                _G.INGETROKKEN: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.TIJDELIJKE_VOORZIENING: MappingProxyType(
            {
                _G.AANVRAAG_ONTVANGEN: _S.TIJDELIJKE_VOORZIENING,
                _G.TOEKENNING_VERZONDEN: _S.BESCHIKKING,
                _G.AFWIJZING_VERZONDEN: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.BESCHIKKING: MappingProxyType(
            {
                _G.OPDRACHT_VERSTREKT: _S.OPDRACHT,
                _G.HERINDICATIE_GESTART: _S.HERINDICATIE,
                _G.VOORZIENING_BEEINDIGD: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.OPDRACHT: MappingProxyType(
            {
                _G.HERINDICATIE_GESTART: _S.HERINDICATIE,
                _G.VOORZIENING_BEEINDIGD: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.HERINDICATIE: MappingProxyType(
            {
                _G.AANVRAAG_ONTVANGEN: _S.AANVRAAG,
                _G.VOORZIENING_BEEINDIGD: _S.BEEINDIGD,
                **_EINDE_CLIENT,
            }
        ),
        _S.BEEINDIGD: MappingProxyType({}),
    }
)


@dataclass(frozen=True, slots=True)
class Overgang:
    van: Zaakstatus
    gebeurtenis: Zaakgebeurtenis
    naar: Zaakstatus
    regels: tuple[Regel, ...]


def toegestane_gebeurtenissen(status: Zaakstatus) -> tuple[Zaakgebeurtenis, ...]:
    return tuple(OVERGANGEN[status])


def _regels(
    van: Zaakstatus, gebeurtenis: Zaakgebeurtenis, feiten: Overgangsfeiten
) -> tuple[Regel, ...]:
    if gebeurtenis is _G.ONDERZOEK_GESTART:
        return (toets_clientondersteuning(feiten.clientondersteuning, feiten.onderzoek_start),)
    if gebeurtenis is _G.BESLUIT_ZONDER_AANVRAAG:
        return (_geen_aanvraag_nodig(feiten.geen_aanvraag_grond),)
    if gebeurtenis is _G.SPOEDVOORZIENING_GESTART:
        return (_spoed(feiten.spoed),)
    if gebeurtenis is _G.TOEKENNING_VERZONDEN and van is _S.TIJDELIJKE_VOORZIENING:
        reden = f" Reden van de spoed: {feiten.spoed.reden}" if feiten.spoed else ""
        return (
            Regel(
                "INT-10",
                "De beschikking volgt achteraf op de tijdelijke voorziening en vermeldt waarom "
                f"de ondersteuning niet kon wachten.{reden}",
            ),
        )
    if gebeurtenis is _G.AFWIJZING_VERZONDEN:
        return (
            Regel(
                "INT-04",
                "De aanvraag is afgewezen; de zaak is afgesloten. De cliënt kan binnen zes weken "
                "na verzending bezwaar maken; de beschikking vermeldt dat.",
            ),
        )
    if gebeurtenis is _G.TOEKENNING_VERZONDEN:
        return (
            Regel(
                "INT-04",
                "De beschikking is verzonden; de cliënt kan binnen zes weken na verzending "
                "bezwaar maken; de beschikking vermeldt dat.",
            ),
        )
    return ()


def _geen_aanvraag_nodig(grond: GeenAanvraagGrond | None) -> Regel:
    if grond is GeenAanvraagGrond.TRANSFERPUNT_ZIEKENHUIS:
        return Regel(
            "INT-09",
            "De melding komt rechtstreeks van het transferpunt van het ziekenhuis voor "
            "kortdurende hulp bij het huishouden: er is geen aanvraag nodig. Er gaat wel een "
            "besluit naar de cliënt en het abonnementstarief (eigen bijdrage) geldt.",
        )
    if grond is GeenAanvraagGrond.HOSPICE:
        return Regel(
            "INT-09",
            "De cliënt verblijft in een hospice: de noodzaak staat vast en de (schriftelijke) "
            "aanmelding door de aanbieder van het hospice volstaat voor de toekenning van de "
            "standaard 5 uur huishoudelijke hulp (provinciale afspraken). Er gaat wel een "
            "besluit naar de cliënt of de nabestaanden en de eigen bijdrage geldt.",
        )
    raise GeenAanvraagGrondOntbreekt(
        Regel(
            "INT-09",
            "Een besluit zonder aanvraag kan alleen bij een melding via het transferpunt van een "
            "ziekenhuis (kortdurende hulp bij het huishouden) of bij opname in een hospice.",
        )
    )


def _spoed(spoed: Spoedgrond | None) -> Regel:
    if spoed is None or not spoed.reden.strip():
        raise SpoedredenOntbreekt(
            Regel(
                "INT-10",
                "Een tijdelijke voorziening zonder voorafgaande beschikking kan alleen bij spoed, "
                "crisis of dwang, en de reden waarom het niet kan wachten moet zijn vastgelegd.",
            )
        )
    return Regel(
        "INT-10",
        f"Vanwege {spoed.soort.value} start direct een tijdelijke voorziening; de beschikking "
        f"volgt achteraf. Reden: {spoed.reden.strip()}",
    )


def overgang(
    huidige_status: Zaakstatus,
    gebeurtenis: Zaakgebeurtenis,
    feiten: Overgangsfeiten = GEEN_FEITEN,
) -> Overgang:
    """The transition with the rules it applied. Raises ``OngeldigeOvergang`` when the event is
    not allowed in this status, or a ``VoorwaardeNietVoldaan`` subclass (INT-02, INT-09,
    INT-10) when a rule's precondition is missing."""
    toegestaan = OVERGANGEN[huidige_status]
    naar = toegestaan.get(gebeurtenis)
    if naar is None:
        raise OngeldigeOvergang(
            huidige_status.value, gebeurtenis.value, [g.value for g in toegestaan]
        )
    return Overgang(huidige_status, gebeurtenis, naar, _regels(huidige_status, gebeurtenis, feiten))


def transition(
    current_state: Zaakstatus,
    event: Zaakgebeurtenis,
    feiten: Overgangsfeiten = GEEN_FEITEN,
) -> Zaakstatus:
    """The new status after ``event``; see ``overgang`` for the errors."""
    return overgang(current_state, event, feiten).naar
