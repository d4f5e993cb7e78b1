"""Typed refusals of the intake domain. Each is a ``Weigering`` (``wmo_shared.weigering``) with a
stable kebab-case ``code`` and, where a rule refused the step, the ``Regel`` that did; the shared
problem handler renders it (400, or 409 for a step the status does not allow)."""

from __future__ import annotations

from collections.abc import Sequence

from wmo_shared.regels import Regel
from wmo_shared.weigering import Soort, Weigering

# The field a refused precondition is about, per rule.
VELD_PER_REGEL = {
    "INT-02": "clientondersteuningBericht",
    "INT-09": "kanaal",
    "INT-10": "spoedgrond",
}


class IntakeFout(Weigering):
    """Base class; ``code`` is stable, ``regel`` names the rule when a rule refused the step."""

    code: str = "intake-fout"

    def __init__(
        self,
        melding: str,
        regel: Regel | None = None,
        *,
        veld: str | None = None,
        soort: Soort = "ongeldig",
    ) -> None:
        super().__init__(
            type(self).code,
            melding,
            veld=veld,
            regels=[regel] if regel is not None else (),
            soort=soort,
        )
        self.melding = melding
        self.regel = regel

    @property
    def rule(self) -> str | None:
        return self.regel.rule if self.regel else None


class OngeldigeOvergang(IntakeFout):
    """The event is not allowed in the current status (409 Conflict)."""

    code = "ongeldige-statusovergang"

    def __init__(self, huidige_status: str, gebeurtenis: str, toegestaan: Sequence[str]) -> None:
        self.huidige_status = huidige_status
        self.gebeurtenis = gebeurtenis
        self.toegestaan = tuple(toegestaan)
        mogelijk = ", ".join(self.toegestaan) if self.toegestaan else "geen (de zaak is afgesloten)"
        super().__init__(
            f"'{gebeurtenis}' kan niet in status '{huidige_status}'. Mogelijk in deze status: "
            f"{mogelijk}.",
            soort="conflict",
        )


class VoorwaardeNietVoldaan(IntakeFout):
    """The event is allowed in this status, but a rule's precondition is not met (400, naming
    the field the rule is about)."""

    code = "voorwaarde-niet-voldaan"

    def __init__(self, regel: Regel, *, veld: str | None = None) -> None:
        super().__init__(
            regel.toelichting, regel, veld=veld or VELD_PER_REGEL.get(regel.rule, "status")
        )


class ClientondersteuningNietVastgelegd(VoorwaardeNietVoldaan):
    """INT-02: the onderzoek cannot start before the client (and mantelzorger) were told about
    free cliëntondersteuning and that was recorded."""

    code = "clientondersteuning-niet-vastgelegd"


class GeenAanvraagGrondOntbreekt(VoorwaardeNietVoldaan):
    """INT-09: a besluit without aanvraag needs a transferpunt or hospice melding."""

    code = "geen-aanvraag-grond-ontbreekt"


class SpoedredenOntbreekt(VoorwaardeNietVoldaan):
    """INT-10: a temporary voorziening at once needs the kind of urgency and its reason."""

    code = "spoedreden-ontbreekt"
