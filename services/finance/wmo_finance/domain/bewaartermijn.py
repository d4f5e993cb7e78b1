"""What finance lists for destruction (issue 14.5, AVG-5.1e) and from which day the
bewaartermijn runs. A tegemoetkoming goes with everything hanging from it (its transitions, the
eigen-bijdrage schedule and terms, maintenance grants and CAK records of it) once nothing of it
runs; the others go on their own."""

from __future__ import annotations

from wmo_shared.bewaartermijn import Soort

TEGEMOETKOMING = Soort(
    naam="tegemoetkoming",
    einde="de laatste van: besluit, betaling, bewijs, wijziging, laatste overgang, laatste "
    "termijn en einde van de eigen bijdrage of van het gebruik (CAK); zolang de eigen bijdrage "
    "of het gebruik zonder einde loopt, loopt de termijn niet",
    omvat=(
        "tegemoetkomingen met hun overgangen",
        "eigen-bijdrageschema's en hun termijnen",
        "onderhoudsvergoedingen bij de tegemoetkoming",
        "CAK-voorzieningen en CAK-mutaties bij de tegemoetkoming",
    ),
)
ONDERHOUDSVERGOEDING = Soort(
    naam="onderhoudsvergoeding",
    einde="de dag van de beslissing (of de peildatum als die later is); zonder tegemoetkoming",
    omvat=("onderhoudsvergoedingen",),
)
VERVOERSVERGOEDING = Soort(
    naam="vervoersvergoeding",
    einde="de dag van de beslissing (of de peildatum als die later is); de vergoeding kent "
    "geen einddatum",
    omvat=("vervoersvergoedingen",),
)
CAK_VOORZIENING = Soort(
    naam="cak-voorziening",
    einde="het einde van de maatwerkvoorziening of van de eigen bijdrage, of de laatste "
    "wijziging of mutatie als die later is; zonder einddatum loopt zij nog",
    omvat=("CAK-voorzieningen", "CAK-mutaties van die maatwerkvoorziening"),
)
SOORTEN = {
    s.naam: s for s in (TEGEMOETKOMING, ONDERHOUDSVERGOEDING, VERVOERSVERGOEDING, CAK_VOORZIENING)
}
