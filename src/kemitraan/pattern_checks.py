"""The guide's defining relations of its patterns, checked on an agreement (guide B.1–B.4).

The recommender proposes a pattern from the parties; this check holds a chosen pattern to
what the guide says it is, so an agency MoU in which a large agent markets a micro
principal's goods does not pass :meth:`~kemitraan.Agreement.check` in silence. Declared in
the agreement's rule book (:data:`~kemitraan.agreement_checks.AGREEMENT_RULES`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from kemitraan.agreement_checks import AGREEMENT_RULES, AgreementLike
from kemitraan.findings import Hit, Severity
from kemitraan.pattern_terms.guide import (
    KSO_COMPANY,
    KSO_GROUP,
    AgencyTerms,
    FosterParentTerms,
    GeneralTradeTerms,
    OperationalCooperationTerms,
)

__all__: list[str] = []

rule = AGREEMENT_RULES.rule
_Pair = tuple[str, str]  # Indonesian, English


@rule(
    "pattern_relation",
    basis="Panduan B.1–B.4",
    summary="The parties stand to each other as the chosen pattern defines: a small business "
    "with a medium or large one (agency, foster parent, general trade); land, facilities or "
    "labour on one side and capital or management on the other (operational cooperation).",
    indonesian="{why} Pola {pattern} dalam panduan mengandaikan {defines}; periksa kembali pola "
    "atau skala usaha para pihak.",
    english="{why_en} The guide's {pattern_en} pattern assumes {defines_en}; check the pattern "
    "or the parties' business scales.",
    severity=Severity.WARNING,
)
def _pattern_relation(agreement: AgreementLike) -> Iterator[Hit]:
    terms = agreement.pattern
    if isinstance(terms, OperationalCooperationTerms):
        given = [set(c.kinds) for c in terms.contributions]
        if not (
            any(kinds & KSO_GROUP for kinds in given)
            and any(kinds & KSO_COMPANY for kinds in given)
        ):
            yield Hit(path="pattern.contributions", values=_KSO_UNSPLIT)
        return
    relation = _SIZES.get(type(terms))
    if terms is None or relation is None:
        return
    pairs, pattern, defines = relation
    scales = {party.id: party.business_scale for party in agreement.parties}
    names = {party.id: party.name for party in agreement.parties}
    for small, large in pairs(terms):
        a, b = scales.get(small), scales.get(large)
        if a is None or b is None or a < b:
            continue  # an unknown scale says nothing; the recommender says it cannot tell
        yield Hit(
            path="pattern",
            values={
                "why": f"{names.get(small, small)} ({a.label_id.lower()}) tidak lebih kecil "
                f"daripada {names.get(large, large)} ({b.label_id.lower()}).",
                "why_en": f"{names.get(small, small)} ({a.label_en.lower()}) is not smaller "
                f"than {names.get(large, large)} ({b.label_en.lower()}).",
                "pattern": pattern[0],
                "pattern_en": pattern[1],
                "defines": defines[0],
                "defines_en": defines[1],
            },
        )


# Each pattern the guide defines by size: its (smaller, larger) pairs, its name, what it assumes.
_SIZES: Final[dict[type, tuple[Callable[[Any], list[tuple[str, str]]], _Pair, _Pair]]] = {
    AgencyTerms: (
        lambda t: [(t.agent, t.principal)],
        ("keagenan", "agency"),
        (
            "usaha kecil yang memasarkan barang/jasa usaha menengah atau besar",
            "a small business marketing the goods or services of a medium or large one",
        ),
    ),
    FosterParentTerms: (
        lambda t: [(child, t.foster_parent) for child in t.foster_children],
        ("bapak angkat – anak angkat", "foster parent"),
        (
            "usaha besar yang membantu perkembangan usaha kecil",
            "a large business helping small ones grow",
        ),
    ),
    GeneralTradeTerms: (
        lambda t: [(t.supplier, t.buyer)],
        ("dagang umum", "general trade"),
        (
            "usaha menengah atau besar yang memasarkan hasil produksi usaha kecil",
            "a medium or large business marketing a small one's products",
        ),
    ),
}
_KSO_UNSPLIT: Final = {
    "why": "Tidak ada pihak yang menyediakan lahan, sarana atau tenaga kerja, atau tidak ada "
    "yang menyediakan modal atau manajemen.",
    "why_en": "No party brings land, facilities or labour, or none brings capital or management.",
    "pattern": "kerja sama operasional",
    "pattern_en": "operational cooperation",
    "defines": "kelompok mitra yang menyediakan lahan, sarana dan tenaga kerja, dan perusahaan "
    "mitra yang menyediakan biaya, modal dan manajemen",
    "defines_en": "a group providing land, facilities and labour, and a company providing "
    "funds, capital and management",
}
