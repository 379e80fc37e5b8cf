"""A web service on kemitraan's store: partnerships over HTTP (FastAPI), for a Dinas and its PKBMs.

Run it (``pip install 'kemitraan[web]'``; behind a TLS proxy, see docs/webapp.md)::

    export KEMITRAAN_SECRET_KEY=$(python -c "import secrets; print(secrets.token_urlsafe(48))")
    export KEMITRAAN_STORE_URL=sqlite:///kemitraan.db
    python examples/webapp.py add-user rina --name "Rina Wati" --role facilitator \
        --acts-for pkbm-harapan-bangsa
    uvicorn webapp:app --app-dir examples

Every request but the login names its user with a bearer token (OAuth2 password flow:
``POST /token``); the actor of every move, signature and change is that user, never a
name in the body. The library's access policy (:mod:`kemitraan.access`) decides what
each user may do: a facilitator works on the institution's own partnerships, a party's
signatory signs for that party, a Dinas reviewer reads them masked, an administrator
keeps everything and signs nothing. A refusal is ``403`` with the rule that refused it.

Every partnership has a version, sent as its ``ETag``. A request that changes one names
the version it read in ``If-Match``: a stale version gets ``412 Precondition Failed`` and
changes nothing; a missing one ``428``. A move the guide refuses gets ``409 Conflict``
with the unmet requirements, in the language the client asks for (``Accept-Language: en``
or ``id``). The OpenAPI schema (``/openapi.json``, ``/docs``) is made from the library's
own models.

Routes:

- ``POST /token`` logs in (``grant_type=password``, form-encoded) and gives a token;
- ``POST /partnerships`` creates one; ``GET /partnerships`` finds the ones the user may
  see by the store's columns (stage, province, waiting on a requirement, renewal due, …);
- ``GET /partnerships/{id}`` reads one; ``PATCH /partnerships/{id}`` records a step's data
  (any of its data fields: partners, relevance, explorations, work plan, agreement, …);
- ``GET /partnerships/{id}/requirements`` says what the next step (or another move) needs;
- ``POST /partnerships/{id}/moves`` advances, declines, ends or renews;
- ``POST /partnerships/{id}/signatures`` records the user signing the MoU, a PKS or an
  addendum for the party they act for;
- ``GET /partnerships/{id}/documents/{kind}`` downloads the MoU, a PKS, an addendum or the
  monitoring and evaluation report as DOCX.
"""

import os
import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from slugify import slugify
from starlette.datastructures import Headers
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send
from webapp_security import (
    InvalidToken,
    SecurityHeaders,
    Settings,
    Users,
    add_cors,
    issue_token,
    token_subject,
)

from kemitraan import (
    InvalidDataError,
    KemitraanError,
    Language,
    NotFoundError,
    Partnership,
    RequirementsUnmetError,
    Stage,
    load_json,
    monitoring_report,
    render_document,
)
from kemitraan.access import (
    GuidePolicy,
    Policy,
    acting_as,
    authorize,
    listing_scope,
    set_policy,
    visible,
)
from kemitraan.actors import Action, Actor
from kemitraan.audit import set_history_key
from kemitraan.exceptions import NotPermittedError, TransitionRefusedError, VersionConflictError
from kemitraan.findings import Requirement
from kemitraan.messages import current_language, speaking, translated
from kemitraan.store import Store, Summary

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ETAG = re.compile(r'"(\d{1,18})"')
ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
#: Fields a client may not set: they change only through moves and signatures.
PROTECTED = frozenset({"id", "schema_version", "stage", "cycle", "history"})
#: The largest offset a database takes (a signed 64-bit integer); beyond it is 422.
MAX_OFFSET = 2**63 - 1
FORM = "application/x-www-form-urlencoded"


class MoveRequest(BaseModel):
    """A lifecycle move; who makes it is the token's user, when is the server's clock."""

    model_config = ConfigDict(extra="forbid")

    move: Literal["advance", "decline", "end", "renew"]
    note: str | None = Field(default=None, max_length=2000)
    reason: str | None = Field(
        default=None, max_length=2000, description="Why, for decline and end."
    )


class SignatureRequest(BaseModel):
    """The token's user signing the MoU, a PKS or an addendum (by its index) for a party."""

    model_config = ConfigDict(extra="forbid")

    document: Literal["mou", "pks", "addendum"] = "mou"
    index: int = Field(default=0, ge=0, le=999)
    party_id: str = Field(max_length=100)
    on: date
    place: str | None = Field(default=None, max_length=200)


class RequirementOut(BaseModel):
    """An unmet requirement, in the client's language."""

    code: str
    message: str
    basis: str


class Refusal(BaseModel):
    """Why a move was refused (409)."""

    message: str
    unmet: list[RequirementOut] = []


class Forbidden(BaseModel):
    """Why the policy refused the user (403): the rule, in the client's language."""

    message: str
    rule: str
    action: str


class Token(BaseModel):
    """A bearer token (RFC 6749 5.1)."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class TokenError(BaseModel):
    """A refused login (RFC 6749 5.2)."""

    error: Literal["invalid_request", "invalid_grant", "unsupported_grant_type"]
    error_description: str


def language(accept: str | None) -> Language:
    """``en`` when the client prefers English to Indonesian (by its q-values), else ``id``."""
    best = {"id": 0.0, "en": 0.0}
    for order, part in enumerate((accept or "").split(",")):
        tag, _, params = part.strip().lower().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        base = tag.split("-")[0]
        if base in best and quality > best[base]:
            best[base] = quality - order * 1e-6  # of equal q, the first named wins
    return "en" if best["en"] > best["id"] else "id"


def said(indonesian: str, english: str) -> str:
    """The app's own words in the request's language (Indonesian unless English is preferred)."""
    return english if current_language() == "en" else indonesian


class Speaking:
    """Each request is answered in the language its ``Accept-Language`` prefers.

    The library's messages follow (:func:`kemitraan.messages.speaking`), and so do the
    app's own (:func:`said`): Indonesian unless the client prefers English.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accept = Headers(scope=scope).get("accept-language")
        with speaking(language(accept)):
            await self.app(scope, receive, send)


def refusal_message(exc: RequirementsUnmetError, lang: Language) -> str:
    """The refusal in a sentence, in ``lang``."""
    stage = Stage(exc.stage)
    if lang == "en":
        return (
            f"The move '{exc.move}' is refused at step {stage.label_en}: "
            f"{len(exc.unmet)} requirement(s) unmet."
        )
    return (
        f"Langkah '{exc.move}' ditolak pada tahap {stage.label_id}: "
        f"{len(exc.unmet)} syarat belum terpenuhi."
    )


def requirements(found: list[Requirement], lang: Language) -> list[RequirementOut]:
    return [RequirementOut(code=r.code, message=r.message.get(lang), basis=r.basis) for r in found]


def forbidden(rule: str, action: Action, message: str) -> HTTPException:
    """A 403 the app itself decides."""
    body = Forbidden(message=message, rule=rule, action=action.value)
    return HTTPException(403, body.model_dump())


def _in_memory(store: Store) -> bool:
    url = store.engine.url
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def create_app(
    store: Store, settings: Settings | None = None, *, policy: Policy | None = None
) -> FastAPI:
    """The app, on ``store``, with ``settings`` (from the environment when not given).

    It sets ``policy`` (:class:`~kemitraan.access.GuidePolicy` when not given) as the
    process's access policy: from then on every change to a partnership in this process
    needs an actor. It sets the settings' history key, if any, as the process's.

    Raises:
        SettingsError: a setting is missing or wrong (no signing key, above all).
        ValueError: ``store`` is an in-memory SQLite database (one connection, which
            the users table cannot share safely between threads).
    """
    settings = settings or Settings.from_env()
    if _in_memory(store):
        raise ValueError("the web app needs a database file or server, not sqlite://")
    users = Users(store.engine, settings.password_hasher)
    set_policy(policy or GuidePolicy())
    if settings.history_key is not None:
        set_history_key(settings.history_key)
    app = FastAPI(title="kemitraan", description=(__doc__ or "").split("\n\n")[0])
    app.state.users = users
    app.state.settings = settings
    # 413 from Content-Length before a byte is read, or as a streamed body passes the limit
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=settings.max_body_bytes)
    add_cors(app, settings.cors_origins)
    app.add_middleware(SecurityHeaders, hsts_seconds=settings.hsts_seconds)  # on every answer
    app.add_middleware(Speaking)  # the client's language, for the library's words and the app's
    bearer = OAuth2PasswordBearer(tokenUrl="token", auto_error=False)

    def unauthorized(detail: str, error: str | None = None) -> HTTPException:
        challenge = f'Bearer error="{error}"' if error else "Bearer"
        return HTTPException(401, detail, headers={"WWW-Authenticate": challenge})

    def current_actor(token: Annotated[str | None, Depends(bearer)]) -> Actor:
        """The actor the request's bearer token names: its user, as the table has it now."""
        if token is None:
            raise unauthorized(
                said(
                    "Masuk dahulu (POST /token) lalu kirim tokennya sebagai 'Bearer …'",
                    "Log in (POST /token) and send the token as 'Bearer …'",
                )
            )
        try:
            user = users.get(token_subject(token, settings))
        except InvalidToken:
            user = None
        if user is None or not user.active:
            raise unauthorized(
                said(
                    "Token tidak sah (kedaluwarsa, diubah, atau dicabut)",
                    "The token is not valid (expired, altered or revoked)",
                ),
                "invalid_token",
            )
        return user.actor

    Acting = Annotated[Actor, Depends(current_actor)]

    @app.exception_handler(RequestValidationError)
    def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """A request the app's own models refuse, said as the library says it; the input is
        not sent back (a body may hold a NIK)."""
        lang = language(request.headers.get("accept-language"))
        found = list(exc.errors())
        given: list[Any] = [
            {"type": e["type"], "loc": tuple(e["loc"]), "input": e.get("input")}
            | ({"ctx": e["ctx"]} if e.get("ctx") else {})
            for e in found
        ]
        try:
            errors = translated(ValidationError.from_exception_data("Request", given), lang)
            said: list[Any] = errors.errors(include_url=False, include_input=False)
        except (KeyError, TypeError, ValueError):  # an error type pydantic does not know
            said = found
        shown = [{"type": e["type"], "loc": e["loc"], "msg": e["msg"]} for e in said]
        return JSONResponse({"detail": jsonable_encoder(shown)}, status_code=422)

    @app.exception_handler(NotFoundError)
    def not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(VersionConflictError)
    def conflict(_: Request, exc: VersionConflictError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "current": exc.current}, status_code=412)

    @app.exception_handler(NotPermittedError)
    def not_permitted(request: Request, exc: NotPermittedError) -> JSONResponse:
        lang = language(request.headers.get("accept-language"))
        body = Forbidden(message=exc.message(lang), rule=exc.rule, action=str(exc.action))
        return JSONResponse({"detail": body.model_dump()}, status_code=403)

    def shown(actor: Actor, partnership: Partnership, version: int) -> JSONResponse:
        """The partnership as ``actor`` may see it, with its version as the ETag."""
        return JSONResponse(visible(actor, partnership), headers={"ETag": f'"{version}"'})

    def loaded(actor: Actor, pid: str, if_match: str | None) -> tuple[Partnership, int]:
        if if_match is None or if_match.strip() == "*":
            raise HTTPException(
                428,
                said(
                    "Sebutkan versi yang Anda baca di If-Match, sebagai ETag-nya",
                    "Name the version you read in If-Match, as its ETag",
                ),
            )
        stored = store.load(pid)  # refused to a stranger, before any version is compared
        tag = if_match.strip()
        if tag.startswith("W/"):  # a weak tag never matches: If-Match compares strongly
            raise VersionConflictError(pid, expected=-1, current=stored.version)
        found = ETAG.fullmatch(tag)
        if found is None:
            raise HTTPException(
                400,
                said(
                    f'If-Match harus satu ETag, misalnya "3", bukan {tag[:40]!r}',
                    f'If-Match must be one ETag, such as "3", not {tag[:40]!r}',
                ),
            )
        if int(found.group(1)) != stored.version:
            raise VersionConflictError(pid, expected=int(found.group(1)), current=stored.version)
        return stored.partnership, stored.version

    def changed(
        actor: Actor,
        pid: str,
        if_match: str | None,
        accept: str | None,
        change: Callable[[Partnership], object],
    ) -> JSONResponse:
        with acting_as(actor):  # the library checks every command against the policy
            partnership, version = loaded(actor, pid, if_match)
            try:
                change(partnership)
            except NotPermittedError:
                raise
            except RequirementsUnmetError as exc:
                lang = language(accept)
                body = Refusal(
                    message=refusal_message(exc, lang), unmet=requirements(exc.unmet, lang)
                )
                raise HTTPException(409, body.model_dump()) from exc
            except ValidationError as exc:
                raise HTTPException(
                    422, exc.errors(include_url=False, include_input=False)
                ) from exc
            except KemitraanError as exc:  # refused by the guide's rules or the data's integrity
                raise HTTPException(409, Refusal(message=str(exc)).model_dump()) from exc
            # Store.save keeps to the policy too: a signatory saves its own signatures.
            version = store.save(partnership, version=version)
            return shown(actor, partnership, version)

    @app.post(
        "/token",
        response_model=Token,
        responses={400: {"model": TokenError}},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    FORM: {
                        "schema": {
                            "type": "object",
                            "required": ["grant_type", "username", "password"],
                            "properties": {
                                "grant_type": {"type": "string", "enum": ["password"]},
                                "username": {"type": "string", "maxLength": 64},
                                "password": {
                                    "type": "string",
                                    "format": "password",
                                    "maxLength": 1024,
                                },
                            },
                        }
                    }
                },
            }
        },
    )
    async def login(request: Request) -> Token | JSONResponse:
        def refused(error: str, description: str) -> JSONResponse:
            body = TokenError.model_validate({"error": error, "error_description": description})
            return JSONResponse(body.model_dump(), status_code=400)

        if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
            return refused(
                "invalid_request",
                said(f"Kirim formulir sebagai {FORM}", f"Send the form as {FORM}"),
            )
        raw = await request.body()  # bounded by max_body_size
        try:
            form = parse_qs(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=8)
        except (UnicodeDecodeError, ValueError):
            return refused("invalid_request", said("Formulir tidak sah", "The form is not valid"))
        fields = {k: v[0] for k, v in form.items() if len(v) == 1}
        if fields.get("grant_type") != "password":
            return refused(
                "unsupported_grant_type",
                said("grant_type harus password", "grant_type must be password"),
            )
        if not fields.get("username") or not fields.get("password"):
            return refused(
                "invalid_request",
                said("username dan password wajib diisi", "username and password are required"),
            )
        # Argon2 takes tens of milliseconds and 64 MiB on purpose: off the event loop
        user = await run_in_threadpool(users.authenticate, fields["username"], fields["password"])
        if user is None:
            return refused(
                "invalid_grant",
                said("Nama pengguna atau kata sandi salah", "The username or password is wrong"),
            )
        token, seconds = issue_token(user.id, settings)
        return Token(access_token=token, expires_in=seconds)

    @app.post(
        "/partnerships",
        status_code=201,
        response_model=None,
        responses={201: {"model": Partnership}, 401: {}, 403: {"model": Forbidden}},
        # the body is the library's Partnership (validated by kemitraan itself below)
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Partnership"}}
                },
            }
        },
    )
    def create(actor: Acting, data: Annotated[dict[str, Any], Body()]) -> JSONResponse:
        try:
            # what a client sends is new: no upgrade of old files (they are imported)
            partnership = load_json(Partnership, data, upgrade=False)
        except KemitraanError as exc:
            errors = exc.errors if isinstance(exc, InvalidDataError) else str(exc)
            raise HTTPException(422, errors) from exc
        authorize(partnership, Action.RECORD, actor)  # its institution's facilitators only
        if not ID.fullmatch(partnership.id):
            raise HTTPException(
                422,
                said(
                    "Id terdiri atas huruf, angka, '.', '_', dan '-'",
                    "An id is letters, digits, '.', '_' and '-'",
                ),
            )
        if partnership.history or partnership.stage is not Stage.MAPPING:
            raise HTTPException(
                422,
                said(
                    "Kemitraan baru dimulai pada langkah pertama tanpa riwayat; kemitraan yang "
                    "sudah berjalan diimpor dengan Store.import_jsonl",
                    "A new partnership starts at the first step with no history; "
                    "import existing ones with Store.import_jsonl",
                ),
            )
        try:
            with acting_as(actor):
                version = store.save(partnership, version=0)
        except VersionConflictError as exc:
            raise HTTPException(
                409,
                said(
                    f"Kemitraan {partnership.id!r} sudah ada",
                    f"Partnership {partnership.id!r} exists already",
                ),
            ) from exc
        answer = shown(actor, partnership, version)
        answer.status_code = 201
        return answer

    @app.get(
        "/partnerships",
        response_model=list[Summary],
        responses={401: {}, 403: {"model": Forbidden}},
    )
    def find(
        actor: Acting,
        stage: Annotated[str | None, Query(max_length=40)] = None,
        province: Annotated[str | None, Query(max_length=100)] = None,
        waiting_on: Annotated[str | None, Query(max_length=100)] = None,
        institution_id: Annotated[str | None, Query(max_length=100)] = None,
        renewal_due_by: date | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> list[Summary]:
        with acting_as(actor):  # the store lists only the institutions the policy gives
            scope = listing_scope()
            if institution_id is not None and scope is not None and institution_id not in scope:
                raise forbidden(
                    "not_this_institution",
                    Action.READ,
                    said(
                        f"{actor.name} tidak boleh melihat daftar kemitraan {institution_id!r}",
                        f"{actor.name} may not list the partnerships of {institution_id!r}",
                    ),
                )
            try:
                return store.find(
                    stage=stage,
                    province=province,
                    waiting_on=waiting_on,
                    institution_id=institution_id,
                    renewal_due_by=renewal_due_by,
                    limit=limit,
                    offset=offset,
                )
            except NotPermittedError:
                raise
            except (ValueError, KemitraanError) as exc:
                raise HTTPException(422, str(exc)) from exc

    @app.get(
        "/partnerships/{pid}",
        response_model=None,
        responses={200: {"model": Partnership}, 401: {}, 403: {"model": Forbidden}},
    )
    def read(actor: Acting, pid: str) -> JSONResponse:
        with acting_as(actor):
            stored = store.load(pid)
        return shown(actor, stored.partnership, stored.version)  # masked unless allowed

    @app.patch(
        "/partnerships/{pid}",
        response_model=None,
        responses={
            200: {"model": Partnership},
            401: {},
            403: {"model": Forbidden},
            409: {"model": Refusal},
        },
    )
    def record(
        actor: Acting,
        pid: str,
        fields: Annotated[dict[str, Any], Body(description="The data fields to set.")],
        if_match: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        if not fields:
            raise HTTPException(422, said("Tidak ada yang dicatat", "Nothing to record"))
        refused = sorted(set(fields) & PROTECTED)
        if refused:
            raise HTTPException(
                422,
                said(
                    f"{', '.join(refused)} hanya berubah melalui langkah dan tanda tangan",
                    f"{', '.join(refused)} change only through moves and signatures",
                ),
            )
        unknown = sorted(set(fields) - set(Partnership.model_fields))
        if unknown:
            raise HTTPException(
                422,
                said(
                    f"Kemitraan tidak memiliki isian {', '.join(unknown)}",
                    f"A partnership has no field {', '.join(unknown)}",
                ),
            )

        def apply(partnership: Partnership) -> None:
            for name, value in fields.items():
                setattr(partnership, name, value)  # validated and authorised, as every route is

        return changed(actor, pid, if_match, None, apply)

    @app.get(
        "/partnerships/{pid}/requirements",
        response_model=list[RequirementOut],
        responses={401: {}, 403: {"model": Forbidden}},
    )
    def unmet(
        actor: Acting,
        pid: str,
        move: Annotated[str | None, Query(max_length=40)] = None,
        accept_language: Annotated[str | None, Header()] = None,
    ) -> list[RequirementOut]:
        with acting_as(actor):
            partnership = store.get(pid)  # the store's load asks the policy
        try:
            found = partnership.unmet_requirements(move)
        except TransitionRefusedError as exc:
            raise HTTPException(409, Refusal(message=str(exc)).model_dump()) from exc
        return requirements(found, language(accept_language))

    @app.post(
        "/partnerships/{pid}/moves",
        response_model=None,
        responses={
            200: {"model": Partnership},
            401: {},
            403: {"model": Forbidden},
            409: {"model": Refusal},
            412: {},
            428: {},
        },
    )
    def move(
        actor: Acting,
        pid: str,
        request: MoveRequest,
        if_match: Annotated[str | None, Header()] = None,
        accept_language: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        def apply(p: Partnership) -> None:
            r = request
            if r.move == "advance":
                p.advance(note=r.note)
            elif r.move == "renew":
                p.renew(note=r.note)
            elif r.move == "decline":
                p.decline(r.reason or "")
            else:
                p.end(r.reason or "")

        return changed(actor, pid, if_match, accept_language, apply)

    @app.post(
        "/partnerships/{pid}/signatures",
        response_model=None,
        responses={
            200: {"model": Partnership},
            401: {},
            403: {"model": Forbidden},
            409: {"model": Refusal},
            412: {},
            428: {},
        },
    )
    def sign(
        actor: Acting,
        pid: str,
        request: SignatureRequest,
        if_match: Annotated[str | None, Header()] = None,
        accept_language: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        def apply(p: Partnership) -> None:
            r = request
            if r.document == "mou":
                p.sign(r.party_id, on=r.on, place=r.place)
            elif r.document == "pks":
                p.sign_pks(r.index, r.party_id, on=r.on, place=r.place)
            else:
                p.sign_addendum(r.index, r.party_id, on=r.on, place=r.place)

        return changed(actor, pid, if_match, accept_language, apply)

    @app.get(
        "/partnerships/{pid}/documents/{kind}",
        response_class=Response,
        responses={200: {"content": {DOCX: {}}}, 401: {}, 403: {"model": Forbidden}, 409: {}},
    )
    def document(
        actor: Acting,
        pid: str,
        kind: Literal["mou", "pks", "addendum", "laporan-monev"],
        index: Annotated[int, Query(ge=0, le=999)] = 0,
        on: date | None = None,
    ) -> Response:
        with acting_as(actor):
            p = store.get(pid)
        # a document prints names, NIPs and contacts unmasked
        authorize(p, Action.READ_PERSONAL_DATA, actor)
        try:
            if kind == "mou":
                data = render_document(p, kind="mou")
            elif kind == "laporan-monev":
                data = render_document(monitoring_report(p, on=on), partnership=p)
            else:
                held = p.cooperation_agreements if kind == "pks" else p.addenda
                if index >= len(held):
                    raise HTTPException(
                        404,
                        said(
                            f"Kemitraan ini tidak memiliki {kind} nomor {index}",
                            f"This partnership has no {kind} {index}",
                        ),
                    )
                data = render_document(held[index], partnership=p)
        except KemitraanError as exc:
            raise HTTPException(409, str(exc)) from exc
        assert isinstance(data, bytes)
        name = slugify(f"{pid}-{kind}{'-' + str(index) if kind in ('pks', 'addendum') else ''}")
        name = f"{name or 'dokumen'}.docx"
        return Response(
            data, media_type=DOCX, headers={"Content-Disposition": f'attachment; filename="{name}"'}
        )

    return app


def _store_url() -> str:
    return os.environ.get("KEMITRAAN_STORE_URL", "sqlite:///kemitraan.db")


_APP: list[FastAPI] = []


def __getattr__(name: str) -> FastAPI:
    """``app``, on the store ``KEMITRAAN_STORE_URL`` names, made when the server asks for it."""
    if name != "app":
        raise AttributeError(name)
    if not _APP:
        _APP.append(create_app(Store(_store_url()), Settings.from_env()))
    return _APP[0]


if __name__ == "__main__":
    from webapp_security.cli import main

    raise SystemExit(main())
