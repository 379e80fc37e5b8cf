"""Agreements: structure is validated, the whole is judged by findings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from helpers import capacity_instruments, rejects
from kemitraan import (
    Agreement,
    AgreementKind,
    Authority,
    BusinessScale,
    ContributionKind,
    Funding,
    Institution,
    Partner,
    PartnerKind,
    PartyRole,
    ReadOnlyFieldError,
    Representative,
    Severity,
    Signatory,
    Stage,
    Term,
    UnknownPartyError,
)
from kemitraan.conventions import STAMP_DUTY, party_label
from kemitraan.pattern_terms import Contribution, GeneralTradeTerms, TradedGood
from kemitraan.provisions import AgreementReference, Amendment, DisputeSettlement
from seed import at_stage

PKBM = Institution(
    name="PKBM Harapan Bangsa",
    representative=Representative(
        name="Hj. Siti Aminah, S.Pd.",
        position="Ketua PKBM",
        authority=Authority(text="Akta Pendirian Yayasan Nomor 12 Tahun 2015"),
    ),
)
SHOP = Partner(
    name="Toko Oleh-oleh Banjar",
    kind=PartnerKind.BUSINESS,
    scale=BusinessScale.MEDIUM,
    representative=Representative(
        name="H. Rahmat Hidayat", position="Pemilik", authority=Authority(text="NIB 9120001234567")
    ),
)
DINAS = Partner(
    name="Dinas Pendidikan Kota Banjarmasin",
    kind=PartnerKind.GOVERNMENT,
    representative=Representative(
        name="Drs. Ahmad Yani, M.Pd.",
        position="Kepala Dinas",
        nip="197001011995031001",
        authority=Authority(text="Keputusan Wali Kota Banjarmasin"),
        instruments=[capacity_instruments()["government"]],
    ),
)
FOREIGN = Partner(
    name="Nihon Craft Co., Ltd.",
    kind=PartnerKind.BUSINESS,
    is_foreign=True,
    language="ja",
    representative=Representative(
        name="Tanaka Hiroshi",
        position="Director",
        authority=Authority(text="Board resolution 2025-01"),
    ),
)


def signed(party: Institution | Partner) -> Signatory:
    assert party.representative is not None
    return Signatory(
        party_id=party.id,
        name=party.representative.name,
        position=party.representative.position,
        nip=party.representative.nip,
        signed_on=date(2025, 3, 3),
        signed_at="Banjarmasin",
    )


def complete(**changes: object) -> Agreement:
    """An agreement with nothing wrong in it, then ``changes``."""
    parties: list[Institution | Partner] = [PKBM, SHOP, DINAS]
    data: dict[str, object] = {
        "kind": AgreementKind.MOU,
        "parties": parties,
        "numbers": {
            PKBM.id: "001/PKBM-HB/III/2025",
            SHOP.id: "07/TOB/2025",
            DINAS.id: "400.3/123/Disdik/2025",
        },
        "subject": "Kemitraan PKW Pembuatan Tas Rajut",
        "place": "Banjarmasin",
        "date": date(2025, 3, 3),
        "considerations": ["PIHAK PERTAMA menyelenggarakan PKW Pembuatan Tas Rajut"],
        "purpose": "Meningkatkan kecakapan wirausaha peserta didik",
        "objectives": ["Lulusan mampu memproduksi dan memasarkan tas rajut"],
        "scope": ["Pelatihan", "Pemasaran hasil produksi"],
        "pattern": GeneralTradeTerms(
            supplier=PKBM.id,
            buyer=SHOP.id,
            goods=[TradedGood(name="Tas rajut")],
            quality_requirements=["Rajutan rapat dan rapi"],
        ),
        "roles": [
            PartyRole(party_id=p.id, role="Peran", responsibilities=["Tanggung jawab"])
            for p in parties
        ],
        "financing": [Funding(source_name="Bantuan PKW", amount=Decimal("2950000"))],
        "term": Term(start=date(2025, 3, 3), end=date(2026, 3, 2)),
        "dispute_settlement": DisputeSettlement(venue="Pengadilan Negeri Banjarmasin"),
        "signatories": [signed(p) for p in parties],
        "originals": 3,
    }
    data.update(changes)
    return Agreement.model_validate(data)


def codes(agreement: Agreement, severity: Severity | None = None) -> list[str]:
    return [f.code for f in agreement.check() if severity is None or f.severity is severity]


def test_a_complete_agreement_has_no_errors_or_warnings() -> None:
    agreement = complete()
    assert codes(agreement, Severity.ERROR) == []
    assert codes(agreement, Severity.WARNING) == []
    assert codes(agreement, Severity.INFO) == ["lawful_cause_unverifiable", "stamp_duty"]
    assert agreement.fully_signed


def _drop_role(agreement: Agreement) -> Agreement:
    return agreement.model_copy(update={"roles": agreement.roles[:2]})


FINDINGS: list[tuple[str, Callable[[], Agreement], str, Severity]] = [
    (
        "a party without a role (guide A.6)",
        lambda: complete(
            roles=[
                PartyRole(party_id=PKBM.id, role="x", responsibilities=["y"]),
                PartyRole(party_id=SHOP.id, role="x", responsibilities=["y"]),
            ]
        ),
        "role_for_every_party",
        Severity.ERROR,
    ),
    (
        "a party without a responsibility",
        lambda: complete(
            roles=[PartyRole(party_id=p.id, role="x", responsibilities=["y"]) for p in (PKBM, SHOP)]
            + [PartyRole(party_id=DINAS.id, role="Pembina")]
        ),
        "responsibility_for_every_party",
        Severity.ERROR,
    ),
    (
        "a role for a party not in the agreement",
        lambda: complete(
            roles=[
                *complete().roles,
                PartyRole(party_id="orang-lain", role="x", responsibilities=["y"]),
            ]
        ),
        "unknown_party",
        Severity.ERROR,
    ),
    (
        "a signatory for a party not in the agreement",
        lambda: complete(
            signatories=[
                *complete().signatories,
                Signatory(party_id="orang-lain", name="X", position="Y"),
            ]
        ),
        "unknown_party",
        Severity.ERROR,
    ),
    (
        "pattern terms naming a stranger",
        lambda: complete(
            pattern=GeneralTradeTerms(
                supplier=PKBM.id,
                buyer="swalayan",
                goods=[TradedGood(name="Tas")],
                quality_requirements=["Rapi"],
            )
        ),
        "unknown_party",
        Severity.ERROR,
    ),
    (
        "financing from a stranger",
        lambda: complete(financing=[Funding(source_party_id="bank", amount=Decimal(1))]),
        "unknown_party",
        Severity.ERROR,
    ),
    (
        "KUHPerdata 1320 consent: no signatory",
        lambda: complete(signatories=[signed(PKBM), signed(SHOP)]),
        "signatory_named",
        Severity.ERROR,
    ),
    (
        "KUHPerdata 1320 consent: not signed yet",
        lambda: complete(
            signatories=[
                signed(PKBM),
                signed(SHOP),
                signed(DINAS).model_copy(update={"signed_on": None}),
            ]
        ),
        "all_signed",
        Severity.INFO,
    ),
    (
        "KUHPerdata 1320 capacity: no authority recorded",
        lambda: complete(
            parties=[
                PKBM,
                SHOP.model_copy(
                    update={
                        "representative": Representative(
                            name="H. Rahmat Hidayat", position="Pemilik"
                        )
                    }
                ),
                DINAS,
            ]
        ),
        "capacity_not_shown",
        Severity.WARNING,
    ),
    (
        "KUHPerdata 1320 capacity: signer is not the representative",
        lambda: complete(
            signatories=[
                signed(PKBM),
                signed(SHOP),
                signed(DINAS).model_copy(update={"name": "Sekretaris"}),
            ]
        ),
        "signatory_not_representative",
        Severity.WARNING,
    ),
    (
        "KUHPerdata 1320 definite object: no scope",
        lambda: complete(scope=[]),
        "scope_missing",
        Severity.ERROR,
    ),
    (
        "UU 24/2009: Indonesian missing",
        lambda: complete(languages=["en"]),
        "indonesian_missing",
        Severity.ERROR,
    ),
    (
        "UU 24/2009: a foreign party without its language or English",
        lambda: complete(
            parties=[PKBM, SHOP, FOREIGN],
            roles=[
                PartyRole(party_id=p.id, role="x", responsibilities=["y"])
                for p in (PKBM, SHOP, FOREIGN)
            ],
            numbers={},
            signatories=[signed(p) for p in (PKBM, SHOP, FOREIGN)],
        ),
        "foreign_language_missing",
        Severity.ERROR,
    ),
    (
        "UU 24/2009: prevailing language not used",
        lambda: complete(prevailing_language="en"),
        "prevailing_language_unused",
        Severity.ERROR,
    ),
    (
        "UU 24/2009: bilingual without a prevailing text",
        lambda: complete(languages=["id", "en"]),
        "prevailing_language_missing",
        Severity.WARNING,
    ),
    ("no term", lambda: complete(term=None), "term_set", Severity.WARNING),
    ("no pattern", lambda: complete(pattern=None), "pattern_chosen", Severity.WARNING),
    (
        "a party without a number",
        lambda: complete(numbers={PKBM.id: "1"}),
        "number_missing",
        Severity.WARNING,
    ),
    (
        "fewer originals than parties",
        lambda: complete(originals=2),
        "too_few_originals",
        Severity.WARNING,
    ),
    (
        "two roles for one party",
        lambda: complete(
            roles=[
                *complete().roles,
                PartyRole(party_id=PKBM.id, role="lagi", responsibilities=["y"]),
            ]
        ),
        "duplicate_role",
        Severity.WARNING,
    ),
    # documents a legal officer signs without corrections (issue 9)
    (
        "no considerations: the text would go straight from its intro to the articles",
        lambda: complete(considerations=[]),
        "considerations_missing",
        Severity.WARNING,
    ),
    (
        "a district court without its city",
        lambda: complete(dispute_settlement=DisputeSettlement()),
        "dispute_venue_missing",
        Severity.WARNING,
    ),
    (
        "a term that starts before the agreement is made",
        lambda: complete(term=Term(start=date(2025, 1, 1), end=date(2025, 12, 31))),
        "term_starts_before_signing",
        Severity.WARNING,
    ),
    (
        "an MoU with a price per piece, a monthly quantity and payment days",
        lambda: complete(
            pattern=GeneralTradeTerms(
                supplier=PKBM.id,
                buyer=SHOP.id,
                goods=[
                    TradedGood(
                        name="Tas rajut",
                        quantity=Decimal(200),
                        period="per bulan",
                        unit_price=Decimal(85000),
                    )
                ],
                quality_requirements=["Rapi"],
                payment_terms="Dibayar paling lambat 14 hari",
            )
        ),
        "commercial_terms_in_mou",
        Severity.WARNING,
    ),
    (
        "a PKS with a party that has no address for notices",
        lambda: complete(kind=AgreementKind.PKS),
        "notice_address_missing",
        Severity.WARNING,
    ),
]


@pytest.mark.parametrize(
    ("why", "build", "code", "severity"), FINDINGS, ids=[row[0] for row in FINDINGS]
)
def test_each_rule_is_found(
    why: str, build: Callable[[], Agreement], code: str, severity: Severity
) -> None:
    findings = [f for f in build().check() if f.code == code]
    assert findings, why
    assert {f.severity for f in findings} == {severity}
    assert all(f.message.indonesian and f.message.english and f.basis for f in findings)


def test_foreign_party_is_satisfied_by_english_or_its_language() -> None:
    parties: list[Institution | Partner] = [PKBM, SHOP, FOREIGN]
    base = {
        "parties": parties,
        "roles": [PartyRole(party_id=p.id, role="x", responsibilities=["y"]) for p in parties],
        "signatories": [signed(p) for p in parties],
        "prevailing_language": "id",
    }
    for languages in (["id", "en"], ["id", "ja"], ["id", "ja", "en"]):
        assert "foreign_language_missing" not in codes(complete(languages=languages, **base))


def test_findings_come_errors_first() -> None:
    severities = [f.severity for f in complete(scope=[], term=None).check()]
    order = list(Severity)
    assert severities == sorted(severities, key=order.index)


def test_check_changes_nothing() -> None:
    agreement = complete(scope=[])
    before = agreement.model_dump_json()
    agreement.check()
    assert agreement.model_dump_json() == before


def test_stamp_duty_one_meterai_per_original() -> None:
    agreement = complete(originals=4)
    assert agreement.meterai_count == 4
    assert agreement.stamp_duty == 4 * STAMP_DUTY == Decimal(40_000)
    stamp = next(f for f in agreement.check() if f.code == "stamp_duty")
    assert "4 meterai Rp10.000" in stamp.message.indonesian


@pytest.mark.parametrize(
    ("changes", "loc", "rule"),
    [
        ({"parties": [PKBM]}, ("parties",), "too_short"),
        ({"parties": [PKBM, PKBM]}, ("parties", 1, "id"), "duplicate_party"),
        ({"kind": AgreementKind.ADDENDUM}, ("amends",), "addendum_without_reference"),
        (
            {
                "kind": AgreementKind.ADDENDUM,
                "amends": AgreementReference(
                    kind=AgreementKind.MOU, numbers=["1"], date=date(2024, 1, 1), subject="x"
                ),
            },
            ("amendments",),
            "addendum_without_changes",
        ),
        (
            {"amendments": [Amendment(article="Pasal 1", text="x")]},
            ("amends",),
            "amendment_outside_addendum",
        ),
        ({"originals": 0}, ("originals",), "greater_than_equal"),
        ({"languages": []}, ("languages",), "too_short"),
        ({"languages": ["id", "klingon"]}, ("languages", 1), "invalid_language"),
        ({"subject": "   "}, ("subject",), "string_too_short"),
        (
            {"term": {"start": "2025-03-03", "end": "2025-03-01"}},
            ("term", "end"),
            "end_before_start",
        ),
        (
            {"term": {"start": "2025-03-03", "end": "2025-03-03"}},
            ("term", "end"),
            "end_not_after_start",
        ),
        ({"financing": [{"amount": "100"}]}, ("financing", 0, "source_party_id"), "funding_source"),
        (
            {"financing": [{"source_name": "APBN", "amount": "-1"}]},
            ("financing", 0, "amount"),
            "greater_than_equal",
        ),
        (
            {"financing": [{"source_name": "APBN", "amount": "0"}]},
            ("financing", 0, "amount"),
            "greater_than",
        ),
        (
            {"financing": [{"source_name": "APBN", "amount": "0.001"}]},
            ("financing", 0, "amount"),
            "decimal_max_places",
        ),
        ({"schema_version": 3}, ("schema_version",), "unsupported_schema_version"),
        ({"schema_version": 1}, ("schema_version",), "outdated_schema_version"),
        ({"schema_version": 0}, ("schema_version",), "invalid_schema_version"),
    ],
)
def test_structure_is_validated(
    changes: dict[str, object], loc: tuple[str | int, ...], rule: str
) -> None:
    rejects(lambda: complete(**changes), loc, rule)


def test_term_end_is_after_start_everywhere() -> None:
    term = Term(start=date(2025, 3, 3), end=date(2026, 3, 2))
    assert term.months == 12
    assert date(2025, 12, 31) in term
    assert date(2026, 3, 3) not in term


def test_lookups() -> None:
    agreement = complete()
    assert agreement.label_of(DINAS.id) == "PIHAK KETIGA"
    assert agreement.institution == PKBM
    assert agreement.total_financing == Decimal("2950000")
    with pytest.raises(UnknownPartyError):
        agreement.party("tidak-ada")
    assert [party_label(i) for i in range(5)] == [
        "PIHAK PERTAMA",
        "PIHAK KEDUA",
        "PIHAK KETIGA",
        "PIHAK KEEMPAT",
        "PIHAK KELIMA",
    ]
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        party_label(-1)


def test_refused_assignment_leaves_agreement_unchanged() -> None:
    signed = complete()
    agreement = signed.model_copy(
        update={
            "signatories": [s.model_copy(update={"signed_on": None}) for s in signed.signatories]
        }
    )
    before = agreement.model_dump_json()
    with pytest.raises(ValueError, match="duplicate_party"):
        agreement.parties = [PKBM, PKBM]
    with pytest.raises(ValueError, match="addendum_without_reference"):
        agreement.kind = AgreementKind.ADDENDUM
    assert agreement.model_dump_json() == before


def test_kso_terms_in_an_agreement() -> None:
    from kemitraan.pattern_terms import OperationalCooperationTerms

    K = ContributionKind
    terms = OperationalCooperationTerms(
        contributions=[
            Contribution(party_id=PKBM.id, kinds=frozenset({K.FACILITIES, K.LABOUR})),
            Contribution(party_id=SHOP.id, kinds=frozenset({K.CAPITAL})),
        ],
        profit_shares={PKBM.id: Decimal(30), SHOP.id: Decimal(70)},
        risk_shares={PKBM.id: Decimal(30), SHOP.id: Decimal(70)},
    )
    assert codes(complete(pattern=terms), Severity.ERROR) == []


def test_signed_means_frozen() -> None:
    signed = complete()
    assert signed.fully_signed
    assert signed.frozen
    before = signed.model_dump_json()
    edits: list[Callable[[], object]] = [
        lambda: setattr(signed, "roles", []),
        lambda: signed.roles.clear(),
        lambda: signed.scope.append("Lagi"),
        lambda: signed.numbers.update({PKBM.id: "lain"}),
        lambda: setattr(signed.parties[0], "address", "Alamat lain"),
        lambda: signed.parties[0].contacts.clear(),
    ]
    for edit in edits:
        with pytest.raises(ReadOnlyFieldError, match="hanya diubah melalui adendum"):
            edit()
    assert signed.model_dump_json() == before
    # A changed copy is a new text, with a new digest: it is not the text signed.
    changed = signed.model_copy(update={"scope": ["Lain"]})
    assert changed.digest() != signed.digest()


def test_the_agreement_holds_snapshots_of_its_parties() -> None:
    partner = Partner(name="Toko Oleh-oleh Banjar", kind=PartnerKind.BUSINESS, address="Jl. A")
    agreement = Agreement(
        parties=[PKBM, partner], subject="Pemasaran", place="Martapura", date=date(2025, 3, 10)
    )
    partner.address = "Jl. B"  # the partner moves ...
    assert agreement.parties[1].address == "Jl. A"  # ... the text drawn up does not change
    assert agreement.parties[1] is not partner


def test_a_backdated_term_that_is_meant_is_not_reported() -> None:
    meant = Term(start=date(2025, 1, 1), end=date(2025, 12, 31), backdated=True)
    assert "term_starts_before_signing" not in codes(complete(term=meant))


def test_an_addendum_with_free_text_changes_is_told_to_type_them() -> None:
    addendum = complete(
        kind=AgreementKind.ADDENDUM,
        amends=complete().reference(),
        amendments=[Amendment(article="Jangka waktu", text="Diperpanjang.")],
    )
    assert "amendment_untyped" in codes(addendum, Severity.WARNING)
    # an addendum keeps the roles and scope of what it amends
    bare = addendum.model_copy(update={"roles": [], "scope": []})
    assert {"role_for_every_party", "scope_missing"}.isdisjoint(codes(bare))


def test_an_addendum_changes_each_article_once() -> None:
    from kemitraan.amendments import ArticleChange, ArticleDeletion

    addendum = complete(
        kind=AgreementKind.ADDENDUM,
        amends=complete().reference(),
        amendments=[
            ArticleChange(article=3, paragraph=1, text=["Baru."]),
            ArticleDeletion(article=3),
        ],
    )
    assert "amendment_twice" in codes(addendum, Severity.ERROR)


# -- every party id an agreement names is one of its parties (one walker over marked fields) --


def _agreement_references() -> list[tuple[str, tuple[str | int, ...], str]]:
    from kemitraan._refs import party_refs

    p = at_stage(Stage.IMPLEMENTATION, recorded=True)
    texts = {"mou": p.agreement, "pks": p.cooperation_agreements[0]}
    first: dict[tuple[str, ...], tuple[str, tuple[str | int, ...], str]] = {}
    for name, text in texts.items():
        assert text is not None
        for where, pid, _ in party_refs(text):
            if where[0] != "parties":
                shape = (name, *(x for x in where if isinstance(x, str) and x != pid))
                first.setdefault(shape, (name, where, pid))
    return sorted(first.values(), key=str)


@pytest.mark.parametrize("case", _agreement_references(), ids=lambda c: f"{c[0]}:{c[1]}")
def test_a_stranger_named_anywhere_in_an_agreement_is_found(
    case: tuple[str, tuple[str | int, ...], str],
) -> None:
    import json

    name, where, pid = case
    p = at_stage(Stage.IMPLEMENTATION, recorded=True)
    text = p.agreement if name == "mou" else p.cooperation_agreements[0]
    assert text is not None
    data = json.loads(text.model_dump_json())
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    if where[-1] == pid:  # a dict keyed by the party id (numbers, shares)
        target["orang-asing"] = target.pop(pid)
    else:
        target[where[-1]] = "orang-asing"
    stranger = Agreement.model_validate(data)
    found = [f.path for f in stranger.check() if f.code == "unknown_party"]
    assert found, f"no unknown_party for a stranger at {where}"


@pytest.mark.parametrize(
    ("parties", "given", "made"), [(2, None, 2), (3, None, 3), (4, None, 4), (3, 5, 5)]
)
def test_each_party_keeps_an_original_by_default(
    parties: int, given: int | None, made: int
) -> None:
    others = [Partner(name=f"Mitra {i}", kind=PartnerKind.BUSINESS) for i in range(parties - 1)]
    extra: dict[str, Any] = {} if given is None else {"originals": given}
    agreement = Agreement(
        parties=[Institution(name="PKBM A"), *others],
        subject="Kerja sama",
        place="Martapura",
        date=date(2025, 3, 10),
        **extra,
    )
    assert agreement.originals == made
    assert "too_few_originals" not in [f.code for f in agreement.check()]


def test_a_pks_citing_its_mou_needs_no_considerations_of_its_own() -> None:

    pks = at_stage(Stage.IMPLEMENTATION).cooperation_agreements[0]
    bare = pks.model_copy(update={"considerations": []})
    assert "considerations_missing" not in [f.code for f in bare.check()]
    alone = bare.model_copy(update={"implements": None})
    assert "considerations_missing" in [f.code for f in alone.check()]


def _pattern_agreement(pattern: Any, scales: dict[str, BusinessScale | None]) -> Agreement:
    parties = [Institution(name="PKBM A", id="pkbm")] + [
        Partner(name=f"Usaha {pid}", id=pid, kind=PartnerKind.BUSINESS, scale=scale)
        for pid, scale in scales.items()
    ]
    return Agreement(
        parties=parties, subject="Kerja sama", place="Martapura", date=date(2025, 3, 10),
        pattern=pattern,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "scales", "warned"),
    [
        # B.1: a small agent markets a larger principal's goods.
        (
            {"pattern": "agency", "principal": "besar", "agent": "mikro", "products": ["Benang"],
             "territory": ["Banjar"]},
            {"besar": BusinessScale.LARGE, "mikro": BusinessScale.MICRO},
            False,
        ),
        (
            {"pattern": "agency", "principal": "mikro", "agent": "besar", "products": ["Tas"],
             "territory": ["Banjar"]},
            {"besar": BusinessScale.LARGE, "mikro": BusinessScale.MICRO},
            True,
        ),
        (  # a scale unknown: nothing to say
            {"pattern": "agency", "principal": "mikro", "agent": "besar", "products": ["Tas"],
             "territory": ["Banjar"]},
            {"besar": None, "mikro": BusinessScale.MICRO},
            False,
        ),
        # B.4: a medium or large buyer markets the small supplier's products.
        (
            {"pattern": "general_trade", "supplier": "besar", "buyer": "mikro",
             "goods": [{"name": "Tas", "unit": "buah"}], "quality_requirements": ["Rapi"]},
            {"besar": BusinessScale.LARGE, "mikro": BusinessScale.MICRO},
            True,
        ),
        # B.3: a larger foster parent helps smaller children.
        (
            {"pattern": "foster_parent", "foster_parent": "mikro", "foster_children": ["besar"],
             "support": ["mentoring"]},
            {"besar": BusinessScale.LARGE, "mikro": BusinessScale.MICRO},
            True,
        ),
        # B.2: land, facilities or labour on one side; capital or management on the other.
        (
            {"pattern": "operational_cooperation",
             "contributions": [{"party_id": "besar", "kinds": ["marketing"]},
                               {"party_id": "mikro", "kinds": ["training"]}],
             "profit_shares": {"besar": 50, "mikro": 50},
             "risk_shares": {"besar": 50, "mikro": 50}},
            {"besar": BusinessScale.LARGE, "mikro": BusinessScale.MICRO},
            True,
        ),
        (
            {"pattern": "operational_cooperation",
             "contributions": [{"party_id": "besar", "kinds": ["capital"]},
                               {"party_id": "mikro", "kinds": ["land", "labour"]}],
             "profit_shares": {"besar": 50, "mikro": 50},
             "risk_shares": {"besar": 50, "mikro": 50}},
            {"besar": BusinessScale.LARGE, "mikro": BusinessScale.MICRO},
            False,
        ),
    ],
)  # fmt: skip
def test_a_pattern_is_held_to_the_relation_the_guide_defines(
    pattern: dict[str, Any], scales: dict[str, BusinessScale | None], warned: bool
) -> None:
    try:
        agreement = _pattern_agreement(pattern, scales)
    except ValueError as exc:  # a pattern whose own fields the test got wrong
        pytest.fail(str(exc))
    found = [f for f in agreement.check() if f.code == "pattern_relation"]
    assert bool(found) is warned
    for finding in found:
        assert finding.severity is Severity.WARNING
        assert finding.basis == "Panduan B.1–B.4"
        assert "Pola" in finding.message.indonesian


# -- who may take a role in a pattern (issue 19.2) -----------------------------------------

LKP = Institution(
    name="LKP Tata Boga Banua",
    id="lkp",
    operated_by="Yayasan Banua Cerdas",
    representative=Representative(name="Ketua LKP", position="Ketua LKP Tata Boga Banua"),
)
HOTEL = Partner(
    name="PT Hotel Banjar Permai",
    id="hotel",
    kind=PartnerKind.BUSINESS,
    scale=BusinessScale.LARGE,
    representative=Representative(name="Direktur Hotel", position="Direktur Utama"),
)


def _agency(kind: AgreementKind, exclusive: bool, agent: str = "lkp") -> Agreement:
    from kemitraan.pattern_terms import AgencyTerms

    principal = "hotel" if agent == "lkp" else "lkp"
    return complete(
        kind=kind,
        parties=[LKP, HOTEL],
        numbers={"lkp": "1/LKP/2025", "hotel": "2/HBP/2025"},
        pattern=AgencyTerms(
            principal=principal,
            agent=agent,
            products=["Kue khas Banjar"],
            territory=["Kota Banjarmasin"],
            exclusive=exclusive,
        ),
        roles=[
            PartyRole(party_id=p, role="Peran", responsibilities=["Tanggung jawab"])
            for p in ("lkp", "hotel")
        ],
        signatories=[signed(LKP), signed(HOTEL)],
        originals=2,
    )


@pytest.mark.parametrize(
    ("kind", "exclusive", "agent", "expected"),
    [
        # an LKP a yayasan runs as an exclusive agent in an MoU: both findings
        (AgreementKind.MOU, True, "lkp", {"foundation_in_commercial_role", "exclusivity_in_mou"}),
        # not exclusive: the foundation's trading only
        (AgreementKind.MOU, False, "lkp", {"foundation_in_commercial_role"}),
        # the same exclusive right in a PKS, where it belongs
        (AgreementKind.PKS, True, "lkp", {"foundation_in_commercial_role"}),
        # the yayasan's unit as principal is in a commercial role too
        (AgreementKind.MOU, True, "hotel", {"foundation_in_commercial_role", "exclusivity_in_mou"}),
    ],
)  # fmt: skip
def test_a_yayasan_trading_and_an_exclusive_right_in_an_mou_are_warned(
    kind: AgreementKind, exclusive: bool, agent: str, expected: set[str]
) -> None:
    codes = {"foundation_in_commercial_role", "exclusivity_in_mou"}
    found = {f.code: f for f in _agency(kind, exclusive, agent).check() if f.code in codes}
    assert set(found) == expected
    assert all(f.severity is Severity.WARNING for f in found.values())
    trading = found["foundation_in_commercial_role"]
    assert trading.basis.startswith("UU 16/2001 Pasal 3 dan Pasal 7")
    assert trading.party_id == "lkp"
    role = "agen" if agent == "lkp" else "prinsipal"
    said = (
        "PIHAK PERTAMA (LKP Tata Boga Banua) (Satuan pendidikan yang diselenggarakan yayasan) "
        f"berperan sebagai {role} dalam pola keagenan"
    )
    assert said in trading.message.indonesian
    if "exclusivity_in_mou" in found:
        assert "hak eksklusif" in found["exclusivity_in_mou"].message.indonesian


def test_a_business_or_a_unit_no_yayasan_runs_may_trade() -> None:
    plain = LKP.model_copy(update={"operated_by": None})
    agreement = _agency(AgreementKind.PKS, False).model_copy(update={"parties": [plain, HOTEL]})
    assert "foundation_in_commercial_role" not in {f.code for f in agreement.check()}


def test_a_pks_points_out_a_party_its_pattern_does_not_name() -> None:
    pks = complete(kind=AgreementKind.PKS)  # the trade names the PKBM and the shop, not the Dinas
    (found,) = [f for f in pks.check() if f.code == "party_outside_pattern"]
    assert (found.severity, found.party_id) == (Severity.INFO, DINAS.id)
    assert "PIHAK KETIGA (Dinas Pendidikan Kota Banjarmasin)" in found.message.indonesian
    mou = complete()  # an MoU's facilitator outside the trade is ordinary
    assert "party_outside_pattern" not in {f.code for f in mou.check()}
