"""One way to declare a rule: every book of rules is made of the same declaration.

A requirement of a lifecycle move, a check of an agreement and the shape of a partnership
pattern are each a :class:`kemitraan.findings.Rule`: a stable code, its basis in the guide
or the law, a summary, and its message in Indonesian and English.
"""

from __future__ import annotations

import re
import string

import pytest

from kemitraan.agreement_checks import AGREEMENT_RULES
from kemitraan.findings import Rule
from kemitraan.maintenance import CHECKLISTS
from kemitraan.maintenance.health import HEALTH_RULES
from kemitraan.recommender import PATTERN_RULES
from kemitraan.requirements import REQUIREMENTS

BOOKS: dict[str, list[Rule[object]]] = {
    "agreement checks": list(AGREEMENT_RULES),  # type: ignore[arg-type]  # any subject
    "lifecycle requirements": [r.rule for r in REQUIREMENTS],  # type: ignore[misc]
    "pattern shapes": list(PATTERN_RULES),  # type: ignore[arg-type]
    "partner health": list(HEALTH_RULES),  # type: ignore[arg-type]
}
RULES = [(book, rule) for book, rules in BOOKS.items() for rule in rules]
# the guide, a regulation, or the drafting practice the law assumes (REFERENCE.md)
BASIS = re.compile(
    r"Panduan [ABC]|KUHPerdata|HIR|UU \d+/\d{4}|PP \d+/\d{4}|REFERENCE|[Kk]elaziman|"
    r"Tata naskah dinas|Teknik penyusunan|Juknis PKW"
)


@pytest.mark.parametrize(("book", "rule"), RULES, ids=[f"{b}:{r.code}" for b, r in RULES])
def test_every_rule_is_declared_whole(book: str, rule: Rule[object]) -> None:
    assert isinstance(rule, Rule)
    assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*", rule.code)
    assert BASIS.search(rule.basis), f"{rule.code}: basis {rule.basis!r} cites no source"
    assert rule.summary.strip()
    assert rule.indonesian is None  # the library's rules are said from the catalogs
    indonesian, english = rule.texts()
    assert indonesian.strip()
    assert english.strip()
    # both messages name the same values (a value worded per language is a BilingualText)
    fields = [
        {name for _, name, _, _ in string.Formatter().parse(text) if name}
        for text in (indonesian, english)
    ]
    assert fields[0] == fields[1], rule.code


@pytest.mark.parametrize("book", BOOKS)
def test_codes_are_unique_in_each_book(book: str) -> None:
    codes = [rule.code for rule in BOOKS[book]]
    assert len(codes) == len(set(codes))


def test_a_pattern_rule_gives_its_message_as_the_first_reason() -> None:
    from kemitraan import BusinessScale, ContributionKind, Partner, PartnerKind, recommend_patterns
    from kemitraan.pattern_terms import Contribution

    shop = Partner(name="Toko B", kind=PartnerKind.BUSINESS, scale=BusinessScale.MEDIUM)
    group = Partner(name="KUBE A", kind=PartnerKind.COMMUNITY_GROUP, scale=BusinessScale.MICRO)
    best = recommend_patterns(
        [shop, group],
        [
            Contribution(party_id=group.id, kinds=frozenset({ContributionKind.SUPPLY})),
            Contribution(party_id=shop.id, kinds=frozenset({ContributionKind.OFFTAKE})),
        ],
    )[0]
    rule = PATTERN_RULES["general_trade_fits"]
    assert best.reasons[0].indonesian.endswith("bentuk dagang umum (panduan B.4).")
    assert best.reasons[0].english.endswith("the general-trade pattern (guide B.4).")
    assert rule.basis == "Panduan B.4"


# Two items are read together with a neighbour's evidence: a product workshop is a meeting of
# unique value, and a new idea offered is a new opportunity.
JUDGED_WITH = {
    "unique_value.product_workshop": "unique_value.memorable_meeting",
    "surprise.new_ideas": "surprise.new_opportunity",
}


def test_every_checklist_item_judged_from_data_has_its_rule() -> None:
    judged = {rule.code.removesuffix(".never") for rule in HEALTH_RULES}
    from_data = {item.code for items in CHECKLISTS.values() for item in items if item.from_data}
    assert judged <= from_data  # a rule judges an item the checklist says is read from data
    assert from_data - judged == set(JUDGED_WITH)
    assert set(JUDGED_WITH.values()) <= judged


def test_the_checklist_the_library_writes_validates() -> None:
    # the checklist is built without validation at import (it is the library's own text)
    from kemitraan.maintenance import ChecklistItem

    for items in CHECKLISTS.values():
        for item in items:
            assert ChecklistItem.model_validate(item.model_dump()) == item
