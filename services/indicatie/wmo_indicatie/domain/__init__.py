"""The pure domain engine of the indicatie service: the normenkader indicatiestelling
Wmo-begeleiding of seed 001 (rules IND-01..IND-13).

- ``advies.adviseer``: aard, ranked profiles, omvang, plus and duur for a consulent;
- ``validatie.valideer_indicatie``: the checks before a final indicatie is recorded;
- ``vastlegging.toets``: those checks as a refusal (``Weigering``), and the advice's use;
- ``reeks``: revising and ending a version (IND-04, IND-11, IND-13), one active per aanvraag;
- ``vergelijking.vergelijk``: the advice next to the consulent's choice (IND-12);
- ``normenkader``: the policy in force for a gemeente on a peildatum;
- ``policy.IndicatiePolicy``: the municipality's numbers (``indicatie.yaml``).
"""
