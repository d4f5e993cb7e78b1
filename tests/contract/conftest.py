"""The contract tests run intake with its real peers in-process, as intake's API tests do."""

from tests.intake.api.conftest import _echte_peers, _peers_terug

__all__ = ["_echte_peers", "_peers_terug"]
