"""DOCX documents: the MoU, the PKS and the addendum, in conventional Indonesian form.

>>> from kemitraan.documents import render_document

:func:`render_document` turns a :class:`~kemitraan.Partnership` (its agreement) or an
:class:`~kemitraan.Agreement` into a DOCX with the bundled template for its kind,
or with your own; :func:`render_documents` renders many with each template loaded and
compiled once, optionally across processes; :func:`to_pdf` converts with
LibreOffice when it is installed. The template language is docxtpl's Jinja, run in
a sandbox with autoescaping and strict undefined names; see ``docs/documents.md``
for the context a template receives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, overload

from kemitraan.agreements import Agreement
from kemitraan.documents._render import (
    DocumentTemplate,
    bundled_template,
    clean_text,
    write_atomically,
)
from kemitraan.documents.mou import agreement_context, missing_translations
from kemitraan.documents.pdf import find_converter, to_pdf
from kemitraan.exceptions import AgreementNotReadyError
from kemitraan.findings import Severity
from kemitraan.partnerships import Partnership

__all__ = [
    "DocumentTemplate",
    "agreement_context",
    "bundled_template",
    "clean_text",
    "find_converter",
    "load_template",
    "missing_translations",
    "render_document",
    "render_documents",
    "to_pdf",
]

TemplateSource = str | os.PathLike[str] | bytes | DocumentTemplate
Source = Agreement | Partnership


def load_template(source: TemplateSource) -> DocumentTemplate:
    """Load and compile a template once (a path, bytes, or an already loaded one)."""
    if isinstance(source, DocumentTemplate):
        return source
    return DocumentTemplate(source)


def _resolve(
    source: Source, partnership: Partnership | None
) -> tuple[Agreement, Partnership | None]:
    if isinstance(source, Partnership):
        if source.agreement is None:
            raise ValueError(
                "the partnership has no agreement yet (guide A.6); draft it before rendering"
            )
        return source.agreement, source
    return source, partnership


def _template_for(agreement: Agreement, template: TemplateSource | None) -> DocumentTemplate:
    if template is None:
        return bundled_template(agreement.kind.value)
    return load_template(template)


def _render_bytes(
    source: Source,
    template: TemplateSource | None,
    partnership: Partnership | None,
    draft: bool,
) -> bytes:
    agreement, owner = _resolve(source, partnership)
    if not draft:
        errors = [f for f in agreement.check() if f.severity is Severity.ERROR]
        if errors:
            raise AgreementNotReadyError(errors)
    context = agreement_context(agreement, partnership=owner)
    context["draft"] = draft
    return _template_for(agreement, template).render(context)


@overload
def render_document(
    source: Source,
    target: None = None,
    *,
    template: TemplateSource | None = None,
    partnership: Partnership | None = None,
    draft: bool = False,
) -> bytes: ...


@overload
def render_document(
    source: Source,
    target: str | os.PathLike[str],
    *,
    template: TemplateSource | None = None,
    partnership: Partnership | None = None,
    draft: bool = False,
) -> Path: ...


def render_document(
    source: Source,
    target: str | os.PathLike[str] | None = None,
    *,
    template: TemplateSource | None = None,
    partnership: Partnership | None = None,
    draft: bool = False,
) -> bytes | Path:
    """Render an MoU, PKS or addendum as DOCX, to bytes or to a file.

    Args:
        source: A partnership (its agreement is rendered) or an agreement.
        target: A path to write to (atomically); without one, the bytes are returned.
        template: Your own template (path, bytes or :class:`DocumentTemplate`); by
            default the bundled one for the agreement's kind.
        partnership: With an agreement as ``source`` (an addendum, say), the
            partnership it belongs to, for the work plan.
        draft: Render even when :meth:`~kemitraan.Agreement.check` finds errors; the
            document is then marked as a draft (``DRAF``) at the top.

    Returns:
        The DOCX bytes, or the path written.

    Raises:
        AgreementNotReadyError: the agreement's check finds errors (and not ``draft``).
        MissingTemplateVariablesError: the template uses a name the context lacks.
        MissingTranslationsError: a bilingual document lacks English wording.
        UnsafeTemplateError: the template reaches outside the sandbox.
        ValueError: a partnership without an agreement.

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> render_document(mou, draft=True)[:2]  # a DOCX is a zip archive
    b'PK'
    """
    data = _render_bytes(source, template, partnership, draft)
    if target is None:
        return data
    return write_atomically(target, data)


def _default_name(index: int, agreement: Agreement) -> str:
    return f"{index + 1:05d}-{agreement.kind.value}.docx"


_WORKER_TEMPLATE: DocumentTemplate | None = None
_WORKER_DRAFT = False


def _init_worker(template: TemplateSource | None, draft: bool) -> None:
    global _WORKER_TEMPLATE, _WORKER_DRAFT  # one compiled template per worker process
    _WORKER_TEMPLATE = None if template is None else load_template(template)
    _WORKER_DRAFT = draft


def _render_job(job: tuple[Source, Partnership | None, str]) -> str:
    source, partnership, path = job
    data = _render_bytes(source, _WORKER_TEMPLATE, partnership, _WORKER_DRAFT)
    return str(write_atomically(path, data))


def render_documents(
    sources: Iterable[Source],
    out_dir: str | os.PathLike[str],
    *,
    template: TemplateSource | None = None,
    name: Callable[[int, Agreement], str] = _default_name,
    processes: int | None = None,
    draft: bool = False,
) -> list[Path]:
    """Render many documents into ``out_dir``, each template loaded and compiled once.

    Args:
        sources: Partnerships or agreements.
        out_dir: The folder to write to (created when missing).
        template: One template for all (path or bytes); by default the bundled
            template of each agreement's kind.
        name: The file name for the ``index``-th agreement.
        processes: Render across this many worker processes (each compiles the
            template once); ``None`` or ``1`` renders in this process.
        draft: As for :func:`render_document`.

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
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[Source, Partnership | None, str]] = []
    for index, source in enumerate(sources):
        agreement, owner = _resolve(source, None)
        jobs.append((source, owner, str(folder / name(index, agreement))))
    if processes is None or processes <= 1:
        compiled = None if template is None else load_template(template)
        return [
            write_atomically(path, _render_bytes(source, compiled, owner, draft))
            for source, owner, path in jobs
        ]
    shipped: Any = template
    if isinstance(template, DocumentTemplate):
        raise TypeError("with processes, pass the template as a path or bytes, not loaded")
    with ProcessPoolExecutor(
        max_workers=processes, initializer=_init_worker, initargs=(shipped, draft)
    ) as pool:
        chunk = max(1, len(jobs) // (processes * 4))
        return [Path(p) for p in pool.map(_render_job, jobs, chunksize=chunk)]
