"""Wire schemas of the search for cliënten (issue 14.2): the criteria go in the body, never in
the URL (a BSN or a name in a URL ends up in logs)."""

from __future__ import annotations

from pydantic import Field

from wmo_intake.schemas.client import ClientRead
from wmo_intake.schemas.grenzen import Geboortedatum
from wmo_shared.schemas import WireModel
from wmo_shared.types import Bsn


class ClientZoekopdracht(WireModel):
    """Every criterion given must hold (ZOEK-01: at least one)."""

    naam: str | None = Field(
        default=None,
        min_length=2,
        max_length=200,
        description="Voornamen en/of achternaam; ook met een spelfout (ZOEK-02)",
        examples=["Sanne Venstra"],
    )
    geboortedatum: Geboortedatum | None = None
    postcode: str | None = Field(
        default=None, pattern=r"^[1-9][0-9]{3}[A-Z]{2}$", description="Met huisnummer (ZOEK-03)"
    )
    huisnummer: str | None = Field(default=None, min_length=1, max_length=20)
    bsn: Bsn | None = None
    zaakreferentie: str | None = Field(
        default=None,
        min_length=1,
        max_length=40,
        description="Id van een melding, aanvraag, beschikking, bezwaar of klacht, of het "
        "toewijzingnummer van een opdracht",
    )
    cursor: str | None = Field(
        default=None, max_length=300, description="volgendeCursor van de vorige pagina"
    )
    limit: int = Field(default=20, ge=1, le=100)


class ClientZoekresultaat(WireModel):
    client: ClientRead
    overeenkomst: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Hoe goed de naam overeenkomt (0..1), bij zoeken op naam",
    )


class ClientZoekresultaten(WireModel):
    resultaten: list[ClientZoekresultaat]
    volgende_cursor: str | None = None
