"""Checks on registering a cliënt: one registration per BSN per gemeente."""

from __future__ import annotations

from wmo_shared.weigering import Weigering


def dubbele_registratie() -> Weigering:
    """``client-bestaat-al`` (409): the gemeente already has a client with this BSN."""
    return Weigering(
        "client-bestaat-al",
        "Deze cliënt is al geregistreerd in uw gemeente; zoek hem op met /clienten/_zoek.",
        soort="conflict",
    )
