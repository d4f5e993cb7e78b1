"""The pgb toets: the three legal conditions (art. 2.3.6 lid 2 Wmo, seed 001 H2) on a pgb-plan.

Each condition — wil (PGB-03), kan (PGB-04..06, PGB-10 for the beheer) and kwaliteit (PGB-07..10,
PGB-13) — and the whole come out as ``voldaan``, ``niet_voldaan`` or ``oordeel_consulent`` (the
rules leave it to the worker's judgement, or the plan does not answer a question the worker can
settle in the conversation). Every finding names its rule and says why in Dutch.

How the plan's gaps are read: a text the plan must contain but does not (why a pgb, goals,
quality) makes the plan untestable on that point, which is refusal (PGB-02); an answer the worker
can establish in the conversation (was the inwoner informed, the vaardigheden, the risks) is
``oordeel_consulent``. A missing answer never counts as a yes.

One module per concept: ``bevinding`` (outcomes and findings), ``wil``, ``kan`` and
``kwaliteit`` (the three conditions) and ``verzoek`` (the request as a whole: PGB-01, PGB-02).
"""

from wmo_pgb.domain.toets.bevinding import (
    Bevinding,
    Leveringsvorm,
    Toetsresultaat,
    Uitkomst,
    Voorwaarde,
    Voorwaardenaam,
    combineer,
)
from wmo_pgb.domain.toets.verzoek import toets

__all__ = [
    "Bevinding",
    "Leveringsvorm",
    "Toetsresultaat",
    "Uitkomst",
    "Voorwaarde",
    "Voorwaardenaam",
    "combineer",
    "toets",
]
