"""WMO319 antwoordberichten (the gemeente's answer to a provider's WMO315 / WMO317) from
intake's feed to files, one per message in ``<out>/<aanbieder AGB>/``, each checked against
WMO319.xsd before it is written. Intake builds the message; the name follows from its
BerichtIdentificatie, so a page written again after a resume replaces its files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from wmo_exchange.durable import atomic_write
from wmo_exchange.exports import MAX_AFGEKEURD_IN_SAMENVATTING, Sink, berichten_run
from wmo_exchange.formats.base import RunMeta
from wmo_iwmo.xsd import validate
from wmo_shared.contracts import IwmoAntwoordFeedItem


def bestandsnaam(gemeente: str | None, item: IwmoAntwoordFeedItem) -> str:
    return f"WMO319-{gemeente or 'gemeente'}-{item.identificatie}.xml"


class Wmo319Sink(Sink):
    def __init__(
        self, out: Path, run: dict[str, Any] | None, meta: RunMeta, aanbieder: str | None
    ) -> None:
        self.aanbieder = aanbieder
        self.run = run or berichten_run(meta, out, berichttype="WMO319")
        self.out = Path(self.run["out"])

    def write(self, rows: Sequence[BaseModel]) -> None:
        self.run["paginas"] += 1
        for r in rows:
            row = cast(IwmoAntwoordFeedItem, r)  # or its twin (wmo_exchange.pages): same fields
            self.run["rijen"] += 1
            if self.aanbieder is not None and row.aanbieder_agb != self.aanbieder:
                self.run["overgeslagen"] += 1
                continue
            xml = row.xml.encode("utf-8")
            fouten = validate("WMO319", xml)
            if fouten:
                afgekeurd = self.run["afgekeurd"]
                if len(afgekeurd) < MAX_AFGEKEURD_IN_SAMENVATTING:
                    afgekeurd.append(
                        {
                            "volgnummer": row.volgnummer,
                            "aanbieder": row.aanbieder_agb,
                            "reden": "; ".join(f.message for f in fouten)[:1000],
                        }
                    )
                self.run["aantalAfgekeurd"] = self.run.get("aantalAfgekeurd", 0) + 1
                continue
            naam = bestandsnaam(self.run.get("gemeente"), row)
            atomic_write(self.out / row.aanbieder_agb / naam, xml)
            self.run["bestanden"] += 1
            per = self.run["perAanbieder"]
            per[row.aanbieder_agb] = per.get(row.aanbieder_agb, 0) + 1

    def finish(self) -> list[str]:
        return [str(self.out / agb) for agb in sorted(self.run["perAanbieder"])]
