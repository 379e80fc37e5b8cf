"""The wording machinery every document kind shares.

:class:`Wording` knows the agreement being written: a party's label (PIHAK KEDUA,
THE SECOND PARTY), the English of the agreement's own Indonesian wording (from
``Agreement.translations``, refusing to guess), and what the document calls itself.
:class:`Para` and :class:`Article` hold the body before it is numbered; the small
functions join lists the Indonesian way, lower a sentence's first letter without
touching acronyms, end list points with ";" and ".", and write percentages and
durations. Every piece of text is a :class:`~kemitraan.BilingualText`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from kemitraan._base import BilingualText
from kemitraan.agreements import Agreement
from kemitraan.conventions import count, party_label, stamp_duty_text
from kemitraan.parties import ContributionKind
from kemitraan.partnerships import Partnership
from kemitraan.provisions import AgreementKind, Term

__all__ = [
    "BLANK",
    "METERAI",
    "Article",
    "Para",
    "Wording",
    "bi",
    "duration",
    "join",
    "kinds",
    "lower_first",
    "numbered",
    "percent",
    "percent_en",
    "point",
    "quantity",
    "upper_first",
]

METERAI: Final = f"METERAI\n{stamp_duty_text()}"
"""The text inside each signature's meterai box."""

bi = BilingualText.of

BLANK: Final = "…………………"
"""What a draft shows where data is missing: never a silently shortened sentence."""

# English for the library's own default wording.
BUILT_IN_EN: Final = {
    "bencana alam": "natural disasters",
    "wabah penyakit": "epidemics",
    "kebakaran": "fire",
    "huru-hara": "civil unrest",
    "perang": "war",
    "kebijakan pemerintah yang secara langsung memengaruhi pelaksanaan kerja sama": (
        "government policy directly affecting the cooperation"
    ),
    "kunjungan lapangan": "field visits",
    "laporan kegiatan": "activity reports",
    # the usual units and periods of traded goods
    "buah": "pieces",
    "kg": "kg",
    "liter": "litres",
    "per minggu": "per week",
    "per bulan": "per month",
    "per tahun": "per year",
}


@dataclass
class Para:
    """A paragraph of an article, with its lettered points."""

    text: BilingualText
    items: list[BilingualText] = field(default_factory=list)


@dataclass
class Article:
    """An article before it is numbered: its title and paragraphs."""

    title: BilingualText
    paragraphs: list[Para]


@dataclass
class Wording:
    """What writing one agreement needs: labels, translations, the document's own name."""

    agreement: Agreement
    bilingual: bool
    partnership: Partnership | None = None
    """The partnership the agreement belongs to, for its work plan."""
    draft: bool = False
    """A draft: what is missing shows as dotted blanks instead of being left out."""
    missing: list[str] = field(default_factory=list)
    """The agreement's own wording a bilingual document found no English for."""

    def blank(self, value: str | None) -> str:
        """``value``, or in a draft the dotted blank that shows it is missing."""
        if value:
            return value
        return BLANK if self.draft else ""

    def tr(self, text: str) -> str:
        """English for the agreement's own Indonesian wording."""
        if text == BLANK:  # a draft's dotted blank reads the same in English
            return BLANK
        found = self.agreement.translations.get(text) or BUILT_IN_EN.get(text)
        if found is not None:
            return found
        if self.bilingual:
            self.missing.append(text)
        return text

    def both(self, text: str) -> BilingualText:
        """The agreement's own wording with its English."""
        return bi(text, self.tr(text))

    def label(self, party_id: str) -> BilingualText:
        """PIHAK KEDUA / THE SECOND PARTY for a party of the agreement."""
        index = self.agreement.party_ids.index(party_id)
        return bi(party_label(index), party_label(index, "en"))

    def labels(self, party_ids: Iterable[str]) -> BilingualText:
        """Several parties' labels, joined: PIHAK KEDUA dan PIHAK KETIGA."""
        labels = [self.label(pid) for pid in party_ids]
        return bi(
            join([t.indonesian for t in labels], "dan"), join([t.english for t in labels], "and")
        )

    @property
    def doc(self) -> BilingualText:
        """What the document calls itself: Nota Kesepahaman / this Memorandum of Understanding."""
        kind = self.agreement.kind
        if kind is AgreementKind.ADDENDUM:
            return bi("Adendum", "Addendum")
        return bi(kind.label_id, "this " + kind.label_en)


def join(items: Sequence[str], conjunction: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    comma = "," if conjunction == "and" and len(items) > 2 else ""
    return f"{', '.join(items[:-1])}{comma} {conjunction} {items[-1]}"


def lower_first(text: str) -> str:
    """Lower the first letter of a sentence fragment, but leave acronyms and names alone."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        first_word = text.split(" ", 1)[0]
        if first_word[1:].islower():
            return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def duration(term: Term) -> BilingualText:
    """How long a term runs: in years or months when it is a whole number of them, else days."""
    months = term.exact_months
    if months is not None:
        if months % 12 == 0:
            return bi(f"{count(months // 12)} tahun", f"{count(months // 12, 'en')} year(s)")
        return bi(f"{count(months)} bulan", f"{count(months, 'en')} month(s)")
    return bi(f"{count(term.days)} hari", f"{count(term.days, 'en')} days")


def kinds(members: Iterable[ContributionKind]) -> BilingualText:
    """Contribution kinds in words, in their declared order."""
    ordered = ContributionKind.in_order(members)
    return bi(
        join([k.label_id.lower() for k in ordered], "dan"),
        join([k.label_en.lower() for k in ordered], "and"),
    )


def percent(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def percent_en(value: Decimal) -> str:
    return format(value.normalize(), "f")


def quantity(value: Decimal) -> BilingualText:
    if value == value.to_integral_value():
        whole = int(value)
        return bi(count(whole), count(whole, "en"))
    return bi(percent(value), percent_en(value))


def point(text: str, last: bool) -> str:
    """A list point ends with ";" and the last with "." unless it has its own ending."""
    if text[-1:] in ".;:!?":
        return text
    return text + ("." if last else ";")


def numbered(paragraphs: list[Para]) -> list[dict[str, Any]]:
    numbered = len(paragraphs) > 1
    return [
        {
            "num": f"({i})" if numbered else "",
            "text": p.text.indonesian,
            "text_en": p.text.english,
            "points": [
                {
                    "letter": chr(ord("a") + j) if j < 26 else str(j + 1),
                    "text": point(item.indonesian, j == len(p.items) - 1),
                    "text_en": point(item.english, j == len(p.items) - 1),
                }
                for j, item in enumerate(p.items)
            ],
        }
        for i, p in enumerate(paragraphs, 1)
    ]
