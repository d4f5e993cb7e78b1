"""Checks of incoming start (305), stop (307) and declaratie (323) lines against the gemeente's
toewijzingen. Pure: the caller passes the toewijzingen, earlier approved lines and policy.
This module is the entry point; the checks live in ``controle_regie`` (305 / 307) and
``controle_declaratie`` (323: per line ``controle_prestatie``, no-shows ``controle_noshow``,
sums ``controle_som``).

Each line comes back accepted or with its ``Afkeuring``s: an official retourcode of
basisschema.xsd (``retourcodes.py``), a reason a person understands, and the catalogue rule
where one applies. The codes per check:

Start / stop (305 / 307): the shipped codelist has no finer code than 9019 ("kan niet gekoppeld
worden aan een toewijzing") for a start or stop that does not fit its toewijzing, so every
such rejection is 9019 and the reason says which part does not fit (missing or unknown
toewijzingnummer, other aanbieder, other client, other product, other ingangsdatum, begindatum
or einddatum outside the toewijzing, einddatum before begindatum).

Declaratie (323), per Prestatie:
- 9338 toewijzingnummer unknown, or the toewijzing belongs to another aanbieder (the line is
  then not related to a product toegewezen to this sender; the other aanbieder is not named);
- 8187 the toewijzing belongs to another client. After 9338 / 8187 nothing else is checked;
- 9339 / 9340 productcategorie / productcode differ from the toewijzing (AAN-01);
- 9319 productperiode not within the declaratieperiode, or begins after it ends (the latter
  has no code of its own);
- 9307 / 9308 begin / end of the productperiode outside the toewijzing (AAN-01);
- 9341 eenheid differs from the eenheid of the omvang (no conversion between units);
- 9321 volume above what the omvang allows for the line's period (``omvang.py``; AAN-01);
- 9322 lines together above the omvang (see ``controle_som.check_sums``; AAN-01);
- 9321 with AAN-05 for a second no-show of a client in one period (no dedicated code exists);
- 0611 ProductTarief differs from the tarief of the toewijzing (FIN-13);
- 9346 IngediendBedrag is not GeleverdVolume x ProductTarief (the toewijzing's tarief when
  the line has none); not applied to eenheid 83 (euro), as the code's own text says (FIN-13).
The header: 0001 when TotaalIngediendBedrag is not the sum of the lines (no finer code exists).

No-show (AAN-05): iWmo 323 has no no-show element. A no-show line is a line whose productcode
is one of the gemeente's no-show productcodes (``NoShowBeleid.productcodes``), declared on the
toewijzingnummer of the product it replaces; it passes the productcode check for that reason,
and counts towards the omvang like delivered volume. "One time unit per client per period" is
read as one no-show line per client per calendar month of the productperiode; more are
rejected (9321, AAN-05) unless the gebiedsteam consented (``NoShowBeleid.toestemmingen``: a
number of further no-shows on a toewijzing of the sending aanbieder in the months a period
overlaps; ``controle_noshow`` explains why a consent names toewijzing and month, not a
ReferentieNummer). Three or more no-shows of a client in a period give a signalering.

Credit lines (DebetCredit C) cancel earlier lines: they get the link, product, period and
amount checks, not the volume checks, and their volume is subtracted in the sum checks.
"""

from wmo_iwmo.controle_declaratie import Declaratiecontrole, check_wmo323
from wmo_iwmo.controle_noshow import NoShowBeleid, NoShowSignalering, NoShowToestemming
from wmo_iwmo.controle_regie import check_wmo305, check_wmo307
from wmo_iwmo.declaratie import EerderGoedgekeurd
from wmo_iwmo.toewijzing import Toewijzing
from wmo_iwmo.uitkomst import Afkeuring, Regeluitkomst

__all__ = [
    "Afkeuring",
    "Declaratiecontrole",
    "EerderGoedgekeurd",
    "NoShowBeleid",
    "NoShowSignalering",
    "NoShowToestemming",
    "Regeluitkomst",
    "Toewijzing",
    "check_wmo305",
    "check_wmo307",
    "check_wmo323",
]
