"""Termijnen (deadlines) of the intake: each function takes the date or moment that starts a
term and returns the last day (or moment) with its rule ID and a toelichting. Wettelijke
termijnen (Wmo 2015, Awb; the Algemene termijnenwet applies) and contractuele termijnen of the
provider (AAN) live in their own modules; ``TERMIJNDEFINITIES`` says per term which applies."""

from wmo_intake.domain.termijnen.contractuele_termijnen import (
    Opzegtermijn,
    bijzonderheden_meldtermijn,
    crisis_meldtermijn,
    crisis_starttermijn,
    incident_meldtermijn,
    opzegtermijn,
    vervangingstermijn,
    zorgplantermijn,
)
from wmo_intake.domain.termijnen.termijn import (
    AMSTERDAM,
    NaiefTijdstip,
    Termijn,
    Uurtermijn,
    tijdstip_nl,
)
from wmo_intake.domain.termijnen.termijndefinities import (
    TERMIJNDEFINITIES,
    Termijndefinitie,
    Termijnsoort,
)
from wmo_intake.domain.termijnen.termijnstatus import (
    WAARSCHUWINGSDAGEN,
    Termijnstatus,
    termijnstatus,
)
from wmo_intake.domain.termijnen.wettelijke_termijnen import (
    beslistermijn,
    bezwaartermijn,
    onderzoekstermijn,
    persoonlijk_plan_termijn,
)

__all__ = [
    "AMSTERDAM",
    "TERMIJNDEFINITIES",
    "WAARSCHUWINGSDAGEN",
    "NaiefTijdstip",
    "Opzegtermijn",
    "Termijn",
    "Termijndefinitie",
    "Termijnsoort",
    "Termijnstatus",
    "Uurtermijn",
    "beslistermijn",
    "bezwaartermijn",
    "bijzonderheden_meldtermijn",
    "crisis_meldtermijn",
    "crisis_starttermijn",
    "incident_meldtermijn",
    "onderzoekstermijn",
    "opzegtermijn",
    "persoonlijk_plan_termijn",
    "termijnstatus",
    "tijdstip_nl",
    "vervangingstermijn",
    "zorgplantermijn",
]
