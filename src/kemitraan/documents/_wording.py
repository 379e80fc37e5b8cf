"""The wording machinery every document kind shares.

:class:`Wording` knows the agreement being written: a party's label (PIHAK KEDUA,
THE SECOND PARTY), the English of the agreement's own Indonesian wording (from
``Agreement.translations``, refusing to guess), and what the document calls itself.
:class:`Para` and :class:`Article` hold the body before it is numbered; the small
functions join lists the Indonesian way, lower a sentence's first letter without
touching acronyms, end list points with ";" and ".", and write percentages and
durations. Every piece of text is a :class:`Bilingual`: the pair a
:class:`~kemitraan.BilingualText` holds, as a plain named tuple.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final, NamedTuple

from kemitraan.agreements import Agreement
from kemitraan.conventions import (
    count,
    date_long,
    number_text,
    ordinal,
    party_label,
    stamp_duty_text,
)
from kemitraan.parties import ContributionKind
from kemitraan.partnerships import Partnership
from kemitraan.provisions import AgreementKind, MonitoringFrequency, Term

__all__ = [
    "BLANK",
    "METERAI",
    "Article",
    "Para",
    "Quote",
    "Wording",
    "bi",
    "counted",
    "duration",
    "every",
    "join",
    "kinds",
    "letter",
    "lower_first",
    "lower_item",
    "numbered",
    "percent",
    "percent_en",
    "point",
    "quantity",
    "resolve_refs",
    "upper_first",
]

METERAI: Final = f"METERAI\n{stamp_duty_text()}"
"""The text inside each signature's meterai box."""


class Bilingual(NamedTuple):
    """A piece of wording in Indonesian and English, as :class:`~kemitraan.BilingualText` holds it.

    A document is written from hundreds of these pairs; as models they took a tenth of the
    time its context takes to build, as tuples almost nothing.

    >>> bi("Pasal 1", "Article 1").english
    'Article 1'
    """

    indonesian: str
    """The Indonesian."""
    english: str
    """The English."""


bi = Bilingual

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
    # the defaults of a PKS's termination and breach
    "PARA PIHAK sepakat mengakhirinya secara tertulis": "THE PARTIES agree in writing to end it",
    "salah satu PIHAK melakukan wanprestasi dan tidak memperbaikinya setelah teguran tertulis": (
        "a PARTY is in breach and does not remedy it after written warning"
    ),
    "terjadi keadaan kahar yang berlangsung lebih dari 90 (sembilan puluh) hari": (
        "force majeure lasts more than 90 (ninety) days"
    ),
    "terdapat perubahan peraturan perundang-undangan yang mengakibatkan kerja sama tidak "
    "dapat dilaksanakan": "a change in the law makes the cooperation impossible to carry out",
    "penghentian sementara pelaksanaan kewajiban PIHAK yang dirugikan": (
        "suspension of the obligations of the PARTY harmed"
    ),
    "penggantian kerugian yang nyata-nyata diderita PIHAK yang dirugikan": (
        "compensation for the loss the PARTY harmed has actually suffered"
    ),
    "pengakhiran Perjanjian Kerja Sama": "termination of the Cooperation Agreement",
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
class Quote:
    """A line an addendum quotes from the amended text: a heading, a title, a paragraph."""

    kind: str  # "heading", "title", "text" or "point"
    text: Bilingual
    num: str = ""


@dataclass
class Para:
    """A paragraph of an article, with its lettered points and any quoted lines."""

    text: Bilingual
    items: list[Bilingual] = field(default_factory=list)
    quoted: list[Quote] = field(default_factory=list)


@dataclass
class Article:
    """An article before it is numbered: its title and paragraphs.

    ``key`` says what it is about (the name of the function that wrote it: ``term``,
    ``financing``, …), so an addendum finds the same article in the amended text.
    """

    title: Bilingual
    paragraphs: list[Para]
    key: str = ""


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

    @property
    def defined(self) -> frozenset[str]:
        """The words of the agreement's defined terms, in both languages."""
        terms = [d.term for d in self.agreement.definitions]
        terms += [self.agreement.translations.get(t, t) for t in terms]
        return frozenset(word for term in terms for word in term.split())

    @property
    def goods_term(self) -> Bilingual | None:
        """The defined term ("Produk") for the one good the pattern trades, if one names it.

        A definition names the good when its meaning begins with the good's name
        ("Produk" adalah tas rajut ukuran sedang …): the articles then say "Produk"
        where they would say "barang", as a defined term is used throughout.
        """
        goods = getattr(self.agreement.pattern, "goods", None)
        if not goods or len(goods) != 1:
            return None
        name = goods[0].name.casefold()
        for definition in self.agreement.definitions:
            if definition.meaning.casefold().startswith(name):
                return self.both(definition.term)
        return None

    def goods(self, text: str) -> str:
        """The library's own ``text``, its "barang" and "produk" said as the goods' term."""
        term = self.goods_term
        if term is None:
            return text
        return re.sub(r"\b(?:barang|produk)\b", term.indonesian, text)

    @property
    def earlier_addenda(self) -> list[tuple[int, Agreement]]:
        """The signed addenda to the same text made before this addendum, with their ordinals."""
        addendum, partnership = self.agreement, self.partnership
        if addendum.amends is None or partnership is None:
            return []
        same = sorted(
            (a for a in partnership.addenda if a.amends == addendum.amends),
            key=lambda a: (a.date, a.digest()),
        )
        signed = {a.digest() for a in partnership.signed_addenda()}
        key = (addendum.date, addendum.digest())
        return [
            (a.sequence or place, a)
            for place, a in enumerate(same, 1)
            if a.digest() in signed and (a.date, a.digest()) < key
        ]

    @property
    def as_amended(self) -> Bilingual:
        """``, sebagaimana telah diubah dengan Adendum Pertama Nomor … tanggal …``.

        How an addendum cites the text it amends when earlier addenda changed it: every one
        of them, by ordinal, number and date. Empty for a first addendum.
        """
        earlier = self.earlier_addenda
        if not earlier:
            return bi("", "")

        def numbers(a: Agreement) -> list[str]:
            return [a.numbers[pid] for pid in a.party_ids if pid in a.numbers] or [BLANK]

        cited_id = [
            f"Adendum {upper_first(ordinal(n))} Nomor {join(numbers(a), 'dan')} "
            f"tanggal {date_long(a.date)}"
            for n, a in earlier
        ]
        cited_en = [
            f"the {upper_first(ordinal(n, 'en'))} Addendum Number "
            f"{join(numbers(a), 'and')} of {date_long(a.date, 'en')}"
            for n, a in earlier
        ]
        return bi(
            f", sebagaimana telah diubah dengan {join(cited_id, 'dan')}",
            f", as amended by {join(cited_en, 'and')}",
        )

    def ref(self, key: str) -> Bilingual:
        """A reference to the article ``key`` writes (``Pasal 10`` / ``Article 10``).

        Articles are numbered once all are written, so the reference is a marker that
        :func:`resolve_refs` replaces with the number; an article the document does not
        have reads as "the article on …".
        """
        return bi(f"{REF_OPEN}{key}{REF_CLOSE}", f"{REF_OPEN}{key}{REF_EN}{REF_CLOSE}")

    def both(self, text: str) -> Bilingual:
        """The agreement's own wording with its English."""
        return bi(text, self.tr(text))

    def label(self, party_id: str) -> Bilingual:
        """PIHAK KEDUA / THE SECOND PARTY for a party of the agreement."""
        index = self.agreement.party_ids.index(party_id)
        return bi(party_label(index), party_label(index, "en"))

    def labels(self, party_ids: Iterable[str]) -> Bilingual:
        """Several parties' labels, joined: PIHAK KEDUA dan PIHAK KETIGA."""
        labels = [self.label(pid) for pid in party_ids]
        return bi(
            join([t.indonesian for t in labels], "dan"), join([t.english for t in labels], "and")
        )

    @property
    def others(self) -> Bilingual:
        """The other party or parties of the one just named: PIHAK lainnya / the other PARTY.

        English says "PARTIES" only when there are more than two.
        """
        if len(self.agreement.parties) > 2:
            return bi("PIHAK lainnya", "the other PARTIES")
        return bi("PIHAK lainnya", "the other PARTY")

    @property
    def doc(self) -> Bilingual:
        """What the document calls itself: Nota Kesepahaman / this Memorandum of Understanding."""
        kind = self.agreement.kind
        if kind is AgreementKind.ADDENDUM:
            return bi("Adendum", "Addendum")
        return bi(kind.label_id, "this " + kind.label_en)


REF_OPEN: Final = "\ue000"
REF_CLOSE: Final = "\ue001"
REF_EN: Final = "\ue002"
_REF: Final = re.compile(f"{REF_OPEN}([a-z_]+)({REF_EN})?{REF_CLOSE}")
_ABOUT: Final = {
    "termination": ("pasal tentang pengakhiran", "the article on termination"),
    "breach": ("pasal tentang wanprestasi", "the article on breach"),
    "notices": ("pasal tentang korespondensi", "the article on notices"),
    "delivery": ("pasal tentang penyerahan", "the article on delivery"),
}


def resolve_refs(text: str, numbers: Mapping[str, str]) -> str:
    """Replace the article markers of :meth:`Wording.ref` by ``Pasal N`` (``Article N``)."""
    if REF_OPEN not in text:
        return text

    def number(match: re.Match[str]) -> str:
        key, english = match.group(1), match.group(2) is not None
        if key in numbers:
            return f"{'Article' if english else 'Pasal'} {numbers[key]}"
        about = _ABOUT.get(key, (f"pasal tentang {key}", f"the article on {key}"))
        return about[1] if english else about[0]

    return _REF.sub(number, text)


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


def lower_item(text: str, defined: frozenset[str] = frozenset()) -> str:
    """Lower the first letter of a list point or of a clause after a colon.

    Indonesian drafting writes them so, unless the point begins with a name
    (``Bantuan Pemerintah …``, ``Hj. Norhayati``); the words of ``defined`` terms
    ("Produk") are capitalised without being names.

    >>> lower_item("Menyediakan instruktur praktik"), lower_item("Bantuan Pemerintah PKW")
    ('menyediakan instruktur praktik', 'Bantuan Pemerintah PKW')
    >>> lower_item("Memfasilitasi NIB lulusan")
    'memfasilitasi NIB lulusan'
    """
    words = text.split(" ", 2)
    if (
        len(words) > 1
        and words[1][:1].isupper()
        and words[1][1:2].islower()
        and words[1].strip(".,;:") not in defined
    ):
        return text  # "Bantuan Pemerintah …": a name (an acronym or a defined term is not)
    return lower_first(text)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def counted(number: int, unit_id: str, unit_en: str) -> Bilingual:
    """``3 (tiga) bulan`` / ``3 (three) months``: Indonesian nouns do not take a plural."""
    plural = unit_en if number == 1 else unit_en + "s"
    return bi(f"{count(number)} {unit_id}", f"{count(number, 'en')} {plural}")


def duration(term: Term) -> Bilingual:
    """How long a term runs: in years and months when it is a whole number of months, else days.

    >>> from datetime import date
    >>> duration(Term(start=date(2025, 3, 10), end=date(2027, 9, 9))).indonesian
    '2 (dua) tahun 6 (enam) bulan'
    >>> duration(Term(start=date(2025, 3, 10), end=date(2027, 9, 9))).english
    '2 (two) years and 6 (six) months'
    """
    months = term.exact_months
    if months is None:
        return counted(term.days, "hari", "day")
    years = counted(months // 12, "tahun", "year")
    rest = counted(months % 12, "bulan", "month")
    if months % 12 == 0:
        return years
    if months < 12:
        return rest
    return bi(f"{years.indonesian} {rest.indonesian}", f"{years.english} and {rest.english}")


_EVERY: Final = {
    MonitoringFrequency.MONTHLY: (1, "bulan", "month"),
    MonitoringFrequency.QUARTERLY: (3, "bulan", "month"),
    MonitoringFrequency.SEMESTER: (6, "bulan", "month"),
    MonitoringFrequency.YEARLY: (1, "tahun", "year"),
}


def every(frequency: MonitoringFrequency) -> Bilingual:
    """``setiap 3 (tiga) bulan`` / ``every 3 (three) months``; ``setiap bulan`` for one."""
    number, unit_id, unit_en = _EVERY[frequency]
    if number == 1:
        return bi(f"setiap {unit_id}", f"every {unit_en}")
    length = counted(number, unit_id, unit_en)
    return bi(f"setiap {length.indonesian}", f"every {length.english}")


def kinds(members: Iterable[ContributionKind]) -> Bilingual:
    """Contribution kinds in words, in their declared order."""
    ordered = ContributionKind.in_order(members)
    return bi(
        join([k.label_id.lower() for k in ordered], "dan"),
        join([k.label_en.lower() for k in ordered], "and"),
    )


# Agreements write counts without a thousands separator (``1500 (seribu lima ratus)``, as
# conventions.count does), and a number that is not whole, beside them, the same way.
def percent(value: Decimal) -> str:
    """A percentage or a quantity in Indonesian: ``12,5``."""
    return number_text(value, grouping=False)


def percent_en(value: Decimal) -> str:
    """The same in English: ``12.5``."""
    return number_text(value, "en", grouping=False)


def per_cent(value: Decimal) -> Bilingual:
    """A percentage in figures and words, as an agreement writes a number that binds.

    >>> per_cent(Decimal("0.1")).indonesian, per_cent(Decimal(40)).english
    ('0,1% (nol koma satu persen)', '40% (forty per cent)')
    """
    from num2words import num2words

    exact = int(value) if value == value.to_integral_value() else Decimal(f"{value.normalize():f}")
    return bi(
        f"{percent(value)}% ({num2words(exact, lang='id')} persen)",
        f"{percent_en(value)}% ({num2words(exact, lang='en')} per cent)",
    )


def quantity(value: Decimal) -> Bilingual:
    if value == value.to_integral_value():
        whole = int(value)
        return bi(count(whole), count(whole, "en"))
    return bi(percent(value), percent_en(value))


def point(text: str, last: bool) -> str:
    """A list point ends with ";" and the last with "." unless it has its own ending."""
    if text[-1:] in ".;:!?":
        return text
    return text + ("." if last else ";")


def inline(paragraph: Para, defined: frozenset[str] = frozenset()) -> Para:
    """A paragraph with one point says it in its own sentence: no lone "a.".

    >>> inline(Para(bi("Dapat diakhiri apabila:", "May be ended if:"),
    ...             [bi("Salah satu PIHAK lalai", "A PARTY defaults")])).text.indonesian
    'Dapat diakhiri apabila salah satu PIHAK lalai.'
    >>> inline(Para(bi("Rencana kerja memuat kegiatan sebagai berikut:", "The plan has:"),
    ...             [bi("Rekrutmen", "Recruitment")])).text.indonesian
    'Rencana kerja memuat kegiatan, yaitu rekrutmen.'
    >>> inline(Para(bi("Barang yang diperdagangkan:", "The goods traded:"),
    ...             [bi("tas rajut", "bags")])).text.indonesian
    'Barang yang diperdagangkan adalah tas rajut.'
    """
    text = paragraph.text
    if len(paragraph.items) != 1 or not text.indonesian.endswith(":"):
        return paragraph
    item = paragraph.items[0]
    return Para(
        bi(
            one_point(text.indonesian, item.indonesian, "id", defined),
            one_point(text.english, item.english, "en", defined),
        ),
        [],
        paragraph.quoted,
    )


def one_point(intro: str, item: str, language: str, defined: frozenset[str] = frozenset()) -> str:
    """A lead-in ending with ":" and its one point, as one sentence.

    A lead that ends on a word taking a complement ("apabila", "berhak", "meliputi";
    "if", "to") goes straight on; one that announced a list ("… sebagai berikut:")
    names its point with "yaitu"; a subject ("Barang yang diperdagangkan:") takes
    "adalah". In English a colon stays where no word carries the sentence on.
    """
    lead = intro.removesuffix(":").rstrip(" ,")
    said = lower_item(item, defined)
    announced = language != "en" and lead.endswith(" berikut")
    if announced:
        lead = lead.removesuffix(" berikut").removesuffix(" sebagai")
    last = lead.rsplit(" ", 1)[-1]
    if language == "en":
        joint = " " if last in _EN_LEADS else ": "
    elif last in _ID_LEADS:
        joint = " "
    else:
        joint = ", yaitu " if announced else " adalah "
    whole = f"{lead}{joint}{said}"
    return whole if whole[-1:] in ".;:!?" else whole + "."  # its own ending stays


# The words a sentence can go straight on from: "berhak menerima …", "apabila …".
_ID_LEADS: Final = frozenset(
    {
        "meliputi",
        "berhak",
        "berkewajiban",
        "wajib",
        "adalah",
        "yaitu",
        "yakni",
        "berupa",
        "pekerjaan",
        "atas",
        "untuk",
        "melalui",
        "kepada",
        "dari",
        "oleh",
        "dengan",
        "apabila",
        "jika",
        "bila",
        "bahwa",
        "karena",
        "agar",
        "sehingga",
        "tentang",
        "mengenai",
        "antara",
        "pada",
    }
)
_EN_LEADS: Final = frozenset(
    {
        "to",
        "shall",
        "covers",
        "are",
        "is",
        "namely",
        "from",
        "with",
        "by",
        "include",
        "includes",
        "if",
        "when",
        "that",
        "of",
        "for",
        "in",
        "on",
        "through",
        "as",
        "between",
        "under",
    }
)


def numbered(paragraphs: list[Para], defined: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    numbered = len(paragraphs) > 1
    paragraphs = [inline(p, defined) for p in paragraphs]
    return [
        {
            "num": f"({i})" if numbered else "",
            "text": p.text.indonesian,
            "text_en": p.text.english,
            "points": [
                {
                    "letter": letter(j),
                    "text": point(lower_item(item.indonesian, defined), j == len(p.items) - 1),
                    "text_en": point(lower_item(item.english, defined), j == len(p.items) - 1),
                    "last": j == len(p.items) - 1,
                }
                for j, item in enumerate(p.items)
            ],
            "quoted": [
                {"kind": q.kind, "num": q.num, "text": q.text.indonesian, "text_en": q.text.english}
                for q in p.quoted
            ],
        }
        for i, p in enumerate(paragraphs, 1)
    ]


def letter(index: int) -> str:
    """The letter of the ``index``-th point: a, b, …, z, then aa, bb, … as drafting does."""
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def resolved(articles: list[Article]) -> list[Article]:
    """``articles`` with their references to one another numbered (:meth:`Wording.ref`)."""
    numbers = {a.key: str(n) for n, a in enumerate(articles, 1) if a.key}

    def fix(text: Bilingual) -> Bilingual:
        return bi(resolve_refs(text.indonesian, numbers), resolve_refs(text.english, numbers))

    return [
        Article(
            a.title,
            [Para(fix(p.text), [fix(i) for i in p.items], p.quoted) for p in a.paragraphs],
            a.key,
        )
        for a in articles
    ]
