"""IND-12 and IND-10: a proposed omvang within the profile's band.

The final omvang is an exact number the consulent sets with a motivation, starting from the
profile's typical value (IND-12). The engine applies only what the seed makes concrete: the
network effect (IND-10, seed §6.10) moves one policy step down for a network with capacity to
support and one step up for a network that causes extra problems, never out of the band. The
other characteristics (belastbaarheid, risico, ...) may move it further; that weighing is the
consulent's and is said so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Eenheid, Profiel
from wmo_indicatie.domain.policy import IndicatiePolicy, per_beleid
from wmo_shared.regels import Regel


class Netwerk(StrEnum):
    """IND-10: what the client's network means for the omvang."""

    GEEN = "geen"  # geen netwerk: geen invloed
    ONDERSTEUNEND = "ondersteunend"  # netwerk met ondersteuningscapaciteit: minder inzet
    BELASTEND = "belastend"  # netwerk is oorzaak van extra problemen: meer inzet


@dataclass(frozen=True, slots=True)
class OmvangVoorstel:
    profiel: Profiel
    eenheid: Eenheid
    minimum: Decimal | None  # band, inclusive; None = open
    maximum: Decimal | None
    typisch: Decimal
    voorgesteld: Decimal  # typical value after the network correction
    netwerkcorrectie: Decimal  # signed change applied (0 when none)
    regels: tuple[Regel, ...]


def stel_omvang_voor(
    profiel: Profiel, netwerk: Netwerk | None, policy: IndicatiePolicy
) -> OmvangVoorstel:
    """The proposal depends on the profile, the network and the policy alone: worked out once
    per policy for all of them."""
    if type(profiel) is Profiel and (netwerk is None or type(netwerk) is Netwerk):
        return per_beleid(policy, _voorstellen)[profiel, netwerk]
    return _stel_omvang_voor(profiel, netwerk, policy)


def _voorstellen(policy: IndicatiePolicy) -> dict[tuple[Profiel, Netwerk | None], OmvangVoorstel]:
    return {(p, n): _stel_omvang_voor(p, n, policy) for p in Profiel for n in (None, *Netwerk)}


def _stel_omvang_voor(
    profiel: Profiel, netwerk: Netwerk | None, policy: IndicatiePolicy
) -> OmvangVoorstel:
    beleid = policy.profiel(profiel)
    e = profiel.eenheid
    regel_id = "IND-05" if e is Eenheid.UUR_PER_WEEK else "IND-06"
    regels = [
        Regel(
            regel_id,
            f"Profiel {profiel}: {notatie.band(beleid.minimum, beleid.maximum, e)}, "
            f"typisch {notatie.omvang(beleid.typisch, e)}.",
        )
    ]
    stap = policy.netwerkcorrectie[profiel.aard]
    gewenst = beleid.typisch
    if netwerk is Netwerk.ONDERSTEUNEND:
        gewenst = beleid.typisch - stap
    elif netwerk is Netwerk.BELASTEND:
        gewenst = beleid.typisch + stap

    voorgesteld = gewenst
    if beleid.maximum is not None:
        voorgesteld = min(voorgesteld, beleid.maximum)
    if beleid.minimum is not None:
        voorgesteld = max(voorgesteld, beleid.minimum)
    if voorgesteld <= 0:  # a band open at the bottom still needs a positive omvang
        voorgesteld = beleid.typisch

    if netwerk is None:
        regels.append(
            Regel(
                "IND-10",
                "De invloed van het netwerk is niet vastgesteld; uitgegaan is van de typische "
                "waarde.",
            )
        )
    elif netwerk is Netwerk.GEEN:
        regels.append(Regel("IND-10", "Er is geen netwerk: geen invloed op de omvang."))
    else:
        richting = "minder" if netwerk is Netwerk.ONDERSTEUNEND else "meer"
        oorzaak = (
            "Het netwerk heeft ondersteuningscapaciteit"
            if netwerk is Netwerk.ONDERSTEUNEND
            else "Het netwerk is oorzaak van extra problemen"
        )
        if voorgesteld == gewenst:
            zin = (
                f"{oorzaak}: {richting} inzet, {notatie.omvang(stap, e)} "
                f"{'lager' if richting == 'minder' else 'hoger'} dan de typische waarde."
            )
        else:
            zin = (
                f"{oorzaak}: {richting} inzet, maar binnen de band van {profiel} kan de omvang "
                f"niet verder dan {notatie.omvang(voorgesteld, e)}; overweeg of een "
                f"{'lichter' if richting == 'minder' else 'zwaarder'} profiel beter past."
            )
        regels.append(Regel("IND-10", zin))
    regels.append(
        Regel(
            "IND-12",
            f"Voorstel: {notatie.omvang(voorgesteld, e)}. De consulent stelt de precieze omvang "
            "vast en motiveert die, afgezet tegen de gemiddelde cliënt in het profiel (hoger of "
            "lager binnen de band), na opnieuw te toetsen of voorliggende voorzieningen passen "
            "en of dit de goedkoopst adequate oplossing is.",
        )
    )
    return OmvangVoorstel(
        profiel=profiel,
        eenheid=e,
        minimum=beleid.minimum,
        maximum=beleid.maximum,
        typisch=beleid.typisch,
        voorgesteld=voorgesteld,
        netwerkcorrectie=voorgesteld - beleid.typisch,
        regels=tuple(regels),
    )
