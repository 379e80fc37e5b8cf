"""DOCX documents: the MoU, the PKS, the addendum and the monitoring and evaluation report.

:func:`render_document` turns a :class:`~kemitraan.Partnership` (its agreement) or
an :class:`~kemitraan.Agreement` into a DOCX with the bundled template for its kind,
or with your own; :func:`render_documents` renders many with each template loaded
and compiled once, optionally across processes; :func:`to_pdf` converts with
LibreOffice when it is installed. The template language is docxtpl's Jinja, run in
a sandbox with autoescaping and strict undefined names; see ``docs/documents.md``
for the context a template receives.

Each kind of document is one module (:mod:`~kemitraan.documents.mou`,
:mod:`~kemitraan.documents.pks`, :mod:`~kemitraan.documents.addendum`,
:mod:`~kemitraan.documents.me_report`, the berita acara
:mod:`~kemitraan.documents.minutes`, the daftar hadir
:mod:`~kemitraan.documents.attendance`, the techniques' checklists
:mod:`~kemitraan.documents.checklists`) and one entry in the registry
(:func:`document_kinds`), which rendering dispatches through.

>>> from kemitraan.documents import document_kinds
>>> [kind.name for kind in document_kinds()]  # doctest: +NORMALIZE_WHITESPACE
['mou', 'pks', 'addendum', 'me_report', 'minutes', 'attendance', 'checklist', 'consolidated',
 'rekapitulasi']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, Final, overload

from pydantic import BaseModel

from kemitraan._files import AtomicBatch, fsync_folder
from kemitraan._progress import progress as counted
from kemitraan.conventions import number_text
from kemitraan.documents._agreement import agreement_context, missing_translations
from kemitraan.documents._registry import (
    DocumentKind,
    document_kind,
    document_kinds,
    register_document_kind,
)
from kemitraan.documents._render import (
    DocumentTemplate,
    bundled_template,
    clean_text,
    write_atomically,
)
from kemitraan.documents.me_report import MonitoringReport, monitoring_report
from kemitraan.documents.pdf import find_converter, to_pdf
from kemitraan.exceptions import AgreementNotReadyError, InvalidArgumentError
from kemitraan.findings import Severity
from kemitraan.partnerships import Partnership

__all__ = [
    "DocumentKind",
    "DocumentTemplate",
    "MonitoringReport",
    "agreement_context",
    "bundled_template",
    "clean_text",
    "document_kind",
    "document_kinds",
    "export_template",
    "find_converter",
    "load_template",
    "missing_translations",
    "monitoring_report",
    "register_document_kind",
    "render_document",
    "render_documents",
    "to_pdf",
]

TemplateSource = str | os.PathLike[str] | bytes | DocumentTemplate


def load_template(source: TemplateSource) -> DocumentTemplate:
    """Load and compile a template once (a path, bytes, or an already loaded one).

    >>> load_template(bundled_template("mou")) is bundled_template("mou")
    True
    """
    if isinstance(source, DocumentTemplate):
        return source
    return DocumentTemplate(source)


_EXTRA_SCALARS = (str, int, float, Decimal, bool, date, type(None))
_EXTRA_ITEMS: Final = 10_000
_EXTRA_DEPTH: Final = 8
_EXTRA_TEXT: Final = 100_000


def _extra(extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """The user's own values, checked: plain data a template can print, of bounded size."""
    if extra is None:
        return {}
    if not isinstance(extra, Mapping):
        raise InvalidArgumentError.saying(
            "extra must be a mapping, not a {kind}", kind=type(extra).__name__
        )
    seen = 0

    def plain(value: Any, where: str, depth: int) -> Any:
        nonlocal seen
        seen += 1
        if seen > _EXTRA_ITEMS or depth > _EXTRA_DEPTH:
            raise InvalidArgumentError.saying(
                "extra is too large at {where} (at most {most} values, nested {depth} deep)",
                where=where or "extra",
                most=partial(number_text, _EXTRA_ITEMS),
                depth=_EXTRA_DEPTH,
            )
        if isinstance(value, str) and len(value) > _EXTRA_TEXT:
            raise InvalidArgumentError.saying(
                "extra{where} is {size} characters long (at most {most})",
                where=where,
                size=partial(number_text, len(value)),
                most=partial(number_text, _EXTRA_TEXT),
            )
        if isinstance(value, _EXTRA_SCALARS):
            return value
        if isinstance(value, Mapping):
            out = {}
            for key, item in value.items():
                if not isinstance(key, str):
                    raise InvalidArgumentError.saying(
                        "extra{where}: keys must be text, not {key}", where=where, key=repr(key)
                    )
                out[key] = plain(item, f"{where}[{key!r}]", depth + 1)
            return out
        if isinstance(value, (list, tuple)):
            return [plain(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value)]
        raise InvalidArgumentError.saying(
            "extra{where} is a {kind}; give text, numbers, dates, booleans, "
            "or lists and mappings of them",
            where=where,
            kind=type(value).__name__,
        )

    result = plain(extra, "", 0)
    assert isinstance(result, dict)
    return result


def export_template(kind: str, target: str | os.PathLike[str]) -> Path:
    """Copy a bundled template out, as the starting point of a template of your own.

    Args:
        kind: The kind of document (``"mou"``, ``"pks"``, ``"addendum"``).
        target: Where to write it (atomically).

    Returns:
        The path written.

    Raises:
        UnknownDocumentKindError: no such kind is registered.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = export_template("pks", pathlib.Path(folder) / "my-pks.docx")
    ...     DocumentTemplate(path).variables >= {"parties", "articles", "verification_code"}
    True
    """
    return write_atomically(target, bundled_template(kind).source)


def _resolve(
    source: object, kind: str | None, partnership: Partnership | None
) -> tuple[DocumentKind, Any, Partnership | None]:
    """The kind that renders ``source``, what it renders, and the partnership it belongs to."""
    candidates = [document_kind(kind)] if kind is not None else document_kinds()
    for candidate in candidates:
        found = candidate.subject(source)
        if found is not None:
            subject, owner = found
            return candidate, subject, owner if owner is not None else partnership
    if isinstance(source, Partnership) and source.agreement is None:
        raise InvalidArgumentError.saying(
            "the partnership has no agreement yet (guide A.6); draft it before rendering"
        )
    if kind is not None:
        raise InvalidArgumentError.saying(
            "a {given} cannot be rendered as the document kind {kind}",
            given=type(source).__name__,
            kind=repr(kind),
        )
    raise InvalidArgumentError.saying(
        "a {given} cannot be rendered as any kind of document", given=type(source).__name__
    )


def _render_bytes(
    source: object,
    kind: str | None,
    template: TemplateSource | None,
    partnership: Partnership | None,
    draft: bool,
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    chosen, subject, owner = _resolve(source, kind, partnership)
    if not draft:
        errors = [f for f in chosen.check(subject) if f.severity is Severity.ERROR]
        if errors:
            raise AgreementNotReadyError(errors)
    built = chosen.context(subject, owner)  # a typed context, or an app's own mapping
    context = built.model_dump() if isinstance(built, BaseModel) else dict(built)
    context["draft"] = draft or bool(context.get("draft"))
    context["extra"] = _extra(extra)
    compiled = bundled_template(chosen.name) if template is None else load_template(template)
    return compiled.render(context)


@overload
def render_document(
    source: object,
    target: None = None,
    *,
    kind: str | None = None,
    template: TemplateSource | None = None,
    partnership: Partnership | None = None,
    draft: bool = False,
    extra: Mapping[str, Any] | None = None,
) -> bytes: ...


@overload
def render_document(
    source: object,
    target: str | os.PathLike[str],
    *,
    kind: str | None = None,
    template: TemplateSource | None = None,
    partnership: Partnership | None = None,
    draft: bool = False,
    extra: Mapping[str, Any] | None = None,
) -> Path: ...


def render_document(
    source: object,
    target: str | os.PathLike[str] | None = None,
    *,
    kind: str | None = None,
    template: TemplateSource | None = None,
    partnership: Partnership | None = None,
    draft: bool = False,
    extra: Mapping[str, Any] | None = None,
) -> bytes | Path:
    """Render an MoU, PKS or addendum (any registered kind) as DOCX, to bytes or to a file.

    Args:
        source: A partnership (its agreement is rendered) or an agreement.
        target: A path to write to (atomically); without one, the bytes are returned.
        kind: The kind of document (``"mou"``, ``"pks"``, ``"addendum"``, …); by
            default the kind that renders ``source`` (the agreement's own kind).
        template: Your own template (path, bytes or :class:`DocumentTemplate`); by
            default the bundled one for the kind.
        partnership: With an agreement as ``source`` (an addendum, say), the
            partnership it belongs to: for the work plan, and for an addendum the text it
            amends, whose articles it cites.
        draft: Render even when the kind's check finds errors; the document is then
            marked as a draft (``DRAF``) at the top.
        extra: Your own values for your own template (a letterhead, a logo's caption),
            under ``extra`` in the context: ``{{ extra.letterhead }}``. Keys are strings;
            values are text, numbers, dates, booleans, and lists or mappings of them.

    Returns:
        The DOCX bytes, or the path written.

    Raises:
        AgreementNotReadyError: the agreement's check finds errors (and not ``draft``).
        MissingTemplateVariablesError: the template uses a name the context lacks.
        MissingTranslationsError: a bilingual document lacks English wording.
        UnsafeTemplateError: the template reaches outside the sandbox.
        UnknownDocumentKindError: ``kind`` is not registered.
        InvalidArgumentError: nothing to render (a partnership without an agreement, a
            source the kind does not render), or ``extra`` holds something a template
            cannot take.

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> render_document(mou, draft=True)[:2]  # a DOCX is a zip archive
    b'PK'
    """
    data = _render_bytes(source, kind, template, partnership, draft, extra)
    if target is None:
        return data
    return write_atomically(target, data)


def _default_name(index: int, subject: Any) -> str:
    kind = getattr(subject, "kind", None)
    return f"{index + 1:05d}-{getattr(kind, 'value', 'document')}.docx"


_WORKER_TEMPLATE: DocumentTemplate | None = None
_WORKER_OPTIONS: tuple[str | None, bool, dict[str, Any]] = (None, False, {})


def _init_worker(
    template: bytes | None, kind: str | None, draft: bool, extra: dict[str, Any]
) -> None:
    global _WORKER_TEMPLATE, _WORKER_OPTIONS  # one compiled template per worker process
    _WORKER_TEMPLATE = None if template is None else DocumentTemplate(template)
    _WORKER_OPTIONS = (kind, draft, extra)


def _render_job(job: tuple[object, Partnership | None, str]) -> str:
    source, partnership, path = job
    kind, draft, extra = _WORKER_OPTIONS
    data = _render_bytes(source, kind, _WORKER_TEMPLATE, partnership, draft, extra)
    return str(write_atomically(path, data, sync_folder=False))  # the parent flushes the folder


def render_documents(
    sources: Iterable[object],
    out_dir: str | os.PathLike[str],
    *,
    kind: str | None = None,
    template: TemplateSource | None = None,
    name: Callable[[int, Any], str] = _default_name,
    processes: int | None = None,
    draft: bool = False,
    extra: Mapping[str, Any] | None = None,
    progress: bool | None = None,
) -> list[Path]:
    """Render many documents into ``out_dir``, each template loaded and compiled once.

    Args:
        sources: Partnerships or agreements.
        out_dir: The folder to write to (created when missing).
        kind: As for :func:`render_document`.
        template: One template for all (path, bytes or loaded); by default the
            bundled template of each document's kind.
        name: The file name for the ``index``-th document, given what it renders.
        processes: Render across this many worker processes (each compiles the
            template once); ``None`` or ``1`` renders in this process.
        draft: As for :func:`render_document`.
        extra: As for :func:`render_document`, the same for every document.
        progress: Show a progress bar (``None``: once the batch has run two seconds, when
            tqdm is installed; ``False``: never).

    Returns:
        The paths written, in the order of ``sources``.

    >>> import tempfile
    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in render_documents([mou, mou], folder, draft=True)]
    ['00001-mou.docx', '00002-mou.docx']
    """
    checked = _extra(extra)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[object, Partnership | None, str]] = []
    for index, source in enumerate(sources):
        _chosen, subject, owner = _resolve(source, kind, None)
        jobs.append((source, owner, str(folder / name(index, subject))))
    compiled = None if template is None else load_template(template)
    if processes is None or processes <= 1:
        # Each file is written (and on disk) while the next renders; the folders are
        # flushed once, before this returns (kemitraan._files.AtomicBatch).
        with AtomicBatch() as batch:
            for source, owner, path in counted(
                jobs, what="Menulis dokumen", total=len(jobs), enabled=progress
            ):
                batch.write(path, _render_bytes(source, kind, compiled, owner, draft, checked))
        return batch.paths
    shipped = None if compiled is None else compiled.source
    with ProcessPoolExecutor(
        max_workers=processes, initializer=_init_worker, initargs=(shipped, kind, draft, checked)
    ) as pool:
        chunk = max(1, len(jobs) // (processes * 4))
        try:
            done = pool.map(_render_job, jobs, chunksize=chunk)
            shown = counted(done, what="Menulis dokumen", total=len(jobs), enabled=progress)
            return [Path(p) for p in shown]
        finally:  # each worker's files are on disk; their names, once per folder, here
            for written in dict.fromkeys(Path(path).parent for _, _, path in jobs):
                fsync_folder(written)
