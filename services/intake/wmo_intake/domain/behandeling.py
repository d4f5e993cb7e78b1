"""Who handles a case (issue 14.3, after the werklijsten of Dimpact's zaakafhandelcomponent):
a melding gets one behandelaar and optionally a team.

- BEH-01 toewijzen: a melding without a behandelaar is given one (by any gebiedsteam member or
  beheer); one that has a behandelaar changes hands only by overdracht.
- BEH-02 oppakken: a case worker (gebiedsteam) takes a melding without a behandelaar.
- BEH-03 overdracht: a melding with a behandelaar goes to another behandelaar or team, with
  the reason recorded; the history keeps every change of hands.
- BEH-04 a case that ended (status ``beeindigd``) gets no behandelaar any more.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


class Wisselsoort(StrEnum):
    TOEWIJZING = "toewijzing"
    OPPAKKEN = "oppakken"
    OVERDRACHT = "overdracht"


@dataclass(frozen=True, slots=True)
class Behandelaar:
    sub: str
    naam: str | None = None


def _omschrijving(b: Behandelaar, team: str | None) -> str:
    wie = b.naam or b.sub
    return f"{wie} (team {team})" if team else wie


def wissel(
    soort: Wisselsoort,
    *,
    status: str,
    huidig: Behandelaar | None,
    huidig_team: str | None,
    nieuw: Behandelaar,
    team: str | None,
    reden: str | None = None,
) -> Regel:
    """The rule that allows this change of hands, or a ``Weigering`` naming the one that
    does not."""
    if status == "beeindigd":
        raise Weigering(
            "zaak-beeindigd",
            "De zaak is beëindigd; er wordt geen behandelaar meer aan toegewezen.",
            soort="conflict",
            regels=[Regel("BEH-04", "Een beëindigde zaak krijgt geen behandelaar meer.")],
        )
    if soort is Wisselsoort.OVERDRACHT:
        if huidig is None:
            raise Weigering(
                "niet-toegewezen",
                "De melding heeft nog geen behandelaar: wijs haar toe of pak haar op.",
                soort="conflict",
                regels=[Regel("BEH-03", "Alleen een toegewezen melding wordt overgedragen.")],
            )
        if huidig.sub == nieuw.sub and huidig_team == team:
            raise Weigering(
                "zelfde-behandelaar",
                "Bij een overdracht gaat de melding naar een andere behandelaar of team.",
                veld="behandelaar.sub",
                regels=[Regel("BEH-03", "Een overdracht wisselt behandelaar of team.")],
            )
        if not (reden or "").strip():
            raise Weigering(
                "reden-ontbreekt",
                "Een overdracht heeft een reden.",
                veld="reden",
                regels=[Regel("BEH-03", "De reden van een overdracht wordt vastgelegd.")],
            )
        return Regel(
            "BEH-03",
            f"Overgedragen van {_omschrijving(huidig, huidig_team)} aan "
            f"{_omschrijving(nieuw, team)}. Reden: {reden}",
        )
    regel_id = "BEH-01" if soort is Wisselsoort.TOEWIJZING else "BEH-02"
    if huidig is not None:
        raise Weigering(
            "al-toegewezen",
            f"De melding wordt al behandeld door {_omschrijving(huidig, huidig_team)}; een "
            "andere behandelaar kan alleen via een overdracht met reden.",
            soort="conflict",
            regels=[Regel(regel_id, "Een toegewezen melding wisselt alleen door overdracht.")],
        )
    if soort is Wisselsoort.OPPAKKEN:
        return Regel("BEH-02", f"Opgepakt door {_omschrijving(nieuw, team)}.")
    return Regel("BEH-01", f"Toegewezen aan {_omschrijving(nieuw, team)}.")
