"""Pure finance rules (FIN-01..FIN-13): plain values and the policy in, results with ``Regel``
entries out. Money is exact ``Decimal`` rounded half-up to cents once; dates are passed in.

``tarieven`` FIN-13 · ``kostprijs`` FIN-03/04 · ``tegemoetkoming`` FIN-01/02/05/06/07 ·
``eigen_bijdrage`` FIN-08/09 · ``cak`` FIN-12 · ``vervoer`` FIN-10 · ``woonvoorziening`` FIN-11 ·
``policy`` finance.yaml · ``maanden`` month arithmetic · ``geld`` rounding · ``soorten`` enums.
"""
