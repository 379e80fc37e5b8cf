"""Which partnership pattern fits: a recommender that explains itself (guide B).

:func:`recommend_patterns` looks at the parties (their scales) and what each will
contribute, and ranks the patterns whose shape matches, with the reasons in
Indonesian and English and the role each party would play. It reads the guide's
definitions literally:

* agency — a smaller business markets a larger one's goods;
* operational cooperation — one side brings land, facilities and labour, the other
  funds, capital, management and production inputs;
* foster parent — a larger business supports a smaller one (interest-free capital
  is the guide's own example) without taking its resources in exchange;
* general trade — a smaller business supplies or sells through a larger one, often
  through a cooperative;

and the regulation's other patterns likewise. It never guesses a missing scale:
a rule that needs one says so in its reasons and scores lower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import permutations
from typing import Any, Final, cast, get_origin

from pydantic import Field

from kemitraan._base import BilingualText, ValueModel
from kemitraan._types import PartyId
from kemitraan.exceptions import InvalidArgumentError, UnknownPartyError
from kemitraan.parties import BusinessScale, ContributionKind, PartnerKind, Party
from kemitraan.pattern_terms import Contribution, PatternTerms
from kemitraan.patterns import PatternKind, pattern_info

__all__ = ["PatternRecommendation", "recommend_patterns"]

K = ContributionKind

# guide B.2: what each side of an operational cooperation brings
_KSO_GROUP: Final = frozenset({K.LAND, K.FACILITIES, K.LABOUR})
_KSO_COMPANY: Final = frozenset(
    {
        K.CAPITAL,
        K.INTEREST_FREE_CAPITAL,
        K.MANAGEMENT,
        K.PRODUCTION_INPUTS,
        K.MARKET_GUARANTEE,
        K.PROCESSING_PACKAGING,
    }
)
# guide B.3: the help a foster parent gives
_FOSTER_HELP: Final = frozenset(
    {K.CAPITAL, K.INTEREST_FREE_CAPITAL, K.TRAINING, K.MENTORING, K.MARKET_ACCESS}
)
# what a small party would give back in an exchange (then it is not foster care)
_EXCHANGE: Final = frozenset({K.LAND, K.LABOUR, K.SUPPLY, K.PRODUCTS, K.MARKETING})


class PatternRecommendation(ValueModel):
    """One fitting pattern, how well it fits, who plays which role, and why.

    Attributes are what :func:`recommend_patterns` found; ``score`` runs from 0 to 1.

    >>> from kemitraan import BilingualText
    >>> PatternRecommendation(
    ...     pattern=PatternKind.AGENCY, score=Decimal("0.9"), roles={"agent": ["kube"]},
    ...     reasons=[BilingualText(indonesian="Alasan", english="Reason")],
    ... ).pattern.label_id
    'Keagenan'
    """

    pattern: PatternKind
    """The pattern."""
    score: Decimal = Field(ge=0, le=1)
    """How well the parties and contributions match the pattern's shape (0–1)."""
    roles: dict[str, list[PartyId]] = Field(default_factory=dict)
    """The role each party would play, by the terms' field names (``agent``, ``buyer``…)."""
    reasons: list[BilingualText] = Field(min_length=1)
    """Why, in Indonesian and English."""

    def terms(self, **details: Any) -> PatternTerms:
        """The pattern's terms with the recommended roles filled in, and ``details`` for the rest.

        Each role the recommendation names that is a field of the pattern's terms
        (``supplier``, ``buyer``, ``agent``, ``foster_children``, …) is set from it; a
        cooperation's market goes to its company (``market_guarantor``). ``details``
        gives what a recommendation cannot know — the goods and their quality, shares,
        prices — and overrides a role when it names one.

        Raises:
            pydantic.ValidationError: a field the terms need is still missing (named).

        >>> from kemitraan import TradedGood
        >>> found = PatternRecommendation(
        ...     pattern=PatternKind.GENERAL_TRADE, score=Decimal("0.8"),
        ...     roles={"supplier": ["kube"], "buyer": ["toko"]},
        ...     reasons=[BilingualText(indonesian="Alasan", english="Reason")])
        >>> terms = found.terms(goods=[TradedGood(name="Tas rajut")],
        ...                     quality_requirements=["Rajutan rapat"])
        >>> type(terms).__name__, terms.supplier, terms.buyer
        ('GeneralTradeTerms', 'kube', 'toko')
        """
        model = pattern_info(self.pattern).terms_model
        fields = model.model_fields
        filled: dict[str, Any] = {}
        roles = dict(self.roles)
        if "company" in roles and "market_guarantor" in fields:
            roles["market_guarantor"] = roles["company"]
        for name, ids in roles.items():
            if name not in fields or not ids or name == "contributions":
                continue
            many = get_origin(fields[name].annotation) is list
            filled[name] = list(ids) if many else ids[0]
        return cast("PatternTerms", model.model_validate({**filled, **details}))


@dataclass(frozen=True)
class _Ctx:
    parties: dict[str, Party]
    offers: dict[str, frozenset[ContributionKind]]

    def name(self, party_id: str) -> str:
        return self.parties[party_id].name

    def scale(self, party_id: str) -> BusinessScale | None:
        return self.parties[party_id].business_scale

    def has(self, party_id: str, kinds: Iterable[ContributionKind]) -> frozenset[ContributionKind]:
        return self.offers.get(party_id, frozenset()) & frozenset(kinds)

    def ids(self) -> list[str]:
        return list(self.parties)


@dataclass
class _Match:
    pattern: PatternKind
    score: Decimal
    roles: dict[str, list[str]]
    reasons: list[BilingualText] = field(default_factory=list)


def _kinds(kinds: Iterable[ContributionKind], language: str) -> str:
    ordered = sorted(kinds, key=list(ContributionKind).index)
    return ", ".join(k.label(language).lower() for k in ordered)


def _scale_words(ctx: _Ctx, party_id: str, language: str) -> str:
    scale = ctx.scale(party_id)
    if scale is None:
        return "skala usaha belum diketahui" if language == "id" else "scale unknown"
    return scale.label(language).lower()


def _who(ctx: _Ctx, party_id: str) -> BilingualText:
    return BilingualText(
        indonesian=f"{ctx.name(party_id)} ({_scale_words(ctx, party_id, 'id')})",
        english=f"{ctx.name(party_id)} ({_scale_words(ctx, party_id, 'en')})",
    )


def _size_reason(ctx: _Ctx, small: str, large: str) -> tuple[Decimal, BilingualText] | None:
    """Score bonus and reason for the small-versus-larger relation the guide's patterns need.

    ``None`` when both scales are known and ``small`` is not smaller: the pattern does
    not apply that way round.
    """
    s, big = ctx.scale(small), ctx.scale(large)
    if s is None or big is None:
        missing = ", ".join(ctx.name(p) for p in (small, large) if ctx.scale(p) is None)
        return Decimal(0), BilingualText(
            indonesian=f"Skala usaha {missing} belum diketahui; perbandingan skala belum dapat "
            "dipastikan.",
            english=f"The business scale of {missing} is unknown; the size relation cannot be "
            "confirmed.",
        )
    if s < big:
        return Decimal("0.3"), BilingualText(
            indonesian=f"{ctx.name(small)} ({s.label_id.lower()}) lebih kecil daripada "
            f"{ctx.name(large)} ({big.label_id.lower()}).",
            english=f"{ctx.name(small)} ({s.label_en.lower()}) is smaller than "
            f"{ctx.name(large)} ({big.label_en.lower()}).",
        )
    return None


def _agency(ctx: _Ctx) -> Iterator[_Match]:
    for agent, principal in permutations(ctx.ids(), 2):
        if ctx.has(agent, {K.MARKETING}) and ctx.has(principal, {K.PRODUCTS}):
            sized = _size_reason(ctx, agent, principal)
            if sized is None:
                continue
            bonus, size = sized
            yield _Match(
                PatternKind.AGENCY,
                Decimal("0.6") + bonus,
                {"agent": [agent], "principal": [principal]},
                [
                    BilingualText(
                        indonesian=f"{_who(ctx, agent).indonesian} memasarkan barang/jasa "
                        f"{_who(ctx, principal).indonesian}: bentuk keagenan (panduan B.1).",
                        english=f"{_who(ctx, agent).english} markets the goods/services of "
                        f"{_who(ctx, principal).english}: the agency pattern (guide B.1).",
                    ),
                    size,
                ],
            )


def _operational(ctx: _Ctx) -> Iterator[_Match]:
    for group, company in permutations(ctx.ids(), 2):
        brings = ctx.has(group, _KSO_GROUP)
        funds = ctx.has(company, _KSO_COMPANY)
        if len(brings) >= 2 and len(funds) >= 2:
            coverage = (Decimal(len(brings)) / 3 + Decimal(len(funds)) / 4) / 2
            yield _Match(
                PatternKind.OPERATIONAL_COOPERATION,
                Decimal("0.7") + Decimal("0.3") * min(coverage, Decimal(1)),
                {"group": [group], "company": [company]},
                [
                    BilingualText(
                        indonesian=f"{ctx.name(group)} menyediakan {_kinds(brings, 'id')}, "
                        f"sedangkan {ctx.name(company)} menyediakan {_kinds(funds, 'id')}: "
                        "bentuk kerja sama operasional (panduan B.2).",
                        english=f"{ctx.name(group)} provides {_kinds(brings, 'en')} while "
                        f"{ctx.name(company)} provides {_kinds(funds, 'en')}: the operational "
                        "cooperation pattern (guide B.2).",
                    ),
                    BilingualText(
                        indonesian="Pembagian hasil dan risiko perlu disepakati (masing-masing "
                        "berjumlah 100%).",
                        english="Profit and risk shares must be agreed (each summing to 100%).",
                    ),
                ],
            )


def _foster(ctx: _Ctx) -> Iterator[_Match]:
    for parent in ctx.ids():
        help_given = ctx.has(parent, _FOSTER_HELP)
        if not help_given:
            continue
        parent_scale = ctx.scale(parent)
        children = [
            c
            for c in ctx.ids()
            if c != parent
            and (s := ctx.scale(c)) is not None
            and parent_scale is not None
            and s < parent_scale
            and s <= BusinessScale.SMALL
        ]
        if not children:
            continue
        score = Decimal("0.6")
        names_id = ", ".join(_who(ctx, c).indonesian for c in children)
        names_en = ", ".join(_who(ctx, c).english for c in children)
        reasons = [
            BilingualText(
                indonesian=f"{_who(ctx, parent).indonesian} membantu perkembangan {names_id} "
                f"dengan {_kinds(help_given, 'id')}: bentuk bapak angkat – anak angkat "
                "(panduan B.3).",
                english=f"{_who(ctx, parent).english} helps {names_en} grow with "
                f"{_kinds(help_given, 'en')}: the foster-parent pattern (guide B.3).",
            )
        ]
        if K.INTEREST_FREE_CAPITAL in help_given:
            score += Decimal("0.3")
            reasons.append(
                BilingualText(
                    indonesian="Modal tanpa bunga adalah contoh panduan sendiri untuk pola ini.",
                    english="Interest-free capital is the guide's own example of this pattern.",
                )
            )
        if parent_scale is BusinessScale.LARGE:
            score += Decimal("0.1")
        exchanged = frozenset().union(*(ctx.has(c, _EXCHANGE) for c in children))
        if exchanged:
            score -= Decimal("0.3")
            reasons.append(
                BilingualText(
                    indonesian=f"Pihak yang dibantu juga menyerahkan {_kinds(exchanged, 'id')}; "
                    "itu pertukaran, yang lebih cocok dengan pola lain.",
                    english=f"The helped parties also hand over {_kinds(exchanged, 'en')}; "
                    "that is an exchange, which fits other patterns better.",
                )
            )
        yield _Match(
            PatternKind.FOSTER_PARENT,
            score,
            {"foster_parent": [parent], "foster_children": children},
            reasons,
        )


def _general_trade(ctx: _Ctx) -> Iterator[_Match]:
    for supplier, buyer in permutations(ctx.ids(), 2):
        sells = ctx.has(supplier, {K.SUPPLY, K.PRODUCTS})
        takes = ctx.has(buyer, {K.OFFTAKE, K.MARKETING, K.BUSINESS_LOCATION})
        if not (sells and takes) or ctx.has(supplier, {K.MARKETING}):
            continue
        sized = _size_reason(ctx, supplier, buyer)
        if sized is None:
            continue
        bonus, size = sized
        roles: dict[str, list[str]] = {"supplier": [supplier], "buyer": [buyer]}
        reasons = [
            BilingualText(
                indonesian=f"{_who(ctx, supplier).indonesian} menyediakan {_kinds(sells, 'id')} "
                f"dan {_who(ctx, buyer).indonesian} menyediakan {_kinds(takes, 'id')}: bentuk "
                "dagang umum (panduan B.4).",
                english=f"{_who(ctx, supplier).english} provides {_kinds(sells, 'en')} and "
                f"{_who(ctx, buyer).english} provides {_kinds(takes, 'en')}: the general-trade "
                "pattern (guide B.4).",
            ),
            size,
            BilingualText(
                indonesian="Persyaratan dan kualitas produk perlu disepakati bersama.",
                english="Product requirements and quality must be agreed together.",
            ),
        ]
        score = Decimal("0.6") + bonus
        for middle in ctx.ids():
            if middle not in (supplier, buyer) and ctx.has(middle, {K.DISTRIBUTION}):
                roles["intermediary"] = [middle]
                score += Decimal("0.1")
                via_coop = ctx.parties[middle].kind is PartnerKind.COOPERATIVE
                reasons.append(
                    BilingualText(
                        indonesian=f"{ctx.name(middle)} menjadi perantara"
                        + (" (koperasi, seperti contoh panduan)." if via_coop else "."),
                        english=f"{ctx.name(middle)} acts as intermediary"
                        + (" (a cooperative, as in the guide's example)." if via_coop else "."),
                    )
                )
                break
        yield _Match(PatternKind.GENERAL_TRADE, score, roles, reasons)


def _pair_rule(
    pattern: PatternKind,
    small_kinds: frozenset[ContributionKind],
    large_kinds: frozenset[ContributionKind],
    roles: tuple[str, str],
    text: tuple[str, str],
) -> Callable[[_Ctx], Iterator[_Match]]:
    """A rule of PP 7/2021's simpler shape: a smaller party brings X, a larger one Y."""

    def rule(ctx: _Ctx) -> Iterator[_Match]:
        for small, large in permutations(ctx.ids(), 2):
            a, b = ctx.has(small, small_kinds), ctx.has(large, large_kinds)
            if a and b:
                sized = _size_reason(ctx, small, large)
                if sized is None:
                    continue
                bonus, size = sized
                yield _Match(
                    pattern,
                    Decimal("0.5") + bonus,
                    {roles[0]: [small], roles[1]: [large]},
                    [
                        BilingualText(
                            indonesian=f"{ctx.name(small)} menyediakan {_kinds(a, 'id')} dan "
                            f"{ctx.name(large)} menyediakan {_kinds(b, 'id')}: {text[0]}.",
                            english=f"{ctx.name(small)} provides {_kinds(a, 'en')} and "
                            f"{ctx.name(large)} provides {_kinds(b, 'en')}: {text[1]}.",
                        ),
                        size,
                    ],
                )

    return rule


def _supply_chain(ctx: _Ctx) -> Iterator[_Match]:
    producers = [p for p in ctx.ids() if ctx.has(p, {K.SUPPLY, K.PRODUCTS})]
    middles = [p for p in ctx.ids() if ctx.has(p, {K.DISTRIBUTION})]
    ends = [p for p in ctx.ids() if ctx.has(p, {K.OFFTAKE, K.MARKETING})]
    for a in producers:
        for b in middles:
            for c in ends:
                if len({a, b, c}) == 3:
                    yield _Match(
                        PatternKind.SUPPLY_CHAIN,
                        Decimal("0.6"),
                        {"links": [a, b, c]},
                        [
                            BilingualText(
                                indonesian=f"{ctx.name(a)} → {ctx.name(b)} → {ctx.name(c)} "
                                "membentuk satu rantai pasok.",
                                english=f"{ctx.name(a)} → {ctx.name(b)} → {ctx.name(c)} form "
                                "one supply chain.",
                            )
                        ],
                    )
                    return


def _pooled(ctx: _Ctx) -> Iterator[_Match]:
    investors = [p for p in ctx.ids() if ctx.has(p, {K.CAPITAL})]
    if len(investors) >= 2:
        yield _Match(
            PatternKind.JOINT_VENTURE,
            Decimal("0.5"),
            {"contributions": investors},
            [
                BilingualText(
                    indonesian="Lebih dari satu pihak menyetor modal: dapat mendirikan usaha "
                    "patungan.",
                    english="More than one party puts in capital: they could found a joint "
                    "venture.",
                )
            ],
        )
    contributors = [p for p in ctx.ids() if ctx.offers.get(p)]
    if len(contributors) >= 2 and investors:
        yield _Match(
            PatternKind.PROFIT_SHARING,
            Decimal("0.4"),
            {"contributions": contributors},
            [
                BilingualText(
                    indonesian="Setiap pihak berkontribusi dan ada modal yang disetor: hasil "
                    "dapat dibagi menurut persentase yang disepakati.",
                    english="Every party contributes and capital is put in: the result can be "
                    "shared by agreed percentages.",
                )
            ],
        )


_RULES: Final[tuple[Callable[[_Ctx], Iterator[_Match]], ...]] = (
    _agency,
    _operational,
    _foster,
    _general_trade,
    _pair_rule(
        PatternKind.CORE_PLASMA,
        frozenset({K.LABOUR, K.LAND, K.SUPPLY}),
        frozenset({K.PRODUCTION_INPUTS}),
        ("plasma", "core"),
        (
            "usaha besar sebagai inti menyediakan sarana produksi bagi plasma (pola inti-plasma)",
            "a large core supplies production inputs to its plasma (core–plasma pattern)",
        ),
    ),
    _pair_rule(
        PatternKind.SUBCONTRACT,
        frozenset({K.CONTRACT_PRODUCTION}),
        frozenset({K.OFFTAKE, K.CAPITAL}),
        ("subcontractor", "contractor"),
        ("pola subkontrak", "the subcontracting pattern"),
    ),
    _pair_rule(
        PatternKind.FRANCHISE,
        frozenset({K.CAPITAL, K.BUSINESS_LOCATION}),
        frozenset({K.BRAND}),
        ("franchisee", "franchisor"),
        ("pola waralaba", "the franchise pattern"),
    ),
    _pair_rule(
        PatternKind.OUTSOURCING,
        frozenset({K.SUPPORT_SERVICES}),
        frozenset({K.CAPITAL, K.OFFTAKE}),
        ("provider", "client"),
        ("pola penyumberluaran", "the outsourcing pattern"),
    ),
    _supply_chain,
    _pooled,
)


def recommend_patterns(
    parties: Sequence[Party], contributions: Sequence[Contribution]
) -> list[PatternRecommendation]:
    """Rank the patterns that fit these parties and what each will contribute.

    Args:
        parties: The parties, with their scales (``scale`` or ``finances``).
        contributions: What each party will bring; a party may appear once.

    Returns:
        The fitting patterns, best first (one entry per pattern, its best
        arrangement of roles), each with its reasons. Empty when nothing fits.

    Raises:
        UnknownPartyError: a contribution names a party not among ``parties``.
        InvalidArgumentError: a party id appears twice among the parties or contributions.

    >>> from kemitraan import Partner, PartnerKind, BusinessScale, ContributionKind as K
    >>> shop = Partner(name="Toko Oleh-oleh Banjar", kind=PartnerKind.BUSINESS,
    ...                scale=BusinessScale.MEDIUM)
    >>> group = Partner(name="KUBE Rajut Lestari", kind=PartnerKind.COMMUNITY_GROUP,
    ...                 scale=BusinessScale.MICRO)
    >>> best = recommend_patterns(
    ...     [shop, group],
    ...     [Contribution(party_id=group.id, kinds={K.SUPPLY}),
    ...      Contribution(party_id=shop.id, kinds={K.OFFTAKE})],
    ... )[0]
    >>> best.pattern.label_id, best.roles["supplier"]
    ('Dagang umum', ['kube-rajut-lestari'])
    """
    by_id: dict[str, Party] = {}
    for party in parties:
        if party.id in by_id:
            raise InvalidArgumentError(f"party id {party.id!r} appears twice")
        by_id[party.id] = party
    offers: dict[str, frozenset[ContributionKind]] = {}
    for contribution in contributions:
        if contribution.party_id not in by_id:
            raise UnknownPartyError(contribution.party_id, list(by_id))
        if contribution.party_id in offers:
            raise InvalidArgumentError(
                f"party {contribution.party_id!r} has two contributions; merge them"
            )
        offers[contribution.party_id] = contribution.kinds
    ctx = _Ctx(by_id, offers)

    best: dict[PatternKind, _Match] = {}
    for rule in _RULES:
        for match in rule(ctx):
            if match.score <= 0:
                continue
            current = best.get(match.pattern)
            if current is None or match.score > current.score:
                best[match.pattern] = match
    order = list(PatternKind)
    ranked = sorted(best.values(), key=lambda m: (-m.score, order.index(m.pattern)))
    return [
        PatternRecommendation(
            pattern=m.pattern,
            score=min(max(m.score, Decimal(0)), Decimal(1)).quantize(Decimal("0.01")),
            roles=m.roles,
            reasons=m.reasons,
        )
        for m in ranked
    ]
