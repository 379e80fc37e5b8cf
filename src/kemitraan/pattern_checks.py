"""The guide's defining relations of its patterns, checked on an agreement (guide B.1–B.4).

The recommender proposes a pattern from the parties; this check holds a chosen pattern to
what the guide says it is, so an agency MoU in which a large agent markets a micro
principal's goods does not pass :meth:`~kemitraan.Agreement.check` in silence. Declared in
the agreement's rule book (:data:`~kemitraan.agreement_checks.AGREEMENT_RULES`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from kemitraan.agreement_checks import AGREEMENT_RULES, AgreementLike
from kemitraan.findings import Hit, Severity
from kemitraan.pattern_terms.guide import KSO_COMPANY, KSO_GROUP

__all__: list[str] = []

rule = AGREEMENT_RULES.rule


def _scales(agreement: AgreementLike) -> dict[str, Any]:
    return {party.id: party.business_scale for party in agreement.parties}


def _smaller(scales: dict[str, Any], small: str, large: str) -> bool | None:
    """Whether ``small`` is the smaller business; ``None`` when a scale is unknown."""
    a, b = scales.get(small), scales.get(large)
    return None if a is None or b is None else a < b


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
    if terms is None:
        return
    kind = terms.pattern
    scales = _scales(agreement)
    names = {party.id: party.name for party in agreement.parties}
    pairs: list[tuple[str, str]] = []
    if kind == "agency":
        pairs = [(terms.agent, terms.principal)]  # type: ignore[union-attr]
        defines = (
            "usaha kecil yang memasarkan barang/jasa usaha menengah atau besar",
            "a small business marketing the goods or services of a medium or large one",
        )
    elif kind == "foster_parent":
        pairs = [(child, terms.foster_parent) for child in terms.foster_children]  # type: ignore[union-attr]
        defines = (
            "usaha besar yang membantu perkembangan usaha kecil",
            "a large business helping small ones grow",
        )
    elif kind == "general_trade":
        pairs = [(terms.supplier, terms.buyer)]  # type: ignore[union-attr]
        defines = (
            "usaha menengah atau besar yang memasarkan hasil produksi usaha kecil",
            "a medium or large business marketing a small one's products",
        )
    elif kind == "operational_cooperation":
        given = [set(c.kinds) for c in terms.contributions]  # type: ignore[union-attr]
        group = any(kinds & KSO_GROUP for kinds in given)
        company = any(kinds & KSO_COMPANY for kinds in given)
        if not (group and company):
            yield Hit(
                path="pattern.contributions",
                values={
                    "why": "Tidak ada pihak yang menyediakan lahan, sarana atau tenaga kerja, "
                    "atau tidak ada yang menyediakan modal atau manajemen.",
                    "why_en": "No party brings land, facilities or labour, or none brings "
                    "capital or management.",
                    "pattern": "kerja sama operasional",
                    "pattern_en": "operational cooperation",
                    "defines": "kelompok mitra yang menyediakan lahan, sarana dan tenaga kerja, "
                    "dan perusahaan mitra yang menyediakan biaya, modal dan manajemen",
                    "defines_en": "a group providing land, facilities and labour, and a "
                    "company providing funds, capital and management",
                },
            )
        return
    else:
        return
    for small, large in pairs:
        if _smaller(scales, small, large) is False:
            a, b = scales[small], scales[large]
            yield Hit(
                path="pattern",
                values={
                    "why": f"{names.get(small, small)} ({a.label_id.lower()}) tidak lebih kecil "
                    f"daripada {names.get(large, large)} ({b.label_id.lower()}).",
                    "why_en": f"{names.get(small, small)} ({a.label_en.lower()}) is not smaller "
                    f"than {names.get(large, large)} ({b.label_en.lower()}).",
                    "pattern": _PATTERN_NAMES[kind][0],
                    "pattern_en": _PATTERN_NAMES[kind][1],
                    "defines": defines[0],
                    "defines_en": defines[1],
                },
            )


_PATTERN_NAMES: Final = {
    "agency": ("keagenan", "agency"),
    "foster_parent": ("bapak angkat – anak angkat", "foster parent"),
    "general_trade": ("dagang umum", "general trade"),
}
