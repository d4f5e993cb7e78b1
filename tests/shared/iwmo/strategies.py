"""Hypothesis strategies for valid WMO301 input."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from hypothesis import strategies as st

from wmo_iwmo.basis import (
    Achternaam,
    Adres,
    BerichtIdentificatie,
    Communicatie,
    Geboortedatum,
    Header,
    Huis,
    Omvang,
    Product,
    Telefoon,
    Telefoonnummers,
    VolledigeNaam,
)
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.wmo301 import Contact, Relatie, ToegewezenProduct, Wmo301Bericht, Wmo301Client
from wmo_shared.types import is_valid_bsn

T = TypeVar("T")
DIGITS = "0123456789"
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëüöÉÖ"


@st.composite
def bsns(draw: st.DrawFn) -> str:
    """Nine digits that pass the 11-proef: the last digit is chosen to make the sum fit."""
    first = draw(st.text(DIGITS, min_size=8, max_size=8))
    check = sum(int(d) * w for d, w in zip(first, range(9, 1, -1), strict=True)) % 11
    bsn = first + str(check)
    if check == 10 or not is_valid_bsn(bsn):
        return "999993653"
    return bsn


def codes(*values: str) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


def words(max_size: int) -> st.SearchStrategy[str]:
    """Non-blank text: what the ``.*[^\\s].*`` pattern of iWmo names demands."""
    return st.text(LETTERS + " -'", min_size=1, max_size=max_size).filter(lambda s: s.strip())


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
times = st.times().map(lambda t: t.replace(microsecond=0))
achternamen = st.builds(Achternaam, words(200), optional(words(10)))
namen = st.builds(
    VolledigeNaam,
    geslachtsnaam=achternamen,
    naamgebruik=codes("1", "2", "3", "4", "5", "6"),
    partnernaam=optional(achternamen),
    voornamen=optional(words(200)),
    voorletters=optional(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÉ", min_size=1, max_size=6)),
)
geboortedata = st.builds(Geboortedatum, dates, optional(codes("1", "2", "3")))
telefoons = st.builds(
    Telefoon, st.text(DIGITS, min_size=1, max_size=15), st.text(DIGITS, min_size=1, max_size=4)
)
adressen = st.builds(
    Adres,
    huis=optional(
        st.builds(
            Huis,
            st.integers(0, 99999),
            optional(st.sampled_from("ABC")),
            optional(words(4)),
            optional(codes("AB", "BY", "TO", "WW")),
        )
    ),
    postcode=optional(st.from_regex(r"[1-9][0-9]{3}[A-Z]{2}", fullmatch=True)),
    straatnaam=optional(words(24)),
    plaatsnaam=optional(words(80)),
    landcode=optional(codes("NL", "BE", "DE")),
)
contacten = st.builds(
    Contact,
    soort=codes("01", "02", "03", "04"),
    adres=optional(adressen),
    organisatie=optional(words(35)),
    telefoon=optional(st.builds(Telefoonnummers, telefoons, optional(telefoons))),
    emailadres=optional(st.from_regex(r"[a-z]{1,10}@[a-z]{1,10}\.nl", fullmatch=True)),
)
relaties = st.builds(
    Relatie,
    nummer=st.text(DIGITS, min_size=1, max_size=20),
    soort=codes("03", "10", "14", "15", "21"),
    naam=namen,
    contact=contacten,
    volgorde=optional(st.integers(0, 99)),
    geboortedatum=optional(geboortedata),
    geslacht=optional(codes("0", "1", "2")),
)
categorieen = codes(*(f"{n:02d}" for n in range(1, 19)))
productcodes = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=5)


@st.composite
def toegewezen_producten(draw: st.DrawFn) -> ToegewezenProduct:
    ingangsdatum = draw(dates)
    duur = draw(optional(st.integers(0, 3000)))
    return ToegewezenProduct(
        toewijzingnummer=draw(st.integers(0, 999_999_999)),
        toewijzingsdatum=draw(dates),
        toewijzingstijd=draw(times),
        ingangsdatum=ingangsdatum,
        product=draw(optional(st.builds(Product, categorieen, optional(productcodes)))),
        einddatum=None if duur is None else ingangsdatum + dt.timedelta(days=duur),
        reden_wijziging=draw(optional(codes("01", "03", "04", "05", "13", "14"))),
        omvang=draw(
            optional(
                st.builds(
                    Omvang,
                    st.integers(0, 99_999_999),
                    st.sampled_from(Eenheid),
                    st.sampled_from(Frequentie),
                )
            )
        ),
        budget=draw(optional(st.integers(0, 99_999_999))),
        referentie_aanbieder=draw(optional(words(36))),
        commentaar=draw(optional(words(200))),
    )


berichten = st.builds(
    Wmo301Bericht,
    header=st.builds(
        Header,
        afzender=st.text(DIGITS, min_size=4, max_size=4),
        ontvanger=st.text(DIGITS, min_size=8, max_size=8),
        berichtidentificatie=st.builds(
            BerichtIdentificatie,
            st.text(DIGITS + "ABCDEF", min_size=1, max_size=12),
            dates,
        ),
    ),
    client=st.builds(
        Wmo301Client,
        bsn=bsns(),
        geboortedatum=geboortedata,
        geslacht=codes("0", "1", "2"),
        naam=namen,
        contactgegevens=st.lists(contacten, min_size=1, max_size=3).map(tuple),
        toegewezen_producten=st.lists(toegewezen_producten(), min_size=1, max_size=4).map(tuple),
        communicatie=optional(st.builds(Communicatie, codes("1", "2", "3"), optional(words(25)))),
        juridische_status=optional(codes("01", "02", "04", "11")),
        wettelijke_vertegenwoordiging=optional(codes("06", "07", "08", "09", "10")),
        commentaar=optional(words(300)),
        relaties=st.lists(relaties, max_size=2).map(tuple),
    ),
)
