"""The recommender reproduces the guide's own examples, with reasons."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from kemitraan import (
    BusinessScale,
    ContributionKind,
    Partner,
    PartnerKind,
    PatternKind,
    UnknownPartyError,
    dump_json,
    load_json,
    recommend_patterns,
)
from kemitraan.pattern_terms import Contribution
from kemitraan.recommender import PatternRecommendation
from strategies import scaled_partners

K = ContributionKind


def party(name: str, kind: PartnerKind, scale: BusinessScale | None) -> Partner:
    return Partner(name=name, kind=kind, scale=scale)


def gives(p: Partner, *kinds: ContributionKind) -> Contribution:
    return Contribution(party_id=p.id, kinds=frozenset(kinds))


BUMN = party("PT Pupuk Nusantara (Persero)", PartnerKind.STATE_ENTERPRISE, BusinessScale.LARGE)
BREEDERS = party("Kelompok Peternak Desa Miskin", PartnerKind.COMMUNITY_GROUP, BusinessScale.MICRO)
FARMERS = party("Kelompok Tani Hortikultura", PartnerKind.COMMUNITY_GROUP, BusinessScale.MICRO)
COOP = party("Koperasi Tani Makmur", PartnerKind.COOPERATIVE, BusinessScale.SMALL)
SUPERMARKET = party("Swalayan Segar Jaya", PartnerKind.BUSINESS, BusinessScale.LARGE)
GROUP = party("Kelompok Tani Tebu", PartnerKind.COMMUNITY_GROUP, BusinessScale.MICRO)
COMPANY = party("PT Gula Manis", PartnerKind.BUSINESS, BusinessScale.LARGE)
SMALL = party("UD Sinar Rajut", PartnerKind.BUSINESS, BusinessScale.SMALL)
FIRM = party("PT Benang Nusantara", PartnerKind.BUSINESS, BusinessScale.LARGE)

# The guide's four examples (section B), each with the pattern it illustrates.
GUIDE_EXAMPLES = [
    pytest.param(
        [BUMN, BREEDERS],
        [gives(BUMN, K.INTEREST_FREE_CAPITAL)],
        PatternKind.FOSTER_PARENT,
        {"foster_parent": [BUMN.id], "foster_children": [BREEDERS.id]},
        "modal tanpa bunga",
        id="B.3 BUMN gives interest-free capital to breeders",
    ),
    pytest.param(
        [FARMERS, COOP, SUPERMARKET],
        [gives(FARMERS, K.SUPPLY), gives(COOP, K.DISTRIBUTION), gives(SUPERMARKET, K.OFFTAKE)],
        PatternKind.GENERAL_TRADE,
        {"supplier": [FARMERS.id], "buyer": [SUPERMARKET.id], "intermediary": [COOP.id]},
        "dagang umum",
        id="B.4 horticulture group supplies a supermarket through a cooperative",
    ),
    pytest.param(
        [GROUP, COMPANY],
        [gives(GROUP, K.LAND, K.LABOUR), gives(COMPANY, K.CAPITAL, K.MANAGEMENT)],
        PatternKind.OPERATIONAL_COOPERATION,
        {"group": [GROUP.id], "company": [COMPANY.id]},
        "kerja sama operasional",
        id="B.2 group gives land and labour, company capital and management",
    ),
    pytest.param(
        [SMALL, FIRM],
        [gives(SMALL, K.MARKETING), gives(FIRM, K.PRODUCTS)],
        PatternKind.AGENCY,
        {"agent": [SMALL.id], "principal": [FIRM.id]},
        "keagenan",
        id="B.1 small business markets a large firm's goods",
    ),
]


@pytest.mark.parametrize(("parties", "contributions", "expected", "roles", "words"), GUIDE_EXAMPLES)
def test_guide_examples(
    parties: list[Partner],
    contributions: list[Contribution],
    expected: PatternKind,
    roles: dict[str, list[str]],
    words: str,
) -> None:
    ranked = recommend_patterns(parties, contributions)
    best = ranked[0]
    assert best.pattern is expected
    assert all(best.score > other.score for other in ranked[1:])
    assert best.roles == roles
    assert words in " ".join(r.indonesian for r in best.reasons).lower()
    assert all(r.indonesian and r.english for r in best.reasons)


def test_foster_example_holds_when_breeders_bring_labour() -> None:
    ranked = recommend_patterns(
        [BUMN, BREEDERS], [gives(BUMN, K.INTEREST_FREE_CAPITAL), gives(BREEDERS, K.LABOUR)]
    )
    assert ranked[0].pattern is PatternKind.FOSTER_PARENT


def test_the_direction_of_marketing_decides_agency_or_trade() -> None:
    # A large firm marketing a small one's products is general trade, not agency.
    ranked = recommend_patterns([SMALL, FIRM], [gives(SMALL, K.PRODUCTS), gives(FIRM, K.MARKETING)])
    assert ranked[0].pattern is PatternKind.GENERAL_TRADE
    assert ranked[0].roles == {"supplier": [SMALL.id], "buyer": [FIRM.id]}
    assert PatternKind.AGENCY not in [r.pattern for r in ranked]


def test_unknown_scale_is_said_not_guessed() -> None:
    shop = party("Toko Tanpa Data", PartnerKind.BUSINESS, None)
    ranked = recommend_patterns([SMALL, shop], [gives(SMALL, K.MARKETING), gives(shop, K.PRODUCTS)])
    agency = next(r for r in ranked if r.pattern is PatternKind.AGENCY)
    assert agency.score < Decimal("0.9")
    assert any("belum diketahui" in r.indonesian for r in agency.reasons)
    assert any("unknown" in r.english for r in agency.reasons)


def test_foster_parent_needs_known_scales() -> None:
    unknown = party("Perusahaan X", PartnerKind.BUSINESS, None)
    ranked = recommend_patterns([unknown, BREEDERS], [gives(unknown, K.INTEREST_FREE_CAPITAL)])
    assert PatternKind.FOSTER_PARENT not in [r.pattern for r in ranked]


def test_nothing_fits() -> None:
    assert recommend_patterns([SMALL, FIRM], []) == []


def test_bad_input_is_refused() -> None:
    with pytest.raises(UnknownPartyError) as caught:
        recommend_patterns([SMALL], [gives(FIRM, K.PRODUCTS)])
    assert caught.value.party_id == FIRM.id
    assert isinstance(caught.value, KeyError)
    with pytest.raises(ValueError, match="memiliki id yang sama"):
        recommend_patterns([SMALL, SMALL], [])
    with pytest.raises(ValueError, match="memiliki dua kontribusi"):
        recommend_patterns([SMALL], [gives(SMALL, K.PRODUCTS), gives(SMALL, K.LABOUR)])


@settings(deadline=None)
@given(
    st.lists(scaled_partners(), min_size=1, max_size=4, unique_by=lambda p: p.id),
    st.data(),
)
def test_ranking_invariants(parties: list[Partner], data: st.DataObject) -> None:
    contributions = [
        Contribution(
            party_id=p.id,
            kinds=data.draw(
                st.frozensets(st.sampled_from(list(ContributionKind)), min_size=1, max_size=4)
            ),
        )
        for p in parties
        if data.draw(st.booleans())
    ]
    ranked = recommend_patterns(parties, contributions)
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert len({r.pattern for r in ranked}) == len(ranked)
    ids = {p.id for p in parties}
    for r in ranked:
        assert load_json(PatternRecommendation, dump_json(r)) == r
        assert Decimal(0) < r.score <= Decimal(1)
        assert r.reasons
        assert all(pid in ids for members in r.roles.values() for pid in members)
