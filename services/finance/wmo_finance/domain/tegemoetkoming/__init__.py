"""The financiële tegemoetkoming (seed 001 Bijlage 3): its amount (FIN-01), when it does not fit
(FIN-05), maintenance and repair (FIN-06), the proof of payment (FIN-07), and its life as pure
transition functions: each takes a ``Tegemoetkoming`` and returns a new one, or raises
``OngeldigeOvergang`` naming the rule that forbids it. One module per step:

``aanvraag`` a new one (FIN-01..05) · ``berekening`` its amount (FIN-01/02) · ``leveringsvorm``
(FIN-05) · ``onderhoud`` (FIN-06) · ``leven`` states and transitions · ``toekenning`` ·
``betaling`` · ``bewijs`` · ``terugvordering`` · ``herziening`` (FIN-07).

Life (FIN-07)::

    voor aanschaf:  berekend → toegekend → betaald → bewijs_ontvangen
                                           betaald → teruggevorderd   (no proof, chance given)
    na aanschaf:    berekend → toegekend → bewijs_ontvangen → betaald
    after a failed programma-van-eisen check, through the client's fault:
                    betaald | bewijs_ontvangen | herzien → herzien (lower) | ingetrokken (nil)
                    herzien | ingetrokken → teruggevorderd   (when more was paid than is due)
"""

from wmo_finance.domain.tegemoetkoming.aanvraag import (
    Aanvraag,
    AanvraagUitkomst,
    EigenAandeel,
    beoordeel_aanvraag,
)
from wmo_finance.domain.tegemoetkoming.berekening import (
    Beoordeling,
    TegemoetkomingBerekening,
    bereken,
    bereken_bedrag,
    tegemoetkoming_mogelijk,
)
from wmo_finance.domain.tegemoetkoming.betaling import betaal
from wmo_finance.domain.tegemoetkoming.bewijs import BewijsTermijn, bewijs_termijn, ontvang_bewijs
from wmo_finance.domain.tegemoetkoming.herziening import herzie_na_pve
from wmo_finance.domain.tegemoetkoming.leven import (
    OVERGANGEN,
    Betaalmoment,
    OngeldigeOvergang,
    Overgang,
    S,
    Tegemoetkoming,
    TegemoetkomingStatus,
    controleer_overgang,
    met_overgang,
    volgende_statussen,
)
from wmo_finance.domain.tegemoetkoming.leveringsvorm import (
    LeveringsvormUitkomst,
    kies_leveringsvorm,
)
from wmo_finance.domain.tegemoetkoming.onderhoud import (
    OnderhoudUitkomst,
    beoordeel_onderhoud,
    verzekering_vergoedbaar,
)
from wmo_finance.domain.tegemoetkoming.terugvordering import vorder_terug
from wmo_finance.domain.tegemoetkoming.toekenning import ken_toe

__all__ = [
    "OVERGANGEN",
    "Aanvraag",
    "AanvraagUitkomst",
    "Beoordeling",
    "Betaalmoment",
    "BewijsTermijn",
    "EigenAandeel",
    "LeveringsvormUitkomst",
    "OnderhoudUitkomst",
    "OngeldigeOvergang",
    "Overgang",
    "S",
    "Tegemoetkoming",
    "TegemoetkomingBerekening",
    "TegemoetkomingStatus",
    "beoordeel_aanvraag",
    "beoordeel_onderhoud",
    "bereken",
    "bereken_bedrag",
    "betaal",
    "bewijs_termijn",
    "controleer_overgang",
    "herzie_na_pve",
    "ken_toe",
    "kies_leveringsvorm",
    "met_overgang",
    "ontvang_bewijs",
    "tegemoetkoming_mogelijk",
    "verzekering_vergoedbaar",
    "volgende_statussen",
    "vorder_terug",
]
