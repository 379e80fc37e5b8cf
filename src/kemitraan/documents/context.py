"""What a template of an agreement receives: the typed reference of template variables.

Every bundled template, and any template of your own, is rendered with one
:class:`AgreementContext`: the finished sentences in Indonesian and English (each
``x`` with its ``x_en`` twin, empty when the document is Indonesian only) and the raw
values behind them (dates, amounts, identifiers, the authority of each signer), so a
layout of your own can say things its own way. Your own keys go in through
``render_document(..., extra={...})`` and arrive under ``extra``.

The JSON Schema of this model is the reference of template variables
(``docs/template-context.md`` is generated from it).

>>> sorted(AgreementContext.model_json_schema()["properties"])[:4]
['about', 'about_en', 'amends', 'annexes']
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from kemitraan.documents._context_model import ContextModel
from kemitraan.documents.minutes_context import (
    AttendanceContext,
    ChecklistContext,
    MinutesContext,
    RekapitulasiContext,
)
from kemitraan.documents.report_context import MonitoringReportContext

__all__ = [
    "AgreementContext",
    "ArticleContext",
    "ConsiderationContext",
    "FundingContext",
    "IdentifierLine",
    "NumberLine",
    "ParagraphContext",
    "PartyContext",
    "PointContext",
    "QuoteLine",
    "ReferenceContext",
    "RowContext",
    "SignatureContext",
    "SignatureRow",
    "TitleLine",
]


class TitleLine(ContextModel):
    """A line of the title block's party list: a party's name in capitals, or ``DAN``."""

    text: str
    """``PKBM HARAPAN BANGSA`` or ``DAN``."""
    text_en: str
    """The same in English (``AND``)."""


class NumberLine(ContextModel):
    """One party's number for the document, printed under the title (``NOMOR: …``)."""

    party: str
    """The party's name."""
    label: str
    """``PIHAK PERTAMA``, …"""
    number: str
    """The number (a dotted blank in a draft that lacks it)."""


class IdentifierLine(ContextModel):
    """One registration number of a party: ``NIB 9120001234567``."""

    label: str
    """``NPSN``, ``NIB`` or ``NPWP``."""
    value: str
    """The number as printed."""


class PartyContext(ContextModel):
    """One party's block in the opening, and the raw facts about it."""

    index: int
    """1 for PIHAK PERTAMA, 2 for PIHAK KEDUA, …"""
    id: str
    """The party's id."""
    label: str
    """``PIHAK PERTAMA``."""
    label_en: str
    """``THE FIRST PARTY``."""
    institution: str
    """The party's name."""
    name: str
    """The signer's name, with titles."""
    position: str
    """The signer's position (*jabatan*), in full."""
    position_en: str
    """Its English (a foreign party's position as it is)."""
    nip: str
    """The signer's NIP in its printed groups (``19700101 199503 1 001``), or empty."""
    rank: str
    """A civil servant's rank (*pangkat/golongan*), or empty."""
    nik: str
    """The NIK of a signer who is no official (a group's chair, an individual), masked as
    ``6303********0002`` (UU 27/2022), or empty."""
    address: str
    """The party's address (or its region)."""
    authority: str
    """The clause stating the signer's authority (``yang diangkat berdasarkan Keputusan …``),
    or empty when none is recorded."""
    authority_en: str
    """Its English."""
    authority_kind: str
    """The kind of instrument (``appointment``, ``deed``, …), or empty."""
    authority_number: str
    """The instrument's number, or empty."""
    authority_date: datetime.date | None
    """The instrument's date, when known."""
    instruments: list[str]
    """The clauses of the further instruments that give the signer capacity for the party's
    legal form (``berdasarkan Surat Kuasa … dari Pengurus Yayasan …``, the members' mandate,
    a delegation), in the order ``acting`` prints them after ``authority``."""
    instruments_en: list[str]
    """Their English."""
    acting: str
    """``Dalam hal ini bertindak … untuk dan atas nama …, selanjutnya disebut PIHAK PERTAMA.``"""
    acting_en: str
    """Its English."""
    statement: str
    """The whole block as one sentence: name, position, office, and ``acting``."""
    statement_en: str
    """Its English."""
    number: str
    """The party's number for the document, or empty."""
    is_institution: bool
    """Whether the party is the education unit."""
    kind: str
    """What kind of party it is, in Indonesian (``Dunia usaha``, ``Lembaga``, …)."""
    nib: str
    """Its business registration number (NIB), or empty."""
    npsn: str
    """Its education unit number (NPSN), or empty."""
    npwp: str
    """Its tax number (NPWP) in its printed groups, or empty (never a person's)."""
    identifiers: list[IdentifierLine]
    """The registration numbers the block prints after the party's name: NPSN, NIB, NPWP."""
    region: str
    """Its region, in words, or empty."""
    email: str
    """Its institutional e-mail address (never a personal one), or empty."""
    phone: str
    """Its institutional phone number (never a personal one), or empty."""


class ConsiderationContext(ContextModel):
    """One lettered consideration: ``a. bahwa …;``."""

    letter: str
    """``a``, ``b``, …"""
    text: str
    """``bahwa …;``"""
    text_en: str
    """``whereas …;``"""


class PointContext(ContextModel):
    """A lettered point of a paragraph."""

    letter: str
    """``a``, ``b``, …"""
    text: str
    """The point, ending in ``;`` (``.`` for the last)."""
    text_en: str
    """Its English."""
    last: bool
    """Whether it is the last point (layouts keep the others with the next)."""


class QuoteLine(ContextModel):
    """A line an addendum quotes: the new wording of an amended article."""

    kind: Literal["heading", "title", "text", "point"]
    """A quoted ``Pasal`` heading, its title, a paragraph, or a lettered point."""
    num: str
    """``(1)`` for a numbered paragraph, ``a.`` for a point, or empty."""
    text: str
    """The wording."""
    text_en: str
    """Its English."""


class ParagraphContext(ContextModel):
    """A paragraph of an article: ``(1) …`` with its points and any quoted lines."""

    num: str
    """``(1)``, ``(2)``, … when the article has several paragraphs, else empty."""
    text: str
    """The paragraph."""
    text_en: str
    """Its English."""
    points: list[PointContext]
    """Its lettered points."""
    quoted: list[QuoteLine] = Field(default_factory=list)
    """For an addendum: the new wording the paragraph introduces."""


class ArticleContext(ContextModel):
    """An article (*Pasal*), numbered without gaps."""

    number: str
    """``1``, ``2``, … (an inserted one ``5A``)."""
    key: str
    """What the article is about (``term``, ``financing``, …), stable across documents."""
    heading: str
    """``Pasal 1``."""
    heading_en: str
    """``Article 1``."""
    title: str
    """``MAKSUD DAN TUJUAN``."""
    title_en: str
    """``PURPOSE AND OBJECTIVES``."""
    paragraphs: list[ParagraphContext]
    """Its paragraphs."""


class SignatureContext(ContextModel):
    """One party's signature column."""

    label: str
    """``PIHAK PERTAMA``."""
    label_en: str
    """``THE FIRST PARTY``."""
    on_behalf: str = ""
    """``a.n. BUPATI BANJAR`` above the position when the signer acts on a regional
    head's mandate (a surat kuasa or surat tugas: UU 30/2014 Pasal 14); else empty."""
    institution: str
    """The party's name."""
    position: str
    """The signer's position without the party's name (``Ketua`` under ``PKBM …``)."""
    position_en: str
    """Its English."""
    name: str
    """The signer's name."""
    nip: str
    """``NIP 19700101 199503 1 001``, or empty."""
    rank: str
    """The signer's rank (*pangkat/golongan*), printed under the NIP, or empty."""
    meterai: str
    """The text inside the meterai box, in the one column whose signature is made on the
    original's meterai (``Agreement.meterai_on``); empty in the others."""
    signed_on: datetime.date | None
    """When the signer signed, once recorded."""
    signed_at: str
    """Where the signer signed, once recorded."""


class SignatureRow(ContextModel):
    """Two signature columns side by side (one, spanning both, for an odd last party)."""

    cells: list[SignatureContext]
    """The columns."""
    span: int
    """1, or 2 when the row has one column."""
    ranks: bool
    """Whether a signer in the row has a rank to print (its line is left out otherwise)."""
    mandates: bool = False
    """Whether a signer in the row signs ``a.n.`` a regional head (its line is left out
    otherwise)."""


class RowContext(ContextModel):
    """A row of the bilingual layout: the Indonesian beside the English."""

    kind: Literal["text", "item", "heading", "quote", "quote_heading"]
    """How the row is laid out."""
    id: str
    """The Indonesian."""
    en: str
    """The English."""


class FundingContext(ContextModel):
    """One source of financing, raw and in words."""

    source: str
    """Who or what pays (a party's label, or the source's name)."""
    source_en: str
    """Its English."""
    amount: Decimal
    """The amount in rupiah."""
    amount_text: str
    """``Rp59.000.000,00 (lima puluh sembilan juta rupiah)``."""
    purpose: str
    """What it pays for, or empty."""


class ReferenceContext(ContextModel):
    """The agreement this one amends or implements."""

    kind: str
    """``Nota Kesepahaman``, …"""
    kind_en: str
    """``Memorandum of Understanding``, …"""
    numbers: list[str]
    """Its numbers."""
    made_on: datetime.date
    """Its date."""
    date: str
    """Its date in words (``10 Maret 2025``)."""
    subject: str
    """Its subject."""


class AnnexMember(ContextModel):
    """One member in an annex's list."""

    number: int
    """Its number in the list, from 1."""
    name: str
    """The member's name."""
    nik: str
    """The NIK, masked (``6303********0002``), or ``-``."""


class AnnexContext(ContextModel):
    """An annex (*Lampiran*) a party block refers to: the members who gave a mandate."""

    label: str
    """The party it belongs to (``PIHAK KEDUA``)."""
    heading: str
    """``LAMPIRAN NOTA KESEPAHAMAN``."""
    heading_en: str
    """Its English."""
    title: str
    """``DAFTAR ANGGOTA KUBE RAJUT LESTARI PEMBERI MANDAT``."""
    title_en: str
    """Its English."""
    intro: str
    """The sentence before the list: who gave whom the mandate, in which instrument."""
    intro_en: str
    """Its English."""
    members: list[AnnexMember]
    """The members, in order."""


class AgreementContext(ContextModel):
    """Everything a template of an MoU, PKS or addendum receives.

    Texts are finished sentences: numbered, lettered, punctuated, in Indonesian with
    their ``_en`` twins (empty when the document is Indonesian only). Raw values sit
    beside them for layouts of your own.

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> from kemitraan.documents import agreement_context
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> context = agreement_context(mou, extra={"letterhead": "PKBM A"})
    >>> context.made_on, context.parties[1].label, context.title_en, context.extra
    (datetime.date(2025, 3, 10), 'PIHAK KEDUA', '', {'letterhead': 'PKBM A'})
    """

    kind: str
    """``mou``, ``pks`` or ``addendum``."""
    draft: bool
    """Whether the document is a draft (the engine marks every page's header)."""
    bilingual: bool
    """Whether the document is Indonesian beside English."""
    title: str
    """``NOTA KESEPAHAMAN``, ``ADENDUM PERTAMA``, …"""
    title_en: str
    """Its English."""
    notice: str = ""
    """Above the title of a text nobody signs (a naskah terpadu): what it is; else empty."""
    notice_en: str = ""
    """Its English."""
    subtitle: str
    """For an addendum: the kind of the amended document (``NOTA KESEPAHAMAN``); else empty."""
    subtitle_en: str
    """Its English."""
    title_parties: list[TitleLine]
    """The parties' names in capitals, with ``DAN`` between them."""
    about: str
    """The subject in capitals, after ``TENTANG``."""
    about_en: str
    """Its English."""
    subject: str
    """The subject as written."""
    subject_en: str
    """Its English."""
    numbers: list[NumberLine]
    """Each party's number for the document."""
    place: str
    """Where it is made."""
    date: str
    """When it is made, in words (``10 Maret 2025``)."""
    date_en: str
    """Its English."""
    made_on: datetime.date
    """When it is made."""
    opening: str
    """``Pada hari ini, Senin, tanggal …, bertempat di …, kami yang bertanda tangan di bawah
    ini:``"""
    opening_en: str
    """Its English."""
    parties: list[PartyContext]
    """One block per party, in order."""
    para_pihak: str
    """``PIHAK PERTAMA dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK …``"""
    para_pihak_en: str
    """Its English."""
    considerations_intro: str
    """``PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:``, or empty when
    there are no considerations."""
    considerations_intro_en: str
    """Its English."""
    considerations: list[ConsiderationContext]
    """The lettered ``bahwa`` considerations."""
    binding: str
    """The sentence binding the parties to the articles that follow."""
    binding_en: str
    """Its English."""
    articles: list[ArticleContext]
    """The articles."""
    closing: str
    """``Demikian … dibuat dalam rangkap …``"""
    closing_en: str
    """Its English."""
    signatures: list[SignatureContext]
    """One signature column per party."""
    signature_rows: list[SignatureRow]
    """The signature columns two by two."""
    paraf: list[str]
    """The party labels for the initials (paraf) boxes of every page's footer."""
    annexes: list[AnnexContext]
    """The annexes after the signatures: the members of a group who gave its chair the
    mandate, when more than three (a party block names up to three itself)."""
    rows: list[RowContext]
    """The body as Indonesian–English rows, for the bilingual layout (empty otherwise)."""
    term_start: datetime.date | None
    """When the term starts."""
    term_end: datetime.date | None
    """When it ends."""
    term_length: str
    """How long it runs, in words (``1 (satu) tahun``), or empty."""
    term_length_en: str
    """Its English."""
    financing: list[FundingContext]
    """Each source of financing."""
    total_financing: Decimal
    """All financing, in rupiah."""
    total_financing_text: str
    """It in digits and words."""
    amends: ReferenceContext | None
    """For an addendum: the document it amends."""
    implements: ReferenceContext | None
    """For a PKS: the MoU it implements."""
    verification_code: str
    """The code printed in every page's footer that matches a printed copy to the stored
    record (:func:`kemitraan.verification.verification_code`)."""
    digest: str
    """The agreement's digest (:meth:`kemitraan.Agreement.digest`)."""
    extra: dict[str, Any] = Field(default_factory=dict)
    """Your own values, from ``render_document(..., extra=...)``."""


def _type(prop: dict[str, Any]) -> str:
    """A property's type, in a word: ``text``, ``list of PartyContext``, ``date or none``."""
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "string" and prop.get("format") in ("date", "date-time"):
        return str(prop["format"])
    if kind == "string" and "enum" in prop:
        return " / ".join(f"`{v}`" for v in prop["enum"])
    if kind == "object":
        return "mapping"
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "yes/no"}
    if "pattern" in prop and kind == "string":  # a Decimal in JSON
        return "number (decimal)"
    return names.get(str(kind), str(kind) if kind else "any")


def context_reference() -> str:
    """The reference of template variables, in Markdown, from the JSON Schemas of the contexts.

    An agreement's (:class:`AgreementContext`), the monitoring and evaluation report's
    (:class:`~kemitraan.documents.report_context.MonitoringReportContext`), and a berita
    acara's, a daftar hadir's and the techniques' checklists'
    (:mod:`~kemitraan.documents.minutes_context`).
    ``docs/template-context.md`` is this text (``tools/refresh_docs.py`` writes it).

    >>> context_reference().splitlines()[0]
    '# Template variables'
    """
    lines = [
        "# Template variables",
        "",
        "<!-- generated by tools/refresh_docs.py from the JSON Schemas of "
        "kemitraan.documents.context.AgreementContext and "
        "kemitraan.documents.report_context.MonitoringReportContext and "
        "kemitraan.documents.minutes_context; do not edit -->",
        "",
        "What a template of an MoU, PKS or addendum receives. Top-level names are used as they",
        "are (`{{ opening }}`); the others through the name that holds them",
        "(`{% for p in parties %}{{ p.name }}{% endfor %}`). Every `x` has an English twin",
        "`x_en`, empty in an Indonesian-only document. Your own values arrive under `extra`.",
        "",
    ]

    def table(title: str, body: dict[str, Any]) -> None:
        about = str(body.get("description", "")).split(">>>", 1)[0].strip()
        lines.extend([f"## {title}", "", about, ""])
        lines.extend(["| name | type | what it holds |", "|---|---|---|"])
        for name, prop in body.get("properties", {}).items():
            about = " ".join(str(prop.get("description", "")).split()).replace("|", "\\|")
            lines.append(f"| `{name}` | {_type(prop)} | {about} |")
        lines.append("")

    schema = AgreementContext.model_json_schema()
    table("AgreementContext (the top level)", schema)
    for name, body in sorted(schema.get("$defs", {}).items()):
        table(name, body)
    lines.extend(
        [
            "# The monitoring and evaluation report",
            "",
            "What the template of a monitoring and evaluation report (`me_report`) receives:",
            "Indonesian only, mostly tables, every cell a finished text. Your own values arrive",
            "under `extra` here too.",
            "",
        ]
    )
    schema = MonitoringReportContext.model_json_schema()
    table("MonitoringReportContext (the top level)", schema)
    for name, body in sorted(schema.get("$defs", {}).items()):
        table(name, body)
    lines.extend(
        [
            "# Berita acara, daftar hadir, the techniques' checklists and the recapitulation",
            "",
            "What the templates of a berita acara (`minutes`), a daftar hadir (`attendance`),",
            "the six techniques' checklists (`checklist`) and a Dinas's recapitulation",
            "(`rekapitulasi`) receive: Indonesian only, every field a finished text. Your own",
            "values arrive under `extra` here too.",
            "",
        ]
    )
    for model in (MinutesContext, AttendanceContext, ChecklistContext, RekapitulasiContext):
        schema = model.model_json_schema()
        table(f"{model.__name__} (the top level)", schema)
        for name, body in sorted(schema.get("$defs", {}).items()):
            table(name, body)
    return "\n".join(lines)
