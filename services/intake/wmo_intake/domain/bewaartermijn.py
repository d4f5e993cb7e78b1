"""What intake lists for destruction (issue 14.5, AVG-5.1e) and from which day the bewaartermijn
runs: a cliënt's whole file once nothing of it is open (no running voorziening, no open
melding, bezwaar or klacht), counted from its last activity. The term itself and the boundary
(the last day kept, the first day listed) are ``wmo_shared.bewaartermijn``'s."""

from __future__ import annotations

import datetime as dt

from wmo_shared.bewaartermijn import RULE, Soort
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

CLIENT = Soort(
    naam="client",
    einde="de laatste activiteit in het dossier (wijziging, einde van een voorziening, "
    "beslissing op bezwaar, afgehandelde klacht); er loopt niets meer",
    omvat=(
        "de cliënt met versies, vertegenwoordigers, netwerk en toestemmingen",
        "meldingen, onderzoeken, aanvragen, beschikkingen en voorzieningen",
        "opdrachten, toewijzingen, aanbiedermeldingen en declaratieregels",
        "bezwaren, klachten, de verzonden brieven en termijnen",
        "mantelzorgers en mantelzorgwaarderingen, evaluaties, hulpmiddelen",
    ),
)
SOORTEN = {s.naam: s for s in (CLIENT,)}


def eis_vernietigbaar(einddatum: dt.date | None) -> dt.date:
    """Only a file on the destruction list is destroyed: ``einddatum`` is its end as the list
    computes it today (None: it is not on the list, something runs or the term has not run
    out). A 409 on ``id`` otherwise."""
    if einddatum is None:
        reden = (
            "Dit dossier staat niet op de vernietigingslijst: er loopt nog iets (een "
            "voorziening, melding, bezwaar of klacht) of de laatste activiteit ligt nog binnen "
            "de bewaartermijn. Alleen wat op de lijst staat, wordt vernietigd."
        )
        raise Weigering(
            "bewaartermijn-loopt", reden, veld="id", soort="conflict", regels=[Regel(RULE, reden)]
        )
    return einddatum
