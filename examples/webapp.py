"""A web app on kemitraan's store: partnerships over HTTP, with FastAPI.

Run it (``pip install 'kemitraan[web]'``)::

    KEMITRAAN_STORE_URL=sqlite:///kemitraan.db uvicorn webapp:app --app-dir examples

Every partnership has a version, sent as its ``ETag``. A request that changes one names
the version it read in ``If-Match``: a stale version gets ``412 Precondition Failed`` and
changes nothing; a missing one ``428``. A move the guide refuses gets ``409 Conflict``
with the unmet requirements, in the language the client asks for (``Accept-Language: en``
or ``id``). The OpenAPI schema (``/openapi.json``, ``/docs``) is made from the library's
own models.

Routes:

- ``POST /partnerships`` creates one; ``GET /partnerships`` finds them by the store's
  columns (stage, province, waiting on a requirement, renewal due, …);
- ``GET /partnerships/{id}`` reads one; ``PATCH /partnerships/{id}`` records a step's data
  (any of its data fields: partners, relevance, explorations, work plan, agreement, …);
- ``GET /partnerships/{id}/requirements`` says what the next step (or another move) needs;
- ``POST /partnerships/{id}/moves`` advances, declines, ends or renews;
- ``POST /partnerships/{id}/signatures`` records a party signing the MoU, a PKS or an
  addendum;
- ``GET /partnerships/{id}/documents/{kind}`` downloads the MoU, a PKS, an addendum or the
  monitoring and evaluation report as DOCX.
"""

import os
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from slugify import slugify

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
from kemitraan.exceptions import TransitionRefusedError, VersionConflictError
from kemitraan.findings import Requirement
from kemitraan.store import Store, Summary

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ETAG = re.compile(r'"(\d{1,18})"')
ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
#: Fields a client may not set: they change only through moves and signatures.
PROTECTED = frozenset({"id", "schema_version", "stage", "cycle", "history"})


class MoveRequest(BaseModel):
    """A lifecycle move."""

    move: Literal["advance", "decline", "end", "renew"]
    actor: str | None = None
    note: str | None = None
    reason: str | None = Field(default=None, description="Why, for decline and end.")
    at: datetime | None = None


class SignatureRequest(BaseModel):
    """A party signing the MoU, a PKS or an addendum (by its index)."""

    document: Literal["mou", "pks", "addendum"] = "mou"
    index: int = Field(default=0, ge=0)
    party_id: str
    on: date
    place: str | None = None
    actor: str | None = None
    at: datetime | None = None


class RequirementOut(BaseModel):
    """An unmet requirement, in the client's language."""

    code: str
    message: str
    basis: str


class Refusal(BaseModel):
    """Why a move was refused (409)."""

    message: str
    unmet: list[RequirementOut] = []


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


def create_app(store: Store) -> FastAPI:
    """The app, on ``store``."""
    app = FastAPI(title="kemitraan", description=(__doc__ or "").split("\n\n")[0])

    @app.exception_handler(NotFoundError)
    def not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(VersionConflictError)
    def conflict(_: Request, exc: VersionConflictError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "current": exc.current}, status_code=412)

    def loaded(pid: str, if_match: str | None) -> tuple[Partnership, int]:
        if if_match is None or if_match.strip() == "*":
            raise HTTPException(428, "name the version you read in If-Match, as its ETag")
        stored = store.load(pid)
        tag = if_match.strip()
        if tag.startswith("W/"):  # a weak tag never matches: If-Match compares strongly
            raise VersionConflictError(pid, expected=-1, current=stored.version)
        found = ETAG.fullmatch(tag)
        if found is None:
            raise HTTPException(400, f'If-Match must be one ETag, such as "3": {tag[:40]!r}')
        if int(found.group(1)) != stored.version:
            raise VersionConflictError(pid, expected=int(found.group(1)), current=stored.version)
        return stored.partnership, stored.version

    def saved(partnership: Partnership, version: int, response: Response) -> Partnership:
        response.headers["ETag"] = f'"{store.save(partnership, version=version)}"'
        return partnership

    def changed(
        pid: str,
        if_match: str | None,
        accept: str | None,
        response: Response,
        change: Callable[[Partnership], object],
    ) -> Partnership:
        partnership, version = loaded(pid, if_match)
        try:
            change(partnership)
        except RequirementsUnmetError as exc:
            lang = language(accept)
            body = Refusal(message=refusal_message(exc, lang), unmet=requirements(exc.unmet, lang))
            raise HTTPException(409, body.model_dump()) from exc
        except ValidationError as exc:
            raise HTTPException(422, exc.errors(include_url=False, include_input=False)) from exc
        except KemitraanError as exc:  # refused by the guide's rules or the data's integrity
            raise HTTPException(409, Refusal(message=str(exc)).model_dump()) from exc
        return saved(partnership, version, response)

    @app.post(
        "/partnerships",
        status_code=201,
        response_model=Partnership,
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
    def create(data: Annotated[dict[str, Any], Body()], response: Response) -> Partnership:
        try:
            # what a client sends is new: no upgrade of old files (they are imported)
            partnership = load_json(Partnership, data, upgrade=False)
        except KemitraanError as exc:
            errors = exc.errors if isinstance(exc, InvalidDataError) else str(exc)
            raise HTTPException(422, errors) from exc
        if not ID.fullmatch(partnership.id):
            raise HTTPException(422, "an id is letters, digits, '.', '_' and '-'")
        if partnership.history or partnership.stage is not Stage.MAPPING:
            raise HTTPException(
                422,
                "a new partnership starts at the first step with no history; "
                "import existing ones with Store.import_jsonl",
            )
        try:
            return saved(partnership, 0, response)
        except VersionConflictError as exc:
            raise HTTPException(409, f"partnership {partnership.id!r} exists already") from exc

    @app.get("/partnerships", response_model=list[Summary])
    def find(
        stage: str | None = None,
        province: str | None = None,
        waiting_on: str | None = None,
        renewal_due_by: date | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> list[Summary]:
        try:
            return store.find(
                stage=stage,
                province=province,
                waiting_on=waiting_on,
                renewal_due_by=renewal_due_by,
                limit=limit,
                offset=offset,
            )
        except (ValueError, KemitraanError) as exc:
            raise HTTPException(422, str(exc)) from exc

    @app.get("/partnerships/{pid}", response_model=Partnership)
    def read(pid: str, response: Response) -> Partnership:
        stored = store.load(pid)
        response.headers["ETag"] = f'"{stored.version}"'
        return stored.partnership

    @app.patch("/partnerships/{pid}", response_model=Partnership)
    def record(
        pid: str,
        response: Response,
        fields: Annotated[dict[str, Any], Body(description="The data fields to set.")],
        if_match: Annotated[str | None, Header()] = None,
    ) -> Partnership:
        if not fields:
            raise HTTPException(422, "nothing to record")
        refused = sorted(set(fields) & PROTECTED)
        if refused:
            raise HTTPException(422, f"{', '.join(refused)} change only through moves")
        unknown = sorted(set(fields) - set(Partnership.model_fields))
        if unknown:
            raise HTTPException(422, f"a partnership has no field {', '.join(unknown)}")

        def apply(partnership: Partnership) -> None:
            for name, value in fields.items():
                setattr(partnership, name, value)  # validated, as every route is

        return changed(pid, if_match, None, response, apply)

    @app.get("/partnerships/{pid}/requirements", response_model=list[RequirementOut])
    def unmet(
        pid: str,
        move: str | None = None,
        accept_language: Annotated[str | None, Header()] = None,
    ) -> list[RequirementOut]:
        try:
            found = store.get(pid).unmet_requirements(move)
        except TransitionRefusedError as exc:
            raise HTTPException(409, Refusal(message=str(exc)).model_dump()) from exc
        return requirements(found, language(accept_language))

    @app.post(
        "/partnerships/{pid}/moves",
        response_model=Partnership,
        responses={409: {"model": Refusal}, 412: {}, 428: {}},
    )
    def move(
        pid: str,
        request: MoveRequest,
        response: Response,
        if_match: Annotated[str | None, Header()] = None,
        accept_language: Annotated[str | None, Header()] = None,
    ) -> Partnership:
        def apply(p: Partnership) -> None:
            r = request
            if r.move == "advance":
                p.advance(actor=r.actor, note=r.note, at=r.at)
            elif r.move == "renew":
                p.renew(actor=r.actor, note=r.note, at=r.at)
            elif r.move == "decline":
                p.decline(r.reason or "", actor=r.actor, at=r.at)
            else:
                p.end(r.reason or "", actor=r.actor, at=r.at)

        return changed(pid, if_match, accept_language, response, apply)

    @app.post(
        "/partnerships/{pid}/signatures",
        response_model=Partnership,
        responses={409: {"model": Refusal}, 412: {}, 428: {}},
    )
    def sign(
        pid: str,
        request: SignatureRequest,
        response: Response,
        if_match: Annotated[str | None, Header()] = None,
        accept_language: Annotated[str | None, Header()] = None,
    ) -> Partnership:
        def apply(p: Partnership) -> None:
            r = request
            if r.document == "mou":
                p.sign(r.party_id, on=r.on, place=r.place, actor=r.actor, at=r.at)
            elif r.document == "pks":
                p.sign_pks(r.index, r.party_id, on=r.on, place=r.place, actor=r.actor, at=r.at)
            else:
                p.sign_addendum(r.index, r.party_id, on=r.on, place=r.place, actor=r.actor, at=r.at)

        return changed(pid, if_match, accept_language, response, apply)

    @app.get(
        "/partnerships/{pid}/documents/{kind}",
        response_class=Response,
        responses={200: {"content": {DOCX: {}}}, 409: {}},
    )
    def document(
        pid: str,
        kind: Literal["mou", "pks", "addendum", "laporan-monev"],
        index: Annotated[int, Query(ge=0)] = 0,
        on: date | None = None,
    ) -> Response:
        p = store.get(pid)
        try:
            if kind == "mou":
                data = render_document(p, kind="mou")
            elif kind == "laporan-monev":
                data = render_document(monitoring_report(p, on=on), partnership=p)
            else:
                held = p.cooperation_agreements if kind == "pks" else p.addenda
                if index >= len(held):
                    raise HTTPException(404, f"this partnership has no {kind} {index}")
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


_APP: list[FastAPI] = []


def __getattr__(name: str) -> FastAPI:
    """``app``, on the store ``KEMITRAAN_STORE_URL`` names, made when the server asks for it."""
    if name != "app":
        raise AttributeError(name)
    if not _APP:
        _APP.append(
            create_app(Store(os.environ.get("KEMITRAAN_STORE_URL", "sqlite:///kemitraan.db")))
        )
    return _APP[0]
