"""Checks on cliëntondersteuning: the INT-02 notice is recorded before the onderzoek, the
mantelzorger is told too; the organisations a gemeente designates (INT-15)."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.datums import op_volgorde
from wmo_intake.domain.fouten import ClientondersteuningNietVastgelegd
from wmo_intake.domain.onderzoek import ClientondersteuningGewezen, toets_clientondersteuning
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

VOOR_HET_ONDERZOEK = ("melding", "tijdelijke_voorziening", "herindicatie")

INT_15 = Regel(
    "INT-15",
    "De cliëntondersteuning is gratis en onafhankelijk; met toestemming van de cliënt neemt de "
    "cliëntondersteuner deel aan de zaak en ziet wat de cliënt ziet.",
)


def toets_bericht_op_tijd(status: str, onderzoek_gestart: bool = False) -> None:
    """INT-02 (``te-laat``): the notice belongs before the onderzoek (also in an aanvraag that
    came before the onderzoek started, the Awb right to apply)."""
    if status not in VOOR_HET_ONDERZOEK and (status != "aanvraag" or onderzoek_gestart):
        reden = (
            f"Het onderzoek loopt al (status '{status}'): de cliënt moet vóór het onderzoek "
            "op cliëntondersteuning gewezen zijn (INT-02)."
        )
        raise Weigering(
            "te-laat",
            reden,
            velden=[("datum", "Het onderzoek loopt al.")],
            regels=[Regel("INT-02", reden)],
        )


def regels_van_bericht(notitie: ClientondersteuningGewezen) -> list[Regel]:
    """The rules the notice applies (INT-02, and INT-15 when the client wants a
    cliëntondersteuner); refuses a notice that does not allow the onderzoek to start, naming
    the mantelzorger."""
    try:
        regel = toets_clientondersteuning(notitie)
    except ClientondersteuningNietVastgelegd as exc:
        regel = exc.regel or Regel("INT-02", exc.melding)
        raise ClientondersteuningNietVastgelegd(regel, veld="mantelzorger") from exc
    return [regel, INT_15] if notitie.client_wil_clientondersteuning else [regel]


def toets_organisatie(geldig_van: dt.date, geldig_tot: dt.date | None, bestaat_al: bool) -> None:
    """A designated organisation: a valid period, and each name once (``bestaat-al``)."""
    op_volgorde("geldigTot", geldig_van, geldig_tot, "De einddatum ligt vóór de begindatum.")
    if bestaat_al:
        raise Weigering("bestaat-al", "Deze organisatie staat al in de lijst.", veld="naam")
