"""The werkvoorraad rows of the iWmo dialogue, in the shape of ``db.werkvoorraad`` (soort,
melding_id, referentie, client_id, uiterlijk): every verzoek om toewijzing / wijziging not yet
answered (the 5-werkdagen answer term), and its 3-werkdagen retour term while the retour has not
gone out (``<id>/retourtermijn``)."""

from __future__ import annotations

from sqlalchemy import Select, String, cast, literal, null, select
from sqlalchemy.dialects.postgresql import UUID

from wmo_intake.db.models_iwmo import iwmo_verzoeken
from wmo_intake.db.werkvoorraad_awb import Gemeente


def iwmo_taken(gemeente: Gemeente) -> list[Select[tuple[object, ...]]]:
    v = iwmo_verzoeken
    antwoord = select(
        literal("iwmo-verzoek"),
        cast(null(), UUID(as_uuid=True)),
        cast(v.c.id, String),
        v.c.client_id,
        v.c.antwoord_uiterlijk,
    ).where(v.c.gemeente == gemeente, v.c.status == "open")
    retour = select(
        literal("iwmo-verzoek"),
        cast(null(), UUID(as_uuid=True)),
        cast(v.c.id, String) + literal("/retourtermijn"),
        v.c.client_id,
        v.c.retour_uiterlijk,
    ).where(v.c.gemeente == gemeente, v.c.retour_verzonden_op.is_(None))
    return [antwoord, retour]
