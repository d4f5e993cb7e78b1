"""The pure domain engine of the indicatie service: the normenkader indicatiestelling
Wmo-begeleiding of seed 001 (rules IND-01..IND-13).

- ``advies.adviseer``: aard, ranked profiles, omvang, plus and duur for a consulent;
- ``validatie.valideer_indicatie``: the checks before a final indicatie is recorded;
- ``policy.IndicatiePolicy``: the municipality's numbers (``indicatie.yaml``).
"""
