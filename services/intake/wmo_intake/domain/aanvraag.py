"""The aanvraag (INT-03): the client may file it at any moment (the Awb right to apply, seed
002 art. 6.6), also before or while the onderzoek runs. The two-week term of the beschikking
runs from the aanvraag; the six-week term of the onderzoek (INT-01) keeps running until it is
finished, and what it has not finished is an open finding (``domain.bevindingen``)."""

from __future__ import annotations

import datetime as dt

from wmo_shared.regels import Regel


def aanvraagregels(ontvangen: dt.date, onderzoek_af: bool) -> list[Regel]:
    """The rules the aanvraag is received under."""
    if onderzoek_af:
        return [
            Regel(
                "INT-03",
                f"De aanvraag is ontvangen op {ontvangen.isoformat()} na een afgerond onderzoek; "
                "de beschikking volgt binnen twee weken.",
            )
        ]
    return [
        Regel(
            "INT-03",
            f"De aanvraag is ontvangen op {ontvangen.isoformat()}, terwijl het onderzoek nog "
            "niet af is: de cliënt mag altijd een aanvraag indienen (Awb; seed 002 art. 6.6). De "
            "beschikking volgt binnen twee weken na de aanvraag.",
        ),
        Regel(
            "INT-01",
            "Het onderzoek loopt door binnen zijn eigen termijn van zes weken na de melding; de "
            "werkvoorraad toont beide termijnen.",
        ),
    ]
