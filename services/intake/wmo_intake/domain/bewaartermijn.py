"""What intake lists for destruction (issue 14.5, AVG-5.1e) and from which day the bewaartermijn
runs: a cliënt's whole file once nothing of it is open (no running voorziening, no open
melding, bezwaar or klacht), counted from its last activity. The term itself and the boundary
(the last day kept, the first day listed) are ``wmo_shared.bewaartermijn``'s."""

from __future__ import annotations

from wmo_shared.bewaartermijn import Soort

CLIENT = Soort(
    naam="client",
    einde="de laatste activiteit in het dossier (wijziging, einde van een voorziening, "
    "beslissing op bezwaar, afgehandelde klacht); er loopt niets meer",
    omvat=(
        "de cliënt met versies, vertegenwoordigers, netwerk en toestemmingen",
        "meldingen, onderzoeken, aanvragen, beschikkingen en voorzieningen",
        "opdrachten, toewijzingen, bezwaren, klachten, brieven en termijnen",
    ),
)
SOORTEN = {s.naam: s for s in (CLIENT,)}
