"""What indicatie lists for destruction (issue 14.5, AVG-5.1e) and from which day the
bewaartermijn runs. An indicatie goes as a whole reeks (every version) once its current version
has ended; an advice no indicatie rests on goes on its own."""

from __future__ import annotations

from wmo_shared.bewaartermijn import Soort

INDICATIE = Soort(
    naam="indicatie",
    einde="de laatste dag van deze, de huidige versie (einddatum), of de dag van haar laatste "
    "wijziging als die later is; een indicatie zonder einddatum loopt nog",
    omvat=("indicaties (alle versies van de reeks)", "adviezen waarop een versie rust"),
)
ADVIES = Soort(
    naam="advies",
    einde="de dag waarop het advies werd gegeven (er rust geen indicatie op)",
    omvat=("adviezen",),
)
SOORTEN = {s.naam: s for s in (INDICATIE, ADVIES)}
