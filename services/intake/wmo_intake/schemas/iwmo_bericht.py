"""Wire schema of an imported iWmo message (WMO305, WMO307, WMO323) and its retour."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import Field

from wmo_shared.schemas import WireModel


class IwmoBerichtRead(WireModel):
    id: uuid.UUID
    berichttype: str
    status: str = Field(description="goedgekeurd of afgekeurd")
    retour: dict[str, Any]
    ontvangen_op: dt.datetime
