"""The werkvoorraad rows of the provider side, in the shape of ``db.werkvoorraad`` (soort,
melding_id, referentie, client_id, uiterlijk): quality evidence of a registered provider with
its last valid day (AAN-10), a provider's report that came late or signals something about the
resident until the case worker handles it (AAN-03..08, AAN-11; ``<id>/<soort>``), a provider's
opzegging that waits for the gemeente's accord (AAN-06, due before the notice starts) and a
refused opdracht without a vervolgopdracht yet (AAN-13)."""

from __future__ import annotations

from sqlalchemy import (
    Date,
    Index,
    Select,
    String,
    cast,
    func,
    literal,
    not_,
    null,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import aliased

from wmo_intake.db.aanbiedermeldingen import aanbiedermeldingen
from wmo_intake.db.aanbieders import aanbieders, kwaliteitsbewijzen
from wmo_intake.db.models import meldingen, opdrachten
from wmo_intake.db.werkvoorraad_awb import Gemeente, Wie

# The opdrachten these rows come from are few: partial indexes, so the werkvoorraad (also a
# case worker's own) never reads all opdrachten of a gemeente for them.
Index(
    "ix_opdrachten_geweigerd",
    opdrachten.c.gemeente,
    postgresql_where=opdrachten.c.status == "geweigerd",
)
Index(
    "ix_opdrachten_opzegging_wacht",
    opdrachten.c.gemeente,
    postgresql_where=opdrachten.c.opzegging["door"].astext == "aanbieder",
)
# Whether a refused opdracht got its successor (vorige_opdracht_id) or another running opdracht
# for the same voorziening: looked up per refused opdracht, not by reading them all.
Index("ix_opdrachten_vorige", opdrachten.c.vorige_opdracht_id)
Index("ix_opdrachten_voorziening", opdrachten.c.maatwerkvoorziening_id)


def aanbieder_taken(gemeente: Gemeente, wie: Wie = None) -> list[Select[tuple[object, ...]]]:
    """``wie`` (issue 14.3): whose cases; quality evidence belongs to no case and shows only
    in the gemeente's whole werkvoorraad."""
    k, a, am, o, m = kwaliteitsbewijzen, aanbieders, aanbiedermeldingen, opdrachten, meldingen
    van = wie(m) if wie is not None else true()
    kwaliteit = (
        select(
            literal("kwaliteitsbewijs"),
            cast(null(), UUID(as_uuid=True)),
            cast(a.c.id, String) + literal("/") + k.c.soort,
            cast(null(), UUID(as_uuid=True)),
            k.c.geldig_tot,
        )
        .join(a, a.c.id == k.c.aanbieder_id)
        .where(k.c.gemeente == gemeente, k.c.geldig_tot.is_not(None))
    )
    melding = (
        select(
            literal("aanbiedermelding"),
            o.c.melding_id,
            cast(am.c.id, String) + literal("/") + am.c.soort,
            m.c.client_id,
            am.c.werkdatum,
        )
        .join(o, o.c.id == am.c.opdracht_id)
        .join(m, m.c.id == o.c.melding_id)
        .where(am.c.gemeente == gemeente, van, am.c.signaal, am.c.afgehandeld_op.is_(None))
    )
    opzegging = (
        select(
            literal("opzegging"),
            o.c.melding_id,
            cast(o.c.id, String),
            m.c.client_id,
            cast(o.c.opzegging["ingang"].astext, Date),
        )
        .join(m, m.c.id == o.c.melding_id)
        .where(
            o.c.gemeente == gemeente,
            van,
            o.c.opzegging["door"].astext == "aanbieder",
            o.c.opzegging.has_key("akkoord"),
            o.c.opzegging["akkoord"].astext.is_(None),
        )
    )
    volgend = aliased(o)
    vervolg = (
        select(
            literal("vervolgopdracht"),
            o.c.melding_id,
            cast(o.c.id, String),
            m.c.client_id,
            # the day of the refusal (an opdracht refused without a dated reactie: its issue)
            func.coalesce(cast(o.c.reactie["datum"].astext, Date), cast(o.c.verstrekt_op, Date)),
        )
        .join(m, m.c.id == o.c.melding_id)
        .where(
            o.c.gemeente == gemeente,
            van,
            o.c.status == "geweigerd",
            not_(select(volgend.c.id).where(volgend.c.vorige_opdracht_id == o.c.id).exists()),
            not_(
                select(volgend.c.id)
                .where(
                    volgend.c.maatwerkvoorziening_id == o.c.maatwerkvoorziening_id,
                    volgend.c.status != "geweigerd",
                )
                .exists()
            ),
        )
    )
    per_zaak = [melding, opzegging, vervolg]
    return per_zaak if wie is not None else [kwaliteit, *per_zaak]
