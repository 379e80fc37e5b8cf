"""The context of an agreement document: MoU, PKS or addendum, in conventional form.

:func:`build_context` turns an :class:`~kemitraan.Agreement` (and, when given, its
:class:`~kemitraan.Partnership`, for the work plan) and a kind's articles into the
plain data a template renders: the title block with a number line per party, the
opening with the weekday and the date in words, a block per party, PARA PIHAK, the
lettered "bahwa" considerations, the articles numbered without gaps, the closing
and a signature column per party, and the same body as Indonesian–English rows for
the bilingual layout.

Every sentence exists in Indonesian and English. The agreement's own wording
(subject, scope, roles, …) is Indonesian; a bilingual document takes its English
from ``Agreement.translations`` and refuses to guess one that is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kemitraan._base import BilingualText
from kemitraan.agreements import Agreement
from kemitraan.conventions import count, date_long, opening_date, party_label
from kemitraan.documents._registry import DocumentKind, document_kind
from kemitraan.documents._wording import (
    METERAI,
    Article,
    Wording,
    bi,
    join,
    lower_first,
    numbered,
)
from kemitraan.exceptions import MissingTranslationsError, UnsupportedLanguageError
from kemitraan.findings import Severity
from kemitraan.parties import Institution, Party
from kemitraan.partnerships import Partnership
from kemitraan.provisions import AgreementKind

__all__ = ["agreement_context", "agreement_kind", "build_context", "missing_translations"]


def _party_block(w: Wording, index: int, party: Party) -> dict[str, Any]:
    rep = party.representative
    label_id, label_en = party_label(index), party_label(index, "en")
    acting = bi(
        f"Dalam hal ini bertindak untuk dan atas nama {party.name}, selanjutnya disebut "
        f"{label_id}.",
        f"Acting for and on behalf of {party.name}, hereinafter {label_en}.",
    )
    return {
        "index": index + 1,
        "label": label_id,
        "label_en": label_en,
        "institution": party.name,
        "name": w.blank(rep.name if rep else None),
        "position": w.blank(rep.position if rep else None),
        "position_en": w.tr(rep.position) if rep else w.blank(None),
        "nip": rep.nip if rep and rep.nip else "",
        "address": w.blank(party.address or (str(party.region) if party.region else None)),
        "acting": acting.indonesian,
        "acting_en": acting.english,
        "number": w.agreement.numbers.get(party.id, ""),
        "is_institution": isinstance(party, Institution),
    }


def _signature(w: Wording, index: int, party: Party) -> dict[str, Any]:
    signatory = w.agreement.signatory_of(party.id)
    rep = party.representative
    name = w.blank(signatory.name if signatory else (rep.name if rep else None))
    position = w.blank(signatory.position if signatory else (rep.position if rep else None))
    nip = signatory.nip if signatory and signatory.nip else (rep.nip if rep and rep.nip else "")
    return {
        "label": party_label(index),
        "label_en": party_label(index, "en"),
        "institution": "" if party.name.casefold() in position.casefold() else party.name,
        "position": position,
        "position_en": w.tr(position) if position else "",
        "name": name,
        "nip": f"NIP {nip}" if nip else "",
        "meterai": METERAI,
    }


def _rows(context: dict[str, Any]) -> list[dict[str, str]]:
    """The body as Indonesian–English row pairs, for the bilingual table."""
    rows: list[dict[str, str]] = []

    def add(kind: str, id_: str, en: str) -> None:
        rows.append({"kind": kind, "id": id_, "en": en})

    add("text", context["opening"], context["opening_en"])
    for party in context["parties"]:
        add(
            "text",
            f"{party['index']}. {party['name']}, {party['position']}, {party['institution']}, "
            f"{party['address']}. {party['acting']}",
            f"{party['index']}. {party['name']}, {party['position_en']}, {party['institution']}, "
            f"{party['address']}. {party['acting_en']}",
        )
    add("text", context["para_pihak"], context["para_pihak_en"])
    add("text", context["considerations_intro"], context["considerations_intro_en"])
    for c in context["considerations"]:
        add("item", f"{c['letter']}. {c['text']}", f"{c['letter']}. {c['text_en']}")
    add("text", context["binding"], context["binding_en"])
    for article in context["articles"]:
        add(
            "heading",
            f"{article['heading']}\n{article['title']}",
            f"{article['heading_en']}\n{article['title_en']}",
        )
        for p in article["paragraphs"]:
            add("text", f"{p['num']} {p['text']}".strip(), f"{p['num']} {p['text_en']}".strip())
            for item in p["points"]:
                add(
                    "item",
                    f"{item['letter']}. {item['text']}",
                    f"{item['letter']}. {item['text_en']}",
                )
    return rows


def build_context(
    agreement: Agreement,
    partnership: Partnership | None,
    articles: Callable[[Wording], list[Article]],
) -> dict[str, Any]:
    """The context of an agreement document whose body is ``articles``.

    Raises:
        MissingTranslationsError: a bilingual document lacks English for some of the
            agreement's own wording.
        UnsupportedLanguageError: the agreement asks for a language other than
            Indonesian and English (use a template of your own for it).
    """
    unsupported = sorted(set(agreement.languages) - {"id", "en"})
    if unsupported:
        raise UnsupportedLanguageError(
            unsupported[0], hint="; use a template of your own for that language"
        )
    bilingual = "en" in agreement.languages
    # A text with errors is a draft, whoever renders it: the engine marks every page.
    draft = any(f.severity is Severity.ERROR for f in agreement.check())
    b = Wording(agreement, bilingual, partnership, draft=draft)
    kind = agreement.kind
    doc = b.doc

    amends = agreement.amends
    if kind is AgreementKind.ADDENDUM and amends is not None:
        title, title_en = "ADENDUM", "ADDENDUM"
        subtitle = bi(amends.kind.label_id.upper(), amends.kind.label_en.upper())
        about = bi(amends.subject.upper(), b.tr(amends.subject).upper())
    else:
        title, title_en = kind.label_id.upper(), kind.label_en.upper()
        subtitle = bi("", "")
        about = bi(agreement.subject.upper(), b.tr(agreement.subject).upper())

    title_parties: list[dict[str, str]] = []
    for index, party in enumerate(agreement.parties):
        if index:
            title_parties.append({"text": "DAN", "text_en": "AND"})
        title_parties.append({"text": party.name.upper(), "text_en": party.name.upper()})

    labels = [party_label(i) for i in range(len(agreement.parties))]
    labels_en = [party_label(i, "en") for i in range(len(agreement.parties))]
    considerations = list(agreement.considerations) or ([b.blank(None)] if b.draft else [])
    if amends is not None:
        considerations.insert(
            0,
            f"PARA PIHAK telah menandatangani {amends.kind.label_id} Nomor "
            f"{', '.join(amends.numbers)} tanggal {date_long(amends.date)} tentang "
            f"{amends.subject}",
        )

    def consideration_en(text: str) -> str:
        if amends is not None and text == considerations[0]:
            return (
                f"THE PARTIES signed the {amends.kind.label_en} Number "
                f"{', '.join(amends.numbers)} of {date_long(amends.date, 'en')} on "
                f"{b.tr(amends.subject)}"
            )
        return b.tr(text)

    if kind is AgreementKind.ADDENDUM:
        binding = bi(
            f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat mengadakan perubahan atas "
            f"{amends.kind.label_id if amends else ''} tersebut dengan ketentuan sebagai berikut:",
            f"Now therefore THE PARTIES agree to amend the "
            f"{amends.kind.label_en if amends else ''} as follows:",
        )
    else:
        binding = bi(
            f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengikatkan diri "
            f"dalam {doc.indonesian} dengan ketentuan sebagai berikut:",
            f"Now therefore THE PARTIES agree to bind themselves in {doc.english} on the following "
            "terms:",
        )

    body = articles(b)
    context: dict[str, Any] = {
        "kind": kind.value,
        "draft": draft,
        "bilingual": bilingual,
        "title": title,
        "title_en": title_en,
        "subtitle": subtitle.indonesian,
        "subtitle_en": subtitle.english,
        "title_parties": title_parties,
        "about": about.indonesian,
        "about_en": about.english,
        "numbers": [
            {
                "party": party.name,
                "label": labels[i],
                "number": b.blank(agreement.numbers.get(party.id)),
            }
            for i, party in enumerate(agreement.parties)
            if party.id in agreement.numbers or b.draft
        ],
        "place": agreement.place,
        "date": date_long(agreement.date),
        "date_en": date_long(agreement.date, "en"),
        "opening": (
            f"Pada {opening_date(agreement.date)} ({agreement.date:%d-%m-%Y}), bertempat di "
            f"{agreement.place}, kami yang bertanda tangan di bawah ini:"
        ),
        "opening_en": (
            f"On {opening_date(agreement.date, 'en')} ({agreement.date:%d-%m-%Y}), at "
            f"{agreement.place}, we the undersigned:"
        ),
        "parties": [_party_block(b, i, p) for i, p in enumerate(agreement.parties)],
        "para_pihak": (
            f"{join(labels, 'dan')} secara bersama-sama disebut PARA PIHAK dan masing-masing "
            "disebut PIHAK."
        ),
        "para_pihak_en": (
            f"{join(labels_en, 'and')} are together called THE PARTIES and each a PARTY."
        ),
        "considerations_intro": "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
        "considerations_intro_en": "THE PARTIES first state as follows:",
        "considerations": [
            {
                "letter": chr(ord("a") + i) if i < 26 else str(i + 1),
                "text": f"bahwa {lower_first(text)};",
                "text_en": f"whereas {lower_first(consideration_en(text))};",
            }
            for i, text in enumerate(considerations)
        ],
        "binding": binding.indonesian,
        "binding_en": binding.english,
        "articles": [
            {
                "number": n,
                "heading": f"Pasal {n}",
                "heading_en": f"Article {n}",
                "title": a.title.indonesian,
                "title_en": a.title.english,
                "paragraphs": numbered(a.paragraphs),
            }
            for n, a in enumerate(body, 1)
        ],
        "closing": (
            f"Demikian {doc.indonesian} ini dibuat dalam rangkap {count(agreement.originals)}, "
            "masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama, dan "
            "ditandatangani oleh PARA PIHAK pada hari dan tanggal tersebut di atas."
        ),
        "closing_en": (
            f"In witness whereof {doc.english} is made in {count(agreement.originals, 'en')} "
            "originals, each duly stamped and of equal legal force, and signed by THE PARTIES "
            "on the day and date first written above."
        ),
        "signatures": [_signature(b, i, p) for i, p in enumerate(agreement.parties)],
    }
    signatures = context["signatures"]
    context["signature_rows"] = [
        {"cells": signatures[i : i + 2], "span": 1 if i + 1 < len(signatures) else 2}
        for i in range(0, len(signatures), 2)
    ]
    context["rows"] = _rows(context)
    if b.missing:
        raise MissingTranslationsError(b.missing)
    return context


def agreement_context(
    agreement: Agreement, *, partnership: Partnership | None = None
) -> dict[str, Any]:
    """Everything a template needs to render ``agreement``, as plain data.

    The kind of the agreement (MoU, PKS, addendum) decides its articles. The keys are
    documented in ``docs/documents.md``. The document is bilingual (Indonesian beside
    English) when English is among ``agreement.languages``.

    Args:
        agreement: The MoU, PKS or addendum.
        partnership: The partnership it belongs to, for the work plan's activities.

    Raises:
        MissingTranslationsError: a bilingual document lacks English for some of the
            agreement's own wording.
        UnsupportedLanguageError: the agreement is in a language kemitraan cannot write
            (only Indonesian and English are built in; use your own template for others).

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10))
    >>> context = agreement_context(mou)
    >>> context["opening"][:45], [s["label"] for s in context["signatures"]]
    ('Pada hari Senin, tanggal sepuluh, bulan Maret', ['PIHAK PERTAMA', 'PIHAK KEDUA'])
    """
    return document_kind(agreement.kind.value).context(agreement, partnership)


def missing_translations(
    agreement: Agreement, *, partnership: Partnership | None = None
) -> list[str]:
    """The agreement's own wording that a bilingual document still needs English for.

    Empty when the document is Indonesian only, or when every text has its translation.

    >>> from datetime import date
    >>> from kemitraan import Agreement, Institution, Partner, PartnerKind
    >>> mou = Agreement(parties=[Institution(name="PKBM A"),
    ...                          Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
    ...                 subject="Pemasaran", place="Martapura", date=date(2025, 3, 10),
    ...                 languages=["id", "en"], translations={"Pemasaran": "Marketing"})
    >>> missing_translations(mou)
    []
    """
    if "en" not in agreement.languages:
        return []
    try:
        agreement_context(agreement, partnership=partnership)
    except MissingTranslationsError as error:
        return error.missing
    return []


def agreement_kind(
    kind: AgreementKind, articles: Callable[[Wording], list[Article]]
) -> DocumentKind:
    """The :class:`DocumentKind` of an agreement of ``kind`` whose body is ``articles``.

    It renders an agreement of that kind, or a partnership whose agreement is one, and
    is final only when the agreement's :meth:`~kemitraan.Agreement.check` finds no error.
    """

    def subject(source: object) -> tuple[Agreement, Partnership | None] | None:
        if isinstance(source, Partnership):
            held = source.agreement
            return (held, source) if held is not None and held.kind is kind else None
        if isinstance(source, Agreement) and source.kind is kind:
            return source, None
        return None

    def context(agreement: Agreement, partnership: Partnership | None) -> dict[str, Any]:
        return build_context(agreement, partnership, articles)

    return DocumentKind(
        name=kind.value,
        title=BilingualText.of(kind.label_id, kind.label_en),
        template=f"{kind.value}.docx",
        layout="agreement",
        subject=subject,
        context=context,
        check=Agreement.check,
    )
