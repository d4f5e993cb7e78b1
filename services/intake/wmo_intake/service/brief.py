"""The letters: rendered with ``wmo_documents`` (HTML and tagged PDF/A), stored immutably when
they are sent, and shown again exactly as sent.

Rendering is CPU work of a few hundred milliseconds (WeasyPrint). It runs in the letter
process (``BRIEFPROCES``, ``wmo_documents.proces``: not in the API worker, whose other requests
it would stall and whose memory it would grow by 42 MB) and, on sending, before the
transaction opens: the concept it renders from does not change until it is sent, so no lock or
connection is held while the PDF is made. The transaction then
stores the PDF with its sha256, the letter policy and its version (``db.brieven``, insert-only
for the app role). A beschikking is never sent without its letter: a gemeente without letter
policy on the verzenddatum gets a 400 ``briefbeleid-ontbreekt`` naming what is missing, and
nothing is sent until beheer records the policy (issue 13).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_documents import Brief, BriefbeleidOntbreekt, GerenderdeBrief, maak_brief, sha256_hex
from wmo_documents.proces import RenderProcess
from wmo_intake.db import (
    aanvragen,
    beschikkingen,
    bezwaren,
    brieven,
    clienten,
    clientondersteuning,
    doorverwijzingen,
    meldingen,
    onderzoeken,
    termijnaanpassingen,
)
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.service.beschikking import GEEN_BESCHIKKING, laad_beschikking
from wmo_intake.service.briefinhoud import Beschikkingsfeiten, beschikkingsbrief, onderzoeksverslag
from wmo_intake.service.onderzoek import laad_onderzoek
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared import metrics
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.policy import PolicyNotFound, default_registry
from wmo_shared.problems import BadRequest, InvalidParam, NotFound
from wmo_shared.regels import Regel

log = structlog.get_logger("wmo.intake.brief")

Formaat = Literal["pdf", "html"]


@dataclass(frozen=True)
class Briefweergave:
    """A letter as it is answered: the bytes of one representation and where it came from."""

    formaat: Formaat
    inhoud: bytes
    kenmerk: str
    sha256_pdf: str | None
    beleid: str
    briefversie: dt.date
    concept: bool


@dataclass(frozen=True)
class VoorbereideBrief:
    """A letter rendered before the sending transaction, for the beschikking at ``versie``;
    ``ontbreekt`` says why none could be made."""

    versie: int
    gerenderd: GerenderdeBrief | None
    ontbreekt: str | None = None


# One per worker process; the intake app sets it up from its settings (``letter_process*``)
# at start-up and ends its child at shutdown.
BRIEFPROCES = RenderProcess(
    on_event=lambda gebeurtenis: metrics.BRIEFPROCES.labels("intake", gebeurtenis).inc()
)


async def render(brief: Brief, gemeente: str) -> GerenderdeBrief:
    """Render in the letter process: the event loop keeps serving other requests."""
    return await BRIEFPROCES.run(maak_brief, brief, gemeente=gemeente)


def briefbeleid_ontbreekt(exc: BriefbeleidOntbreekt) -> BadRequest:
    return BadRequest(
        str(exc),
        code="briefbeleid-ontbreekt",
        title="Voor deze gemeente en datum is geen briefbeleid.",
        invalid_params=[
            InvalidParam(name="gemeente", code="briefbeleid-ontbreekt", reason=str(exc))
        ],
    )


def zonder_brief(wat: str, reden: str | None, rule: str) -> BadRequest:
    """No letter policy, so no letter: ``wat`` (the beschikking, the beslissing op bezwaar) is
    not sent or taken; 400 ``briefbeleid-ontbreekt`` naming the gemeente and ``rule``."""
    uitleg = (
        f"{wat} zonder brief krijgt de inwoner het besluit en de rechtsmiddelen niet te weten. "
        f"{reden or 'Er is geen briefbeleid.'} Leg het briefbeleid van de gemeente vast "
        "(beheer) en probeer het opnieuw."
    )
    return BadRequest(
        uitleg,
        code="briefbeleid-ontbreekt",
        title="Voor deze gemeente en datum is geen briefbeleid.",
        invalid_params=[InvalidParam(name="gemeente", code="briefbeleid-ontbreekt", reason=uitleg)],
        rules=[rule],
    )


def verzending_zonder_brief(reden: str | None) -> BadRequest:
    """INT-04: the letter carries the decision and the rechtsmiddelenclausule; without letter
    policy there is no letter, so the beschikking is not sent."""
    return zonder_brief("De beschikking is niet verzonden:", reden, "INT-04")


def _eigen_bijdrage_per_maand(gemeente: str, datum: dt.date) -> Decimal | None:
    """FIN-08: the policy's own eigen bijdrage on a financiële tegemoetkoming, when it has one."""
    try:
        policy = default_registry().in_force(gemeente, datum)
    except PolicyNotFound:
        return None
    bedrag = policy.sections.get("finance", {}).get("eigen_bijdrage", {}).get("per_maand")
    try:
        return Decimal(str(bedrag)) if bedrag is not None else None
    except InvalidOperation:
        return None


async def beschikkingsfeiten(
    conn: AsyncConnection, gemeente: str, row: Rij, datum: dt.date
) -> Beschikkingsfeiten:
    zaak = await meldingen.melding(conn, gemeente, row.melding_id)
    if zaak is None:
        raise NotFound(GEEN_BESCHIKKING)
    aanvraag = (
        await aanvragen.aanvraag(conn, gemeente, row.aanvraag_id) if row.aanvraag_id else None
    )
    vorige = (
        await beschikkingen.beschikking(conn, gemeente, row.vorige_beschikking_id)
        if row.vorige_beschikking_id
        else None
    )
    onderzoek = await onderzoeken.onderzoek_van_melding(conn, row.melding_id)
    aanpassingen = (
        await termijnaanpassingen.van(conn, "aanvraag", row.aanvraag_id) if row.aanvraag_id else []
    )
    return Beschikkingsfeiten(
        gemeente=gemeente,
        beschikking=row,
        voorzieningen=await beschikkingen.voorzieningen(conn, row.id),
        client=await clienten.client(conn, zaak.client_id),
        aanvraag=aanvraag,
        vorige=vorige,
        vorige_voorzieningen=await beschikkingen.voorzieningen(conn, vorige.id) if vorige else (),
        onderzoek_uitkomst=onderzoek.uitkomst if onderzoek is not None else None,
        bezwaar=await bezwaren.bij_herziening(conn, row.id),
        termijnaanpassingen=[r for a in aanpassingen for r in a.regels],
        eigen_bijdrage_per_maand=_eigen_bijdrage_per_maand(gemeente, datum),
    )


async def _maak(feiten: Beschikkingsfeiten, verzenddatum: dt.date) -> VoorbereideBrief:
    versie = int(feiten.beschikking.versie)
    try:
        inhoud = beschikkingsbrief(feiten, verzenddatum, concept=False)
        return VoorbereideBrief(versie, await render(inhoud, feiten.gemeente))
    except BriefbeleidOntbreekt as exc:
        log.warning("brief_zonder_briefbeleid", gemeente=feiten.gemeente, reden=exc.wat)
        return VoorbereideBrief(versie, None, str(exc))


async def bereid_verzending_voor(
    db: Database, principal: Principal, beschikking_id: uuid.UUID, verzenddatum: dt.date
) -> VoorbereideBrief | None:
    """Render the letter of a concept before the sending transaction opens (None when there
    is nothing to send: the transaction then refuses with the reason)."""
    async with db.transaction() as conn:
        row = await beschikkingen.beschikking(conn, principal.gemeente, beschikking_id)
        if row is None or row.verzonden_op is not None:
            return None
        feiten = await beschikkingsfeiten(conn, principal.gemeente, row, verzenddatum)
    return await _maak(feiten, verzenddatum)


async def bewaar_beschikkingsbrief(
    conn: AsyncConnection,
    principal: Principal,
    row: Rij,
    verzenddatum: dt.date,
    voorbereid: VoorbereideBrief | None,
) -> list[Regel]:
    """Store the letter of the beschikking being sent (in its transaction); the rules that say
    which letter went out. No letter policy: 400 ``briefbeleid-ontbreekt`` and the transaction
    rolls back, so nothing is sent."""
    if voorbereid is None or voorbereid.versie != row.versie:
        voorbereid = await _maak(
            await beschikkingsfeiten(conn, principal.gemeente, row, verzenddatum), verzenddatum
        )
    gerenderd = voorbereid.gerenderd
    if gerenderd is None:
        raise verzending_zonder_brief(voorbereid.ontbreekt)
    await brieven.insert(
        conn,
        {
            "gemeente": principal.gemeente,
            "onderwerp": "beschikking",
            "onderwerp_id": row.id,
            "soort": gerenderd.soort.value,
            "kenmerk": gerenderd.kenmerk,
            "datum": verzenddatum,
            "html": gerenderd.html,
            "pdf": gerenderd.pdf,
            "sha256": gerenderd.sha256,
            "beleid": gerenderd.beleid,
            "briefversie": gerenderd.briefversie,
        },
    )
    return [
        Regel(
            "INT-04",
            f"De brief (kenmerk {gerenderd.kenmerk}) is op {datum_nl(verzenddatum)} gemaakt met "
            f"het briefbeleid {gerenderd.beleid} (versie van {datum_nl(gerenderd.briefversie)}) "
            f"en onveranderlijk bewaard; sha256 {gerenderd.sha256}.",
        )
    ]


def weergave_van_opgeslagen(brief: Rij, formaat: Formaat) -> Briefweergave:
    inhoud = bytes(brief.pdf) if formaat == "pdf" else str(brief.html).encode()
    return Briefweergave(
        formaat, inhoud, brief.kenmerk, brief.sha256, brief.beleid, brief.briefversie, False
    )


def weergave_van_gerenderd(
    gerenderd: GerenderdeBrief, formaat: Formaat, *, concept: bool
) -> Briefweergave:
    inhoud = gerenderd.pdf if formaat == "pdf" else gerenderd.html.encode()
    return Briefweergave(
        formaat,
        inhoud,
        gerenderd.kenmerk,
        sha256_hex(gerenderd.pdf),
        gerenderd.beleid,
        gerenderd.briefversie,
        concept,
    )


async def lees_beschikkingsbrief(
    db: Database, principal: Principal, beschikking_id: uuid.UUID, formaat: Formaat
) -> Briefweergave:
    """The letter of a sent beschikking as it was stored; of a concept, a preview marked as
    concept (dated today)."""
    async with db.transaction() as conn:
        row = await laad_beschikking(conn, principal, beschikking_id)
        try:
            await laad_zaak(conn, principal, row.melding_id)
        except NotFound as exc:
            raise NotFound(GEEN_BESCHIKKING) from exc
        await audit_log.record(
            conn, audit, principal, "lezen", "beschikkingsbrief", row.id, {"formaat": formaat}
        )
        if row.verzonden_op is not None:
            opgeslagen = await brieven.brief(conn, principal.gemeente, "beschikking", row.id)
            if opgeslagen is None:
                raise NotFound(
                    "Bij deze beschikking is geen brief bewaard (er was geen briefbeleid op de "
                    "verzenddatum, of zij is verzonden voordat brieven werden bewaard)."
                )
            return weergave_van_opgeslagen(opgeslagen, formaat)
        datum = max(vandaag(), row.besluitdatum)
        feiten = await beschikkingsfeiten(conn, principal.gemeente, row, datum)
    try:
        gerenderd = await render(beschikkingsbrief(feiten, datum, concept=True), principal.gemeente)
    except BriefbeleidOntbreekt as exc:
        raise briefbeleid_ontbreekt(exc) from exc
    return weergave_van_gerenderd(gerenderd, formaat, concept=True)


def _clientondersteuning(berichten: list[Rij]) -> str:
    if not berichten:
        return (
            "Een onafhankelijke cliëntondersteuner kan u gratis helpen. Wilt u dat? Laat het ons "
            "weten."
        )
    laatste = berichten[-1]
    wil = (
        "U wilde die hulp graag."
        if laatste.client_wil_clientondersteuning
        else ("U wilde dat niet.")
    )
    return (
        f"Op {datum_nl(laatste.datum)} hebben wij u verteld dat een onafhankelijke "
        f"cliëntondersteuner u gratis kan helpen. {wil}"
    )


async def lees_verslagbrief(
    db: Database, principal: Principal, onderzoek_id: uuid.UUID, formaat: Formaat
) -> Briefweergave:
    """INT-05: the onderzoeksverslag as the letter the resident receives, dated today, with
    the onderzoekstermijn as it was adjusted and why."""
    async with db.transaction() as conn:
        row, zaak = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
        client = await clienten.client(conn, zaak.client_id)
        berichten = await clientondersteuning.berichten(conn, zaak.id)
        aanpassingen = await termijnaanpassingen.van(conn, "melding", zaak.id)
        verwezen = await doorverwijzingen.van_onderzoek(conn, row.id)
    inhoud = onderzoeksverslag(
        gemeente=principal.gemeente,
        onderzoek=row,
        zaak=zaak,
        client=client,
        clientondersteuning=_clientondersteuning(berichten),
        datum=vandaag(),
        termijnaanpassingen=[r for a in aanpassingen for r in a.regels],
        doorverwijzingen=[d.mededeling for d in verwezen],
    )
    try:
        gerenderd = await render(inhoud, principal.gemeente)
    except BriefbeleidOntbreekt as exc:
        raise briefbeleid_ontbreekt(exc) from exc
    return weergave_van_gerenderd(gerenderd, formaat, concept=False)
