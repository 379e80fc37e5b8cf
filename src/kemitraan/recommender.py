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

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import permutations
from typing import Any, Final, cast, get_origin

from pydantic import Field

from kemitraan._base import BilingualText, Language, ValueModel
from kemitraan._catalog import N_, Worded, both, say
from kemitraan._types import PartyId
from kemitraan.exceptions import InvalidArgumentError, UnknownPartyError
from kemitraan.findings import Hit, RuleBook, Severity
from kemitraan.parties import BusinessScale, ContributionKind, PartnerKind, Party
from kemitraan.pattern_terms import Contribution, PatternTerms
from kemitraan.pattern_terms.guide import KSO_COMPANY, KSO_GROUP
from kemitraan.patterns import PatternKind, pattern_info

__all__ = ["PATTERN_RULES", "PatternRecommendation", "recommend_patterns"]

K = ContributionKind

# guide B.2: what each side of an operational cooperation brings
_KSO_GROUP: Final = KSO_GROUP
_KSO_COMPANY: Final = KSO_COMPANY
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

        >>> from kemitraan.pattern_terms import TradedGood
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


def _kinds(kinds: Iterable[ContributionKind], language: Language) -> str:
    ordered = sorted(kinds, key=list(ContributionKind).index)
    return ", ".join(k.label(language).lower() for k in ordered)


def _scale_words(ctx: _Ctx, party_id: str, language: Language) -> str:
    scale = ctx.scale(party_id)
    if scale is None:
        return say(N_("scale unknown"), language)
    return scale.label(language).lower()


def _bi(message: str, /, **values: object) -> BilingualText:
    """``message`` (an English message id) in both languages, ``values`` filled."""
    return BilingualText.of(*both(message, **values))


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
        return Decimal(0), _bi(
            N_(
                "The business scale of {missing} is unknown; the size relation cannot be confirmed."
            ),
            missing=missing,
        )
    if s < big:
        return Decimal("0.3"), _bi(
            N_("{small} ({small_scale}) is smaller than {large} ({large_scale})."),
            small=ctx.name(small),
            small_scale=Worded(s.label_id.lower(), s.label_en.lower()),
            large=ctx.name(large),
            large_scale=Worded(big.label_id.lower(), big.label_en.lower()),
        )
    return None


PATTERN_RULES: Final[RuleBook[_Ctx]] = RuleBook()
"""Each pattern's shape, declared as a rule (guide B; PP 7/2021): it finds every arrangement of
the parties that fits, and its message is the first reason given for it."""
rule = PATTERN_RULES.rule


def _fit(
    pattern: PatternKind,
    score: Decimal,
    roles: dict[str, list[str]],
    more: Iterable[BilingualText | None] = (),
    **named: BilingualText,
) -> Hit:
    """A fitting arrangement: its message's values (each said in either language) and the match."""
    values: dict[str, object] = dict(named)
    values["fit"] = (pattern, score, roles, [m for m in more if m is not None])
    return Hit(values=values)


def _named(ctx: _Ctx, party_id: str) -> BilingualText:
    return BilingualText.of(ctx.name(party_id), ctx.name(party_id))


def _of_kinds(kinds: Iterable[ContributionKind]) -> BilingualText:
    kinds = list(kinds)
    return BilingualText.of(_kinds(kinds, "id"), _kinds(kinds, "en"))


@rule(
    "agency_fits",
    basis="Panduan B.1",
    summary="A smaller business markets the goods or services of a larger one.",
    english=N_(
        "{agent} markets the goods/services of {principal}: the agency pattern (guide B.1)."
    ),
    severity=Severity.INFO,
)
def _agency(ctx: _Ctx) -> Iterator[Hit]:
    for agent, principal in permutations(ctx.ids(), 2):
        if ctx.has(agent, {K.MARKETING}) and ctx.has(principal, {K.PRODUCTS}):
            sized = _size_reason(ctx, agent, principal)
            if sized is None:
                continue
            bonus, size = sized
            yield _fit(
                PatternKind.AGENCY,
                Decimal("0.6") + bonus,
                {"agent": [agent], "principal": [principal]},
                [size],
                agent=_who(ctx, agent),
                principal=_who(ctx, principal),
            )


_SHARES_AGREED: Final = N_("Profit and risk shares must be agreed (each summing to 100%).")


@rule(
    "operational_cooperation_fits",
    basis="Panduan B.2",
    summary="One side brings land, facilities and labour, the other funds, capital, management "
    "and production inputs.",
    english=N_(
        "{group} provides {brings} while {company} provides {funds}: the "
        "operational cooperation pattern (guide B.2)."
    ),
    severity=Severity.INFO,
)
def _operational(ctx: _Ctx) -> Iterator[Hit]:
    for group, company in permutations(ctx.ids(), 2):
        brings = ctx.has(group, _KSO_GROUP)
        funds = ctx.has(company, _KSO_COMPANY)
        if len(brings) >= 2 and len(funds) >= 2:
            coverage = (Decimal(len(brings)) / 3 + Decimal(len(funds)) / 4) / 2
            yield _fit(
                PatternKind.OPERATIONAL_COOPERATION,
                Decimal("0.7") + Decimal("0.3") * min(coverage, Decimal(1)),
                {"group": [group], "company": [company]},
                [_bi(_SHARES_AGREED)],
                group=_named(ctx, group),
                brings=_of_kinds(brings),
                company=_named(ctx, company),
                funds=_of_kinds(funds),
            )


@rule(
    "foster_parent_fits",
    basis="Panduan B.3",
    summary="A larger business helps smaller ones grow (interest-free capital is the guide's "
    "example) without taking their resources in exchange.",
    english=N_(
        "{parent} helps {children} grow with {help}: the foster-parent pattern (guide B.3)."
    ),
    severity=Severity.INFO,
)
def _foster(ctx: _Ctx) -> Iterator[Hit]:
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
        reasons: list[BilingualText] = []
        if K.INTEREST_FREE_CAPITAL in help_given:
            score += Decimal("0.3")
            reasons.append(
                _bi(N_("Interest-free capital is the guide's own example of this pattern."))
            )
        if parent_scale is BusinessScale.LARGE:
            score += Decimal("0.1")
        exchanged = frozenset().union(*(ctx.has(c, _EXCHANGE) for c in children))
        if exchanged:
            score -= Decimal("0.3")
            reasons.append(
                _bi(
                    N_(
                        "The helped parties also hand over {kinds}; that is an exchange, which "
                        "fits other patterns better."
                    ),
                    kinds=Worded(_kinds(exchanged, "id"), _kinds(exchanged, "en")),
                )
            )
        yield _fit(
            PatternKind.FOSTER_PARENT,
            score,
            {"foster_parent": [parent], "foster_children": children},
            reasons,
            parent=_who(ctx, parent),
            children=BilingualText.of(
                ", ".join(_who(ctx, c).indonesian for c in children),
                ", ".join(_who(ctx, c).english for c in children),
            ),
            help=_of_kinds(help_given),
        )


@rule(
    "general_trade_fits",
    basis="Panduan B.4",
    summary="A smaller business supplies or sells through a larger one, often through a "
    "cooperative.",
    english=N_(
        "{supplier} provides {sells} and {buyer} provides {takes}: the "
        "general-trade pattern (guide B.4)."
    ),
    severity=Severity.INFO,
)
def _general_trade(ctx: _Ctx) -> Iterator[Hit]:
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
            size,
            _bi(N_("Product requirements and quality must be agreed together.")),
        ]
        score = Decimal("0.6") + bonus
        for middle in ctx.ids():
            if middle not in (supplier, buyer) and ctx.has(middle, {K.DISTRIBUTION}):
                roles["intermediary"] = [middle]
                score += Decimal("0.1")
                via_coop = ctx.parties[middle].kind is PartnerKind.COOPERATIVE
                reasons.append(
                    _bi(
                        N_(
                            "{middle} acts as intermediary (a cooperative, as in the guide's "
                            "example)."
                        )
                        if via_coop
                        else N_("{middle} acts as intermediary."),
                        middle=ctx.name(middle),
                    )
                )
                break
        yield _fit(
            PatternKind.GENERAL_TRADE,
            score,
            roles,
            reasons,
            supplier=_who(ctx, supplier),
            sells=_of_kinds(sells),
            buyer=_who(ctx, buyer),
            takes=_of_kinds(takes),
        )


def _pair_rule(
    code: str,
    pattern: PatternKind,
    small_kinds: frozenset[ContributionKind],
    large_kinds: frozenset[ContributionKind],
    roles: tuple[str, str],
    what: str,
    english: str,
) -> None:
    """Declare a rule of PP 7/2021's simpler shape: a smaller party brings X, a larger one Y.

    ``what`` names the pattern in the summary; ``english`` is the message id.
    """

    @rule(
        code,
        basis="PP 7/2021 Pasal 106",
        summary=f"A smaller party brings one thing and a larger one another: {what}.",
        english=english,
        severity=Severity.INFO,
    )
    def _(ctx: _Ctx) -> Iterator[Hit]:
        for small, large in permutations(ctx.ids(), 2):
            a, b = ctx.has(small, small_kinds), ctx.has(large, large_kinds)
            if a and b:
                sized = _size_reason(ctx, small, large)
                if sized is None:
                    continue
                bonus, size = sized
                yield _fit(
                    pattern,
                    Decimal("0.5") + bonus,
                    {roles[0]: [small], roles[1]: [large]},
                    [size],
                    small=_named(ctx, small),
                    gives=_of_kinds(a),
                    large=_named(ctx, large),
                    takes=_of_kinds(b),
                )


_pair_rule(
    "core_plasma_fits",
    PatternKind.CORE_PLASMA,
    frozenset({K.LABOUR, K.LAND, K.SUPPLY}),
    frozenset({K.PRODUCTION_INPUTS}),
    ("plasma", "core"),
    "a large core supplies production inputs to its plasma (core–plasma pattern)",
    N_(
        "{small} provides {gives} and {large} provides {takes}: a large core supplies "
        "production inputs to its plasma (core–plasma pattern)."
    ),
)
_pair_rule(
    "subcontract_fits",
    PatternKind.SUBCONTRACT,
    frozenset({K.CONTRACT_PRODUCTION}),
    frozenset({K.OFFTAKE, K.CAPITAL}),
    ("subcontractor", "contractor"),
    "the subcontracting pattern",
    N_("{small} provides {gives} and {large} provides {takes}: the subcontracting pattern."),
)
_pair_rule(
    "franchise_fits",
    PatternKind.FRANCHISE,
    frozenset({K.CAPITAL, K.BUSINESS_LOCATION}),
    frozenset({K.BRAND}),
    ("franchisee", "franchisor"),
    "the franchise pattern",
    N_("{small} provides {gives} and {large} provides {takes}: the franchise pattern."),
)
_pair_rule(
    "outsourcing_fits",
    PatternKind.OUTSOURCING,
    frozenset({K.SUPPORT_SERVICES}),
    frozenset({K.CAPITAL, K.OFFTAKE}),
    ("provider", "client"),
    "the outsourcing pattern",
    N_("{small} provides {gives} and {large} provides {takes}: the outsourcing pattern."),
)


@rule(
    "supply_chain_fits",
    basis="PP 7/2021 Pasal 106",
    summary="A producer, a distributor and a buyer form one supply chain.",
    english=N_("{first} → {middle} → {last} form one supply chain."),
    severity=Severity.INFO,
)
def _supply_chain(ctx: _Ctx) -> Iterator[Hit]:
    producers = [p for p in ctx.ids() if ctx.has(p, {K.SUPPLY, K.PRODUCTS})]
    middles = [p for p in ctx.ids() if ctx.has(p, {K.DISTRIBUTION})]
    ends = [p for p in ctx.ids() if ctx.has(p, {K.OFFTAKE, K.MARKETING})]
    for a in producers:
        for b in middles:
            for c in ends:
                if len({a, b, c}) == 3:
                    yield _fit(
                        PatternKind.SUPPLY_CHAIN,
                        Decimal("0.6"),
                        {"links": [a, b, c]},
                        first=_named(ctx, a),
                        middle=_named(ctx, b),
                        last=_named(ctx, c),
                    )
                    return


@rule(
    "joint_venture_fits",
    basis="PP 7/2021 Pasal 106",
    summary="More than one party puts in capital.",
    english=N_("More than one party puts in capital: they could found a joint venture."),
    severity=Severity.INFO,
)
def _joint_venture(ctx: _Ctx) -> Iterator[Hit]:
    investors = [p for p in ctx.ids() if ctx.has(p, {K.CAPITAL})]
    if len(investors) >= 2:
        yield _fit(PatternKind.JOINT_VENTURE, Decimal("0.5"), {"contributions": investors})


@rule(
    "profit_sharing_fits",
    basis="PP 7/2021 Pasal 106",
    summary="Every party contributes and capital is put in.",
    english=N_(
        "Every party contributes and capital is put in: the result can be shared by agreed "
        "percentages."
    ),
    severity=Severity.INFO,
)
def _profit_sharing(ctx: _Ctx) -> Iterator[Hit]:
    investors = [p for p in ctx.ids() if ctx.has(p, {K.CAPITAL})]
    contributors = [p for p in ctx.ids() if ctx.offers.get(p)]
    if len(contributors) >= 2 and investors:
        yield _fit(PatternKind.PROFIT_SHARING, Decimal("0.4"), {"contributions": contributors})


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
            raise InvalidArgumentError.saying(
                "{first} and {second} have the same id {id}",
                first=by_id[party.id].name,
                second=party.name,
                id=repr(party.id),
            )
        by_id[party.id] = party
    offers: dict[str, frozenset[ContributionKind]] = {}
    for contribution in contributions:
        if contribution.party_id not in by_id:
            raise UnknownPartyError(contribution.party_id, list(by_id))
        if contribution.party_id in offers:
            raise InvalidArgumentError.saying(
                "{party} has two contributions; merge them",
                party=by_id[contribution.party_id].name,
            )
        offers[contribution.party_id] = contribution.kinds
    ctx = _Ctx(by_id, offers)

    best: dict[PatternKind, _Match] = {}
    for declared in PATTERN_RULES:
        for hit in declared.check(ctx):
            pattern, score, roles, more = hit.values["fit"]
            if score <= 0:
                continue
            current = best.get(pattern)
            if current is None or score > current.score:
                best[pattern] = _Match(pattern, score, roles, [declared.message(hit), *more])
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
