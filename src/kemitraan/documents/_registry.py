"""The registry of document kinds: each kind is one module plus one entry here.

A :class:`DocumentKind` says what a kind is called, which bundled template and
layout it has, which sources it renders (an agreement of its kind, a partnership
holding one, …), how it builds its context and what keeps a document of it from
being final. :func:`kemitraan.render_document` and
:func:`kemitraan.render_documents` dispatch through here, and so does
``tools/build_templates.py``, which draws each kind's bundled template.

The built-in kinds load on first use from the modules named in :data:`BUILT_IN`;
an app adds its own with :func:`register_document_kind`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, TypeAlias

from pydantic import BaseModel

from kemitraan._base import BilingualText
from kemitraan.exceptions import UnknownDocumentKindError
from kemitraan.findings import Finding
from kemitraan.partnerships import Partnership

__all__ = [
    "BUILT_IN",
    "Checker",
    "ContextBuilder",
    "DocumentKind",
    "SubjectFinder",
    "document_kind",
    "document_kinds",
    "register_document_kind",
]

# What a kind renders (an Agreement, a MonitoringReport, an app's own record) differs from
# kind to kind, and the registry holds them all: the subject is Any, the rest is typed.
SubjectFinder: TypeAlias = Callable[[object], tuple[Any, Partnership | None] | None]
"""Given any source, the thing a kind renders from it and the partnership it belongs to
(when the source says), or ``None`` when the kind does not render that source."""

ContextBuilder: TypeAlias = Callable[[Any, Partnership | None], BaseModel | Mapping[str, Any]]
"""The template's context, from the subject and its partnership (or ``None``): a typed
context model (:class:`~kemitraan.documents.context.AgreementContext`,
:class:`~kemitraan.documents.report_context.MonitoringReportContext`), or a mapping."""

Checker: TypeAlias = Callable[[Any], list[Finding]]
"""The findings about a subject whose errors keep a document of it from being final."""

BUILT_IN: Final = {
    "mou": "kemitraan.documents.mou",
    "pks": "kemitraan.documents.pks",
    "addendum": "kemitraan.documents.addendum",
    "me_report": "kemitraan.documents.me_report",
    "minutes": "kemitraan.documents.minutes",
    "attendance": "kemitraan.documents.attendance",
    "checklist": "kemitraan.documents.checklists",
    "consolidated": "kemitraan.documents.consolidated",
    "rekapitulasi": "kemitraan.documents.rekapitulasi",
}
"""The built-in kinds and the module that declares each (as ``KIND``)."""


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: its name, bundled template, and how it is built from data.

    >>> from kemitraan.documents import document_kind
    >>> kind = document_kind("mou")
    >>> kind.title.indonesian, kind.template
    ('Nota Kesepahaman', 'mou.docx')
    """

    name: str
    """Stable name (``"mou"``), used for ``render_document(..., kind=...)`` and file names."""
    title: BilingualText
    """What the document is called."""
    template: str
    """The bundled template's file name, in ``kemitraan/documents/templates/``."""
    layout: str
    """The layout ``tools/build_templates.py`` draws the template with."""
    subject: SubjectFinder
    """The thing rendered and its partnership, for a source this kind renders; else ``None``."""
    context: ContextBuilder
    """The template's context, from the subject and its partnership (or ``None``): a typed
    model, as the built-in kinds give, or a mapping."""
    check: Checker
    """The findings whose errors keep a document of the subject from being final."""


_REGISTERED: dict[str, DocumentKind] = {}


def register_document_kind(kind: DocumentKind) -> DocumentKind:
    """Add a kind of document (or replace one of the same name); return it.

    >>> from kemitraan.documents import document_kind, register_document_kind
    >>> register_document_kind(document_kind("mou")).name
    'mou'
    """
    _REGISTERED[kind.name] = kind
    return kind


def document_kind(name: str) -> DocumentKind:
    """The kind called ``name``.

    Raises:
        UnknownDocumentKindError: no such kind is registered.

    >>> document_kind("pks").title.english
    'Cooperation Agreement'
    """
    if name not in _REGISTERED and name in BUILT_IN:
        register_document_kind(importlib.import_module(BUILT_IN[name]).KIND)
    try:
        return _REGISTERED[name]
    except KeyError:
        raise UnknownDocumentKindError(name, sorted({*BUILT_IN, *_REGISTERED})) from None


def document_kinds() -> list[DocumentKind]:
    """Every kind: the built-in ones first, in their order, then those added.

    >>> [kind.name for kind in document_kinds()][:3]
    ['mou', 'pks', 'addendum']
    """
    for name in BUILT_IN:
        document_kind(name)
    return [
        *(_REGISTERED[n] for n in BUILT_IN),
        *(k for n, k in _REGISTERED.items() if n not in BUILT_IN),
    ]
