"""The context of an agreement document: MoU, PKS or addendum, in conventional form.

:func:`build_context` turns an :class:`~kemitraan.Agreement` (and, when given, its
:class:`~kemitraan.Partnership`, for the work plan and the texts an addendum amends)
and a kind's articles into an :class:`~kemitraan.documents.context.AgreementContext`:
the title block with a number line per party, the opening with the weekday and the
date in words, a block per party naming its signer and the signer's authority, PARA
PIHAK, the lettered "bahwa" considerations, the articles numbered without gaps, the
closing, a signature column per party, the paraf boxes and verification code of the
footer, and the same body as Indonesian–English rows for the bilingual layout. Each
section is one function here; the parties' blocks and signature columns are written
in :mod:`~kemitraan.documents._parties`.

Every sentence exists in Indonesian and English. The agreement's own wording
(subject, scope, roles, …) is Indonesian; a bilingual document takes its English
from ``Agreement.translations`` and refuses to guess one that is missing. An
Indonesian-only document has empty English twins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from kemitraan._base import BilingualText
from kemitraan.agreements import Agreement
from kemitraan.conventions import (
    count,
    date_long,
    opening_date,
    ordinal,
    party_label,
    rupiah,
)
from kemitraan.documents._parties import annexes, party_block, signature
from kemitraan.documents._registry import DocumentKind, document_kind
from kemitraan.documents._render import clean_text
from kemitraan.documents._wording import (
    BLANK,
    Article,
    Bilingual,
    Wording,
    bi,
    duration,
    join,
    letter,
    lower_first,
    numbered,
    resolved,
)
from kemitraan.documents.context import AgreementContext
from kemitraan.exceptions import MissingTranslationsError, UnsupportedLanguageError
from kemitraan.findings import Severity
from kemitraan.partnerships import Partnership
from kemitraan.provisions import AgreementKind, AgreementReference, Funding
from kemitraan.verification import verification_code

__all__ = [
    "agreement_context",
    "agreement_kind",
    "build_context",
    "missing_translations",
    "smart_quotes",
]


def _rows(context: Mapping[str, Any]) -> list[dict[str, str]]:
    """The body as Indonesian–English row pairs, for the bilingual table."""
    rows: list[dict[str, str]] = []

    def add(kind: str, id_: str, en: str) -> None:
        rows.append({"kind": kind, "id": id_, "en": en})

    add("text", context["opening"], context["opening_en"])
    for party in context["parties"]:
        add(
            "text",
            f"{party['index']}. {party['statement']}",
            f"{party['index']}. {party['statement_en']}",
        )
    add("text", context["para_pihak"], context["para_pihak_en"])
    if context["considerations"]:
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
            for q in p["quoted"]:
                kind = "quote_heading" if q["kind"] in ("heading", "title") else "quote"
                add(kind, f"{q['num']} {q['text']}".strip(), f"{q['num']} {q['text_en']}".strip())
    return rows


_LEFT, _RIGHT, _LEFT_1, _RIGHT_1 = "\u201c", "\u201d", "\u2018", "\u2019"
_OPEN_QUOTE = re.compile(r'(^|[\s(\[/\u2014\u2013\u2018-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[/\u2014\u2013\u201c-])'")


def smart_quotes(text: str) -> str:
    r"""Typographic quotes: curly double and single quotes, and the curly apostrophe.

    >>> smart_quotes('"Produk" dan \'mitra\'') == "\u201cProduk\u201d dan \u2018mitra\u2019"
    True
    """
    if '"' not in text and "'" not in text:
        return text
    text = _OPEN_QUOTE.sub(rf"\1{_LEFT}", text).replace('"', _RIGHT)
    return _OPEN_SINGLE.sub(rf"\1{_LEFT_1}", text).replace("'", _RIGHT_1)


def _finish(context: dict[str, Any], *, bilingual: bool) -> dict[str, Any]:
    """Text XML can hold, with typographic quotes; no English twins in an Indonesian-only text.

    One walk over the context, one call per dict or list (a context holds hundreds of
    texts in a few dozen of them).
    """

    def text(value: str) -> str:
        return smart_quotes(clean_text(value))

    def walk(value: dict[str, Any] | list[Any]) -> Any:
        if isinstance(value, list):
            return [text(item) if isinstance(item, str) else walk_any(item) for item in value]
        finished: dict[str, Any] = {}
        for key, item in value.items():
            if isinstance(item, str):
                finished[key] = "" if not bilingual and key.endswith("_en") else text(item)
            else:
                finished[key] = walk_any(item)
        return finished

    def walk_any(value: Any) -> Any:
        return walk(value) if isinstance(value, (dict, list)) else value

    result = walk(context)
    assert isinstance(result, dict)
    return result


def _reference(ref: AgreementReference | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "kind": ref.kind.label_id,
        "kind_en": ref.kind.label_en,
        "numbers": list(ref.numbers),
        "made_on": ref.date,
        "date": date_long(ref.date),
        "subject": ref.subject,
    }


def _cites(ref: AgreementReference, w: Wording) -> Bilingual:
    """``Nota Kesepahaman Nomor … tanggal … tentang …``: how a later text cites an earlier one."""
    numbers = join(list(ref.numbers), "dan")
    return bi(
        f"{ref.kind.label_id} Nomor {numbers} tanggal {date_long(ref.date)} tentang {ref.subject}",
        f"the {ref.kind.label_en} Number {join(list(ref.numbers), 'and')} of "
        f"{date_long(ref.date, 'en')} on "
        f"{w.tr(ref.subject)}",
    )


def _sequence(agreement: Agreement, partnership: Partnership | None) -> int | None:
    """Which addendum this is: its own ``sequence``, else its place among the partnership's."""
    if agreement.sequence is not None:
        return agreement.sequence
    if partnership is None or agreement.amends is None:
        return None
    same = sorted(
        (a for a in partnership.addenda if a.amends == agreement.amends),
        key=lambda a: (a.date, a.digest()),
    )
    digest = agreement.digest()
    return next((i for i, a in enumerate(same, 1) if a.digest() == digest), None)


# -- the sections of the document, in its order; each gives its part of the context -----


def _heading(w: Wording) -> dict[str, Any]:
    """The title block: kind, title, subtitle, the parties in capitals, the subject, numbers."""
    agreement = w.agreement
    kind, amends = agreement.kind, agreement.amends
    title = bi(kind.label_id.upper(), kind.label_en.upper())
    subtitle = bi("", "")
    about = agreement.subject
    if kind is AgreementKind.ADDENDUM and amends is not None:
        about = amends.subject  # the title names the text amended: "... TENTANG PEMASARAN"
        sequence = _sequence(agreement, w.partnership)
        if sequence is not None:
            title = bi(
                f"ADENDUM {ordinal(sequence).upper()}",
                f"{ordinal(sequence, 'en').upper()} ADDENDUM",
            )
        subtitle = bi(amends.kind.label_id.upper(), amends.kind.label_en.upper())
    title_parties: list[dict[str, str]] = []
    for index, party in enumerate(agreement.parties):
        if index:
            title_parties.append({"text": "DAN", "text_en": "AND"})
        title_parties.append({"text": party.name.upper(), "text_en": party.name.upper()})
    return {
        "kind": kind.value,
        "title": title.indonesian,
        "title_en": title.english,
        "subtitle": subtitle.indonesian,
        "subtitle_en": subtitle.english,
        "title_parties": title_parties,
        "about": about.upper(),
        "about_en": w.tr(about).upper(),
        "subject": agreement.subject,
        "subject_en": w.tr(agreement.subject),
        "numbers": [
            {
                "party": party.name,
                "label": party_label(i),
                "number": w.blank(agreement.numbers.get(party.id)),
            }
            for i, party in enumerate(agreement.parties)
            if party.id in agreement.numbers or w.draft
        ],
    }


def _opening(w: Wording) -> dict[str, Any]:
    """The opening with the day in words, a block per party, and PARA PIHAK."""
    agreement = w.agreement
    made_on, place = agreement.date, agreement.place
    count_ = len(agreement.parties)
    return {
        "place": place,
        "date": date_long(made_on),
        "date_en": date_long(made_on, "en"),
        "made_on": made_on,
        "opening": (
            f"Pada hari ini, {opening_date(made_on)} ({made_on:%d-%m-%Y}), "
            f"bertempat di {place}, kami yang bertanda tangan di bawah ini:"
        ),
        "opening_en": (
            f"On this day, {opening_date(made_on, 'en')} ({made_on:%d-%m-%Y}), at "
            f"{place}, we the undersigned:"
        ),
        "parties": [party_block(w, i, p) for i, p in enumerate(agreement.parties)],
        "para_pihak": (
            f"{join([party_label(i) for i in range(count_)], 'dan')} secara bersama-sama disebut "
            "PARA PIHAK dan masing-masing disebut PIHAK."
        ),
        "para_pihak_en": (
            f"{join([party_label(i, 'en') for i in range(count_)], 'and')} are together called "
            "THE PARTIES and each a PARTY."
        ),
    }


def _considerations(w: Wording) -> list[Bilingual]:
    """The "bahwa" considerations: first the text an addendum or a PKS cites, then its own."""
    agreement = w.agreement
    kind = agreement.kind
    considerations = [w.both(text) for text in agreement.considerations]
    if not considerations and w.draft and kind is not AgreementKind.ADDENDUM:
        considerations = [bi(BLANK, BLANK)]
    cited = agreement.amends if kind is AgreementKind.ADDENDUM else agreement.implements
    if cited is not None:
        cites = _cites(cited, w)
        if kind is AgreementKind.ADDENDUM:  # and every addendum that amended it before
            cites = bi(
                cites.indonesian + w.as_amended.indonesian, cites.english + w.as_amended.english
            )
        others = _also_signed(w, cited)
        considerations.insert(
            0,
            bi(
                f"PARA PIHAK{others.indonesian} telah menandatangani {cites.indonesian}",
                f"THE PARTIES{others.english} have signed {cites.english}",
            ),
        )
    return considerations


def _also_signed(w: Wording, cited: AgreementReference) -> Bilingual:
    """`` bersama Dinas …``: the cited text's parties that are not this one's.

    A PKS between some of the MoU's parties says who else signed the MoU it implements;
    known only when the partnership is given (``render_document(..., partnership=p)``).
    """
    text = w.partnership.amended_document(cited) if w.partnership is not None else None
    if text is None:
        return bi("", "")
    ours = set(w.agreement.party_ids)
    names = [party.name for party in text.parties if party.id not in ours]
    if not names:
        return bi("", "")
    return bi(f" bersama {join(names, 'dan')}", f" together with {join(names, 'and')}")


def _binding(w: Wording, considered: bool) -> Bilingual:
    """The sentence binding the parties to the articles (an addendum: to the changes)."""
    agreement, doc = w.agreement, w.doc
    amends, implements = agreement.amends, agreement.implements
    if agreement.kind is AgreementKind.ADDENDUM:
        amended = bi(amends.kind.label_id, amends.kind.label_en) if amends else bi("", "")
        return bi(
            f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat mengadakan perubahan atas "
            f"{amended.indonesian} tersebut dengan ketentuan sebagai berikut:",
            f"Now therefore THE PARTIES agree to amend the {amended.english} as follows:",
        )
    if not considered:
        return bi(
            f"PARA PIHAK sepakat untuk mengikatkan diri dalam {doc.indonesian} dengan "
            "ketentuan sebagai berikut:",
            f"THE PARTIES agree to bind themselves in {doc.english} on the following terms:",
        )
    implementing = bi("", "")
    if implements is not None:
        implementing = bi(
            f" sebagai pelaksanaan {implements.kind.label_id} tersebut",
            f" implementing that {implements.kind.label_en}",
        )
    return bi(
        f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengikatkan diri "
        f"dalam {doc.indonesian}{implementing.indonesian} dengan ketentuan sebagai "
        "berikut:",
        f"Now therefore THE PARTIES agree to bind themselves in {doc.english}"
        f"{implementing.english} on the following terms:",
    )


def _preamble(w: Wording) -> dict[str, Any]:
    """The lettered considerations and the sentence that binds the parties."""
    considerations = _considerations(w)
    binding = _binding(w, bool(considerations))
    return {
        "considerations_intro": (
            "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:"
            if considerations
            else ""
        ),
        "considerations_intro_en": "THE PARTIES first state as follows:" if considerations else "",
        "considerations": [
            {
                "letter": letter(i),
                "text": f"bahwa {lower_first(text.indonesian)};",
                "text_en": f"whereas {lower_first(text.english)};",
            }
            for i, text in enumerate(considerations)
        ],
        "binding": binding.indonesian,
        "binding_en": binding.english,
    }


def _body(
    w: Wording,
    articles: Callable[[Wording], list[Article]],
    labels: Callable[[], Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The articles, numbered without gaps (or by ``labels``), their references resolved.

    ``labels`` gives each article's number once ``articles`` has written them (a
    consolidated text keeps the original numbers: an inserted article is ``3A``).
    """
    written = resolved(articles(w))
    numbers = list(labels()) if labels is not None else [str(n) for n in range(1, len(written) + 1)]
    return {
        "articles": [
            {
                "number": n,
                "key": a.key,
                "heading": f"Pasal {n}",
                "heading_en": f"Article {n}",
                "title": a.title.indonesian,
                "title_en": a.title.english,
                "paragraphs": numbered(a.paragraphs, w.defined),
            }
            for n, a in zip(numbers, written, strict=True)
        ]
    }


def _signed_when(agreement: Agreement) -> tuple[str, str]:
    """When the parties signed: the day above, or each party's own day where it differs."""
    later: dict[Any, list[int]] = {}
    for index, party in enumerate(agreement.parties):
        signatory = agreement.signatory_of(party.id)
        if signatory is not None and signatory.signed_on not in (None, agreement.date):
            later.setdefault(signatory.signed_on, []).append(index)
    if not later:
        return " pada hari dan tanggal tersebut di atas", " on the day and date first written above"
    on_day = [i for i in range(len(agreement.parties)) if all(i not in v for v in later.values())]
    said_id, said_en = [], []
    if on_day:
        said_id.append(f"{join([party_label(i) for i in on_day], 'dan')} pada hari dan tanggal "
                       "tersebut di atas")  # fmt: skip
        said_en.append(f"{join([party_label(i, 'en') for i in on_day], 'and')} on the day and "
                       "date first written above")  # fmt: skip
    for day, indexes in sorted(later.items()):
        said_id.append(f"{join([party_label(i) for i in indexes], 'dan')} pada tanggal "
                       f"{date_long(day)}")  # fmt: skip
        said_en.append(f"{join([party_label(i, 'en') for i in indexes], 'and')} on "
                       f"{date_long(day, 'en')}")  # fmt: skip
    return ": " + "; ".join(said_id), ": " + "; ".join(said_en)


def _closing(w: Wording) -> dict[str, Any]:
    """The closing sentence, a signature column per party (two by two), the paraf boxes."""
    agreement, doc = w.agreement, w.doc
    signatures = [signature(w, i, p) for i, p in enumerate(agreement.parties)]
    signed_id, signed_en = _signed_when(agreement)
    return {
        "closing": (
            f"Demikian {doc.indonesian} ini dibuat dalam rangkap {count(agreement.originals)}, "
            "masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama, dan "
            f"ditandatangani oleh PARA PIHAK{signed_id}."
        ),
        "closing_en": (
            f"In witness whereof {doc.english} is made in {count(agreement.originals, 'en')} "
            "originals, each duly stamped and of equal legal force, and signed by THE PARTIES"
            f"{signed_en}."
        ),
        "signatures": signatures,
        "signature_rows": [
            {
                "cells": signatures[i : i + 2],
                "span": 1 if i + 1 < len(signatures) else 2,
                "ranks": any(s["rank"] for s in signatures[i : i + 2]),
                "mandates": any(s["on_behalf"] for s in signatures[i : i + 2]),
            }
            for i in range(0, len(signatures), 2)
        ],
        "paraf": [party_label(i) for i in range(len(agreement.parties))],
        "annexes": annexes(w),
    }


def _funding(w: Wording, funding: Funding) -> dict[str, Any]:
    """One source of financing: a party by its label, else the source's name; the amount."""
    party = funding.source_party_id
    if party is not None and party in w.agreement.party_ids:
        source = w.label(party)
    else:
        named = funding.source_name or party or ""
        source = bi(named, w.tr(named))
    return {
        "source": source.indonesian,
        "source_en": source.english,
        "amount": funding.amount,
        "amount_text": rupiah(funding.amount),
        "purpose": funding.purpose or "",
    }


def _facts(w: Wording) -> dict[str, Any]:
    """The raw values behind the sentences: term, financing, the texts cited, the codes."""
    agreement, term = w.agreement, w.agreement.term
    length = duration(term) if term is not None else bi("", "")
    return {
        "term_start": term.start if term else None,
        "term_end": term.end if term else None,
        "term_length": length.indonesian,
        "term_length_en": length.english,
        "financing": [_funding(w, f) for f in agreement.financing],
        "total_financing": agreement.total_financing,
        "total_financing_text": rupiah(agreement.total_financing),
        "amends": _reference(agreement.amends),
        "implements": _reference(agreement.implements),
        "verification_code": verification_code(agreement, partnership=w.partnership),
        "digest": agreement.digest(),
    }


def build_context(
    agreement: Agreement,
    partnership: Partnership | None,
    articles: Callable[[Wording], list[Article]],
    *,
    extra: Mapping[str, Any] | None = None,
    labels: Callable[[], Sequence[str]] | None = None,
) -> AgreementContext:
    """The context of an agreement document whose body is ``articles``.

    ``labels``, when given, numbers the articles once written (see :func:`_body`).

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
    w = Wording(agreement, bilingual, partnership, draft=draft)
    # Written in the order that lists missing translations (MissingTranslationsError) from
    # the subject, the considerations and the articles to the parties, signers and financing.
    heading, preamble, body = _heading(w), _preamble(w), _body(w, articles, labels)
    opening, closing, facts = _opening(w), _closing(w), _facts(w)
    context: dict[str, Any] = {
        "draft": draft,
        "bilingual": bilingual,
        **heading,
        **opening,
        **preamble,
        **body,
        **closing,
        **facts,
    }
    context["rows"] = _rows(context) if bilingual else []
    if w.missing:
        raise MissingTranslationsError(w.missing)
    finished = _finish(context, bilingual=bilingual)
    return AgreementContext.model_validate({**finished, "extra": dict(extra or {})})


def agreement_context(
    agreement: Agreement,
    *,
    partnership: Partnership | None = None,
    extra: Mapping[str, Any] | None = None,
) -> AgreementContext:
    """Everything a template needs to render ``agreement``: a typed, documented model.

    The kind of the agreement (MoU, PKS, addendum) decides its articles. The fields
    are documented in :mod:`kemitraan.documents.context` (and ``docs/template-context.md``).
    The document is bilingual (Indonesian beside English) when English is among
    ``agreement.languages``.

    Args:
        agreement: The MoU, PKS or addendum.
        partnership: The partnership it belongs to: for the work plan's activities, and
            for an addendum the text it amends (to cite the articles it changes).
        extra: Your own values for your own template, under ``extra``.

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
    >>> context.opening[:44], [s.label for s in context.signatures]
    ('Pada hari ini, Senin, tanggal sepuluh, bulan', ['PIHAK PERTAMA', 'PIHAK KEDUA'])
    """
    context = document_kind(agreement.kind.value).context(agreement, partnership)
    if isinstance(context, AgreementContext):  # the built-in kinds': typed already
        return context.model_copy(update={"extra": dict(extra or {})})
    values = context.model_dump() if isinstance(context, BaseModel) else context
    return AgreementContext.model_validate({**values, "extra": dict(extra or {})})


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

    def context(agreement: Agreement, partnership: Partnership | None) -> AgreementContext:
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
