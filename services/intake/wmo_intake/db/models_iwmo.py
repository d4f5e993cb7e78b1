"""Intake's tables of the iWmo dialogue beyond the stored messages (``models.iwmo_berichten``;
the accepted declaratie lines are in ``declaratieregels``): the providers' verzoeken om
toewijzing / wijziging (WMO315 / WMO317) with their terms and answers, and the WMO319
antwoordberichten the gemeente sends, in order for the exchange (issue 15.3)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from wmo_intake.db.models import clienten, iwmo_berichten
from wmo_intake.db.schema import _aangemaakt, _check_in, _id, metadata

VERZOEKSTATUSSEN = ("open", "in-onderzoek", "toegekend", "afgewezen")

iwmo_verzoeken = Table(
    "iwmo_verzoeken",
    metadata,
    _id(),
    Column("gemeente", String(4), nullable=False),
    Column("bericht_id", UUID(as_uuid=True), ForeignKey(iwmo_berichten.c.id), nullable=False),
    Column("berichttype", String(6), nullable=False),
    Column("aanbieder_agb", String(8), nullable=False),
    Column("referentie_aanbieder", String(36), nullable=False),
    Column("bsn", String(9), nullable=False),
    Column("client_id", UUID(as_uuid=True), ForeignKey(clienten.c.id), nullable=True),
    Column("verzoek", JSONB, nullable=False),
    Column("ontvangen_op", Date, nullable=False),
    Column("retour_uiterlijk", Date, nullable=False),
    Column("retour_verzonden_op", DateTime(timezone=True), nullable=True),
    Column("antwoord_uiterlijk", Date, nullable=False),
    Column("beantwoord_op", Date, nullable=True),
    Column("status", String(20), nullable=False, server_default=text("'open'")),
    Column("antwoorden", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("regels", JSONB, nullable=False),
    Column("versie", Integer, nullable=False, server_default=text("1")),
    _aangemaakt(),
    _check_in("status", VERZOEKSTATUSSEN, "ck_iwmo_verzoeken_status"),
    _check_in("berichttype", ("WMO315", "WMO317"), "ck_iwmo_verzoeken_berichttype"),
    UniqueConstraint(
        "gemeente", "aanbieder_agb", "referentie_aanbieder", name="uq_iwmo_verzoeken_referentie"
    ),
    Index("ix_iwmo_verzoeken_open", "gemeente", "status", "antwoord_uiterlijk"),
)
"""One verzoek per ReferentieAanbieder: an AangevraagdProduct of a WMO315, or the Verzoek of a
WMO317, accepted by its retour; answered once or twice (in onderzoek, then the decision)."""

iwmo_antwoorden = Table(
    "iwmo_antwoorden",
    metadata,
    Column("volgnummer", BigInteger, Identity(always=True), primary_key=True),
    Column("gemeente", String(4), nullable=False),
    Column("aanbieder_agb", String(8), nullable=False),
    Column("verzoek_id", UUID(as_uuid=True), ForeignKey(iwmo_verzoeken.c.id), nullable=False),
    Column("identificatie", String(12), nullable=False),
    Column("inhoud", Text, nullable=False),
    _aangemaakt(),
    Index("ix_iwmo_antwoorden_gemeente", "gemeente", "volgnummer"),
)
"""The WMO319 antwoordberichten sent, in order (the exchange reads them with a cursor)."""
