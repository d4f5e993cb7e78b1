"""The AVG inzage (issue 14.5): intake's tables that hold data about a person, from the BSN
(clienten, in the caller's gemeente) down the foreign keys, for ``wmo_shared.inzage``. The
letters' bytes are left out (their kenmerk, date and hash are in; the PDF is at its URL)."""

from __future__ import annotations

from wmo_intake.db import models as m
from wmo_intake.db.bezwaren import bezwaren, hoorzittingen
from wmo_intake.db.brieven import brieven
from wmo_intake.db.declaratieregels import declaratieregels
from wmo_intake.db.ingebrekestellingen import ingebrekestellingen
from wmo_intake.db.klachten import klachten
from wmo_intake.db.no_show_signaleringen import no_show_signaleringen
from wmo_intake.db.termijnaanpassingen import termijnaanpassingen
from wmo_shared.inzage import Stap

_BYTES = ("html", "pdf")

STAPPEN = (
    Stap("clienten", m.clienten, "bsn"),
    Stap("clientVersies", m.client_versies, "client_id", "clienten"),
    Stap("vertegenwoordigers", m.vertegenwoordigers, "client_id", "clienten"),
    Stap("netwerkleden", m.netwerkleden, "client_id", "clienten"),
    Stap("toestemmingen", m.clientondersteuner_toestemmingen, "client_id", "clienten"),
    Stap("meldingen", m.meldingen, "client_id", "clienten"),
    Stap("zaakgebeurtenissen", m.zaakgebeurtenissen, "melding_id", "meldingen"),
    Stap("clientondersteuning", m.clientondersteuning_berichten, "melding_id", "meldingen"),
    Stap("persoonlijkePlannen", m.persoonlijke_plannen, "melding_id", "meldingen"),
    Stap("opmerkingen", m.opmerkingen, "melding_id", "meldingen"),
    Stap("onderzoeken", m.onderzoeken, "melding_id", "meldingen"),
    Stap("onderzoekVersies", m.onderzoek_versies, "onderzoek_id", "onderzoeken"),
    Stap("indicatieAdviezen", m.indicatie_adviezen, "onderzoek_id", "onderzoeken"),
    Stap("aanvragen", m.aanvragen, "melding_id", "meldingen"),
    Stap("beschikkingen", m.beschikkingen, "melding_id", "meldingen"),
    Stap("maatwerkvoorzieningen", m.maatwerkvoorzieningen, "beschikking_id", "beschikkingen"),
    Stap("beeindigingen", m.beeindigingen, "maatwerkvoorziening_id", "maatwerkvoorzieningen"),
    Stap("opdrachten", m.opdrachten, "melding_id", "meldingen"),
    Stap("toewijzingen", m.toewijzingen, "opdracht_id", "opdrachten"),
    Stap("declaratieregels", declaratieregels, "bsn"),
    Stap("noShowSignaleringen", no_show_signaleringen, "opdracht_id", "opdrachten"),
    Stap("bezwaren", bezwaren, "melding_id", "meldingen"),
    Stap("hoorzittingen", hoorzittingen, "bezwaar_id", "bezwaren"),
    Stap("ingebrekestellingen", ingebrekestellingen, "melding_id", "meldingen"),
    Stap("klachten", klachten, "client_id", "clienten"),
    Stap("brievenBeschikking", brieven, "onderwerp_id", "beschikkingen", zonder=_BYTES),
    Stap("brievenBezwaar", brieven, "onderwerp_id", "bezwaren", zonder=_BYTES),
    Stap("termijnenMelding", termijnaanpassingen, "doel_id", "meldingen"),
    Stap("termijnenAanvraag", termijnaanpassingen, "doel_id", "aanvragen"),
    Stap("termijnenBezwaar", termijnaanpassingen, "doel_id", "bezwaren"),
    Stap("termijnenKlacht", termijnaanpassingen, "doel_id", "klachten"),
)
