"""The guide's defining relations of its patterns, checked on an agreement (guide B.1–B.4).

The recommender proposes a pattern from the parties; this check holds a chosen pattern to
what the guide says it is, so an agency MoU in which a large agent markets a micro
principal's goods does not pass :meth:`~kemitraan.Agreement.check` in silence. Beside it,
who may take a role in the pattern: a yayasan or a unit it runs trades only through an
entity of its own (UU 16/2001 Pasal 3 and 7); an exclusive right belongs in a PKS, not an
MoU; a party of a PKS the pattern does not name is pointed out. Declared in the agreement's
rule book (:data:`~kemitraan.agreement_checks.AGREEMENT_RULES`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan._refs import party_refs
from kemitraan.agreement_checks import AGREEMENT_RULES, AgreementLike
from kemitraan.authority import LegalForm
from kemitraan.conventions import party_label
from kemitraan.findings import Hit, Severity
from kemitraan.pattern_terms.guide import (
    KSO_COMPANY,
    KSO_GROUP,
    AgencyTerms,
    FosterParentTerms,
    GeneralTradeTerms,
    OperationalCooperationTerms,
)
from kemitraan.patterns import PatternKind
from kemitraan.provisions import AgreementKind

__all__: list[str] = []

rule = AGREEMENT_RULES.rule
_Pair = tuple[str, str]  # Indonesian, English


@rule(
    "pattern_relation",
    basis="Panduan B.1–B.4",
    summary=N_(
        "The parties stand to each other as the chosen pattern defines: a small business "
        "with a medium or large one (agency, foster parent, general trade); land, facilities or "
        "labour on one side and capital or management on the other (operational cooperation)."
    ),
    english=N_(
        "{why} The guide's {pattern} pattern assumes {defines}; check the pattern "
        "or the parties' business scales."
    ),
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
                "why": BilingualText.of(
                    f"{names.get(small, small)} ({a.label_id.lower()}) tidak lebih kecil "
                    f"daripada {names.get(large, large)} ({b.label_id.lower()}).",
                    f"{names.get(small, small)} ({a.label_en.lower()}) is not smaller "
                    f"than {names.get(large, large)} ({b.label_en.lower()}).",
                ),
                "pattern": BilingualText.of(*pattern),
                "defines": BilingualText.of(*defines),
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
    "why": BilingualText.of(
        "Tidak ada pihak yang menyediakan lahan, sarana atau tenaga kerja, atau tidak ada "
        "yang menyediakan modal atau manajemen.",
        "No party brings land, facilities or labour, or none brings capital or management.",
    ),
    "pattern": BilingualText.of("kerja sama operasional", "operational cooperation"),
    "defines": BilingualText.of(
        "kelompok mitra yang menyediakan lahan, sarana dan tenaga kerja, dan perusahaan "
        "mitra yang menyediakan biaya, modal dan manajemen",
        "a group providing land, facilities and labour, and a company providing "
        "funds, capital and management",
    ),
}


# What a party does in each pattern, by the field of the terms that names it.
_ROLES: Final[dict[str, _Pair]] = {
    "agent": ("agen", "agent"),
    "principal": ("prinsipal", "principal"),
    "supplier": ("pemasok", "supplier"),
    "buyer": ("pembeli", "buyer"),
    "contributions": ("penyumbang kerja sama operasional", "contributor to the operation"),
    "foster_parent": ("bapak angkat", "foster parent"),
    "foster_children": ("anak angkat", "foster child"),
    "core": ("inti", "core"),
    "plasma": ("plasma", "plasma partner"),
    "contractor": ("kontraktor", "contractor"),
    "subcontractor": ("subkontraktor", "subcontractor"),
    "franchisor": ("pemberi waralaba", "franchisor"),
    "franchisee": ("penerima waralaba", "franchisee"),
    "links": ("mata rantai pasok", "link in the supply chain"),
    "shares": ("pihak bagi hasil", "profit-sharing party"),
    "ownership": ("pemilik usaha patungan", "joint-venture owner"),
    "client": ("pengguna jasa", "client"),
    "provider": ("penyedia jasa", "provider"),
}


def _pattern_name(agreement: AgreementLike) -> _Pair:
    terms = agreement.pattern
    kind = PatternKind(terms.pattern) if terms is not None else None
    return (kind.label_id.lower(), kind.label_en.lower()) if kind is not None else ("", "")


@rule(
    "foundation_in_commercial_role",
    basis="UU 16/2001 Pasal 3 dan Pasal 7 jo. UU 28/2004",
    summary=N_(
        "A yayasan, or a unit it runs (a PKBM, an LKP), takes no commercial role in a "
        "business pattern itself: a yayasan does business only through an entity it founds or "
        "holds shares in."
    ),
    english=N_(
        "{who} ({form}) acts as {role} in the {pattern} pattern; a yayasan does not "
        "do business itself but through an entity it founds or holds shares in (UU 16/2001 "
        "Articles 3 and 7). Consider making that entity the party."
    ),
    severity=Severity.WARNING,
)
def _foundation_trading(agreement: AgreementLike) -> Iterator[Hit]:
    terms = agreement.pattern
    if terms is None:
        return
    pattern, pattern_en = _pattern_name(agreement)
    index_of = {party.id: index for index, party in enumerate(agreement.parties)}
    forms = {party.id: party.form for party in agreement.parties}
    seen: set[str] = set()
    for where, pid, _ in party_refs(terms):
        form = forms.get(pid)
        if pid in seen or form not in (LegalForm.FOUNDATION, LegalForm.FOUNDATION_UNIT):
            continue
        seen.add(pid)
        role, role_en = _ROLES.get(str(where[0]), ("pihak", "a party"))
        party = agreement.parties[index_of[pid]]
        yield Hit(
            party_id=pid,
            path=".".join(map(str, ("pattern", *where))),
            values={
                "who": f"{party_label(index_of[pid])} ({party.name})",
                "form": BilingualText.of(
                    form.label_id.lower() if form is LegalForm.FOUNDATION else form.label_id,
                    form.label_en,
                ),
                "role": BilingualText.of(role, f"the {role_en}"),
                "pattern": BilingualText.of(pattern, pattern_en),
            },
        )


@rule(
    "exclusivity_in_mou",
    basis="Kelaziman penyusunan perjanjian: MoU memuat ketentuan umum, hak yang mengikat "
    "diatur dalam PKS",
    summary=N_(
        "An MoU grants no exclusive right: a binding exclusive commercial right belongs in a PKS."
    ),
    english=N_(
        "The MoU grants {agent} an exclusive right to market {principal}'s products in "
        "{territory}; a binding exclusive right usually belongs in a Cooperation Agreement (PKS), "
        "not in an MoU."
    ),
    severity=Severity.WARNING,
)
def _exclusive_in_mou(agreement: AgreementLike) -> Iterator[Hit]:
    terms = agreement.pattern
    if agreement.kind is not AgreementKind.MOU or not isinstance(terms, AgencyTerms):
        return
    if terms.exclusive:
        names = {party.id: party.name for party in agreement.parties}
        yield Hit(
            party_id=terms.agent,
            path="pattern.exclusive",
            values={
                "agent": names.get(terms.agent, terms.agent),
                "principal": names.get(terms.principal, terms.principal),
                "territory": ", ".join(terms.territory),
            },
        )


@rule(
    "party_outside_pattern",
    basis="Panduan A.6 (peran dan tanggung jawab setiap pihak); Panduan B",
    summary=N_(
        "In a PKS that runs a pattern, a party the pattern's terms do not name is told "
        "apart (as information): the pattern clause names only the parties that trade, so what "
        "the others give and receive must stand in their rights and obligations."
    ),
    english=N_(
        "{who} is not named in the {pattern} terms (only {named}); the pattern clause "
        "binds only the parties it names. Make sure {who}'s rights and obligations say what it "
        "gives and receives."
    ),
    severity=Severity.INFO,
)
def _outside_pattern(agreement: AgreementLike) -> Iterator[Hit]:
    terms = agreement.pattern
    if agreement.kind is not AgreementKind.PKS or terms is None:
        return
    named_ids = terms.party_ids()
    pattern, pattern_en = _pattern_name(agreement)
    named = ", ".join(p.name for p in agreement.parties if p.id in named_ids)
    for index, party in enumerate(agreement.parties):
        if party.id not in named_ids:
            yield Hit(
                party_id=party.id,
                path="pattern",
                values={
                    "who": f"{party_label(index)} ({party.name})",
                    "pattern": BilingualText.of(pattern, pattern_en),
                    "named": named,
                },
            )
