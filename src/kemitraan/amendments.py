"""The changes an addendum makes, typed (guide A.11; UU 12/2011, Lampiran II, as agreements use it).

An addendum changes the amended agreement in one of two ways:

- **its data**: the term (:class:`TermChange`), a party's role and duties
  (:class:`RoleChange`), the pattern's terms — a volume, a price
  (:class:`PatternChange`) —, the financing (:class:`FinancingChange`) or the scope
  (:class:`ScopeChange`). These make an *agreement as amended*
  (:meth:`kemitraan.Agreement.amended_by`) that the rest of the library reads, and the
  addendum cites the very article and paragraph they change;
- **its wording only**: a new wording for an article or one of its paragraphs
  (:class:`ArticleChange`), an article inserted between two others
  (:class:`ArticleInsertion`, "Pasal 5A"), an article deleted
  (:class:`ArticleDeletion`). These change the text, not the data.

:class:`~kemitraan.provisions.Amendment` — an article named in free text and its new wording —
is still read, for addenda made before the typed changes; ``check()`` suggests a
typed change instead.

In JSON a change names its kind in ``change``; one without it is a free-text
:class:`~kemitraan.provisions.Amendment`.

>>> from datetime import date
>>> TermChange(term=Term(start=date(2025, 3, 10), end=date(2027, 3, 9))).change
'term'
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from kemitraan._base import ValueModel
from kemitraan._types import NonEmptyStr, ShortText
from kemitraan.pattern_terms import PatternTerms
from kemitraan.provisions import Amendment, Funding, PartyRole, Term

__all__ = [
    "AnyAmendment",
    "ArticleChange",
    "ArticleDeletion",
    "ArticleInsertion",
    "FinancingChange",
    "PatternChange",
    "RoleChange",
    "ScopeChange",
    "TermChange",
]


class TermChange(ValueModel):
    """The term becomes ``term``: extended, shortened, or moved.

    >>> from datetime import date
    >>> TermChange(term=Term(start=date(2025, 3, 10), end=date(2027, 3, 9))).term.end
    datetime.date(2027, 3, 9)
    """

    change: Literal["term"] = "term"
    """What kind of change this is."""
    term: Term
    """The new term."""


class RoleChange(ValueModel):
    """A party's role, rights and duties become ``role`` (or a party's role is added).

    >>> RoleChange(role=PartyRole(party_id="cv-kriya-banua", role="Mitra pemasaran",
    ...            responsibilities=["Membeli 300 tas per bulan"])).role.party_id
    'cv-kriya-banua'
    """

    change: Literal["role"] = "role"
    """What kind of change this is."""
    role: PartyRole
    """The party's new role, in full."""


class PatternChange(ValueModel):
    """The pattern's terms become ``pattern``: a new volume, price, share or schedule.

    >>> from decimal import Decimal
    >>> from kemitraan.pattern_terms import GeneralTradeTerms, TradedGood
    >>> PatternChange(pattern=GeneralTradeTerms(
    ...     supplier="kube", buyer="toko", quality_requirements=["Rapi"],
    ...     goods=[TradedGood(name="Tas rajut", quantity=Decimal(300), period="per bulan")],
    ... )).pattern.goods[0].quantity
    Decimal('300')
    """

    change: Literal["pattern"] = "pattern"
    """What kind of change this is."""
    pattern: PatternTerms
    """The pattern's new terms, in full."""


class FinancingChange(ValueModel):
    """The financing becomes ``financing`` (every source, in full).

    >>> from decimal import Decimal
    >>> FinancingChange(financing=[Funding(source_name="APBD", amount=Decimal(1))]).change
    'financing'
    """

    change: Literal["financing"] = "financing"
    """What kind of change this is."""
    financing: list[Funding] = Field(min_length=1)
    """The new financing."""


class ScopeChange(ValueModel):
    """The scope becomes ``scope`` (every item, in full).

    >>> ScopeChange(scope=["Pemasaran daring"]).scope
    ['Pemasaran daring']
    """

    change: Literal["scope"] = "scope"
    """What kind of change this is."""
    scope: list[NonEmptyStr] = Field(min_length=1)
    """The new scope."""


class ArticleChange(ValueModel):
    """New wording for an article of the amended text, or for one of its paragraphs.

    >>> ArticleChange(article=9, paragraph=2, text=["Laporan disampaikan setiap bulan."]).paragraph
    2
    """

    change: Literal["article"] = "article"
    """What kind of change this is."""
    article: int = Field(ge=1, le=999)
    """The number of the article changed, as the amended text numbers it."""
    paragraph: int | None = Field(default=None, ge=1, le=99)
    """The paragraph (*ayat*) changed; ``None`` changes the whole article."""
    text: list[NonEmptyStr] = Field(min_length=1)
    """The new wording: the paragraph, or the article's paragraphs in order."""


class ArticleInsertion(ValueModel):
    """A new article between two articles of the amended text (numbered 5A after Pasal 5).

    >>> ArticleInsertion(after=5, title="Pelaporan", text=["PIHAK KEDUA melapor."]).after
    5
    """

    change: Literal["insert"] = "insert"
    """What kind of change this is."""
    after: int = Field(ge=1, le=999)
    """The article it follows."""
    title: ShortText
    """Its title."""
    text: list[NonEmptyStr] = Field(min_length=1)
    """Its paragraphs."""


class ArticleDeletion(ValueModel):
    """An article of the amended text deleted ("Pasal 7 dihapus.").

    >>> ArticleDeletion(article=7).article
    7
    """

    change: Literal["delete"] = "delete"
    """What kind of change this is."""
    article: int = Field(ge=1, le=999)
    """The number of the article deleted."""


_KINDS = frozenset(
    {"term", "role", "pattern", "financing", "scope", "article", "insert", "delete", "text"}
)


def _kind(value: Any) -> str | None:
    if isinstance(value, dict):
        found = value.get("change", "text")
    else:
        found = getattr(value, "change", "text")
    return found if found in _KINDS else None


AnyAmendment = Annotated[
    Annotated[TermChange, Tag("term")]
    | Annotated[RoleChange, Tag("role")]
    | Annotated[PatternChange, Tag("pattern")]
    | Annotated[FinancingChange, Tag("financing")]
    | Annotated[ScopeChange, Tag("scope")]
    | Annotated[ArticleChange, Tag("article")]
    | Annotated[ArticleInsertion, Tag("insert")]
    | Annotated[ArticleDeletion, Tag("delete")]
    | Annotated[Amendment, Tag("text")],
    Discriminator(
        _kind,
        custom_error_type="unknown_change",
        custom_error_message="a change is one of: term, role, pattern, financing, scope, "
        "article, insert, delete (or free text without 'change')",
    ),
]
"""Any change an addendum makes; JSON tells them apart by ``change``."""

DATA_CHANGES = (TermChange, RoleChange, PatternChange, FinancingChange, ScopeChange)
"""The changes that change the agreement's data (and so the agreement as amended)."""
