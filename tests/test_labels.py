"""Every enum member has an Indonesian and an English label."""

from __future__ import annotations

import importlib

import pytest

import kemitraan
from kemitraan import PartnerKind
from kemitraan._base import LabelledEnum
from kemitraan.exceptions import UnsupportedLanguageError
from test_exported_members import MOVED

PUBLIC = [
    getattr(importlib.import_module(module), name)
    for module, names in [("kemitraan", kemitraan.__all__), *MOVED.items()]
    for name in names
]
ENUMS = sorted(
    {
        obj
        for obj in PUBLIC
        if isinstance(obj, type) and issubclass(obj, LabelledEnum) and obj is not LabelledEnum
    },
    key=lambda e: e.__name__,
)


def test_enums_found() -> None:
    assert len(ENUMS) >= 15


@pytest.mark.parametrize("enum", ENUMS, ids=[e.__name__ for e in ENUMS])
def test_every_member_is_labelled(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert member.value == member.value.lower()
        assert " " not in member.value
        assert member.label_id.strip(), member
        assert member.label_en.strip(), member
        assert member.label("id") == member.label_id
        assert member.label("en") == member.label_en
    labels = [m.label_id for m in enum]
    assert len(set(labels)) == len(labels), f"{enum.__name__} repeats an Indonesian label"


def test_label_language_is_checked() -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"'id' .* dan 'en' .*, bukan 'fr'") as got:
        PartnerKind.BUSINESS.label("fr")  # type: ignore[arg-type]  # a language it refuses
    assert isinstance(got.value, ValueError)
    assert got.value.language == "fr"


def test_enum_values_are_json_strings() -> None:
    assert PartnerKind("cooperative") is PartnerKind.COOPERATIVE
    assert str(PartnerKind.COOPERATIVE) == "cooperative"
