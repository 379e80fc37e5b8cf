"""Parties: scale classification, regions, ids, profiles and assignment safety."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from helpers import rejects
from kemitraan import (
    BusinessScale,
    GatheringMethod,
    GatheringRecord,
    Institution,
    Partner,
    PartnerKind,
    PartyProfile,
    Region,
)
from kemitraan.parties import (
    EducationUnitType,
    GatheringApproach,
    ScaleBasis,
    ScaleEvidence,
    classify_scale,
)
from kemitraan.regions import province_names

M = Decimal(1_000_000_000)
ONE = Decimal(1)
SEN = Decimal("0.01")

# PP 7/2021 Pasal 35: every bound, exactly on it and one rupiah (and one sen) above.
CAPITAL_TABLE = [
    (Decimal(0), BusinessScale.MICRO),
    (1 * M, BusinessScale.MICRO),
    (1 * M + SEN, BusinessScale.SMALL),
    (1 * M + ONE, BusinessScale.SMALL),
    (5 * M, BusinessScale.SMALL),
    (5 * M + ONE, BusinessScale.MEDIUM),
    (10 * M, BusinessScale.MEDIUM),
    (10 * M + ONE, BusinessScale.LARGE),
    (1000 * M, BusinessScale.LARGE),
]
SALES_TABLE = [
    (Decimal(0), BusinessScale.MICRO),
    (2 * M, BusinessScale.MICRO),
    (2 * M + ONE, BusinessScale.SMALL),
    (15 * M, BusinessScale.SMALL),
    (15 * M + ONE, BusinessScale.MEDIUM),
    (50 * M, BusinessScale.MEDIUM),
    (50 * M + SEN, BusinessScale.LARGE),
    (50 * M + ONE, BusinessScale.LARGE),
]


@pytest.mark.parametrize(("amount", "scale"), CAPITAL_TABLE)
def test_scale_by_working_capital(amount: Decimal, scale: BusinessScale) -> None:
    assert classify_scale(working_capital=amount) is scale
    evidence = ScaleEvidence(working_capital=amount)
    assert evidence.scale is scale
    assert evidence.basis is ScaleBasis.WORKING_CAPITAL


@pytest.mark.parametrize(("amount", "scale"), SALES_TABLE)
def test_scale_by_annual_sales(amount: Decimal, scale: BusinessScale) -> None:
    assert classify_scale(annual_sales=amount) is scale
    evidence = ScaleEvidence(annual_sales=amount)
    assert evidence.scale is scale
    assert evidence.basis is ScaleBasis.ANNUAL_SALES


def test_working_capital_decides_when_both_given() -> None:
    # Micro by capital, large by sales: PP 7/2021 uses capital at founding/registration.
    evidence = ScaleEvidence(working_capital=M, annual_sales=60 * M)
    assert evidence.scale is BusinessScale.MICRO


def test_classify_needs_a_figure() -> None:
    with pytest.raises(ValueError, match="working_capital atau annual_sales"):
        classify_scale()
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        classify_scale(annual_sales=Decimal(-1))
    rejects(lambda: ScaleEvidence(), (), "scale_evidence_missing")
    rejects(
        lambda: ScaleEvidence(working_capital=Decimal(-1)),
        ("working_capital",),
        "greater_than_equal",
    )
    rejects(
        lambda: ScaleEvidence(working_capital=Decimal("1.001")),
        ("working_capital",),
        "decimal_max_places",
    )


def test_business_scale_order() -> None:
    assert sorted(BusinessScale, reverse=True)[0] is BusinessScale.LARGE
    assert BusinessScale.MICRO < BusinessScale.SMALL <= BusinessScale.SMALL
    assert [s.rank for s in BusinessScale] == [1, 2, 3, 4]


def test_declared_scale_must_agree_with_finances() -> None:
    rejects(
        lambda: Partner(
            name="Toko",
            kind=PartnerKind.BUSINESS,
            scale=BusinessScale.SMALL,
            finances=ScaleEvidence(working_capital=M),
        ),
        ("scale",),
        "scale_mismatch",
    )
    agreed = Partner(
        name="Toko",
        kind=PartnerKind.BUSINESS,
        scale=BusinessScale.MICRO,
        finances=ScaleEvidence(working_capital=M),
    )
    assert agreed.business_scale is BusinessScale.MICRO
    classified = Partner(
        name="Toko", kind=PartnerKind.BUSINESS, finances=ScaleEvidence(annual_sales=20 * M)
    )
    assert classified.scale is None
    assert classified.business_scale is BusinessScale.MEDIUM


def test_refused_assignment_changes_nothing() -> None:
    party = Partner(
        name="Toko",
        kind=PartnerKind.BUSINESS,
        scale=BusinessScale.MICRO,
        finances=ScaleEvidence(working_capital=M),
    )
    before = party.model_dump_json()
    with pytest.raises(ValidationError):
        party.scale = BusinessScale.LARGE  # disagrees with finances (model-level rule)
    with pytest.raises(ValidationError):
        party.nib = "123"  # field-level rule
    assert party.model_dump_json() == before


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("Kalimantan Selatan", "Kalimantan Selatan"),
        ("kalimantan selatan", "Kalimantan Selatan"),
        ("Provinsi Kalimantan Selatan", "Kalimantan Selatan"),
        ("  KALSEL ", "Kalimantan Selatan"),
        ("Jakarta", "DKI Jakarta"),
        ("Daerah Istimewa Yogyakarta", "DI Yogyakarta"),
        ("Papua Barat Daya", "Papua Barat Daya"),
    ],
)
def test_province_is_canonical(given: str, canonical: str) -> None:
    assert Region(province=given).province == canonical


@pytest.mark.parametrize("province", ["Kalimantan Tenggara", "Borneo", "Selangor", ""])
def test_unknown_province(province: str) -> None:
    rule = "string_too_short" if not province else "unknown_province"
    rejects(lambda: Region(province=province), ("province",), rule)


def test_thirty_eight_provinces() -> None:
    names = province_names()
    assert len(names) == len(set(names)) == 38


def test_region_reads_like_an_address() -> None:
    region = Region(
        province="Kalimantan Selatan",
        regency="Kabupaten Banjar",
        district="Martapura",
        village="Desa Sungai Sipai",
    )
    assert str(region) == (
        "Desa Sungai Sipai, Martapura, Kabupaten Banjar, Provinsi Kalimantan Selatan"
    )


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("PKBM Harapan Bangsa", "pkbm-harapan-bangsa"),
        ("CV. Rajut  Indah (Banjarmasin)", "cv-rajut-indah-banjarmasin"),
        ("Koperasi Wanita \u201cMaju\u201d", "koperasi-wanita-maju"),
        ("Usaha Éléna", "usaha-elena"),
    ],
)
def test_id_defaults_to_slug(name: str, slug: str) -> None:
    assert Partner(name=name, kind=PartnerKind.BUSINESS).id == slug


def test_id_rules() -> None:
    error = rejects(lambda: Partner(name="🙂", kind=PartnerKind.OTHER), ("id",), "id_needed")
    assert "beri pihak ini id=" in str(error)
    rejects(
        lambda: Partner(name="A", id="Bad Id", kind=PartnerKind.OTHER),
        ("id",),
        "string_pattern_mismatch",
    )
    assert Partner(name="🙂", id="senyum", kind=PartnerKind.OTHER).id == "senyum"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PKBM Harapan Bangsa", "pkbm-harapan-bangsa"),
        ("مدرسة النور", "mdrs-lnwr"),  # Arabic script, transliterated
        ("北京大学", "bei-jing-da-xue"),
        ("Ünïcödé Çafé", "unicode-cafe"),
        ("CV. Kriya—Banua", "cv-kriya-banua"),
        # cut at a word boundary, never inside a word
        (
            "Koperasi Serba Usaha Maju Bersama Sejahtera Sentosa Abadi Jaya Makmur Raya Banjar",
            "koperasi-serba-usaha-maju-bersama-sejahtera-sentosa-abadi-jaya",
        ),
    ],
)
def test_any_name_gives_a_usable_id(name: str, expected: str) -> None:
    assert Partner(name=name, kind=PartnerKind.OTHER).id == expected


def test_party_type_discriminates_institution_and_partner() -> None:
    pkbm = Institution(
        name="PKBM Harapan Bangsa", unit_type=EducationUnitType.PKBM, npsn="69971234"
    )
    assert pkbm.kind is PartnerKind.EDUCATION_UNIT
    assert pkbm.party_type == "institution"
    assert Partner(name="X", kind=PartnerKind.BUSINESS).party_type == "partner"


def test_unknown_fields_are_refused() -> None:
    rejects(
        lambda: Partner.model_validate({"name": "X", "kind": "business", "skala": "mikro"}),
        ("skala",),
        "extra_forbidden",
    )


def test_profile_holds_what_step_a2_gathers() -> None:
    record = GatheringRecord(
        on=date(2025, 2, 3),
        method=GatheringMethod.OBSERVATION,
        approach=GatheringApproach.INFORMAL,
        source="Kunjungan ke gerai",
        findings="Menjual kerajinan dari 12 perajin",
    )
    profile = PartyProfile(goals=["Memasarkan kerajinan lokal"], scope_of_work=["Ritel"])
    assert not profile.is_gathered
    profile.gathering_records.append(record)
    assert profile.is_gathered
    # A.2's list is of examples: a community figure has a field of work, not an
    # organisation's goals, and is known by it
    for known in ({"scope_of_work": ["Penggerak pengajian"]}, {"vision": "Desa mandiri"}):
        assert PartyProfile(gathering_records=[record], **known).is_gathered
    assert PartyProfile(gathering_records=[record]).is_gathered  # what it found is known
    assert not PartyProfile(notes=["Ramah"]).is_gathered  # known, but not how: no record
    rejects(
        lambda: GatheringRecord(
            on=date(2025, 2, 3), method="telepon", approach="formal", source="x", findings="y"
        ),
        ("method",),
        "enum",
    )


def test_guide_kinds() -> None:
    assert {k for k in PartnerKind if k.in_guide} == {
        PartnerKind.COMMUNITY_GROUP,
        PartnerKind.COMMUNITY_FIGURE,
        PartnerKind.BUSINESS,
        PartnerKind.COOPERATIVE,
        PartnerKind.GOVERNMENT,
    }
