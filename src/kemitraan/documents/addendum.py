"""The addendum (*adendum*): the changes to an agreement, guide A.11.

Each change is an article of the addendum that names what it changes in the amended
text, in the phrasing of Indonesian drafting technique (UU 12/2011, Lampiran II, as
agreements use it):

- "Ketentuan Pasal 8 ayat (1) diubah sehingga berbunyi sebagai berikut:" and the new
  wording, quoted with its numbers;
- "Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A, yang
  berbunyi sebagai berikut:";
- "Pasal 7 dihapus."

A typed change of data (the term, a role, the pattern's terms, the financing, the
scope) is found in the amended text by writing that text before and after the change
and comparing article by article: the addendum cites exactly the articles, and the
paragraph, whose wording changed. That needs the amended text itself, so an addendum
with such changes is rendered with the partnership that holds it. Then come the
article that every provision not changed stays in force, the language article of a
bilingual document, and the closing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kemitraan._catalog import N_
from kemitraan.agreements import Agreement
from kemitraan.amendments import (
    DATA_CHANGES,
    ArticleChange,
    ArticleDeletion,
    ArticleInsertion,
)
from kemitraan.documents import mou, pks
from kemitraan.documents._agreement import agreement_kind
from kemitraan.documents._closing_articles import closing_article, language
from kemitraan.documents._wording import (
    Article,
    Para,
    Quote,
    Wording,
    bi,
    lower_first,
    numbered,
    resolved,
)
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.provisions import AgreementKind, Amendment

__all__ = ["KIND", "articles"]

_BODIES: dict[AgreementKind, Callable[[Wording], list[Article]]] = {
    AgreementKind.MOU: mou.articles,
    AgreementKind.PKS: pks.articles,
}


def _quoted(
    heading: str,
    article: Article,
    paragraphs: list[int] | None = None,
    defined: frozenset[str] = frozenset(),
) -> list[Quote]:
    """The lines that quote ``article`` (or only its ``paragraphs``, by number)."""
    lines: list[Quote] = []
    if paragraphs is None:
        heading_en = heading.replace("Pasal", "Article")
        lines.append(Quote("heading", bi(heading, heading_en)))
        if article.title.indonesian:
            lines.append(Quote("title", article.title))
    for index, paragraph in enumerate(numbered(article.paragraphs, defined), 1):
        if paragraphs is not None and index not in paragraphs:
            continue
        lines.append(
            Quote("text", bi(paragraph["text"], paragraph["text_en"]), num=paragraph["num"])
        )
        lines += [
            Quote("point", bi(p["text"], p["text_en"]), num=f"{p['letter']}.")
            for p in paragraph["points"]
        ]
    return lines


def _same(a: Article, b: Article) -> bool:
    return numbered(a.paragraphs) == numbered(b.paragraphs) and a.title == b.title


def _changed(
    heading: str,
    old: Article,
    new: Article,
    doc: str,
    doc_en: str,
    defined: frozenset[str] = frozenset(),
) -> Article:
    """The article of the addendum that changes ``old`` into ``new`` (Pasal ``heading``)."""
    before, after = numbered(old.paragraphs), numbered(new.paragraphs)
    differ = [i for i, (a, b) in enumerate(zip(before, after, strict=False), 1) if a != b]
    cited = bi(f"Pasal {heading}", f"Article {heading}")
    only: list[int] | None = None
    if len(before) == len(after) > 1 and len(differ) == 1 and old.title == new.title:
        only = differ
        cited = bi(
            f"Pasal {heading} ayat ({differ[0]})", f"Article {heading} paragraph ({differ[0]})"
        )
    return Article(
        bi(f"PERUBAHAN PASAL {heading}", f"AMENDMENT OF ARTICLE {heading}"),
        [
            Para(
                bi(
                    f"Ketentuan {cited.indonesian} {doc} diubah sehingga berbunyi sebagai berikut:",
                    f"{cited.english} of the {doc_en} is amended to read as follows:",
                ),
                quoted=_quoted(f"Pasal {heading}", new, only, defined),
            )
        ],
        key="change",
    )


def _inserted(
    after: str,
    following: str | None,
    number: str,
    new: Article,
    defined: frozenset[str] = frozenset(),
) -> Article:
    where = bi(
        f"Di antara Pasal {after} dan Pasal {following}",
        f"Between Article {after} and Article {following}",
    )
    if following is None:
        where = bi(f"Setelah Pasal {after}", f"After Article {after}")
    return Article(
        bi(f"PENYISIPAN PASAL {number}", f"INSERTION OF ARTICLE {number}"),
        [
            Para(
                bi(
                    f"{where.indonesian} disisipkan 1 (satu) pasal, yakni Pasal {number}, yang "
                    "berbunyi sebagai berikut:",
                    f"{where.english}, 1 (one) article is inserted, namely Article {number}, "
                    "reading as follows:",
                ),
                quoted=_quoted(f"Pasal {number}", new, None, defined),
            )
        ],
        key="insert",
    )


def _deleted(number: str) -> Article:
    return Article(
        bi(f"PENGHAPUSAN PASAL {number}", f"DELETION OF ARTICLE {number}"),
        [Para(bi(f"Pasal {number} dihapus.", f"Article {number} is deleted."))],
        key="delete",
    )


def _target(w: Wording) -> Agreement | None:
    """The text the addendum amends, when the partnership holds it."""
    amends, partnership = w.agreement.amends, w.partnership
    return partnership.amended_document(amends) if partnership and amends else None


def _cited(article: Article) -> int:
    """The number of the amended article an article of the addendum cites (0 for none)."""
    found = re.search(r"PASAL (\d+)$", article.title.indonesian)
    return int(found.group(1)) if found else 0


def _texts(w: Wording) -> tuple[list[Article], list[Article], frozenset[str]] | None:
    """The amended text's articles before and after this addendum, and its defined words."""
    addendum = w.agreement
    amends = addendum.amends
    partnership = w.partnership
    target = partnership.amended_document(amends) if partnership and amends else None
    if target is None:
        return None
    assert partnership is not None
    digest = addendum.digest()
    earlier = [
        a
        for a in partnership.signed_addenda()
        if a.digest() != digest and (a.date, a.digest()) < (addendum.date, digest)
    ]
    before = target.amended_by(earlier)
    after = target.amended_by([*earlier, addendum])  # references name the original text
    body = _BODIES[target.kind]
    translations = {**target.translations, **addendum.translations}

    defined: set[str] = set()

    def write(text: Agreement) -> list[Article]:
        view = text.model_copy(update={"translations": translations})
        wording = Wording(view, w.bilingual, partnership, draft=False)
        found = resolved(body(wording))
        w.missing.extend(m for m in wording.missing if m not in w.missing)
        defined.update(wording.defined)
        return found

    return write(before), write(after), frozenset(defined)


def _diff(
    old: list[Article], new: list[Article], doc: str, doc_en: str, defined: frozenset[str]
) -> list[tuple[float, Article]]:
    """The addendum's articles for every article whose wording the data changes changed."""
    found: list[tuple[float, Article]] = []
    old_keys = [a.key for a in old]
    new_by_key = {a.key: a for a in new}
    inserted: dict[int, int] = {}
    for position, article in enumerate(new):
        if article.key in old_keys:
            number = old_keys.index(article.key) + 1
            if not _same(old[number - 1], article):
                changed = _changed(str(number), old[number - 1], article, doc, doc_en, defined)
                found.append((number, changed))
            continue
        # a new article: after the nearest earlier article the old text has
        after = next(
            (old_keys.index(n.key) + 1 for n in reversed(new[:position]) if n.key in old_keys), 0
        )
        inserted[after] = inserted.get(after, 0) + 1
        label = f"{after}{chr(ord('A') + inserted[after] - 1)}"
        following = str(after + 1) if after < len(old) else None
        found.append((after + 0.5, _inserted(str(after), following, label, article, defined)))
    for number, article in enumerate(old, 1):
        if article.key not in new_by_key:
            found.append((number, _deleted(str(number))))
    return found


def _explicit(
    w: Wording,
    change: ArticleChange | ArticleInsertion | ArticleDeletion,
    old: list[Article] | None,
    order: int = 1,
) -> tuple[float, Article]:
    """An article of the addendum for a change of wording that names its article."""
    amends = w.agreement.amends
    assert amends is not None
    doc, doc_en = amends.kind.label_id, amends.kind.label_en
    if old is not None:
        last = len(old)
        number = change.after if isinstance(change, ArticleInsertion) else change.article
        if number > last:
            raise InvalidArgumentError.saying(
                N_(
                    "the addendum cites Pasal {number}, but the {document} it amends has "
                    "{count} articles"
                ),
                number=number,
                document=lambda language: doc if language == "id" else doc_en,
                count=last,
                rule="article_out_of_range",
            )
    if isinstance(change, ArticleDeletion):
        return change.article, _deleted(str(change.article))
    if isinstance(change, ArticleInsertion):
        new = Article(w.both(change.title.upper()), [Para(w.both(t)) for t in change.text])
        following = str(change.after + 1) if old is None or change.after < len(old) else None
        label = f"{change.after}{chr(ord('A') + order - 1)}"
        return change.after + 0.5 + order / 1000, _inserted(
            str(change.after), following, label, new
        )
    paragraphs = [Para(w.both(t)) for t in change.text]
    title = old[change.article - 1].title if old is not None else bi("", "")
    if old is not None and change.paragraph is not None:
        has = len(old[change.article - 1].paragraphs)
        if change.paragraph > has:
            raise InvalidArgumentError.saying(
                N_(
                    "the addendum changes Pasal {article} ayat ({paragraph}), but that article "
                    "has {count} paragraph(s)"
                ),
                article=change.article,
                paragraph=change.paragraph,
                count=has,
                rule="paragraph_out_of_range",
            )
    heading = str(change.article)
    if change.paragraph is None:
        new = Article(title, paragraphs)
        return change.article, _changed(heading, Article(bi("-", "-"), []), new, doc, doc_en)
    cited = bi(
        f"Pasal {heading} ayat ({change.paragraph})",
        f"Article {heading} paragraph ({change.paragraph})",
    )
    quoted = [
        Quote("text", text, num=f"({change.paragraph})" if i == 0 else "")
        for i, text in enumerate(p.text for p in paragraphs)
    ]
    return change.article + change.paragraph / 100, Article(
        bi(f"PERUBAHAN PASAL {heading}", f"AMENDMENT OF ARTICLE {heading}"),
        [
            Para(
                bi(
                    f"Ketentuan {cited.indonesian} {doc} diubah sehingga berbunyi sebagai berikut:",
                    f"{cited.english} of the {doc_en} is amended to read as follows:",
                ),
                quoted=quoted,
            )
        ],
        key="change",
    )


_ARTICLE = re.compile(r"^Pasal\s+\d+[A-Z]?(\s+ayat\s+\(\d+\))?$", re.IGNORECASE)


def _free_text(w: Wording, change: Amendment) -> Article:
    """A change made before typed changes: its article named in words, its wording quoted."""
    amends = w.agreement.amends
    assert amends is not None
    named = w.both(change.article)
    if _ARTICLE.match(change.article):
        cited = bi(f"Ketentuan {change.article}", f"{named.english}")
        title = bi(f"PERUBAHAN {change.article.upper()}", f"AMENDMENT OF {named.english.upper()}")
    else:
        cited = bi(
            f"Ketentuan mengenai {lower_first(change.article)}",
            f"The provision on {lower_first(named.english)}",
        )
        title = bi(f"PERUBAHAN {change.article.upper()}", f"AMENDMENT: {named.english.upper()}")
    return Article(
        title,
        [
            Para(
                bi(
                    f"{cited.indonesian} dalam {amends.kind.label_id} diubah sehingga berbunyi "
                    "sebagai berikut:",
                    f"{cited.english} in the {amends.kind.label_en} is amended to read as follows:",
                ),
                quoted=[Quote("text", w.both(change.text))],
            )
        ],
        key="change",
    )


def unchanged(w: Wording) -> Article:
    amends = w.agreement.amends
    assert amends is not None
    return Article(
        bi("KETENTUAN LAIN", "OTHER PROVISIONS"),
        [
            Para(
                bi(
                    f"Ketentuan lain dalam {amends.kind.label_id} yang tidak diubah oleh "
                    "Adendum ini tetap berlaku dan mengikat PARA PIHAK.",
                    f"The other provisions of the {amends.kind.label_en} not amended by "
                    "this Addendum remain in force and binding on THE PARTIES.",
                )
            )
        ],
        key="unchanged",
    )


def articles(w: Wording) -> list[Article]:
    """The body of the addendum: each change, the unchanged provisions, language, closing.

    Raises:
        InvalidArgumentError: the addendum changes data but the text it amends is not at
            hand (render it with the partnership that holds both), or it cites an article
            the amended text does not have.
    """
    addendum = w.agreement
    amends = addendum.amends
    assert amends is not None  # an addendum always names what it amends
    doc, doc_en = amends.kind.label_id, amends.kind.label_en
    texts = _texts(w)
    data = [c for c in addendum.amendments if isinstance(c, DATA_CHANGES)]
    if data and texts is None:
        raise InvalidArgumentError.saying(
            N_(
                "the addendum changes the data of the {document} ({changes}); to cite the "
                "articles it changes, render it with the partnership that holds the {document} "
                "(partnership=...)"
            ),
            document=lambda language: doc if language == "id" else doc_en,
            changes=", ".join(c.change for c in data),
            rule="amended_text_needed",
        )
    target = _target(w)
    if target is not None and sorted(target.party_ids) != sorted(addendum.party_ids):
        raise InvalidArgumentError.saying(
            N_(
                "an addendum is made by every party of the {document} it amends ({parties}), "
                "not by {given}"
            ),
            document=lambda language: doc if language == "id" else doc_en,
            parties=", ".join(target.party_ids),
            given=", ".join(addendum.party_ids),
            rule="addendum_parties",
        )
    old = texts[0] if texts is not None else None
    changes: list[tuple[float, Article]] = []
    if texts is not None and data:
        changes += _diff(texts[0], texts[1], doc, doc_en, texts[2])
    touched = {_cited(article) for _, article in changes}
    inserted: dict[int, int] = {}
    free: list[Article] = []
    for change in addendum.amendments:
        if isinstance(change, (ArticleChange, ArticleInsertion, ArticleDeletion)):
            if isinstance(change, ArticleInsertion):
                inserted[change.after] = inserted.get(change.after, 0) + 1
                order = inserted[change.after]
            else:
                order = 0
                if change.article in touched:
                    raise InvalidArgumentError.saying(
                        N_(
                            "Pasal {article} is already changed by the addendum's data changes; "
                            "change it in one way only"
                        ),
                        article=change.article,
                        rule="changed_twice",
                    )
            changes.append(_explicit(w, change, old, order))
        elif isinstance(change, Amendment):
            free.append(_free_text(w, change))
    body = [article for _, article in sorted(changes, key=lambda found: found[0])] + free
    body.append(unchanged(w))
    found = language(w)
    if found is not None:
        body.append(found)
    body.append(closing_article(w))
    return body


KIND = agreement_kind(AgreementKind.ADDENDUM, articles)
"""The registry entry."""
