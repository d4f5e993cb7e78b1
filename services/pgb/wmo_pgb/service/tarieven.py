"""The tariffs from finance for one request: fetched first, then the transaction, then re-checked.

No database transaction or row lock is held while finance answers. A write that needs a tariff
reads what it needs without a transaction, asks finance (:meth:`Tarieven.haal`), and only then
opens its transaction. Inside, the tariff comes from this cache; if what the transaction finds
asks for another tariff (the plan or budget changed in between), :class:`TariefNietOpgehaald`
rolls the transaction back and :func:`met_tarieven` fetches that tariff and runs the write again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TypeVar

from wmo_pgb.clients import finance
from wmo_pgb.domain.policy import heeft_beleid
from wmo_shared.client import ServiceClient
from wmo_shared.contracts import TariefRead
from wmo_shared.policy import default_registry
from wmo_shared.problems import Conflict

T = TypeVar("T")

POGINGEN = 3


class TariefNietOpgehaald(Exception):
    """Inside a transaction: a tariff is needed that was not fetched beforehand."""

    def __init__(self, productcode: str, peildatum: dt.date) -> None:
        super().__init__(f"{productcode} op {peildatum.isoformat()}")
        self.productcode = productcode
        self.peildatum = peildatum


class Tarieven:
    """finance's tariffs for this request, asked once per (productcode, peildatum) with the
    caller's own token (finance answers for the token's gemeente)."""

    def __init__(self, client: ServiceClient, token: str) -> None:
        self._client = client
        self._token = token
        self._cache: dict[tuple[str, dt.date], TariefRead | None] = {}

    async def haal(self, productcode: str | None, peildatum: dt.date) -> None:
        """Ask finance. Call it outside any transaction."""
        if productcode is None or (productcode, peildatum) in self._cache:
            return
        self._cache[(productcode, peildatum)] = await finance.tarief(
            self._client, token=self._token, productcode=productcode, peildatum=peildatum
        )

    async def haal_vooraf(self, gemeente: str, productcode: str | None, peildatum: dt.date) -> None:
        """Ask ahead, only when a policy is in force (without one the write answers 400 and
        finance need not be asked)."""
        if heeft_beleid(default_registry(), gemeente, peildatum):
            await self.haal(productcode, peildatum)

    def tarief(self, productcode: str | None, peildatum: dt.date) -> TariefRead | None:
        """The fetched tariff (inside the transaction); None for a product without a code or
        one finance has no tariff for."""
        if productcode is None:
            return None
        try:
            return self._cache[(productcode, peildatum)]
        except KeyError:
            raise TariefNietOpgehaald(productcode, peildatum) from None


async def met_tarieven(tarieven: Tarieven, schrijf: Callable[[], Awaitable[T]]) -> T:
    """Run ``schrijf`` (which opens and commits its own transaction); when it needed a tariff
    that was not fetched, fetch it outside the transaction and run it again."""
    for _ in range(POGINGEN):
        try:
            return await schrijf()
        except TariefNietOpgehaald as nodig:
            await tarieven.haal(nodig.productcode, nodig.peildatum)
    raise Conflict(
        "Het plan of budget veranderde steeds terwijl het tarief werd opgevraagd; er is niets "
        "opgeslagen. Probeer het opnieuw.",
        code="gelijktijdig-gewijzigd",
    )
