"""Wire schema of the verslag of the onderzoek: the document the client receives (art. 2.3.2
lid 8 Wmo), as structured JSON or rendered as markdown."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from wmo_shared.schemas import RegelRead, WireModel


class VerslagsectieRead(WireModel):
    kop: str
    tekst: str
    regels: list[RegelRead] = Field(default_factory=list)


class VerslagRead(WireModel):
    onderzoek_id: uuid.UUID
    melding_id: uuid.UUID
    titel: str
    startdatum: dt.date
    volledig: bool
    secties: list[VerslagsectieRead]
    regels: list[RegelRead]

    def als_markdown(self) -> str:
        regels = [f"# {self.titel}", ""]
        for sectie in self.secties:
            regels += [f"## {sectie.kop}", "", sectie.tekst, ""]
        regels += ["## Toegepaste regels", ""]
        regels += [f"- **{r.rule}**: {r.toelichting}" for r in self.regels]
        return "\n".join(regels) + "\n"
