"""Every identifier and contact rule, valid and invalid, through the public models."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from helpers import rejects
from kemitraan import Contact, Partner, PartnerKind, Representative
from kemitraan._types import MaskedStr

# "9120001234567" in full-width digits, which str.isdigit() would accept.
FULL_WIDTH_NIB = "".join(chr(0xFF10 + int(d)) for d in "9120001234567")


def partner(**fields: Any) -> Partner:
    return Partner(name="Mitra Uji", kind=PartnerKind.BUSINESS, **fields)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("nib", "9120001234567", "9120001234567"),
        ("nib", "9120 0012 34567", "9120001234567"),
        ("npsn", "30304567", "30304567"),
        ("npsn", "3030-4567", "30304567"),
        ("npsn", "P9984574", "P9984574"),  # a PKBM's, published
        ("npsn", "K9989817", "K9989817"),  # an LKP's, published
        ("npsn", "p9962749", "P9962749"),
        ("npwp", "01.312.166.0-091.000", "013121660091000"),
        ("npwp", "016090524017000", "016090524017000"),
        ("npwp", "0013121660091000", "0013121660091000"),  # 16 digits since 2024
        ("npwp", "3171011708450001", "3171011708450001"),  # a NIK as NPWP
        ("nik", "3171011708450001", "3171011708450001"),
        ("nik", "3171015708450001", "3171015708450001"),  # female: day + 40
        ("language", "EN", "en"),
        ("language", "ja", "ja"),
    ],
)
def test_valid_identifiers_are_normalised(field: str, value: str, expected: str) -> None:
    assert getattr(partner(**{field: value}), field) == expected


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("nib", "912000123456", "invalid_nib"),  # 12 digits
        ("nib", "91200012345678", "invalid_nib"),  # 14 digits
        ("nib", "912000123456A", "invalid_nib"),
        ("nib", FULL_WIDTH_NIB, "invalid_nib"),
        ("npsn", "3030456", "invalid_npsn"),
        ("npsn", "P997123", "invalid_npsn"),  # a letter and 6 digits
        ("npsn", "PK998457", "invalid_npsn"),  # two letters
        ("npsn", "9984574P", "invalid_npsn"),  # the letter last
        ("npwp", "01.312.166.1-091.000", "invalid_npwp"),  # wrong check digit
        ("npwp", "0131216600910", "invalid_npwp"),  # 13 digits
        ("npwp", "01312166009100000", "invalid_npwp"),  # 17 digits
        ("npwp", "01.312.1AB.0-091.000", "invalid_npwp"),
        ("nik", "317101170845000", "invalid_nik"),  # 15 digits
        ("nik", "9971011708450001", "invalid_nik"),  # no such province
        ("nik", "3171013002001234", "invalid_nik"),  # 30 February
        ("nik", "3171011708450001X", "invalid_nik"),
        ("language", "xx", "invalid_language"),
        ("language", "en_US", "invalid_language"),
        ("language", "Indonesian", "invalid_language"),
    ],
)
def test_invalid_identifiers_name_field_and_rule(field: str, value: str, rule: str) -> None:
    rejects(lambda: partner(**{field: value}), (field,), rule)


@pytest.mark.parametrize(
    ("nip", "rule"),
    [
        ("198001012005011001", None),
        ("19800101 200501 1 001", None),
        ("19800101200501100", "invalid_nip"),  # 17 digits
        ("198013012005011001", "invalid_nip"),  # month 13
        ("198001012005131001", "invalid_nip"),  # appointment month 13
        ("198001012005013001", "invalid_nip"),  # sex digit 3
        ("19800101200501100A", "invalid_nip"),
    ],
)
def test_nip(nip: str, rule: str | None) -> None:
    def build() -> Representative:
        return Representative(name="Drs. Ahmad", position="Kepala Dinas", nip=nip)

    if rule is None:
        assert build().nip == nip.replace(" ", "")
    else:
        rejects(build, ("nip",), rule)


@pytest.mark.parametrize(
    ("phone", "e164"),
    [
        ("081251234567", "+6281251234567"),
        ("0812-5123-4567", "+6281251234567"),
        ("+62 812 5123 4567", "+6281251234567"),
        ("(0511) 3252777", "+625113252777"),
        ("+81 3-1234-5678", "+81312345678"),
    ],
)
def test_phone_numbers_normalise_to_e164(phone: str, e164: str) -> None:
    contact = Contact(phone=phone)
    assert contact.phone == e164
    assert isinstance(contact.phone, MaskedStr)


@pytest.mark.parametrize("phone", ["123", "0812", "not a phone", "+62 000 0000"])
def test_invalid_phone_numbers(phone: str) -> None:
    rejects(lambda: Contact(phone=phone), ("phone",), "invalid_phone")


@pytest.mark.parametrize(
    ("email", "valid"),
    [
        ("info@pkbm-harapan.sch.id", True),
        ("Ketua.Koperasi@Example.CO.ID", True),
        ("no-at-sign.example.com", False),
        ("two@@example.com", False),
        ("space in@example.com", False),
    ],
)
def test_email(email: str, valid: bool) -> None:
    if valid:
        assert "@" in str(Contact(email=email).email)
    else:
        rejects(lambda: Contact(email=email), ("email",), "invalid_email")


def test_contact_needs_a_way_to_reach() -> None:
    rejects(lambda: Contact(name="Bu Rina"), (), "contact_unreachable")


def test_nik_is_masked_in_repr_and_errors() -> None:
    person = Partner(
        name="H. Abdul Somad", kind=PartnerKind.COMMUNITY_FIGURE, nik="3171011708450001"
    )
    assert "3171011708450001" not in repr(person)
    assert "3171********0001" in repr(person)
    assert isinstance(person.nik, MaskedStr)
    assert person.nik.masked == "3171********0001"
    # The full value is kept for storage.
    assert '"nik":"3171011708450001"' in person.model_dump_json()
    with pytest.raises(ValidationError) as caught:
        partner(nik="9971011708450001")
    assert "9971011708450001" not in str(caught.value)


def test_phone_is_masked_in_repr() -> None:
    contact = Contact(phone="081251234567")
    assert "81251234567" not in repr(contact)


def test_an_npsn_of_another_form_is_refused_in_indonesian() -> None:
    from kemitraan import Institution

    with pytest.raises(ValidationError) as refused:
        Institution(name="PKBM A", npsn="12-34")
    message = refused.value.errors()[0]["msg"]
    assert message.startswith("NPSN terdiri atas 8 angka, atau satu huruf dan 7 angka")


@pytest.mark.parametrize(
    ("given", "member"),
    [
        ("PKBM", "pkbm"),
        ("Lkp", "lkp"),
        ("Sanggar Kegiatan Belajar (SKB)", "skb"),
        (" pkbm ", "pkbm"),
    ],
)
def test_an_enum_takes_its_value_in_any_case_or_its_label(given: str, member: str) -> None:
    from kemitraan import Institution

    assert Institution(name="PKBM A", unit_type=given).unit_type == member  # type: ignore[arg-type]


def test_an_enum_names_its_members_when_asked_for_one_it_lacks() -> None:
    from kemitraan import ContributionKind

    with pytest.raises(AttributeError, match="ContributionKind has no member 'INTERNSHIP'; its"):
        _ = ContributionKind.INTERNSHIP


@pytest.mark.parametrize("version", ["2", 2.0, True])
def test_a_schema_version_is_a_json_integer(version: object) -> None:
    from kemitraan import Program

    with pytest.raises(ValidationError) as refused:
        Program.model_validate({"name": "PKW", "objectives": ["x"], "schema_version": version})
    assert refused.value.errors()[0]["type"] == "int_type"
