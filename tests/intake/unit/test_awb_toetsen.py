"""The checks on the facts of a bezwaar, an ingebrekestelling, a klacht and a term adjustment,
moved out of the services into domain/ (issue 10 point 3): each refuses with a stable code, the
field it is about and the rule it enforces."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.awb import (
    Bezwaarschrift,
    Ontvankelijkheid,
    Vereiste,
    beoordeel_ontvankelijkheid,
)
from wmo_intake.domain.awb.aanpassingen import (
    eis_datum,
    toets_nog_open,
    toets_onderzoek_loopt,
    toets_opschorting,
)
from wmo_intake.domain.awb.bezwaarstappen import (
    herziening_nodig,
    toets_beslissing,
    toets_bestreden_besluit,
    toets_bezwaar_open,
    toets_herstel_gevraagd,
    toets_herstelverzoek,
    toets_herziening,
    toets_ter_post,
    toets_uitstel_na_termijn,
    toets_voorlopige_voorziening,
)
from wmo_intake.domain.awb.hoorzitting import UitzonderingHoren, toets_hoorkeuze
from wmo_intake.domain.awb.ingebrekestelling import toets_ingebrekestelling, toets_onderwerp
from wmo_intake.domain.awb.klachten import toets_klacht_open, toets_niet_bevestigd
from wmo_intake.domain.awb.verloop import Stap, herbereken, pas_toe, regel_van
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.termijnen import beslistermijn
from wmo_intake.domain.verwijzingen import eis_begindatum
from wmo_shared.weigering import Weigering

D = dt.date
datums = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))


def _weigering(fn: object, *args: object, **kwargs: object) -> Weigering:
    with pytest.raises(Weigering) as fout:
        fn(*args, **kwargs)  # type: ignore[operator]
    return fout.value


def _vorm(w: Weigering) -> tuple[str, str | None, list[str], str]:
    return w.code, w.veld, w.rule_ids, w.soort


def test_bezwaar_alleen_tegen_een_verzonden_besluit() -> None:
    toets_bestreden_besluit(True)
    w = _weigering(toets_bestreden_besluit, False)
    assert _vorm(w) == ("niet-verzonden", "beschikkingId", ["AWB-6:10"], "ongeldig")


@given(ontvangen=datums, dagen=st.integers(-60, 60))
def test_ter_post_niet_na_ontvangst(ontvangen: dt.date, dagen: int) -> None:
    post = ontvangen + dt.timedelta(days=dagen)
    if dagen <= 0:
        toets_ter_post(post, ontvangen)
    else:
        w = _weigering(toets_ter_post, post, ontvangen)
        assert _vorm(w) == ("volgorde", "terPostBezorgd", ["AWB-6:9"], "ongeldig")
    toets_ter_post(None, ontvangen)


def test_herstel_alleen_op_een_open_verzoek() -> None:
    toets_herstel_gevraagd(True)
    w = _weigering(toets_herstel_gevraagd, False)
    assert _vorm(w) == ("geen-herstelverzoek", "hersteldOp", ["AWB-6:6", "AWB-7:10"], "ongeldig")


@given(uiterlijk=datums, dagen=st.integers(-30, 30))
def test_verder_uitstel_eindigt_na_de_beslistermijn(uiterlijk: dt.date, dagen: int) -> None:
    tot = uiterlijk + dt.timedelta(days=dagen)
    if dagen > 0:
        toets_uitstel_na_termijn(tot, uiterlijk)
    else:
        w = _weigering(toets_uitstel_na_termijn, tot, uiterlijk)
        assert _vorm(w) == ("te-vroeg", "tot", ["AWB-7:10"], "ongeldig")


@given(ingediend=datums, dagen=st.integers(-30, 30))
def test_uitspraak_voorlopige_voorziening_na_het_verzoek(ingediend: dt.date, dagen: int) -> None:
    uitspraak = ingediend + dt.timedelta(days=dagen)
    if dagen >= 0:
        toets_voorlopige_voorziening(ingediend, uitspraak)
    else:
        w = _weigering(toets_voorlopige_voorziening, ingediend, uitspraak)
        assert _vorm(w) == ("volgorde", "uitspraakOp", ["AWB-8:81"], "ongeldig")
    toets_voorlopige_voorziening(ingediend, None)


@pytest.mark.parametrize(
    ("uitkomst", "genoemd", "uitslag"),
    [
        ("gegrond", True, True),
        ("gegrond", False, "verplicht"),
        ("ongegrond", False, False),
        ("ongegrond", True, "niet-toegestaan"),
        ("niet_ontvankelijk", True, "niet-toegestaan"),
        ("ingetrokken", False, False),
    ],
)
def test_alleen_een_gegrond_bezwaar_noemt_de_herziening(
    uitkomst: str, genoemd: bool, uitslag: bool | str
) -> None:
    herziene = uuid.uuid4() if genoemd else None
    if isinstance(uitslag, bool):
        assert herziening_nodig(uitkomst, herziene) is uitslag
    else:
        w = _weigering(herziening_nodig, uitkomst, herziene)
        assert _vorm(w) == (uitslag, "herzieneBeschikkingId", ["AWB-7:11"], "ongeldig")


def test_de_herziening_herziet_de_bestreden_beschikking() -> None:
    bestreden = uuid.uuid4()
    toets_herziening("herziening", bestreden, bestreden)
    for soort, vorige in (("toekenning", bestreden), ("herziening", uuid.uuid4())):
        w = _weigering(toets_herziening, soort, vorige, bestreden)
        assert _vorm(w) == ("geen-herziening", "herzieneBeschikkingId", ["AWB-7:11"], "ongeldig")


@given(ontvangen=datums, dagen=st.integers(-30, 30))
def test_hoorzitting_gepland_of_uitzondering_en_na_ontvangst(
    ontvangen: dt.date, dagen: int
) -> None:
    gepland = ontvangen + dt.timedelta(days=dagen)
    afgezien = UitzonderingHoren.AFGEZIEN
    for args in ((None, None), (gepland, afgezien)):
        w = _weigering(toets_hoorkeuze, *args, ontvangen)
        assert _vorm(w) == ("een-van-beide", "geplandOp", ["AWB-7:2", "AWB-7:3"], "ongeldig")
    toets_hoorkeuze(None, afgezien, ontvangen)
    if dagen >= 0:
        toets_hoorkeuze(gepland, None, ontvangen)
    else:
        w = _weigering(toets_hoorkeuze, gepland, None, ontvangen)
        assert _vorm(w) == ("volgorde", "geplandOp", ["AWB-7:2"], "ongeldig")


def test_ingebrekestelling_over_precies_een_besluit() -> None:
    toets_onderwerp(True, False)
    toets_onderwerp(False, True)
    for beide in (True, False):
        w = _weigering(toets_onderwerp, beide, beide)
        assert _vorm(w) == ("een-van-beide", "aanvraagId", ["AWB-4:17"], "ongeldig")


@given(
    uiterlijk=datums,
    ontvangen_na=st.integers(-20, 20),
    beslist_na=st.none() | st.integers(-20, 40),
    uitsluiting=st.sampled_from([None, "geen_belanghebbende"]),
    reden=st.sampled_from([None, "", "  ", "Geen belanghebbende."]),
)
def test_ingebrekestelling_na_de_termijn_en_voor_het_besluit(
    uiterlijk: dt.date,
    ontvangen_na: int,
    beslist_na: int | None,
    uitsluiting: str | None,
    reden: str | None,
) -> None:
    ontvangen = uiterlijk + dt.timedelta(days=ontvangen_na)
    beslist = None if beslist_na is None else uiterlijk + dt.timedelta(days=beslist_na)

    def toets() -> None:
        toets_ingebrekestelling(
            ontvangen,
            beslistermijn_uiterlijk=uiterlijk,
            beslist_op=beslist,
            uitsluiting=uitsluiting,
            reden_uitsluiting=reden,
        )

    if beslist is not None and beslist <= ontvangen:
        w = _weigering(toets)
        assert _vorm(w) == ("al-beslist", None, ["AWB-4:17"], "conflict")
    elif ontvangen <= uiterlijk:
        with pytest.raises(VoorwaardeNietVoldaan) as fout:
            toets()
        assert (fout.value.veld, fout.value.rule_ids) == ("ontvangstdatum", ["AWB-4:17"])
    elif uitsluiting is not None and not (reden or "").strip():
        w = _weigering(toets)
        assert _vorm(w) == ("verplicht", "redenUitsluiting", ["AWB-4:17"], "ongeldig")
    else:
        toets()


ONTVANGEN = D(2026, 3, 16)
VANDAAG = D(2026, 4, 1)


def _opschorting(grond: str, **feiten: Any) -> tuple[str, str]:
    velden: dict[str, Any] = {
        "verzocht_op": None,
        "aanvullen_uiterlijk": None,
        "aangevuld_op": None,
        "van": None,
        "tot_en_met": None,
        "reden": None,
    }
    uitslag: tuple[str, str] = toets_opschorting(
        grond, **{**velden, **feiten}, ontvangen=ONTVANGEN, vandaag=VANDAAG
    )
    return uitslag


@pytest.mark.parametrize(
    ("grond", "feiten", "code", "veld"),
    [
        ("aanvulling", {}, "verplicht", "verzochtOp"),
        ("aanvulling", {"verzocht_op": D(2026, 3, 10)}, "buiten-bereik", "verzochtOp"),
        ("aanvulling", {"verzocht_op": D(2026, 4, 2)}, "buiten-bereik", "verzochtOp"),
        ("aanvulling", {"verzocht_op": D(2026, 3, 18)}, "verplicht", "aanvullenUiterlijk"),
        (
            "aanvulling",
            {
                "verzocht_op": D(2026, 3, 18),
                "aanvullen_uiterlijk": D(2026, 4, 1),
                "aangevuld_op": D(2026, 4, 5),
            },
            "buiten-bereik",
            "aangevuldOp",
        ),
        ("overmacht", {}, "verplicht", "van"),
        ("overmacht", {"van": D(2026, 3, 20)}, "verplicht", "totEnMet"),
        (
            "overmacht",
            {"van": D(2026, 3, 20), "tot_en_met": D(2026, 3, 23), "reden": " "},
            "verplicht",
            "reden",
        ),
    ],
)
def test_wat_elke_grond_van_opschorting_vraagt(
    grond: str, feiten: dict[str, object], code: str, veld: str
) -> None:
    with pytest.raises(Weigering) as fout:
        _opschorting(grond, **feiten)
    assert (fout.value.code, fout.value.veld) == (code, veld)
    if code == "verplicht":
        assert fout.value.rule_ids == ["AWB-4:15"]


def test_een_volledige_opschorting_gaat_door() -> None:
    aanvulling = {"verzocht_op": D(2026, 3, 18), "aanvullen_uiterlijk": D(2026, 4, 1)}
    assert _opschorting("aanvulling", **aanvulling) == ("aanvulling", "verzochtOp")
    andere = {"van": D(2026, 3, 20), "tot_en_met": D(2026, 3, 23), "reden": "Ziek."}
    assert _opschorting("overmacht", **andere) == ("opschorting", "van")


@given(datum=datums)
def test_eis_datum_tussen_aanvraag_en_vandaag(datum: dt.date) -> None:
    feiten: dict[str, Any] = {"rule": "AWB-4:14", "ontvangen": ONTVANGEN, "vandaag": VANDAAG}
    if ONTVANGEN <= datum <= VANDAAG:
        assert eis_datum("mededelingOp", datum, **feiten) == datum
    else:
        w = _weigering(eis_datum, "mededelingOp", datum, **feiten)
        assert (w.code, w.veld) == ("buiten-bereik", "mededelingOp")
    w = _weigering(eis_datum, "mededelingOp", None, **feiten)
    assert _vorm(w) == ("verplicht", "mededelingOp", ["AWB-4:14"], "ongeldig")


def test_na_het_besluit_verandert_de_beslistermijn_niet() -> None:
    toets_nog_open(None)
    w = _weigering(toets_nog_open, D(2026, 3, 27))
    assert _vorm(w) == ("al-beslist", None, ["INT-03"], "conflict")


def test_het_verloop_noemt_de_regel_van_de_stap() -> None:
    termijn = beslistermijn(ONTVANGEN)
    w = _weigering(pas_toe, "aanvraag", termijn, Stap("aanvulling", {}), veld="verzochtOp")
    assert _vorm(w) == ("verplicht", "verzochtOp", ["AWB-4:15"], "ongeldig")
    onmogelijk = Stap(
        "aanvulling", {"verzochtOp": "2026-03-20", "aanvullenUiterlijk": "2026-03-18"}
    )
    w = _weigering(pas_toe, "aanvraag", termijn, onmogelijk, veld="aanvullenUiterlijk")
    assert _vorm(w) == ("ongeldige-datum", "aanvullenUiterlijk", ["AWB-4:15"], "ongeldig")
    assert regel_van("klacht", "verdaging") == "AWB-9:11"
    assert regel_van("bezwaar", "verdaging") == "AWB-7:10"
    with pytest.raises(ValueError, match="onbekende"):
        herbereken("aanvraag", termijn, [Stap("raden", {})])


# --- state checks moved out of the services (bezwaar, klacht, onderzoek, verwijzingen) --------


def test_een_besloten_bezwaar_zet_geen_stappen_meer() -> None:
    toets_bezwaar_open(None, None)
    w = _weigering(toets_bezwaar_open, "ongegrond", D(2026, 6, 1))
    assert _vorm(w) == ("bezwaar-afgehandeld", None, ["AWB-7:11"], "conflict")


@pytest.mark.parametrize(
    ("nodig", "loopt", "code"),
    [
        (True, False, None),
        (False, False, "geen-herstel-nodig"),
        (True, True, "herstelverzoek-loopt"),
    ],
)
def test_herstel_vragen_alleen_als_iets_ontbreekt(
    nodig: bool, loopt: bool, code: str | None
) -> None:
    if code is None:
        toets_herstelverzoek(nodig, loopt)
        return
    w = _weigering(toets_herstelverzoek, nodig, loopt)
    assert _vorm(w) == (code, None, ["AWB-6:6"], "conflict")


VERZONDEN = D(2026, 3, 16)


def _ontvankelijkheid(ontvangen: dt.date, *ontbrekend: Vereiste) -> Ontvankelijkheid:
    return beoordeel_ontvankelijkheid(
        Bezwaarschrift(ontvangen=ontvangen, ontbrekend=frozenset(ontbrekend)),
        beschikking_verzonden=VERZONDEN,
        peildatum=ontvangen,
    )


@pytest.mark.parametrize(
    ("uitkomst", "ontvangen", "ontbrekend", "gehoord", "rule"),
    [
        ("gegrond", D(2026, 4, 20), (), True, None),
        ("ongegrond", D(2026, 4, 20), (), False, "AWB-7:2"),
        ("ingetrokken", D(2026, 4, 20), (), False, None),
        ("gegrond", D(2026, 6, 1), (), True, "AWB-6:11"),  # too late, not excused
        ("niet_ontvankelijk", D(2026, 6, 1), (), False, None),
        ("niet_ontvankelijk", D(2026, 4, 20), (), False, "AWB-6:5"),
        ("ongegrond", D(2026, 4, 20), (Vereiste.GRONDEN,), True, "AWB-6:6"),
    ],
)
def test_wat_een_beslissing_op_bezwaar_vraagt(
    uitkomst: str,
    ontvangen: dt.date,
    ontbrekend: tuple[Vereiste, ...],
    gehoord: bool,
    rule: str | None,
) -> None:
    o = _ontvankelijkheid(ontvangen, *ontbrekend)
    if rule is None:
        toets_beslissing(uitkomst, o, gehoord=gehoord)
        return
    with pytest.raises(VoorwaardeNietVoldaan) as fout:
        toets_beslissing(uitkomst, o, gehoord=gehoord)
    assert (fout.value.veld, fout.value.rule_ids) == ("uitkomst", [rule])


def test_een_afgehandelde_klacht_en_een_bevestigde_ontvangst() -> None:
    toets_klacht_open(None)
    toets_niet_bevestigd(None)
    w = _weigering(toets_klacht_open, D(2026, 4, 20))
    assert _vorm(w) == ("klacht-afgehandeld", None, ["AWB-9:12"], "conflict")
    w = _weigering(toets_niet_bevestigd, D(2026, 4, 2))
    assert _vorm(w) == ("al-bevestigd", None, ["AWB-9:6"], "conflict")


@pytest.mark.parametrize("status", ["melding", "onderzoek", "tijdelijke_voorziening"])
def test_de_onderzoekstermijn_verlengen_terwijl_het_onderzoek_loopt(status: str) -> None:
    toets_onderzoek_loopt(status)
    for voorbij in ("aanvraag", "beschikking", "beeindigd"):
        w = _weigering(toets_onderzoek_loopt, voorbij)
        assert _vorm(w) == ("onderzoek-afgerond", None, ["INT-01"], "conflict")


def test_een_voorziening_heeft_een_begindatum() -> None:
    assert eis_begindatum(2, D(2026, 4, 1)) == D(2026, 4, 1)
    w = _weigering(eis_begindatum, 2, None)
    assert (w.code, w.veld, w.soort) == (
        "verplicht",
        "maatwerkvoorzieningen.2.begindatum",
        "ongeldig",
    )
