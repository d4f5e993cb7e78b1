"""RFC 9457 problem details, the one error format of every service.

Every error any route produces is ``application/problem+json`` with ``type, code, title, status,
detail, instance`` and, for invalid input, ``invalidParams[{name, code, reason}]``. Business
rules that refuse something name the rule (``rules: ["IND-07"]``). Invalid input is 400, never
422; the service's own database out of reach is a 503 with ``Retry-After``, and so is a
statement PostgreSQL cancelled at the statement timeout (``tijdslimiet-overschreden``); a
crash is a 500 that shows the request id and nothing of the internals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import asyncpg
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from wmo_shared.body_limit import JsonVorm, LargeBodyBusy
from wmo_shared.db.availability import database_unavailable, rejected_value, statement_timed_out
from wmo_shared.jsonresponse import dumps
from wmo_shared.middleware import route_template
from wmo_shared.validation import (
    MAX_INVALID_PARAMS,
    UNREADABLE_BODY,
    WRONG_MEDIA_TYPE,
    invalid_fields_detail,
    refuses_media_type,
    validation_parts,
)
from wmo_shared.weigering import Weigering

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://problemen.wmo.example/"

log = structlog.get_logger("wmo.problems")


class InvalidParam(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = Field(description="The invalid field, as a dotted path in the request")
    code: str = Field(description="Stable kebab-case code")
    reason: str = Field(description="Why it is invalid, in words a case worker understands")


class Problem(BaseModel):
    """The problem+json body (RFC 9457)."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "ongeldige-invoer"])
    code: str = Field(examples=["ongeldige-invoer"])
    title: str = Field(examples=["Een of meer velden zijn ongeldig."])
    status: int = Field(examples=[400])
    detail: str = Field(examples=["Het veld bsn voldoet niet aan de elfproef."])
    instance: str = Field(examples=["urn:uuid:0b5f8a50-6d0f-4b1c-9c49-1e0f0c6b8d7a"])
    invalidParams: list[InvalidParam] | None = None
    rules: list[str] | None = Field(
        default=None, description="Rule IDs of the rule catalogue that led to this answer"
    )


class ProblemError(Exception):
    """Raise anywhere in a request: the handler renders it as problem+json."""

    status: int = 400
    code: str = "ongeldige-invoer"
    title: str = "De aanvraag is ongeldig."

    def __init__(
        self,
        detail: str,
        *,
        code: str | None = None,
        title: str | None = None,
        status: int | None = None,
        invalid_params: Sequence[InvalidParam] = (),
        rules: Iterable[str] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code
        if title:
            self.title = title
        if status:
            self.status = status
        self.invalid_params = list(invalid_params)
        self.rules = list(dict.fromkeys(rules))
        self.headers = headers or {}


class BadRequest(ProblemError):
    status = 400


class RuleViolation(ProblemError):
    """A business rule refuses the request; ``rules`` names the rule(s)."""

    status = 400
    code = "regel-geschonden"
    title = "Het verzoek is in strijd met een regel."


class Unauthorized(ProblemError):
    status = 401
    code = "niet-geauthenticeerd"
    title = "Authenticatie is vereist."


class Forbidden(ProblemError):
    status = 403
    code = "geen-toegang"
    title = "U heeft geen toegang tot deze bron."


class NotFound(ProblemError):
    status = 404
    code = "niet-gevonden"
    title = "De bron bestaat niet."


class Conflict(ProblemError):
    status = 409
    code = "conflict"
    title = "Het verzoek past niet bij de huidige toestand."


class PreconditionFailed(ProblemError):
    status = 412
    code = "voorwaarde-mislukt"
    title = "De bron is intussen gewijzigd."


class PreconditionRequired(ProblemError):
    status = 428
    code = "if-match-vereist"
    title = "Een If-Match header is vereist."


class ServiceUnavailable(ProblemError):
    status = 503
    code = "niet-beschikbaar"
    title = "De dienst is tijdelijk niet beschikbaar."


def invalid(
    name: str, reason: str, code: str = "ongeldig", *, rules: Iterable[str] = ()
) -> BadRequest:
    """A 400 naming one invalid field: ``raise invalid("peildatum", "...")``."""
    problem_code, title = _STATUS_TITLES[400]
    return BadRequest(
        reason,
        code=problem_code,
        title=title,
        invalid_params=[InvalidParam(name=name, code=code, reason=reason)],
        rules=rules,
    )


def _request_id(request: Request) -> str:
    rid = request.scope.get("state", {}).get("request_id")
    return str(rid) if rid else ""


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    invalid_params: Sequence[InvalidParam] = (),
    rules: Sequence[str] = (),
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "code": code,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": f"urn:uuid:{_request_id(request)}"
        if _request_id(request)
        else request.url.path,
    }
    named = list(invalid_params[:MAX_INVALID_PARAMS])
    if named:
        body["invalidParams"] = [p.model_dump() for p in named]
    if rules:
        body["rules"] = list(rules)
    if 400 <= status < 500:
        # A handled refusal is part of the day's work, not an error: logged at info with its
        # code, the fields it names and the rules (never the values: they may hold a BSN).
        log.info(
            "request_refused",
            status=status,
            code=code,
            fields=[p.name for p in named] or None,
            fields_total=len(invalid_params) if len(invalid_params) > len(named) else None,
            rules=list(rules) or None,
        )
    return Response(dumps(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def validation_params(errors: Sequence[Any]) -> list[InvalidParam]:
    return [InvalidParam(name=n, code=c, reason=r) for n, c, r in validation_parts(errors)]


_STATUS_TITLES = {
    400: ("ongeldige-invoer", "Een of meer velden zijn ongeldig."),
    404: ("niet-gevonden", "De bron bestaat niet."),
    405: ("methode-niet-toegestaan", "Deze methode is niet toegestaan op deze bron."),
    406: ("niet-aanvaardbaar", "Het gevraagde formaat kan niet geleverd worden."),
    413: ("te-groot", "Het verzoek is te groot."),
    415: ("mediatype-niet-ondersteund", "Het mediatype wordt niet ondersteund."),
    503: ("niet-beschikbaar", "De dienst is tijdelijk niet beschikbaar."),
}


_WEIGERING_STATUS = {"ongeldig": 400, "conflict": 409, "niet-gevonden": 404}


def _weigering_problem(request: Request, exc: Weigering) -> Response:
    params = [InvalidParam(name=n, code=exc.code, reason=r) for n, r in exc.velden]
    if exc.veld is not None:
        params.insert(0, InvalidParam(name=exc.veld, code=exc.code, reason=exc.toelichting))
    status = _WEIGERING_STATUS[exc.soort]
    title = {
        400: "Het verzoek is in strijd met een regel." if exc.regels else "Een veld is ongeldig.",
        404: "De bron bestaat niet.",
        409: "Het verzoek past niet bij de huidige toestand.",
    }[status]
    return problem_response(
        request,
        status=status,
        code=exc.code,
        title=title,
        detail=exc.toelichting,
        invalid_params=params,
        rules=exc.rule_ids,
    )


RETRY_AFTER_SECONDS = 5


_UNAVAILABLE = ("database-niet-bereikbaar", "De database van deze dienst is niet bereikbaar.")
_TIMED_OUT = ("tijdslimiet-overschreden", "De database deed langer over dit verzoek dan mag.")


def unavailable_response(request: Request, *, timed_out: bool = False) -> Response:
    code, detail = _TIMED_OUT if timed_out else _UNAVAILABLE
    return problem_response(
        request,
        status=503,
        code=code,
        title="De dienst is tijdelijk niet beschikbaar.",
        detail=f"{detail} Probeer het zo opnieuw.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def _one_field(request: Request, status: int, detail: str, param: tuple[str, str, str]) -> Response:
    name, code, reason = param
    problem_code, title = _STATUS_TITLES[status]
    return problem_response(
        request,
        status=status,
        code=problem_code,
        title=title,
        detail=detail,
        invalid_params=[InvalidParam(name=name, code=code, reason=reason)],
    )


async def _problem_error(request: Request, exc: ProblemError) -> Response:
    if exc.status >= 500:  # the service could not do it (a peer, its configuration): say why
        log.warning("request_unavailable", code=exc.code, detail=exc.detail[:300])
    return problem_response(
        request,
        status=exc.status,
        code=exc.code,
        title=exc.title,
        detail=exc.detail,
        invalid_params=exc.invalid_params,
        rules=exc.rules,
        headers=exc.headers,
    )


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Weigering)
    async def _weigering(request: Request, exc: Weigering) -> Response:
        return _weigering_problem(request, exc)

    app.add_exception_handler(ProblemError, _problem_error)  # type: ignore[arg-type]

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        content_type = request.headers.get("content-type")
        if refuses_media_type(content_type, exc.errors()):
            return _one_field(
                request, 415, f"Deze bron leest JSON, geen {content_type}.", WRONG_MEDIA_TYPE
            )
        errors = exc.errors()
        params = validation_params(errors[:MAX_INVALID_PARAMS])  # one per error
        code, title = _STATUS_TITLES[400]
        return problem_response(
            request,
            status=400,
            code=code,
            title=title,
            detail=invalid_fields_detail([p.name for p in params], errors),
            invalid_params=params,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if isinstance(refusal := getattr(exc, "refusal", None), ProblemError):
            return await _problem_error(request, refusal)  # wmo_shared.body_auth: before the body
        if isinstance(exc, JsonVorm):  # wmo_shared.body_limit: a key twice, too many values
            return _one_field(request, 400, exc.detail, (exc.naam, exc.code, exc.detail))
        if exc.status_code == 400:  # FastAPI could not even parse the body
            return _one_field(request, 400, "Ongeldige invoer in: body.", UNREADABLE_BODY)
        if exc.status_code == 413:  # wmo_shared.body_limit: refused before it was read
            return _one_field(request, 413, exc.detail, ("body", "te-groot", exc.detail))
        code, title = _STATUS_TITLES.get(exc.status_code, ("fout", "Er ging iets mis."))
        code = exc.code if isinstance(exc, LargeBodyBusy) else code  # no slot for a large body
        detail = exc.detail if isinstance(exc.detail, str) else title
        if exc.status_code == 404:
            detail = f"Er is geen bron op {request.url.path}."
        return problem_response(
            request,
            status=exc.status_code,
            code=code,
            title=title,
            detail=detail,
            headers=dict(exc.headers or {}),
        )

    # Backstop for input the edge validation let through but the database cannot hold
    # (SQLSTATE class 22: numeric overflow, value too long, invalid text): the client's fault,
    # so a 400; the fix belongs in the request model, hence the warning. SQLAlchemy wraps the
    # driver's error (DBAPIError); a statement run on the driver (wmo_shared.db.direct) raises
    # it as it is.
    @app.exception_handler(DBAPIError)
    @app.exception_handler(asyncpg.exceptions.PostgresError)
    @app.exception_handler(asyncpg.exceptions.InterfaceError)
    async def _database(request: Request, exc: Exception) -> Response:
        sqlstate = rejected_value(exc)
        if sqlstate is not None:
            log.warning(
                "database_rejected_value", sqlstate=sqlstate, route=route_template(request.scope)
            )
            return problem_response(
                request,
                status=400,
                code="ongeldige-waarde",
                title="Een waarde is ongeldig.",
                detail="Een waarde is te groot, te lang of ongeldig om op te slaan.",
            )
        return await _unavailable_or_crash(request, exc)

    # The database out of reach shows as the driver's or the pool's errors, or as a plain
    # OSError from the connect: a 503 with Retry-After, not a 500 (issue 11).
    @app.exception_handler(OSError)
    @app.exception_handler(SQLAlchemyError)
    async def _unavailable_or_crash(request: Request, exc: Exception) -> Response:
        if statement_timed_out(exc):
            log.warning("statement_timeout", route=route_template(request.scope))
            return unavailable_response(request, timed_out=True)
        if database_unavailable(exc):
            log.warning(
                "database_unavailable",
                error=f"{type(exc).__name__}: {exc}"[:300],
                route=route_template(request.scope),
            )
            return unavailable_response(request)
        return await _crash(request, exc)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        if database_unavailable(exc) or statement_timed_out(exc):
            return unavailable_response(request, timed_out=statement_timed_out(exc))
        log.error("unhandled_exception", exc_info=exc, route=route_template(request.scope))
        rid = _request_id(request)
        return problem_response(
            request,
            status=500,
            code="interne-fout",
            title="Er ging onverwacht iets mis.",
            detail=f"Meld dit{f' met verzoek-id {rid}' if rid else ''} aan de beheerder.",
        )
