"""The legal side of a decision: the terms and checks of the Algemene wet bestuursrecht (Awb)
as pure functions. No clock: every date is a parameter. Working days, feestdagen and the
Algemene termijnenwet come from ``wmo_intake.domain.werkdagen`` and the bezwaartermijn from
``wmo_intake.domain.termijnen`` (INT-04), so one calendar serves every term.

Rule IDs: ``AWB-<artikel>``, the article number as the Awb writes it (``AWB-6:7``,
``AWB-7:10``, ``AWB-4:17``, ``AWB-9:11``). Lid and onderdeel are named in the sentence, not in
the ID, so an ID stays stable when a lid is renumbered. Where the Wmo itself is the ground the
catalogue ID is used (``INT-01`` onderzoek, ``INT-04`` bezwaartermijn). The Atw extensions of a
term carry the ID of that term, as in ``wmo_intake.domain.termijnen``.

Every result carries ``regels``: ``wmo_shared.regels.Regel`` with the ID and a Dutch sentence a
case worker understands. A step the law does not allow raises
``wmo_intake.domain.fouten.VoorwaardeNietVoldaan`` with the refusing ``Regel``; impossible input
(dates in the wrong order) raises ``ValueError``.

Modules: ``ontvankelijkheid`` (6:5–6:11), ``bezwaar`` (7:10, 7:13), ``hoorzitting`` (7:2–7:4),
``dwangsom`` (4:17, 4:18), ``klachten`` (9:6, 9:11, 9:14), ``aanpassingen`` (4:14, 4:15, the
onderzoek extended by agreement) and ``termijn`` (the ``Awbtermijn`` they share).
"""

from wmo_intake.domain.awb.aanpassingen import (
    Opschortingsgrond,
    meld_vertraging,
    opgeschorte_dagen,
    schort_op,
    schort_op_voor_aanvulling,
    verleng_onderzoek,
)
from wmo_intake.domain.awb.bezwaar import (
    Uitstelgrond,
    beslistermijn_bezwaar,
    schort_op_voor_herstel,
    verdaag_bezwaar,
    verder_uitstel_bezwaar,
)
from wmo_intake.domain.awb.dwangsom import (
    MAXIMUM_BEDRAG,
    MAXIMUM_DAGEN,
    Dwangsom,
    Dwangsomuitsluiting,
    bedrag_voor_dagen,
    dwangsom,
)
from wmo_intake.domain.awb.hoorzitting import (
    Hoorbeslissing,
    Hoorplanning,
    UitzonderingHoren,
    hoorzitting_nodig,
    plan_hoorzitting,
)
from wmo_intake.domain.awb.klachten import klachttermijn, verdaag_klacht
from wmo_intake.domain.awb.ontvankelijkheid import (
    Bezwaarschrift,
    Herstelverzoek,
    Ontvankelijkheid,
    Ontvankelijkheidsuitkomst,
    Vereiste,
    beoordeel_ontvankelijkheid,
    hersteltermijn,
)
from wmo_intake.domain.awb.termijn import (
    Aanpassing,
    Aanpassingssoort,
    Awbtermijn,
    Dagtermijn,
)

__all__ = [
    "MAXIMUM_BEDRAG",
    "MAXIMUM_DAGEN",
    "Aanpassing",
    "Aanpassingssoort",
    "Awbtermijn",
    "Bezwaarschrift",
    "Dagtermijn",
    "Dwangsom",
    "Dwangsomuitsluiting",
    "Herstelverzoek",
    "Hoorbeslissing",
    "Hoorplanning",
    "Ontvankelijkheid",
    "Ontvankelijkheidsuitkomst",
    "Opschortingsgrond",
    "Uitstelgrond",
    "UitzonderingHoren",
    "Vereiste",
    "bedrag_voor_dagen",
    "beoordeel_ontvankelijkheid",
    "beslistermijn_bezwaar",
    "dwangsom",
    "hersteltermijn",
    "hoorzitting_nodig",
    "klachttermijn",
    "meld_vertraging",
    "opgeschorte_dagen",
    "plan_hoorzitting",
    "schort_op",
    "schort_op_voor_aanvulling",
    "schort_op_voor_herstel",
    "verdaag_bezwaar",
    "verdaag_klacht",
    "verder_uitstel_bezwaar",
    "verleng_onderzoek",
]
