"""Intake's tables in schema ``intake`` (life events in ``models_levensloop``), on ``metadata``."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSON, JSONB, UUID

from wmo_intake.db.models_levensloop import (
    GRONDEN_BEEINDIGING,
    beeindigingen,
    client_versies,
    vertegenwoordigers,
)
from wmo_intake.db.schema import SCHEMA, _aangemaakt, _check_in, _id, metadata
from wmo_shared.db import tables

audit = tables.audit_table(metadata)
outbox = tables.outbox_table(metadata)
inbox = tables.inbox_table(metadata)
idempotency_keys = tables.idempotency_table(metadata)
feed_lezers = tables.feed_lezers_table(metadata)

clienten = Table(
    "clienten",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()")),
    Column("gemeente", String(4), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("voornamen", String(200), nullable=False),
    Column("achternaam", String(200), nullable=False),
    Column("geboortedatum", Date, nullable=False),
    Column("straat", String(200), nullable=True),
    Column("huisnummer", String(20), nullable=True),
    Column("postcode", String(6), nullable=True),
    Column("woonplaats", String(100), nullable=True),
    Column("telefoon", String(30), nullable=True),
    Column("email", String(200), nullable=True),
    Column("overleden_op", Date, nullable=True),
    Column("vertrokken_op", Date, nullable=True),
    Column("nieuwe_gemeente", String(4), nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    Column("aangemaakt", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("gewijzigd", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("gemeente", "bsn", name="uq_clienten_gemeente_bsn"),
)


NETWERKSOORTEN = ("huisgenoot", "mantelzorger", "netwerklid")
KANALEN = ("loket", "telefoon", "e-mail", "huisarts", "transferpunt_ziekenhuis", "hospice")
URGENTIES = ("normaal", "spoed", "crisis", "dwang")
ZAAKSTATUSSEN = (
    "melding",
    "onderzoek",
    "aanvraag",
    "tijdelijke_voorziening",
    "beschikking",
    "opdracht",
    "herindicatie",
    "beeindigd",
)
BESCHIKKINGSOORTEN = ("toekenning", "afwijzing", "herziening", "intrekking")
LEVERINGSVORMEN = ("zin", "pgb", "financiele_tegemoetkoming", "eenmalig_pgb")
OPDRACHTSTATUSSEN = ("verstrekt", "geaccepteerd", "geweigerd")

# --- huishouden en netwerk (INT-07, INT-08, MZ) ------------------------------------------------

netwerkleden = Table(
    "netwerkleden",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=False),
    Column("soort", String(20), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("relatie", String(40), nullable=False),
    Column("geboortedatum", Date, nullable=True),
    Column("inwonend", Boolean, nullable=False, server_default=text("true")),
    Column("werkt_voltijds", Boolean, nullable=False, server_default=text("false")),
    Column("aaneengesloten_afwezig", Integer, nullable=False, server_default=text("0")),
    Column("niet_in_staat_tot", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("uren_per_week", Numeric(6, 2), nullable=True),
    Column("telefoon", String(30), nullable=True),
    Column("toelichting", Text, nullable=True),
    _aangemaakt(),
    _check_in("soort", NETWERKSOORTEN, "ck_netwerkleden_soort"),
    Index("ix_netwerkleden_client", "client_id"),
)

# --- cliëntondersteuning (INT-02, INT-15) -----------------------------------------------------

clientondersteuning_organisaties = Table(
    "clientondersteuning_organisaties",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("omschrijving", Text, nullable=True),
    Column("telefoon", String(30), nullable=True),
    Column("website", String(200), nullable=True),
    Column("geldig_van", Date, nullable=False),
    Column("geldig_tot", Date, nullable=True),
    _aangemaakt(),
    UniqueConstraint("gemeente", "naam", name="uq_clientondersteuning_organisaties_naam"),
)

clientondersteuner_toestemmingen = Table(
    "clientondersteuner_toestemmingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=False),
    Column("ondersteuner_sub", String(200), nullable=False),
    Column("organisatie", String(200), nullable=False),
    Column("toestemming_datum", Date, nullable=False),
    Column("ingetrokken_op", DateTime(timezone=True), nullable=True),
    _aangemaakt(),
    Index("ix_toestemmingen_ondersteuner", "ondersteuner_sub", "client_id"),
)

# --- de zaak: melding → onderzoek → aanvraag → beschikking → opdracht --------------------------

meldingen = Table(
    "meldingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey("clienten.id"), nullable=False),
    Column("ontvangstdatum", Date, nullable=False),
    Column("kanaal", String(30), nullable=False),
    Column("hulpvraag", Text, nullable=False),
    Column("urgentie", String(10), nullable=False),
    Column("status", String(30), nullable=False, server_default=text("'melding'")),
    Column("onderzoek_uiterlijk", Date, nullable=False),
    Column("persoonlijk_plan_uiterlijk", Date, nullable=False),
    Column("spoedgrond", JSONB, nullable=True),
    # Kept by triggers for the management figures (migration 7d9dc6bbeffa).
    Column("onderzoek_klaar", Date, nullable=True),
    Column("eerste_besluit", Date, nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _aangemaakt(),
    Column("gewijzigd", DateTime(timezone=True), nullable=False, server_default=func.now()),
    _check_in("kanaal", KANALEN, "ck_meldingen_kanaal"),
    _check_in("urgentie", URGENTIES, "ck_meldingen_urgentie"),
    _check_in("status", ZAAKSTATUSSEN, "ck_meldingen_status"),
    Index("ix_meldingen_gemeente_status", "gemeente", "status"),
    Index("ix_meldingen_client", "client_id"),
)

zaakgebeurtenissen = Table(
    "zaakgebeurtenissen",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("van", String(30), nullable=False),
    Column("gebeurtenis", String(40), nullable=False),
    Column("naar", String(30), nullable=False),
    Column("regels", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    Column("tijdstip", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_zaakgebeurtenissen_melding", "melding_id"),
)

clientondersteuning_berichten = Table(
    "clientondersteuning_berichten",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("datum", Date, nullable=False),
    Column("wijze", String(20), nullable=False),
    Column("client_wil_clientondersteuning", Boolean, nullable=False),
    Column("mantelzorger", String(20), nullable=False),
    Column("organisatie", String(200), nullable=True),
    Column("regels", JSONB, nullable=False),
    _aangemaakt(),
    Index("ix_clientondersteuning_berichten_melding", "melding_id"),
)

persoonlijke_plannen = Table(
    "persoonlijke_plannen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("ontvangstdatum", Date, nullable=False),
    Column("inhoud", Text, nullable=False),
    Column("op_tijd", Boolean, nullable=False),
    _aangemaakt(),
    Index("ix_persoonlijke_plannen_melding", "melding_id"),
)

opmerkingen = Table(
    "opmerkingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("sub", String(200), nullable=False),
    Column("rol", String(200), nullable=False),
    Column("tekst", Text, nullable=False),
    _aangemaakt(),
    Index("ix_opmerkingen_melding", "melding_id"),
)

onderzoeken = Table(
    "onderzoeken",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("startdatum", Date, nullable=False),
    Column("invoer", JSONB, nullable=False),
    Column("uitkomst", JSONB, nullable=False),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _aangemaakt(),
    Column("gewijzigd", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("melding_id", name="uq_onderzoeken_melding"),
)

onderzoek_versies = Table(
    "onderzoek_versies",
    metadata,
    Column("onderzoek_id", UUID(as_uuid=True), ForeignKey("onderzoeken.id"), primary_key=True),
    Column("versie", Integer, primary_key=True),
    Column("invoer", JSONB, nullable=False),
    Column("uitkomst", JSONB, nullable=False),
    Column("sub", String(200), nullable=False),
    _aangemaakt(),
)

indicatie_adviezen = Table(
    "indicatie_adviezen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("onderzoek_id", UUID(as_uuid=True), ForeignKey("onderzoeken.id"), nullable=False),
    Column("verzoek", JSONB, nullable=False),
    Column("antwoord", JSONB, nullable=False),
    _aangemaakt(),
    Index("ix_indicatie_adviezen_onderzoek", "onderzoek_id"),
)

aanvragen = Table(
    "aanvragen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("ontvangstdatum", Date, nullable=False),
    Column("voorzieningen", JSONB, nullable=False),
    Column("beschikking_uiterlijk", Date, nullable=False),
    Column("beschikking_soort", String(20), nullable=True),  # kept by triggers, as above
    Column("beschikking_verzonden", Date, nullable=True),
    _aangemaakt(),
    Index("ix_aanvragen_melding", "melding_id"),
)

beschikkingen = Table(
    "beschikkingen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column("aanvraag_id", UUID(as_uuid=True), ForeignKey("aanvragen.id"), nullable=True),
    Column("soort", String(20), nullable=False),
    Column("grondslag", String(30), nullable=False),
    Column(
        "vorige_beschikking_id", UUID(as_uuid=True), ForeignKey("beschikkingen.id"), nullable=True
    ),
    Column("besluitdatum", Date, nullable=False),
    Column("motivering", Text, nullable=False),
    Column("redenen", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("regels", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("bevindingen", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("verzonden_op", DateTime(timezone=True), nullable=True),
    Column("verzenddatum", Date, nullable=True),
    Column("bezwaar_uiterlijk", Date, nullable=True),
    Column("beeindigingsdatum", Date, nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _aangemaakt(),
    _check_in("soort", BESCHIKKINGSOORTEN, "ck_beschikkingen_soort"),
    Index("ix_beschikkingen_melding", "melding_id"),
)

maatwerkvoorzieningen = Table(
    "maatwerkvoorzieningen",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("beschikking_id", UUID(as_uuid=True), ForeignKey("beschikkingen.id"), nullable=False),
    Column("volgnummer", Integer, nullable=False),
    Column("leveringsvorm", String(30), nullable=False),
    Column("productcategorie", String(2), nullable=False),
    Column("productcode", String(5), nullable=False),
    Column("omschrijving", String(200), nullable=True),
    Column("omvang", JSONB, nullable=True),
    Column("begindatum", Date, nullable=False),
    Column("einddatum", Date, nullable=True),
    Column("eigen_bijdrage", Boolean, nullable=False),
    Column("kostprijs", Numeric(12, 2), nullable=True),
    Column("bedrag", Numeric(12, 2), nullable=True),  # taken over from the pgb/finance besluit
    Column("motivering", Text, nullable=False),
    Column("motivering_afwijking", Text, nullable=True),  # IND-12: above the indicatie
    Column("pgb_plan_id", UUID(as_uuid=True), nullable=True),
    Column("indicatie_id", UUID(as_uuid=True), nullable=True),
    Column("tegemoetkoming_id", UUID(as_uuid=True), nullable=True),
    Column("eenmalig_pgb_id", UUID(as_uuid=True), nullable=True),  # FIN-05, finance's
    Column("aanbieder_agb", String(8), nullable=True),
    Column(
        "vervangt_id", UUID(as_uuid=True), ForeignKey("maatwerkvoorzieningen.id"), nullable=True
    ),
    Column("vervoer", JSONB, nullable=True),  # RES-07/FIN-10: km budget, begeleider, vervoerder
    _check_in("leveringsvorm", LEVERINGSVORMEN, "ck_maatwerkvoorzieningen_leveringsvorm"),
    Index("ix_maatwerkvoorzieningen_beschikking", "beschikking_id"),
)

# --- opdracht en iWmo (AAN-01..07) -------------------------------------------------------------

opdrachten = Table(
    "opdrachten",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("melding_id", UUID(as_uuid=True), ForeignKey("meldingen.id"), nullable=False),
    Column(
        "maatwerkvoorziening_id",
        UUID(as_uuid=True),
        ForeignKey("maatwerkvoorzieningen.id"),
        nullable=False,
    ),
    Column("toewijzingnummer", BigInteger, Identity(start=10000001), nullable=False, unique=True),
    Column("aanbieder_agb", String(8), nullable=False),
    Column("gegevens", JSONB, nullable=False),
    Column("crisis", Boolean, nullable=False, server_default=text("false")),
    Column("verstrekt_op", DateTime(timezone=True), nullable=False),
    Column("status", String(20), nullable=False, server_default=text("'verstrekt'")),
    Column("reactie", JSONB, nullable=True),
    Column("zorgplan_uiterlijk", Date, nullable=False),
    Column("crisis_start_uiterlijk", DateTime(timezone=True), nullable=True),
    Column("zorgplan_ontvangen", Date, nullable=True),
    Column("opzegging", JSONB, nullable=True),
    Column("vorige_opdracht_id", UUID(as_uuid=True), ForeignKey("opdrachten.id"), nullable=True),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _aangemaakt(),
    _check_in("status", OPDRACHTSTATUSSEN, "ck_opdrachten_status"),
    Index("ix_opdrachten_aanbieder", "gemeente", "aanbieder_agb"),
)

toewijzingen = Table(
    "toewijzingen",
    metadata,
    Column("volgnummer", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("opdracht_id", UUID(as_uuid=True), ForeignKey("opdrachten.id"), nullable=False),
    Column("item", JSONB, nullable=False),
    # The item as text in the feed's key order: a page joins these (db.toewijzingen, 17.3).
    Column("wire", JSON, nullable=True),
    Column("geregistreerd_op", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_toewijzingen_gemeente", "gemeente", "volgnummer"),
)

iwmo_berichten = Table(
    "iwmo_berichten",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("afzender", String(200), nullable=False),
    Column("berichttype", String(10), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("inhoud", Text, nullable=False),
    Column("retour", JSONB, nullable=False),
    _aangemaakt(),
    UniqueConstraint("gemeente", "sha256", name="uq_iwmo_berichten_inhoud"),
)

__all__ = [
    "GRONDEN_BEEINDIGING",
    "SCHEMA",
    "beeindigingen",
    "client_versies",
    "metadata",
    "vertegenwoordigers",
]
