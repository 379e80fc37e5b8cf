"""The consolidated text (*naskah terpadu*) of an MoU or PKS as its signed addenda amend it.

An addendum says only what changes ("Ketentuan Pasal 3 diubah sehingga berbunyi …");
after two of them a reader must hold three documents side by side to know what binds
the parties. The consolidated text writes the agreement once, as amended, in the same
form as the original, with each article an addendum changed or inserted marked by the
addendum that did it ("Diubah dengan Adendum Pertama Nomor … tanggal …"), an article
deleted kept as "Dihapus.", and a closing that says what the text is: an aid to reading,
not a new agreement — what binds is the agreement and its addenda as signed. It carries
no signature columns, no paraf and no meterai.

>>> from kemitraan.documents import document_kind
>>> document_kind("consolidated").title.indonesian
'Naskah Terpadu'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan.agreements import Agreement
from kemitraan.amendments import ArticleChange, ArticleDeletion, ArticleInsertion
from kemitraan.conventions import date_long, ordinal
from kemitraan.documents import mou, pks
from kemitraan.documents._agreement import build_context
from kemitraan.documents._registry import DocumentKind
from kemitraan.documents._wording import (
    Article,
    Bilingual,
    Para,
    Quote,
    Wording,
    bi,
    join,
    resolve_refs,
    upper_first,
)
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.provisions import AgreementKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from kemitraan.documents.context import AgreementContext
    from kemitraan.partnerships import Partnership

__all__ = ["KIND", "Consolidated", "consolidated"]

_Mark = tuple[int, "frozenset[int] | None"]
"""An addendum's number, and the ayat it changed in an article (``None``: the article)."""

_BODIES: dict[AgreementKind, Callable[[Wording], list[Article]]] = {
    AgreementKind.MOU: mou.articles,
    AgreementKind.PKS: pks.articles,
}


@dataclass(frozen=True)
class Consolidated:
    """An MoU or PKS and the partnership that holds it and its signed addenda."""

    text: Agreement
    """The text as signed (the addenda amend it)."""
    partnership: Partnership
    """The partnership holding the text and its addenda."""


def consolidated(partnership: Partnership, document: Agreement | None = None) -> Consolidated:
    """What :func:`~kemitraan.render_document` renders as the naskah terpadu of ``document``.

    ``document`` is the MoU (by default) or one of the partnership's PKS.

    Raises:
        InvalidArgumentError: the partnership does not hold the text, or no addendum that
            every party signed amends it (its own text is then the one in force).
    """
    text = partnership.agreement if document is None else document
    held = [partnership.agreement, *partnership.cooperation_agreements]
    if text is None or not any(h is not None and h.digest() == text.digest() for h in held):
        raise InvalidArgumentError.saying(
            N_("the partnership holds no such MoU or PKS to consolidate"), rule="not_held"
        )
    if not _addenda(text, partnership):
        raise InvalidArgumentError.saying(
            N_("no addendum every party signed amends {subject}; its own text is the one in force"),
            subject=text.subject,
            rule="nothing_to_consolidate",
        )
    return Consolidated(text, partnership)


def _addenda(text: Agreement, partnership: Partnership) -> list[Agreement]:
    """The signed addenda that amend ``text``, oldest first."""
    return [
        a for a in partnership.signed_addenda() if a.amends is not None and a.amends.refers_to(text)
    ]


def _cited(addendum: Agreement, number: int) -> Bilingual:
    """``Adendum Pertama Nomor … tanggal …`` (``the First Addendum Number … of …``)."""
    numbers = [addendum.numbers[p] for p in addendum.party_ids if p in addendum.numbers]
    shown = join(numbers, "dan") if numbers else "…"
    shown_en = join(numbers, "and") if numbers else "…"
    return bi(
        f"Adendum {upper_first(ordinal(number))} Nomor {shown} tanggal {date_long(addendum.date)}",
        f"the {upper_first(ordinal(number, 'en'))} Addendum Number {shown_en} of "
        f"{date_long(addendum.date, 'en')}",
    )


class _Body:
    """The body of ``text`` as ``addenda`` amend it, each changed article marked.

    Articles keep the original's numbers: one an addendum inserts (or the data adds) is
    numbered after the article before it (``3A``), one deleted stays as "Dihapus.", so the
    numbers agree with what the addenda cite. :meth:`articles` writes the body;
    :meth:`labels` then gives each article's number.
    """

    def __init__(
        self, text: Agreement, addenda: list[Agreement], partnership: Partnership, bilingual: bool
    ) -> None:
        self.text, self.addenda, self.partnership = text, addenda, partnership
        self.body = _BODIES[text.kind]
        self.translations = {k: v for a in (text, *addenda) for k, v in a.translations.items()}
        self.bilingual = bilingual
        original = self._written(text)
        self.original = [a.key for a in original]
        self.titles = {a.key: a.title for a in original}
        # which addendum changed each article's data (by the article's key, as the
        # addendum's own document finds them)
        self.marks: dict[str, list[_Mark]] = {}
        before = {a.key: a for a in original}
        for number in range(1, len(addenda) + 1):
            after = {a.key: a for a in self._written(text.amended_by(addenda[:number]))}
            for key in {*before, *after}:
                old, new = before.get(key), after.get(key)
                if old is None or new is None:
                    self.marks.setdefault(key, []).append((number, None))
                elif (old.title, old.paragraphs) != (new.title, new.paragraphs):
                    self.marks.setdefault(key, []).append((number, _changed(old, new)))
            before = after
        self._labels: list[str] = []

    def _written(self, version: Agreement) -> list[Article]:
        view = version.model_copy(update={"translations": self.translations})
        return self.body(Wording(view, self.bilingual, self.partnership))

    def articles(self, w: Wording) -> list[Article]:
        found = self.body(w)
        marked: dict[str, list[_Mark]] = {key: list(by) for key, by in self.marks.items()}
        # an article the data no longer writes stays in its place, deleted
        keys = [a.key for a in found]
        for position, key in enumerate(self.original):
            if key not in keys:
                earlier = [k for k in self.original[:position] if k in keys]
                at = keys.index(earlier[-1]) + 1 if earlier else 0
                found.insert(at, Article(self.titles[key], [_deleted()], key))
                keys.insert(at, key)
        for number, addendum in enumerate(self.addenda, 1):
            inserted = 0
            for change in addendum.amendments:
                if isinstance(change, (ArticleChange, ArticleDeletion)):
                    if change.article > len(self.original):
                        continue  # an addendum's own check refuses it; nothing to mark
                    article = found[keys.index(self.original[change.article - 1])]
                    ayat: frozenset[int] | None = None
                    if isinstance(change, ArticleChange):
                        ayat = _reworded(article, change, w)
                    else:
                        article.paragraphs[:] = [_deleted()]
                    marked.setdefault(article.key, []).append((number, ayat))
                elif isinstance(change, ArticleInsertion):
                    inserted += 1
                    anchor = self.original[min(change.after, len(self.original)) - 1]
                    at = keys.index(anchor) + 1
                    while at < len(keys) and keys[at] not in self.original:
                        at += 1  # after what was inserted there before
                    key = f"inserted-{number}-{inserted}"
                    found.insert(
                        at,
                        Article(
                            bi(change.title.upper(), w.tr(change.title).upper()),
                            [Para(bi(line, w.tr(line))) for line in change.text],
                            key,
                        ),
                    )
                    keys.insert(at, key)
                    marked.setdefault(key, []).append((number, None))
        for article in found:
            if article.key in marked:
                self._note(article, marked[article.key])
        self._labels = self._numbered(keys)
        numbers = dict(zip(keys, self._labels, strict=True))
        return [
            Article(
                a.title,
                [
                    Para(_refs(p.text, numbers), [_refs(i, numbers) for i in p.items], p.quoted)
                    for p in a.paragraphs
                ],
                a.key,
            )
            for a in found
        ]

    def _note(self, article: Article, marks: list[_Mark]) -> None:
        """Mark what the addenda changed in ``article``: the ayat changed, or the article.

        The note is unnumbered, after the last line it speaks of: a note, not a paragraph.
        """
        count = len(article.paragraphs)
        if count > 1 and all(ayat and max(ayat) <= count for _, ayat in marks):
            by_ayat: dict[int, list[int]] = {}
            for number, ayat in marks:
                for one in ayat or ():
                    by_ayat.setdefault(one, []).append(number)
            for one, numbers in sorted(by_ayat.items()):
                cited = [_cited(self.addenda[n - 1], n) for n in dict.fromkeys(numbers)]
                note = bi(
                    f"(Ayat ({one}) diubah dengan {join([c.indonesian for c in cited], 'dan')}.)",
                    f"(Paragraph ({one}) amended by {join([c.english for c in cited], 'and')}.)",
                )
                article.paragraphs[one - 1].quoted.append(Quote("text", note))
            return
        cited = [_cited(self.addenda[n - 1], n) for n in dict.fromkeys(n for n, _ in marks)]
        note = bi(
            f"(Diubah dengan {join([c.indonesian for c in cited], 'dan')}.)",
            f"(Amended by {join([c.english for c in cited], 'and')}.)",
        )
        article.paragraphs[-1].quoted.append(Quote("text", note))

    def _numbered(self, keys: list[str]) -> list[str]:
        """Each article's number: the original's, or the one before it and a letter."""
        labels, last, letters = [], 0, 0
        for key in keys:
            if key in self.original:
                last, letters = self.original.index(key) + 1, 0
                labels.append(str(last))
            else:
                letters += 1
                labels.append(f"{last}{chr(ord('A') + letters - 1)}")
        return labels

    def labels(self) -> list[str]:
        return self._labels


def _deleted() -> Para:
    return Para(bi("Dihapus.", "Deleted."))


def _refs(text: Bilingual, numbers: dict[str, str]) -> Bilingual:
    return bi(resolve_refs(text.indonesian, numbers), resolve_refs(text.english, numbers))


def _reworded(article: Article, change: ArticleChange, w: Wording) -> frozenset[int] | None:
    """``article`` with the wording an addendum gives it (a paragraph, or all of them).

    Returns the ayat changed, when the change rewords one ayat in place; else ``None``
    (the article is changed).
    """
    lines = [Para(bi(line, w.tr(line))) for line in change.text]
    if change.paragraph is not None and change.paragraph <= len(article.paragraphs):
        article.paragraphs[change.paragraph - 1 : change.paragraph] = lines
        return frozenset({change.paragraph}) if len(lines) == 1 else None
    article.paragraphs[:] = lines
    return None


def _changed(old: Article, new: Article) -> frozenset[int] | None:
    """The ayat whose words differ, when the data changed them in place; else ``None``."""
    if old.title != new.title or len(old.paragraphs) != len(new.paragraphs):
        return None
    return frozenset(
        n for n, (a, b) in enumerate(zip(old.paragraphs, new.paragraphs, strict=True), 1) if a != b
    )


def context(text: Agreement, partnership: Partnership | None) -> AgreementContext:
    """The naskah terpadu's context: the agreement's, as amended and marked, unsigned."""
    assert partnership is not None  # a Consolidated always carries its partnership
    addenda = _addenda(text, partnership)
    amended = text.amended_by(addenda)
    bilingual = "en" in text.languages
    body = _Body(text, addenda, partnership, bilingual)
    built = build_context(amended, partnership, body.articles, labels=body.labels)
    cited = [_cited(a, n) for n, a in enumerate(addenda, 1)]
    doc = text.kind
    changes: dict[str, Any] = {
        "notice": "SALINAN UNTUK DIBACA — TIDAK UNTUK DITANDATANGANI",
        "notice_en": "READING COPY — NOT FOR SIGNATURE",
        "title": f"NASKAH TERPADU {doc.label_id.upper()}",
        "title_en": f"CONSOLIDATED TEXT OF THE {doc.label_en.upper()}",
        "subtitle": "sebagaimana telah diubah dengan " + join([c.indonesian for c in cited], "dan"),
        "subtitle_en": "as amended by " + join([c.english for c in cited], "and"),
        "closing": (
            f"Naskah terpadu ini disusun untuk memudahkan pembacaan {doc.label_id} beserta "
            "perubahannya dan tidak menggantikannya; yang mengikat PARA PIHAK adalah "
            f"{doc.label_id} dan adendumnya sebagaimana ditandatangani."
        ),
        "closing_en": (
            f"This consolidated text is made to ease the reading of the {doc.label_en} as "
            "amended and does not replace it; what binds THE PARTIES is the "
            f"{doc.label_en} and its addenda as signed."
        ),
        "signatures": [],
        "signature_rows": [],
        "paraf": [],
    }
    return built.model_copy(update=changes)


def _subject(source: object) -> tuple[Agreement, Partnership | None] | None:
    if isinstance(source, Consolidated):
        return source.text, source.partnership
    return None


KIND = DocumentKind(
    name="consolidated",
    title=BilingualText.of("Naskah Terpadu", "Consolidated Text"),
    template="consolidated.docx",
    layout="consolidated",
    subject=_subject,
    context=context,
    check=lambda text: [],
)
"""The registry entry."""
