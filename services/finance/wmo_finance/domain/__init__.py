"""Pure finance rules (FIN-01..FIN-13): plain values and the policy in, results with ``Regel``
entries out. Money is exact ``Decimal`` rounded half-up to cents once; dates are passed in.
A refusal is a ``wmo_shared.weigering.Weigering`` naming the field and the rule or a stable code.

``tarieven`` FIN-13 · ``tariefbeheer`` FIN-13 periods kept through the API · ``kostprijs``
FIN-03/04 · ``tegemoetkoming`` (a package, one module per step) FIN-01/02/05/06/07 ·
``eigen_bijdrage`` FIN-08/09 · ``eigen_bijdrage_berekening`` the what-if of FIN-08/09 ·
``cak`` FIN-12 · ``cak_register`` receiving a voorziening into the CAK register (FIN-12) ·
``vervoer`` FIN-10 · ``woonvoorziening`` FIN-11 · ``policy`` finance.yaml · ``maanden`` month
arithmetic · ``geld`` rounding · ``soorten`` enums.
"""
