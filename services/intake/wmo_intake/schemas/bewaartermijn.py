"""Wire schemas of the destruction list (issue 14.5): the cliënten whose data are past the
bewaartermijn beheer set for the gemeente. No BSN and no name: the id leads to the file."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from wmo_shared.schemas import WireModel


class VernietigingskandidaatRead(WireModel):
    client_id: uuid.UUID
    laatste_activiteit: dt.date = Field(
        description="De laatste dag waarop er iets in het dossier gebeurde (wijziging, einde "
        "van een voorziening, beslissing op bezwaar, afgehandelde klacht)"
    )
    bewaren_tot: dt.date = Field(description="Laatste activiteit plus de bewaartermijn")


class VernietigingskandidatenList(WireModel):
    peildatum: dt.date
    bewaartermijn_jaren: int
    resultaten: list[VernietigingskandidaatRead]
    volgende_cursor: str | None = None
