"""Patterns: each pattern's terms, valid and invalid, and their names."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from pydantic import TypeAdapter

from helpers import rejects
from kemitraan import ContributionKind, PatternKind
from kemitraan.pattern_terms import (
    AgencyTerms,
    FosterParentTerms,
    GeneralTradeTerms,
    Loan,
    OperationalCooperationTerms,
    PatternTerms,
)
from kemitraan.patterns import pattern_info

K = ContributionKind
terms_adapter: TypeAdapter[Any] = TypeAdapter(PatternTerms)


def contribution(party: str, *kinds: ContributionKind) -> dict[str, Any]:
    return {"party_id": party, "kinds": [k.value for k in kinds]}


VALID: dict[str, dict[str, Any]] = {
    "agency": {
        "pattern": "agency",
        "principal": "pabrik",
        "agent": "kube",
        "products": ["Benang rajut"],
        "territory": ["Kota Banjarmasin"],
        "commission_percent": "7.5",
    },
    "operational_cooperation": {
        "pattern": "operational_cooperation",
        "contributions": [
            contribution("kelompok", K.LAND, K.LABOUR),
            contribution("pt", K.CAPITAL, K.MANAGEMENT),
        ],
        "profit_shares": {"kelompok": "40", "pt": "60"},
        "risk_shares": {"kelompok": "33.33", "pt": "66.67"},
        "market_guarantor": "pt",
    },
    "foster_parent": {
        "pattern": "foster_parent",
        "foster_parent": "bumn",
        "foster_children": ["peternak"],
        "support": ["interest_free_capital", "mentoring"],
        "loan": {"amount": "50000000", "tenor_months": 24},
    },
    "general_trade": {
        "pattern": "general_trade",
        "supplier": "tani",
        "buyer": "swalayan",
        "intermediary": "koperasi",
        "goods": [{"name": "Tomat", "unit": "kg"}],
        "quality_requirements": ["Grade A"],
    },
    "core_plasma": {
        "pattern": "core_plasma",
        "core": "pt",
        "plasma": ["kelompok"],
        "inputs_supplied": ["Bibit"],
    },
    "subcontract": {
        "pattern": "subcontract",
        "contractor": "pt",
        "subcontractor": "ukm",
        "specification": "Tali tas 1 m",
        "volume": "1000 buah/bulan",
        "payment_terms": "30 hari",
    },
    "franchise": {
        "pattern": "franchise",
        "franchisor": "pt",
        "franchisee": "ukm",
        "brand": "Rajutku",
        "standards": ["SOP gerai"],
        "initial_fee": "15000000",
        "royalty_percent": "5",
    },
    "supply_chain": {
        "pattern": "supply_chain",
        "links": [
            {"party_id": "a", "position": 1, "role": "produsen"},
            {"party_id": "b", "position": 2, "role": "pengecer"},
        ],
    },
    "profit_sharing": {
        "pattern": "profit_sharing",
        "contributions": [contribution("a", K.CAPITAL), contribution("b", K.LABOUR)],
        "shares": {"a": "50", "b": "50"},
    },
    "joint_venture": {
        "pattern": "joint_venture",
        "venture_name": "PT Rajut Bersama",
        "contributions": [contribution("a", K.CAPITAL), contribution("b", K.CAPITAL)],
        "ownership": {"a": "51", "b": "49"},
    },
    "outsourcing": {
        "pattern": "outsourcing",
        "client": "pt",
        "provider": "ukm",
        "services": ["Pengemasan"],
    },
}


def test_every_pattern_has_a_valid_example() -> None:
    assert set(VALID) == {k.value for k in PatternKind}


@pytest.mark.parametrize("pattern", sorted(VALID))
def test_valid_terms_parse_to_their_model(pattern: str) -> None:
    terms = terms_adapter.validate_python(VALID[pattern])
    assert type(terms) is pattern_info(pattern).terms_model
    assert terms.pattern == pattern
    assert terms.party_ids()
    again = terms_adapter.validate_json(terms_adapter.dump_json(terms))
    assert again == terms


def changed(pattern: str, **changes: Any) -> dict[str, Any]:
    data = dict(VALID[pattern])
    for key, value in changes.items():
        if value is ...:
            data.pop(key)
        else:
            data[key] = value
    return data


INVALID = [
    # agency: products and territory named; two different parties
    (changed("agency", products=[]), ("products",), "too_short"),
    (changed("agency", territory=...), ("territory",), "missing"),
    (changed("agency", agent="pabrik"), ("agent",), "same_party"),
    (changed("agency", commission_percent="100.01"), ("commission_percent",), "less_than_equal"),
    # KSO: shares sum to 100, every party contributes, parties agree
    (
        changed("operational_cooperation", profit_shares={"kelompok": "40", "pt": "50"}),
        ("profit_shares",),
        "shares_not_100",
    ),
    (
        changed("operational_cooperation", risk_shares={"kelompok": "50", "pt": "50.01"}),
        ("risk_shares",),
        "shares_not_100",
    ),
    (
        changed("operational_cooperation", profit_shares={"kelompok": "40", "lain": "60"}),
        ("profit_shares",),
        "shares_parties_mismatch",
    ),
    (
        changed(
            "operational_cooperation",
            contributions=[contribution("kelompok", K.LAND), {"party_id": "pt", "kinds": []}],
        ),
        ("contributions", 1, "kinds"),
        "too_short",
    ),
    (
        changed(
            "operational_cooperation",
            contributions=[contribution("kelompok", K.LAND), contribution("kelompok", K.LABOUR)],
        ),
        ("contributions", 1, "party_id"),
        "duplicate_party",
    ),
    (
        changed("operational_cooperation", market_guarantor="asing"),
        ("market_guarantor",),
        "guarantor_not_party",
    ),
    (
        changed("operational_cooperation", contributions=[contribution("pt", K.CAPITAL)]),
        ("contributions",),
        "too_short",
    ),
    # foster parent
    (changed("foster_parent", foster_children=["bumn"]), ("foster_children",), "same_party"),
    (changed("foster_parent", support=["mentoring"]), ("support",), "loan_without_capital"),
    (changed("foster_parent", support=["land"]), ("support",), "not_foster_support"),
    (
        changed(
            "foster_parent",
            loan={"amount": "1000", "tenor_months": 12, "annual_interest_percent": "6"},
        ),
        ("loan", "annual_interest_percent"),
        "interest_on_interest_free_capital",
    ),
    (
        changed("foster_parent", loan={"amount": "0", "tenor_months": 12}),
        ("loan", "amount"),
        "greater_than",
    ),
    (
        changed("foster_parent", loan={"amount": "1000", "tenor_months": 12, "grace_months": 12}),
        ("loan", "grace_months"),
        "grace_exceeds_tenor",
    ),
    # general trade: quality requirements stated
    (
        changed("general_trade", quality_requirements=[]),
        ("quality_requirements",),
        "quality_requirements_missing",
    ),
    (changed("general_trade", quality_requirements=...), ("quality_requirements",), "missing"),
    (changed("general_trade", buyer="tani"), ("buyer",), "same_party"),
    (changed("general_trade", intermediary="swalayan"), ("intermediary",), "same_party"),
    (changed("general_trade", goods=[]), ("goods",), "too_short"),
    # the others
    (changed("core_plasma", plasma=["pt"]), ("plasma",), "same_party"),
    (changed("subcontract", subcontractor="pt"), ("subcontractor",), "same_party"),
    (changed("franchise", standards=[]), ("standards",), "too_short"),
    (
        changed(
            "supply_chain",
            links=[
                {"party_id": "a", "position": 1, "role": "x"},
                {"party_id": "a", "position": 2, "role": "y"},
            ],
        ),
        ("links",),
        "duplicate_party",
    ),
    (
        changed(
            "supply_chain",
            links=[
                {"party_id": "a", "position": 1, "role": "x"},
                {"party_id": "b", "position": 1, "role": "y"},
            ],
        ),
        ("links",),
        "duplicate_position",
    ),
    (changed("profit_sharing", shares={"a": "50", "b": "40"}), ("shares",), "shares_not_100"),
    (changed("joint_venture", ownership={"a": "100"}), ("ownership",), "shares_parties_mismatch"),
    (changed("outsourcing", provider="pt"), ("provider",), "same_party"),
    ({"pattern": "barter"}, (), "union_tag_invalid"),
]


@pytest.mark.parametrize(("data", "loc", "rule"), INVALID)
def test_invalid_terms_name_field_and_rule(
    data: dict[str, Any], loc: tuple[str | int, ...], rule: str
) -> None:
    error = rejects(lambda: terms_adapter.validate_python(data), loc, rule)
    if loc:
        assert error.errors()[0]["loc"][-len(loc) :] == loc


def test_shares_are_exact_decimals() -> None:
    # 33.33 + 66.67 is exactly 100 in Decimal, where float arithmetic would drift.
    terms = terms_adapter.validate_python(VALID["operational_cooperation"])
    assert isinstance(terms, OperationalCooperationTerms)
    assert sum(terms.risk_shares.values()) == Decimal(100)


def test_interest_free_loan() -> None:
    assert Loan(amount=Decimal(1), tenor_months=2).interest_free
    assert not Loan(
        amount=Decimal(1), tenor_months=2, annual_interest_percent=Decimal("0.5")
    ).interest_free


def test_terms_models_by_name() -> None:
    assert isinstance(terms_adapter.validate_python(VALID["agency"]), AgencyTerms)
    assert isinstance(terms_adapter.validate_python(VALID["foster_parent"]), FosterParentTerms)
    assert isinstance(terms_adapter.validate_python(VALID["general_trade"]), GeneralTradeTerms)


@pytest.mark.parametrize("kind", list(PatternKind))
def test_every_pattern_is_described_in_both_languages(kind: PatternKind) -> None:
    info = pattern_info(kind)
    assert info.kind is kind
    assert info.name_id
    assert info.name_en
    assert info.name_id != info.name_en
    assert len(info.description_id) > 40
    assert len(info.description_en) > 40
    assert info.terms_model.model_fields["pattern"].default == kind.value


def test_the_guide_names_four_patterns() -> None:
    assert [k for k in PatternKind if k.in_guide] == [
        PatternKind.AGENCY,
        PatternKind.OPERATIONAL_COOPERATION,
        PatternKind.FOSTER_PARENT,
        PatternKind.GENERAL_TRADE,
    ]
    assert pattern_info("general_trade").name_id == "Dagang umum"
