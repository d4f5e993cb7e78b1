"""FIN-11: a bouwplan checked per room against the floor-area norms; nothing is recorded."""

from __future__ import annotations

from wmo_finance.domain.policy import beleid_als_weigering
from wmo_finance.domain.woonvoorziening import (
    Bouwplan,
    GevraagdVertrek,
    controleer_vertrekken,
    toets_bouwplan,
)
from wmo_finance.schemas.bouwplan_toetsing import (
    BouwplanToetsingCreate,
    BouwplanToetsingRead,
    PadToetsRead,
    VertrekToetsRead,
)
from wmo_finance.service.beleid import beleid
from wmo_finance.service.regels import regels_read
from wmo_shared.auth import Principal


def toets(principal: Principal, body: BouwplanToetsingCreate) -> BouwplanToetsingRead:
    in_force = beleid(principal.gemeente, body.peildatum)
    with beleid_als_weigering():
        wb = in_force.woonvoorzieningen
    plan = Bouwplan(
        tuple(
            GevraagdVertrek(v.vertrek, v.bouwvorm, v.gevraagd_m2, tuple(v.hulpmiddelen))
            for v in body.vertrekken
        ),
        body.pad_m2,
    )
    controleer_vertrekken(plan, wb)
    uitkomst = toets_bouwplan(plan, wb)
    pad = uitkomst.pad
    return BouwplanToetsingRead(
        binnen_norm=uitkomst.binnen_norm,
        vertrekken=[
            VertrekToetsRead(
                vertrek=v.vertrek,
                bouwvorm=v.bouwvorm,
                gevraagd_m2=v.gevraagd_m2,
                norm_m2=v.norm_m2,
                extra_m2=v.extra_m2,
                maximum_m2=v.maximum_m2,
                toegestaan_m2=v.toegestaan_m2,
                over_m2=v.over_m2,
                binnen_norm=v.binnen_norm,
            )
            for v in uitkomst.vertrekken
        ],
        pad=None
        if pad is None
        else PadToetsRead(
            gevraagd_m2=pad.gevraagd_m2,
            maximum_m2=pad.maximum_m2,
            toegestaan_m2=pad.toegestaan_m2,
            over_m2=pad.over_m2,
            binnen_norm=pad.binnen_norm,
        ),
        regels=regels_read(uitkomst.regels),
    )
