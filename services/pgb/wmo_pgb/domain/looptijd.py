"""How long a budget may run (issue 11.4): within the horizon of the policy it is computed
under. The policy in force on the peildatum sets the tariff; where it ends (Walcheren 2015: on
31 December 2015) the budget ends with it, and the period after it is a new besluit under the
next policy. An open-ended policy still has a horizon: five years, the longest term the
policies know (a levenslang indicatie is reviewed after five years, seed 001 §6.7). Beyond it a
budget is an input error (a besluit running to 9999 is a budget of millions), not a decision.
"""

from __future__ import annotations

import datetime as dt

from wmo_pgb.domain.budget import Periode
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

MAX_LOOPTIJD_JAREN = 5


def uiterlijke_einddatum(begin: dt.date, beleid_tot: dt.date | None) -> dt.date:
    try:
        horizon = begin.replace(year=begin.year + MAX_LOOPTIJD_JAREN)
    except ValueError:  # 29 February
        horizon = begin.replace(year=begin.year + MAX_LOOPTIJD_JAREN, day=28)
    horizon -= dt.timedelta(days=1)
    return min(horizon, beleid_tot) if beleid_tot is not None else horizon


def binnen_horizon(looptijd: Periode, beleidnaam: str, beleid_tot: dt.date | None) -> None:
    """Refused on ``einddatum`` when the budget runs past its policy's horizon."""
    uiterlijk = uiterlijke_einddatum(looptijd.begin, beleid_tot)
    if looptijd.eind <= uiterlijk:
        return
    if beleid_tot is not None and uiterlijk == beleid_tot:
        reden = (
            f"Het beleid {beleidnaam} geldt tot en met {beleid_tot.isoformat()}; een budget "
            f"onder dit beleid loopt uiterlijk tot die dag, niet tot {looptijd.eind.isoformat()}. "
            "Besluit over de periode daarna onder het beleid dat dan geldt."
        )
    else:
        reden = (
            f"Een budget loopt hoogstens {MAX_LOOPTIJD_JAREN} jaar: uiterlijk tot en met "
            f"{uiterlijk.isoformat()}, niet tot {looptijd.eind.isoformat()}."
        )
    raise Weigering("buiten-horizon", reden, veld="einddatum", regels=[Regel("PGB-11", reden)])
